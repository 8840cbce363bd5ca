// Stub: filled in by this file's owner.
/** The recurring job that tells owners of stale pain points. */
export function schedulePainPointJobs(): void {}

import { defineJob, defineSchedule } from '../../jobs/index.ts';
import { notifyStalePainPoints } from './painpoints.stale.ts';

/** The recurring job that tells owners (or leads, or admins) of stale pain points. */
export const STALE_JOB = 'painpoints.stale';
export const STALE_EVERY_MS = 60 * 60_000;

// The handler is known wherever the app is built; the schedule starts with the worker
// (schedulePainPointJobs), so that code which runs jobs by hand only runs the jobs it added.
defineJob(STALE_JOB, async (_payload: unknown, deps) => {
  await notifyStalePainPoints(deps);
});

/** Runs the stale check every hour on the node whose worker takes it. */
export function schedulePainPointJobs(): void {
  defineSchedule(STALE_JOB, STALE_EVERY_MS);
}

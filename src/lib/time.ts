/** Instants are stored as ISO 8601 UTC text in both dialects. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function iso(d: Date): string {
  return d.toISOString();
}

export function addMinutes(d: Date, minutes: number): Date {
  return new Date(d.getTime() + minutes * 60_000);
}

import { defineJob, defineSchedule } from '../../jobs/index.ts';
import { dayOf, rollupDays } from './rollup.ts';

/** Finishes yesterday's totals and refreshes today's. */
export const ROLLUP_JOB = 'analytics.rollup';
export const ROLLUP_EVERY_MS = 60 * 60_000;

defineJob(ROLLUP_JOB, async (_payload: unknown, deps) => {
  const now = deps.clock();
  await rollupDays(deps.db, [dayOf(new Date(now.getTime() - 86_400_000)), dayOf(now)], now);
});

/** Starts the hourly rollup with the worker. */
export function scheduleAnalyticsJobs(): void {
  defineSchedule(ROLLUP_JOB, ROLLUP_EVERY_MS);
}

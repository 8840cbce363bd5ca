import { defineJob, defineSchedule } from '../../jobs/index.ts';
import { WARM_BATCH, warmAnswerTimes } from './content.level.ts';
import { periodPeople } from './activity.level.ts';
import { dayOf, rollupDays } from './rollup.ts';

/** Finishes yesterday's totals and refreshes today's. */
export const ROLLUP_JOB = 'analytics.rollup';
export const ROLLUP_EVERY_MS = 60 * 60_000;

defineJob(ROLLUP_JOB, async (_payload: unknown, deps) => {
  const now = deps.clock();
  await rollupDays(deps.db, [dayOf(new Date(now.getTime() - 86_400_000)), dayOf(now)], now);
  // The people of every finished week and month of the last two years, so that dashboards read
  // them (after the first run only the newest period is counted).
  const from = dayOf(new Date(now.getTime() - 731 * 86_400_000));
  for (const grain of ['week', 'month'] as const) {
    await periodPeople(deps.db, grain, from, dayOf(now), now);
  }
});

/** Computes the answer times the content dashboard's cache lacks (see warmAnswerTimes). */
export const ANSWER_TIMES_JOB = 'analytics.answer_times';
export const ANSWER_TIMES_EVERY_MS = 5 * 60_000;

defineJob(ANSWER_TIMES_JOB, async (_payload: unknown, deps) => {
  // Several batches in one run while there is a backlog (a seed, new working hours), each a
  // few seconds at most, so other jobs are not held up for long.
  for (let i = 0; i < 20; i++) {
    if ((await warmAnswerTimes(deps.db)) < WARM_BATCH) break;
  }
});

/** Starts the hourly rollup and the answer-times job with the worker. */
export function scheduleAnalyticsJobs(): void {
  defineSchedule(ROLLUP_JOB, ROLLUP_EVERY_MS);
  defineSchedule(ANSWER_TIMES_JOB, ANSWER_TIMES_EVERY_MS);
}

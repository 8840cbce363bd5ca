import { defineJob, defineSchedule } from '../../jobs/index.ts';
import { drainSearchQueue } from './indexer.ts';

/** Indexes what changed, so that the first search after a burst of writes finds little to do. */
export const INDEX_JOB = 'search.index';
export const INDEX_EVERY_MS = 5_000;

defineJob(INDEX_JOB, async (_payload: unknown, deps) => {
  await drainSearchQueue(deps.db);
});

/** Starts the recurring indexing with the worker. */
export function scheduleSearchJobs(): void {
  defineSchedule(INDEX_JOB, INDEX_EVERY_MS);
}

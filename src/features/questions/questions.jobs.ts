import { defineJob, defineSchedule } from '../../jobs/index.ts';
import { notifyOverdue } from './questions.overdue.ts';

/** The recurring job that tells owners (and admins) of questions past their target. */
export const OVERDUE_JOB = 'questions.overdue';
export const OVERDUE_EVERY_MS = 5 * 60_000;

// The handler is known wherever the app is built; the schedule starts with the worker
// (scheduleQuestionJobs), so that code which runs jobs by hand only runs the jobs it added.
defineJob(OVERDUE_JOB, async (_payload: unknown, deps) => {
  await notifyOverdue(deps);
});

/** Runs the overdue check every five minutes on the node whose worker takes it. */
export function scheduleQuestionJobs(): void {
  defineSchedule(OVERDUE_JOB, OVERDUE_EVERY_MS);
}

export { ROLLUP_JOB, scheduleAnalyticsJobs } from './analytics.jobs.ts';
export { dailyTotals, dayOf, daysBetween, recordDownload, rollupDays } from './rollup.ts';
export type { DayTotals } from './rollup.ts';
export { analyticsApi, analyticsRoutes } from './analytics.routes.tsx';

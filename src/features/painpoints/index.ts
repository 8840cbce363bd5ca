import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { anonymousApi } from './anonymous.api.ts';
import { anonymousRoutes } from './anonymous.routes.tsx';
import { painPointsCoreApi } from './painpoints.api.ts';
import { registerPainPointHandlers } from './painpoints.notify.ts';
import { painPointsRoutes } from './painpoints.routes.tsx';

export {
  ANONYMOUS_USER_ID,
  PAIN_POINT_STATUSES,
  type PainPoint,
  type PainPointStatus,
} from './painpoints.table.ts';
export { schedulePainPointJobs } from './painpoints.jobs.ts';
export { submitAnonymous } from './anonymous.service.ts';
export { approveSubmission } from './painpoints.moderation.ts';
export { painPointSection } from './painpoints.section.tsx';
export { registerPainPointHandlers } from './painpoints.notify.ts';

/** The board, pain point panels and forms, department leads, anonymous submission, moderation. */
export async function registerPainPoints(app: FastifyInstance, deps: Deps): Promise<void> {
  registerPainPointHandlers(deps, deps.bus);
  await painPointsRoutes(app, deps);
  await anonymousRoutes(app, deps);
}

/** The same under /api/v1. */
export async function painPointsApi(api: FastifyInstance, deps: Deps): Promise<void> {
  await painPointsCoreApi(api, deps);
  await anonymousApi(api, deps);
}

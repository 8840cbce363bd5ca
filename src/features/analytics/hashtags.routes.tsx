import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';

/** Pages of the hashtags analytics (to be built). */
export async function hashtagsRoutes(_instance: FastifyInstance, _deps: Deps): Promise<void> {}

/** `/api/v1/analytics/…` for hashtags (to be built). */
export async function hashtagsApi(_instance: FastifyInstance, _deps: Deps): Promise<void> {}

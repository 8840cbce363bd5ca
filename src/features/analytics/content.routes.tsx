import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';

/** Pages of the content analytics (to be built). */
export async function contentRoutes(_instance: FastifyInstance, _deps: Deps): Promise<void> {}

/** `/api/v1/analytics/…` for content (to be built). */
export async function contentApi(_instance: FastifyInstance, _deps: Deps): Promise<void> {}

import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';

/** Pages of the impact analytics (to be built). */
export async function impactRoutes(_instance: FastifyInstance, _deps: Deps): Promise<void> {}

/** `/api/v1/analytics/…` for impact (to be built). */
export async function impactApi(_instance: FastifyInstance, _deps: Deps): Promise<void> {}

import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';

/** Pages of the value analytics (to be built). */
export async function valueRoutes(_instance: FastifyInstance, _deps: Deps): Promise<void> {}

/** `/api/v1/analytics/…` for value (to be built). */
export async function valueApi(_instance: FastifyInstance, _deps: Deps): Promise<void> {}

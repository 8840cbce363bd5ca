import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';

/** Pages of the goals analytics (to be built). */
export async function goalsRoutes(_instance: FastifyInstance, _deps: Deps): Promise<void> {}

/** `/api/v1/analytics/…` for goals (to be built). */
export async function goalsApi(_instance: FastifyInstance, _deps: Deps): Promise<void> {}

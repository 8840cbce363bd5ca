import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';

/** Pages of the teams analytics (to be built). */
export async function teamsRoutes(_instance: FastifyInstance, _deps: Deps): Promise<void> {}

/** `/api/v1/analytics/…` for teams (to be built). */
export async function teamsApi(_instance: FastifyInstance, _deps: Deps): Promise<void> {}

import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { customersCoreApi } from './customers.api.ts';
import { customersRoutes } from './customers.routes.tsx';
import { satisfactionApi } from './satisfaction.api.ts';
import { satisfactionRoutes } from './satisfaction.routes.tsx';

export type { Customer, Dimension, Round } from './customers.table.ts';
export { satisfactionHome as satisfactionHomeSection } from './satisfaction.routes.tsx';
export { rate, type Rating } from './standards.ts';
export { publishRound } from './publish.ts';
export { customerKey } from './customers.queries.ts';

/** Customer voice pages: customers, dimensions and standards, rounds, evaluations, satisfaction. */
export async function registerCustomers(app: FastifyInstance, deps: Deps): Promise<void> {
  await customersRoutes(app, deps);
  await satisfactionRoutes(app, deps);
}

/** The same under /api/v1. */
export async function customersApi(api: FastifyInstance, deps: Deps): Promise<void> {
  await customersCoreApi(api, deps);
  await satisfactionApi(api, deps);
}

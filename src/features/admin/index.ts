import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { adminUserRoutes } from './users.routes.tsx';

export { audit } from './audit.ts';
export { getOrgName, getSetting, setSetting } from './settings.ts';

export async function registerAdmin(app: FastifyInstance, deps: Deps): Promise<void> {
  await adminUserRoutes(app, deps);
}

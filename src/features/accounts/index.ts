import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import type { PageSection } from '../../views/layout.tsx';
import { authRoutes } from './auth.routes.tsx';
import { peopleRoutes } from './people.routes.tsx';
import { settingsRoutes } from './settings.routes.tsx';

export { accountsApi, UserJson, userJson } from './accounts.api.ts';
export type { User, Availability, Role } from './accounts.table.ts';
export { createPerson, setupOrganisation } from './accounts.service.ts';
export { hashPassword } from './passwords.ts';
export { updateProfile } from './people.service.ts';
export { createToken } from './tokens.ts';
export { findUserByEmail, findUserById, hasPeople } from './users.queries.ts';
export { SYSTEM_USER_IDS } from './accounts.table.ts';

export async function registerAccounts(
  app: FastifyInstance,
  deps: Deps,
  sections: { posts?: PageSection } = {},
): Promise<void> {
  await authRoutes(app, deps);
  await peopleRoutes(app, deps, sections);
  await settingsRoutes(app, deps);
}

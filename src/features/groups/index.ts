import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import type { PageSection } from '../../views/layout.tsx';
import { groupsRoutes } from './groups.routes.tsx';

export { groupsApi } from './groups.api.ts';
export { canManage, canSeeContent, canSeeGroup, type Relation } from './groups.policy.ts';
export {
  groupReadableBy,
  readableGroupIds,
  shiftMemberCounts,
  visibleTo,
} from './groups.queries.ts';
export { loadGroup } from './groups.service.ts';
export type { Group, Visibility } from './groups.table.ts';

export async function registerGroups(
  app: FastifyInstance,
  deps: Deps,
  sections: { feed?: PageSection; settings?: PageSection } = {},
): Promise<void> {
  await groupsRoutes(app, deps, sections);
}

import type { User } from '../accounts/accounts.table.ts';
import type { Group, MemberRole, PendingKind } from './groups.table.ts';

/** How a person stands to a group. */
export interface Relation {
  role: MemberRole | null;
  pending: PendingKind | null;
}

export const NO_RELATION: Relation = { role: null, pending: null };

/** Secret groups exist only for their members, people invited, and admins (who manage groups). */
export const canSeeGroup = (viewer: User, group: Group, rel: Relation): boolean =>
  group.visibility !== 'secret' ||
  rel.role !== null ||
  rel.pending === 'invitation' ||
  viewer.role === 'admin';

/** Posts, members and files of a private or secret group are for its members only. */
export const canSeeContent = (_viewer: User, group: Group, rel: Relation): boolean =>
  group.visibility === 'public' || rel.role !== null;

export const canManage = (viewer: User, _group: Group, rel: Relation): boolean =>
  rel.role === 'owner' || viewer.role === 'admin';

/** Public groups, and any group one is invited to, can be joined at once. */
export const canJoinNow = (group: Group, rel: Relation): boolean =>
  rel.role === null && (group.visibility === 'public' || rel.pending === 'invitation');

export const canRequest = (group: Group, rel: Relation): boolean =>
  rel.role === null && rel.pending === null && group.visibility === 'private';

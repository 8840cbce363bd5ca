import type { Selectable } from 'kysely';

export type Visibility = 'public' | 'private' | 'secret';
export type GroupKind = 'team' | 'community';
export type MemberRole = 'owner' | 'member';
export type PendingKind = 'request' | 'invitation';

export interface GroupsTable {
  id: string;
  name: string;
  name_key: string;
  description: string;
  visibility: Visibility;
  kind: GroupKind;
  /**
   * Members whose account is active (not invited, not deactivated); kept in the same
   * transaction as every membership change and every change of a member's status
   * (`shiftMemberCounts`).
   */
  member_count: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface GroupMembersTable {
  group_id: string;
  user_id: string;
  role: MemberRole;
  joined_at: string;
}

export interface GroupPendingTable {
  group_id: string;
  user_id: string;
  kind: PendingKind;
  invited_by: string | null;
  message: string;
  created_at: string;
}

export interface GroupsTables {
  groups: GroupsTable;
  group_members: GroupMembersTable;
  group_pending: GroupPendingTable;
}

export type Group = Selectable<GroupsTable>;
export type Membership = Selectable<GroupMembersTable>;
export type Pending = Selectable<GroupPendingTable>;

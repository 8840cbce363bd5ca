import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Role = 'admin' | 'member';

/**
 * Accounts that are no person: `anonymous` (migration 0020) authors approved anonymous pain
 * points. Deactivated, without a password; never counted as people, listed or set up against.
 */
export const SYSTEM_USER_IDS: readonly string[] = ['anonymous'];
export type UserStatus = 'invited' | 'active' | 'deactivated';
export type Availability = 'available' | 'busy' | 'away';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  /** Lower-cased, accent-folded name for directory search and sorting. */
  name_key: string;
  password_hash: string | null;
  role: Generated<Role>;
  status: Generated<UserStatus>;
  title: Generated<string>;
  department: Generated<string>;
  location: Generated<string>;
  bio: Generated<string>;
  photo_key: string | null;
  availability: Generated<Availability>;
  capacity: Generated<number>;
  away_until: string | null;
  manager_id: string | null;
  locale: 'de' | 'en' | null;
  time_zone: string;
  created_at: string;
  updated_at: string;
  activated_at: string | null;
  last_seen_at: string | null;
  deactivated_at: string | null;
  /** When the person last opened their home feed: later posts are marked new. */
  home_seen_at: Generated<string | null>;
}

export interface UserSkillsTable {
  user_id: string;
  skill_key: string;
  skill: string;
  position: number;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: Generated<string>;
  user_agent: Generated<string>;
}

export interface ApiTokensTable {
  id: string;
  token_hash: string;
  user_id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface InvitationsTable {
  id: string;
  token_hash: string;
  user_id: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AccountsTables {
  users: UsersTable;
  user_skills: UserSkillsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invitations: InvitationsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type ApiToken = Selectable<ApiTokensTable>;

import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { escapeLike, foldPlain } from '../../lib/text.ts';
import {
  SYSTEM_USER_IDS,
  type Availability,
  type NewUser,
  type User,
  type UserStatus,
} from './accounts.table.ts';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
}

export async function insertUser(db: Db, user: NewUser): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

/** Whether the organisation has anyone yet (setup is done): system accounts do not count. */
export async function hasPeople(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'not in', SYSTEM_USER_IDS)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** People (system accounts left out), of a status or all. */
export async function countUsers(db: Db, status?: UserStatus): Promise<number> {
  let q = db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'not in', SYSTEM_USER_IDS);
  if (status) q = q.where('status', '=', status);
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function skillsOf(db: Db, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('user_skills')
    .select(['user_id', 'skill'])
    .where('user_id', 'in', userIds)
    .orderBy('user_id')
    .orderBy('position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    list.push(r.skill);
    out.set(r.user_id, list);
  }
  return out;
}

export async function replaceSkills(
  db: Db,
  userId: string,
  skills: readonly string[],
): Promise<void> {
  await db.deleteFrom('user_skills').where('user_id', '=', userId).execute();
  if (skills.length === 0) return;
  await db
    .insertInto('user_skills')
    .values(
      skills.map((skill, position) => ({
        user_id: userId,
        skill,
        skill_key: foldPlain(skill),
        position,
      })),
    )
    .execute();
}

export interface DirectoryFilter {
  q?: string;
  department?: string;
  skill?: string;
  availability?: Availability;
  status?: UserStatus | 'all';
}

export interface DirectoryCursor {
  nameKey: string;
  id: string;
}

export function encodeCursor(c: DirectoryCursor): string {
  return Buffer.from(JSON.stringify([c.nameKey, c.id])).toString('base64url');
}

export function decodeCursor(s: string | undefined): DirectoryCursor | null {
  if (!s) return null;
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string')
      return { nameKey: v[0], id: v[1] };
  } catch {
    // an unreadable cursor starts from the beginning
  }
  return null;
}

/** The people directory: name search, filters, alphabetical, cursor-paged. */
export async function listUsers(
  db: Db,
  filter: DirectoryFilter,
  page: { cursor: DirectoryCursor | null; limit: number },
): Promise<{ users: User[]; next: DirectoryCursor | null }> {
  let q = db.selectFrom('users').selectAll().where('id', 'not in', SYSTEM_USER_IDS);
  const status = filter.status ?? 'active';
  if (status !== 'all') q = q.where('status', '=', status);
  if (filter.q) {
    const pattern = `%${escapeLike(foldPlain(filter.q))}%`;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('name_key')} like ${pattern} escape '\\'`,
        sql<boolean>`${eb.ref('email')} like ${pattern} escape '\\'`,
      ]),
    );
  }
  if (filter.department) q = q.where('department', '=', filter.department);
  if (filter.availability) q = q.where('availability', '=', filter.availability);
  if (filter.skill) {
    const key = foldPlain(filter.skill);
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_skills')
          .select('user_skills.user_id')
          .whereRef('user_skills.user_id', '=', 'users.id')
          .where('user_skills.skill_key', '=', key),
      ),
    );
  }
  const c = page.cursor;
  if (c) {
    q = q.where((eb) =>
      eb.or([
        eb('name_key', '>', c.nameKey),
        eb.and([eb('name_key', '=', c.nameKey), eb('id', '>', c.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('name_key')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute();
  const users = rows.slice(0, page.limit);
  const last = users[users.length - 1];
  return {
    users,
    next: rows.length > page.limit && last ? { nameKey: last.name_key, id: last.id } : null,
  };
}

/** Departments in use, for the directory's filter. */
export async function listDepartments(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('department')
    .distinct()
    .where('department', '!=', '')
    .where('status', '=', 'active')
    .orderBy('department')
    .execute();
  return rows.map((r) => r.department);
}

/** The most common skills, for the directory's filter suggestions. */
export async function topSkills(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('user_skills')
    .select([
      'skill_key',
      (eb) => eb.fn.min('skill').as('skill'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy('skill_key')
    .orderBy('n', 'desc')
    .orderBy('skill_key')
    .limit(limit)
    .execute();
  return rows.map((r) => String(r.skill));
}

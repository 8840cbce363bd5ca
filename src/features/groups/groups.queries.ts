import { sql, type Expression, type ExpressionBuilder } from 'kysely';
import { isSqlite, type Db } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { escapeLike, foldPlain } from '../../lib/text.ts';
import type { User } from '../accounts/accounts.table.ts';
import type { Relation } from './groups.policy.ts';
import type { Group, GroupKind, MemberRole, PendingKind } from './groups.table.ts';

/**
 * The groups the viewer may know of, as a SQL condition: every listing uses it, so secret
 * groups are filtered in the query, never afterwards.
 */
export function visibleTo(viewer: User) {
  return (eb: ExpressionBuilder<Database, 'groups'>) =>
    viewer.role === 'admin'
      ? // A literal, not a parameter: SQLite cannot bind a boolean.
        eb.lit(true)
      : eb.or([
          eb('groups.visibility', '!=', 'secret'),
          eb.exists(
            eb
              .selectFrom('group_members')
              .select('group_members.group_id')
              .whereRef('group_members.group_id', '=', 'groups.id')
              .where('group_members.user_id', '=', viewer.id),
          ),
          eb.exists(
            eb
              .selectFrom('group_pending')
              .select('group_pending.group_id')
              .whereRef('group_pending.group_id', '=', 'groups.id')
              .where('group_pending.user_id', '=', viewer.id)
              .where('group_pending.kind', '=', 'invitation'),
          ),
        ]);
}

export async function findGroup(db: Db, id: string): Promise<Group | undefined> {
  return db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function relationOf(db: Db, groupId: string, userId: string): Promise<Relation> {
  const [member, pending] = await Promise.all([
    db
      .selectFrom('group_members')
      .select('role')
      .where('group_id', '=', groupId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
    db
      .selectFrom('group_pending')
      .select('kind')
      .where('group_id', '=', groupId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  ]);
  return { role: member?.role ?? null, pending: pending?.kind ?? null };
}

export interface GroupFilter {
  q?: string;
  kind?: GroupKind;
  /** Only groups the viewer belongs to. */
  mine?: boolean;
}

export interface NameCursor {
  nameKey: string;
  id: string;
}

export type GroupWithRole = Group & {
  my_role: MemberRole | null;
  my_pending: PendingKind | null;
};

export async function listGroups(
  db: Db,
  viewer: User,
  filter: GroupFilter,
  page: { cursor: NameCursor | null; limit: number },
): Promise<{ groups: GroupWithRole[]; next: NameCursor | null }> {
  let q = db
    .selectFrom('groups')
    .leftJoin('group_members as mine', (j) =>
      j.onRef('mine.group_id', '=', 'groups.id').on('mine.user_id', '=', viewer.id),
    )
    .leftJoin('group_pending as my_pending', (j) =>
      j.onRef('my_pending.group_id', '=', 'groups.id').on('my_pending.user_id', '=', viewer.id),
    )
    .selectAll('groups')
    .select(['mine.role as my_role', 'my_pending.kind as my_pending'])
    .where(visibleTo(viewer));
  if (filter.mine) q = q.where('mine.user_id', 'is not', null);
  if (filter.kind) q = q.where('groups.kind', '=', filter.kind);
  if (filter.q) {
    const pattern = `%${escapeLike(foldPlain(filter.q))}%`;
    q = q.where(sql<boolean>`groups.name_key like ${pattern} escape '\\'`);
  }
  const c = page.cursor;
  if (c) {
    q = q.where((eb) =>
      eb.or([
        eb('groups.name_key', '>', c.nameKey),
        eb.and([eb('groups.name_key', '=', c.nameKey), eb('groups.id', '>', c.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('groups.name_key')
    .orderBy('groups.id')
    .limit(page.limit + 1)
    .execute();
  const groups = rows.slice(0, page.limit);
  const last = groups[groups.length - 1];
  return {
    groups,
    next: rows.length > page.limit && last ? { nameKey: last.name_key, id: last.id } : null,
  };
}

export async function listMembers(
  db: Db,
  groupId: string,
  page: { cursor: NameCursor | null; limit: number },
) {
  let q = db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select([
      'users.id',
      'users.name',
      'users.name_key',
      'users.title',
      'users.department',
      'users.photo_key',
      'group_members.role',
      'group_members.joined_at',
    ])
    .where('group_members.group_id', '=', groupId)
    .where('users.status', '=', 'active');
  const c = page.cursor;
  if (c) {
    q = q.where((eb) =>
      eb.or([
        eb('users.name_key', '>', c.nameKey),
        eb.and([eb('users.name_key', '=', c.nameKey), eb('users.id', '>', c.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('users.name_key')
    .orderBy('users.id')
    .limit(page.limit + 1)
    .execute();
  const members = rows.slice(0, page.limit);
  const last = members[members.length - 1];
  return {
    members,
    next: rows.length > page.limit && last ? { nameKey: last.name_key, id: last.id } : null,
  };
}

export async function listPending(db: Db, groupId: string) {
  return db
    .selectFrom('group_pending')
    .innerJoin('users', 'users.id', 'group_pending.user_id')
    .select([
      'users.id',
      'users.name',
      'users.title',
      'users.department',
      'users.photo_key',
      'group_pending.kind',
      'group_pending.message',
      'group_pending.created_at',
    ])
    .where('group_pending.group_id', '=', groupId)
    .orderBy('group_pending.created_at')
    .execute();
}

/** Invitations waiting for the person, in groups that still exist. */
export async function invitationsFor(db: Db, userId: string) {
  return db
    .selectFrom('group_pending')
    .innerJoin('groups', 'groups.id', 'group_pending.group_id')
    .selectAll('groups')
    .where('group_pending.user_id', '=', userId)
    .where('group_pending.kind', '=', 'invitation')
    .orderBy('group_pending.created_at', 'desc')
    .execute();
}

/**
 * Takes the group's write lock for the rest of the transaction; false if there is no such
 * group. Taken before a rule is checked, it makes the check and the change one step: two
 * owners demoting each other at once run one after the other, the second seeing the first.
 * PostgreSQL locks the row (FOR NO KEY UPDATE serialises these changes like FOR UPDATE, without
 * holding up inserts that merely reference the group, such as new posts). SQLite has no row
 * locks: a write that changes nothing takes the database's write lock as the transaction's
 * first step, the equivalent of BEGIN IMMEDIATE, so no other connection writes in between.
 */
export async function lockGroup(trx: Db, groupId: string): Promise<boolean> {
  if (!isSqlite(trx)) {
    const row = await trx
      .selectFrom('groups')
      .select('id')
      .where('id', '=', groupId)
      .forNoKeyUpdate()
      .executeTakeFirst();
    return row !== undefined;
  }
  const r = await trx
    .updateTable('groups')
    .set((eb) => ({ member_count: eb.ref('member_count') }))
    .where('id', '=', groupId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Whether the person counts in `member_count`: their account is active (not invited and not
 * signed up yet, not deactivated). On PostgreSQL the read takes a share lock on their row until
 * the transaction ends, so their status cannot change under a membership change: a deactivation
 * at the same moment waits, then finds the new membership and counts it out, or went first and
 * is seen here. SQLite runs one write transaction at a time.
 */
async function countsAsMember(trx: Db, userId: string): Promise<boolean> {
  let q = trx.selectFrom('users').select('status').where('id', '=', userId);
  if (!isSqlite(trx)) q = q.forShare();
  return (await q.executeTakeFirst())?.status === 'active';
}

/**
 * Takes the share lock of `countsAsMember` on PostgreSQL, before `lockGroup`: a status change
 * locks the account first and then its groups (`shiftMemberCounts`), and taking them in the same
 * order, a removal and a deactivation at once wait for each other instead of deadlocking.
 * Nothing to do on SQLite, where `lockGroup` stays the transaction's first step.
 */
export async function lockPerson(trx: Db, userId: string): Promise<void> {
  if (!isSqlite(trx)) await countsAsMember(trx, userId);
}

/** The person's membership, and whether their account is active. */
export async function membershipOf(
  db: Db,
  groupId: string,
  userId: string,
): Promise<{ role: MemberRole; active: boolean } | undefined> {
  const row = await db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select(['group_members.role', 'users.status'])
    .where('group_members.group_id', '=', groupId)
    .where('group_members.user_id', '=', userId)
    .executeTakeFirst();
  return row && { role: row.role, active: row.status === 'active' };
}

/** Owners who can act: deactivated ones (and invited ones not signed up yet) do not count. */
export async function countActiveOwners(db: Db, groupId: string): Promise<number> {
  const r = await db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('group_members.group_id', '=', groupId)
    .where('group_members.role', '=', 'owner')
    .where('users.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function addMember(
  db: Db,
  groupId: string,
  userId: string,
  role: MemberRole,
  now: Date,
) {
  await db
    .deleteFrom('group_pending')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .execute();
  // A second click or a concurrent request finds the person a member already: nothing to add.
  const r = await db
    .insertInto('group_members')
    .values({ group_id: groupId, user_id: userId, role, joined_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return;
  // `member_count` counts active accounts only: an invited person added before signing up is
  // counted when they accept (`shiftMemberCounts`).
  if (!(await countsAsMember(db, userId))) return;
  await db
    .updateTable('groups')
    .set((eb) => ({ member_count: eb('member_count', '+', 1) }))
    .where('id', '=', groupId)
    .execute();
}

/** Inside a transaction that holds the group's lock, take `lockPerson` before it. */
export async function removeMember(db: Db, groupId: string, userId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('group_members')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) return false;
  // A deactivated member was counted out when deactivated.
  if (!(await countsAsMember(db, userId))) return true;
  await db
    .updateTable('groups')
    .set((eb) => ({ member_count: eb('member_count', '-', 1) }))
    .where('id', '=', groupId)
    .execute();
  return true;
}

/**
 * The person's account became active (+1: signed up, reactivated) or stopped being active (-1:
 * deactivated): every group they belong to counts them in or out. Called in the transaction
 * that changes the status, after the change, which locks their row: a membership change at the
 * same moment waits for it (`countsAsMember`).
 */
export async function shiftMemberCounts(db: Db, userId: string, delta: 1 | -1): Promise<void> {
  await db
    .updateTable('groups')
    .set((eb) => ({ member_count: eb('member_count', '+', delta) }))
    .where('id', 'in', (eb) =>
      eb.selectFrom('group_members').select('group_id').where('user_id', '=', userId),
    )
    .execute();
}

/**
 * The condition on a `groups` row that the person may see its content: public, or theirs. The
 * person is an id, or a column of the outer query (`sql.ref('users.id')`).
 */
export function groupReadableBy(viewerId: string | Expression<string>) {
  return (g: ExpressionBuilder<Database, 'groups'>) =>
    g.or([
      g('groups.visibility', '=', 'public'),
      g.exists(
        g
          .selectFrom('group_members')
          .select('group_members.group_id')
          .whereRef('group_members.group_id', '=', 'groups.id')
          .where('group_members.user_id', '=', viewerId),
      ),
    ]);
}

/**
 * The ids of the groups whose content the person may see: public ones and their own. A union of
 * two index searches (`groups_visibility`, `group_members_user`) rather than a check per group:
 * every listing of posts carries it, some several times.
 */
export function readableGroupIds(db: Db, viewerId: string) {
  return db
    .selectFrom('groups')
    .select('groups.id')
    .where('groups.visibility', '=', 'public')
    .union(
      db
        .selectFrom('group_members')
        .select('group_members.group_id as id')
        .where('group_members.user_id', '=', viewerId),
    );
}

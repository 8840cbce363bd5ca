import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/connect.ts';
import type { User } from '../accounts/accounts.table.ts';
import { getSetting } from '../admin/settings.ts';
import { requireViewer } from '../../http/context.tsx';
import { AppError, fieldError } from '../../http/errors.ts';
import { toCsv, type Cell } from './csv.ts';

/**
 * Who sees analytics. An organisation may switch measurement off as a whole
 * (`analytics.enabled`: nothing new is recorded and every dashboard answers 404 "switched off";
 * the "what is measured" page still explains it), and choose whether dashboards are for admins
 * only (`analytics.audience` = 'admins', the default) or for every member ('members').
 * Everyone always sees their own impact.
 */
export type Audience = 'admins' | 'members';

export const analyticsEnabled = (db: Db): Promise<boolean> =>
  getSetting<boolean>(db, 'analytics.enabled', true);
export const analyticsAudience = (db: Db): Promise<Audience> =>
  getSetting<Audience>(db, 'analytics.audience', 'admins');

/** The viewer, if they may see the dashboards; otherwise 404 (switched off) or 403. */
export async function requireAnalytics(req: FastifyRequest, db: Db): Promise<User> {
  const viewer = requireViewer(req);
  if (!(await analyticsEnabled(db))) throw new AppError(404, 'analytics_off', 'analytics.off');
  if (viewer.role !== 'admin' && (await analyticsAudience(db)) !== 'members') {
    throw new AppError(403, 'forbidden', 'error.forbidden');
  }
  return viewer;
}

/**
 * The groups a viewer may see in breakdowns: every group for admins, otherwise public groups
 * and the viewer's own (private and secret groups appear only to their members and admins).
 * Returns null for "all groups".
 */
export async function breakdownGroups(db: Db, viewer: User): Promise<Set<string> | null> {
  if (viewer.role === 'admin') return null;
  const rows = await db
    .selectFrom('groups')
    .select('groups.id')
    .where('groups.visibility', '=', 'public')
    .union(
      db
        .selectFrom('group_members')
        .select('group_members.group_id as id')
        .where('group_members.user_id', '=', viewer.id),
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** A `groupId` filter the viewer may use, or a 400 naming the field (unknown and hidden alike). */
export async function checkGroupFilter(
  db: Db,
  viewer: User,
  groupId: string | undefined,
): Promise<string | null> {
  if (!groupId) return null;
  const group = await db
    .selectFrom('groups')
    .select('id')
    .where('id', '=', groupId)
    .executeTakeFirst();
  const visible = await breakdownGroups(db, viewer);
  if (!group || (visible && !visible.has(group.id))) {
    throw fieldError('groupId', 'unknown_group', 'analytics.unknown_group');
  }
  return group.id;
}

/**
 * Sends a CSV download: a byte order mark for spreadsheets, suppressed cells as "<k".
 * Every dashboard's CSV goes through here so all downloads look alike.
 */
export function sendCsv(
  reply: FastifyReply,
  name: string,
  headers: string[],
  rows: Cell[][],
  k: number,
): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="kantine-${name}.csv"`)
    .send(toCsv(headers, rows, { bom: true, nullAs: `<${k}` }));
}

/** The groups offered in a dashboard's group filter: those the viewer may see, by name. */
export async function filterGroups(db: Db, viewer: User): Promise<{ id: string; name: string }[]> {
  const visible = await breakdownGroups(db, viewer);
  const rows = await db
    .selectFrom('groups')
    .select(['id', 'name'])
    .orderBy('name_key')
    .limit(2000)
    .execute();
  return visible ? rows.filter((g) => visible.has(g.id)) : rows;
}

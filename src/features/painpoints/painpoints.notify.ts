import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import type { Bus, DomainEvent } from '../../realtime/bus.ts';
import { sendNotifications } from '../notifications/index.ts';
import { ANONYMOUS_USER_ID, type PainPoint } from './painpoints.table.ts';

type NotifyDeps = Pick<Deps, 'db' | 'clock'>;
type Kind = 'pain_point_new' | 'pain_point_assigned' | 'pain_point_status' | 'pain_point_stale';

/** Active people of a list of ids (deactivated accounts are told nothing). */
async function active(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

/** The department's leads (none for pain points without a department). */
async function leadsOf(db: Db, department: string): Promise<string[]> {
  if (department === '') return [];
  const rows = await db
    .selectFrom('department_leads')
    .select('user_id')
    .where('department', '=', department)
    .execute();
  return active(
    db,
    rows.map((r) => r.user_id),
  );
}

async function admins(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Sends to the first of these circles in which someone may read the post (and is not the one
 * who acted): the owner, then the department's leads, then the admins. A lead who cannot read a
 * private group's post does not stop the admins from hearing of it.
 */
async function toFirstReaders(
  deps: NotifyDeps,
  bus: Bus,
  circles: readonly (() => Promise<string[]>)[],
  n: { kind: Kind; postId: string; actorId: string | null; except: string | null },
): Promise<string[]> {
  for (const circle of circles) {
    const ids = (await circle()).filter((id) => id !== n.except);
    if (ids.length === 0) continue;
    const told = await sendNotifications(
      deps,
      bus,
      ids.map((userId) => ({ userId, kind: n.kind, actorId: n.actorId, postId: n.postId })),
    );
    if (told.length > 0) return told;
  }
  return [];
}

async function painPointOf(db: Db, postId: string) {
  return db
    .selectFrom('pain_points')
    .innerJoin('posts', 'posts.id', 'pain_points.post_id')
    .selectAll('pain_points')
    .select('posts.author_id')
    .where('pain_points.post_id', '=', postId)
    .executeTakeFirst();
}

const isAnonymous = (p: Pick<PainPoint, 'anonymous'> & { author_id: string }) =>
  p.anonymous === 1 || p.author_id === ANONYMOUS_USER_ID;

/**
 * A new pain point: its department's leads are told, or the admins when it has none (or none
 * of them may read it). An anonymous one names nobody (no actor).
 */
export async function notifyNewPainPoint(
  deps: NotifyDeps,
  bus: Bus,
  postId: string,
): Promise<string[]> {
  const p = await painPointOf(deps.db, postId);
  if (!p) return [];
  const anonymous = isAnonymous(p);
  return toFirstReaders(deps, bus, [() => leadsOf(deps.db, p.department), () => admins(deps.db)], {
    kind: 'pain_point_new',
    postId,
    actorId: anonymous ? null : p.author_id,
    except: anonymous ? null : p.author_id,
  });
}

/**
 * A change: a new owner hears they own it; on a change of status its author (unless anonymous)
 * and everyone who voted "me too" hear of it. Never the person who made the change.
 */
export async function notifyChange(
  deps: NotifyDeps,
  bus: Bus,
  e: Extract<DomainEvent, { type: 'painpoint.changed' }>,
): Promise<string[]> {
  if (e.change === 'owner') {
    if (!e.ownerId || e.ownerId === e.actorId) return [];
    return sendNotifications(
      deps,
      bus,
      (await active(deps.db, [e.ownerId])).map((userId) => ({
        userId,
        kind: 'pain_point_assigned',
        actorId: e.actorId,
        postId: e.postId,
      })),
    );
  }
  if (e.change !== 'status') return [];
  const p = await painPointOf(deps.db, e.postId);
  if (!p) return [];
  const voters = await deps.db
    .selectFrom('pain_point_votes')
    .select('user_id')
    .where('pain_point_id', '=', p.id)
    .execute();
  const ids = await active(deps.db, [
    ...(isAnonymous(p) ? [] : [p.author_id]),
    ...voters.map((v) => v.user_id),
  ]);
  return sendNotifications(
    deps,
    bus,
    ids
      .filter((id) => id !== e.actorId)
      .map((userId) => ({
        userId,
        kind: 'pain_point_status',
        actorId: e.actorId,
        postId: e.postId,
      })),
  );
}

/** A stale pain point: its owner, or the department's leads, or the admins (painpoints.stale.ts). */
export async function notifyStale(
  deps: NotifyDeps,
  bus: Bus,
  p: Pick<PainPoint, 'post_id' | 'owner_id' | 'department'>,
): Promise<string[]> {
  return toFirstReaders(
    deps,
    bus,
    [
      () => active(deps.db, p.owner_id ? [p.owner_id] : []),
      () => leadsOf(deps.db, p.department),
      () => admins(deps.db),
    ],
    { kind: 'pain_point_stale', postId: p.post_id, actorId: null, except: null },
  );
}

/** Whether anyone was already told of this post's pain point as a new one. */
async function toldOfNew(deps: NotifyDeps, postId: string): Promise<boolean> {
  const row = await deps.db
    .selectFrom('notifications')
    .select('id')
    .where('post_id', '=', postId)
    .where('kind', '=', 'pain_point_new')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

const registered = new WeakSet<Bus>();

/** Notifications for new pain points and for changes to one (after their commit). */
export function registerPainPointHandlers(deps: NotifyDeps, bus: Bus): void {
  if (registered.has(bus)) return;
  registered.add(bus);
  // Every new post is looked up once by its primary key: only those filed as pain points (by
  // their hashtag, in the same transaction, or approved anonymously) tell anybody.
  bus.on('post.created', async (e) => {
    if (e.type === 'post.created') await notifyNewPainPoint(deps, bus, e.postId);
  });
  // A post edited to carry the hashtag became a pain point then: told once, like a new one.
  bus.on('post.edited', async (e) => {
    if (e.type === 'post.edited' && !(await toldOfNew(deps, e.postId)))
      await notifyNewPainPoint(deps, bus, e.postId);
  });
  bus.on('painpoint.changed', async (e) => {
    if (e.type === 'painpoint.changed') await notifyChange(deps, bus, e);
  });
}

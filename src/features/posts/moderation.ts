import type { Deps } from '../../http/app.ts';
import { AppError, fieldError, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { cleanText } from '../../lib/text.ts';
import type { User } from '../accounts/accounts.table.ts';
import { audit } from '../admin/audit.ts';
import { loadGroup } from '../groups/index.ts';
import { forgetPostFiles } from './attachments.ts';
import { readableBy } from './posts.queries.ts';
import { loadPost } from './posts.service.ts';

type ModDeps = Pick<Deps, 'db' | 'clock'>;
export const REASON_MAX = 1000;

/**
 * Shares a post into a further group the person belongs to. Only posts everyone may read
 * (org-wide or in a public group) can be shared, so a share never carries private content
 * to people outside its group.
 */
export async function sharePost(
  deps: ModDeps,
  actor: User,
  postId: string,
  groupId: string,
): Promise<void> {
  const post = await loadPost(deps, actor, postId);
  if (post.group_id) {
    const { group } = await loadGroup(deps, actor, post.group_id);
    if (group.visibility !== 'public')
      throw new AppError(422, 'cannot_share_private', 'posts.cannot_share_private');
  }
  const target = await loadGroup(deps, actor, groupId).catch(() => {
    throw fieldError('groupId', 'unknown_group', 'posts.unknown_group');
  });
  if (!target.rel.role) throw fieldError('groupId', 'not_member', 'posts.members_post');
  if (target.group.id === post.group_id)
    throw fieldError('groupId', 'same_group', 'posts.share_same_group');
  await deps.db
    .insertInto('post_shares')
    .values({
      post_id: post.id,
      group_id: target.group.id,
      shared_by: actor.id,
      created_at: deps.clock().toISOString(),
    })
    .onConflict((oc) => oc.columns(['post_id', 'group_id']).doNothing())
    .execute();
}

/** The groups a post was shared into that the viewer may know of. */
export async function sharesOf(deps: Pick<Deps, 'db'>, postId: string, viewerId: string) {
  return deps.db
    .selectFrom('post_shares')
    .innerJoin('groups', 'groups.id', 'post_shares.group_id')
    .select(['groups.id', 'groups.name'])
    .where('post_shares.post_id', '=', postId)
    .where((eb) =>
      eb.or([
        eb('groups.visibility', '!=', 'secret'),
        eb.exists(
          eb
            .selectFrom('group_members')
            .select('group_members.user_id')
            .whereRef('group_members.group_id', '=', 'groups.id')
            .where('group_members.user_id', '=', viewerId),
        ),
      ]),
    )
    .orderBy('groups.name_key')
    .execute();
}

/** Anyone who can read a post can report it to the admins, with a reason. */
export async function reportPost(
  deps: ModDeps,
  actor: User,
  postId: string,
  reasonIn: string,
): Promise<string> {
  const post = await loadPost(deps, actor, postId);
  const reason = cleanText(reasonIn);
  if (reason === '') throw fieldError('reason', 'required', 'validation.required');
  if (reason.length > REASON_MAX)
    throw fieldError('reason', 'too_long', 'validation.too_long', { max: REASON_MAX });
  const id = newId();
  await deps.db
    .insertInto('post_reports')
    .values({
      id,
      post_id: post.id,
      reporter_id: actor.id,
      reason,
      created_at: deps.clock().toISOString(),
      resolved_at: null,
      resolved_by: null,
      resolution: null,
    })
    .execute();
  return id;
}

/**
 * Open reports for admins. The post's text is shown only where the admin may read the post
 * themself; a report from a private group shows its existence and reason, not the content.
 */
export async function openReports(deps: Pick<Deps, 'db'>, admin: User) {
  const rows = await deps.db
    .selectFrom('post_reports')
    .innerJoin('posts', 'posts.id', 'post_reports.post_id')
    .leftJoin('users as reporter', 'reporter.id', 'post_reports.reporter_id')
    .leftJoin('users as author', 'author.id', 'posts.author_id')
    .select([
      'post_reports.id',
      'post_reports.post_id',
      'post_reports.reason',
      'post_reports.created_at',
      'reporter.name as reporter_name',
      'author.name as author_name',
      'posts.group_id',
    ])
    .where('post_reports.resolved_at', 'is', null)
    .orderBy('post_reports.id')
    .limit(200)
    .execute();
  const readable = rows.length
    ? await deps.db
        .selectFrom('posts')
        .select(['posts.id', 'posts.body'])
        .where(
          'posts.id',
          'in',
          rows.map((r) => r.post_id),
        )
        .where(readableBy(admin.id, deps.db))
        .execute()
    : [];
  const bodies = new Map(readable.map((p) => [p.id, p.body]));
  return rows.map((r) => ({ ...r, body: bodies.get(r.post_id) ?? null }));
}

/** An admin removes the reported post or dismisses the report; both are audited. */
export async function resolveReport(
  deps: ModDeps & Pick<Deps, 'storage'>,
  admin: User,
  reportId: string,
  action: 'remove' | 'dismiss',
): Promise<void> {
  if (admin.role !== 'admin') throw new AppError(403, 'forbidden', 'error.forbidden');
  const report = await deps.db
    .selectFrom('post_reports')
    .selectAll()
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!report || report.resolved_at) throw notFound();
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('post_reports')
      .set({
        resolved_at: now,
        resolved_by: admin.id,
        resolution: action === 'remove' ? 'removed' : 'dismissed',
      })
      .where('post_id', '=', report.post_id)
      .where('resolved_at', 'is', null)
      .execute();
    await audit(trx, {
      actorId: admin.id,
      action: `report.${action}`,
      targetType: 'post',
      targetId: report.post_id,
      data: { reason: report.reason },
      now: deps.clock(),
    });
    if (action === 'remove')
      await trx.deleteFrom('posts').where('id', '=', report.post_id).execute();
  });
  // The post's files go once its rows are gone (as when its author deletes it).
  if (action === 'remove') await forgetPostFiles(deps, report.post_id);
}

/** Records that the person saw an announcement ("seen by N"). */
export async function markSeen(
  deps: ModDeps,
  userId: string,
  postIds: readonly string[],
): Promise<void> {
  if (postIds.length === 0) return;
  const at = deps.clock().toISOString();
  await deps.db
    .insertInto('announcement_views')
    .values(postIds.map((post_id) => ({ post_id, user_id: userId, seen_at: at })))
    .onConflict((oc) => oc.columns(['post_id', 'user_id']).doNothing())
    .execute();
}

export async function seenCounts(
  deps: Pick<Deps, 'db'>,
  postIds: readonly string[],
): Promise<Map<string, number>> {
  if (postIds.length === 0) return new Map();
  const rows = await deps.db
    .selectFrom('announcement_views')
    .select(['post_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('post_id', 'in', postIds)
    .groupBy('post_id')
    .execute();
  return new Map(rows.map((r) => [r.post_id, Number(r.n)]));
}

/** Announcements pinned at the top of the home feed until their date, readable by the viewer. */
export async function pinnedAnnouncements(deps: Pick<Deps, 'db' | 'clock'>, viewerId: string) {
  return deps.db
    .selectFrom('posts')
    .selectAll('posts')
    .where('posts.kind', '=', 'announcement')
    .where('posts.pinned_until', '>', deps.clock().toISOString())
    .where(readableBy(viewerId, deps.db))
    .orderBy('posts.id', 'desc')
    .limit(5)
    .execute();
}

/** Admins set or clear how long an announcement stays pinned. */
export async function setPinnedUntil(
  deps: ModDeps,
  admin: User,
  postId: string,
  until: string | null,
): Promise<void> {
  const post = await loadPost(deps, admin, postId);
  if (admin.role !== 'admin' || post.kind !== 'announcement')
    throw new AppError(403, 'forbidden', 'error.forbidden');
  if (until && until <= deps.clock().toISOString().slice(0, 10))
    throw fieldError('pinnedUntil', 'in_past', 'profile.away_in_past');
  await deps.db
    .updateTable('posts')
    .set({ pinned_until: until ? `${until}T23:59:59.999Z` : null })
    .where('id', '=', post.id)
    .execute();
}

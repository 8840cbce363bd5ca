import type { Deps } from '../../http/app.ts';
import { AppError, fieldError, forbidden, invalid, type FieldError } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { cleanText } from '../../lib/text.ts';
import type { MessageKey } from '../../views/i18n.ts';
import type { User } from '../accounts/accounts.table.ts';
import { loadPost } from '../posts/index.ts';
import {
  canAssignOwner,
  canChangeStatus,
  canSetResolvingPost,
  canVote,
} from './painpoints.policy.ts';
import { findPossibleOwner, isLeadOf, loadPainPoint } from './painpoints.queries.ts';
import {
  CLOSED,
  PAIN_POINT_STATUSES,
  type PainPoint,
  type PainPointEventsTable,
  type PainPointStatus,
} from './painpoints.table.ts';

type PpDeps = Pick<Deps, 'db' | 'clock' | 'bus'>;
export const NOTE_MAX = 1000;

/**
 * The workflow. Nothing goes back to "new" (someone has looked at it by then); a status never
 * moves to itself; work in progress may fall back to "acknowledged" (paused); a closed one
 * (resolved, won't fix) is reopened to "acknowledged" or "in progress", not switched straight to
 * the other closed state, so that every closing is a decision of its own in the history.
 */
export const NEXT: Record<PainPointStatus, readonly PainPointStatus[]> = {
  new: ['acknowledged', 'in_progress', 'resolved', 'wont_fix'],
  acknowledged: ['in_progress', 'resolved', 'wont_fix'],
  in_progress: ['acknowledged', 'resolved', 'wont_fix'],
  resolved: ['acknowledged', 'in_progress'],
  wont_fix: ['acknowledged', 'in_progress'],
};

export const isClosed = (s: PainPointStatus): boolean => CLOSED.includes(s);
export const isStatus = (s: string): s is PainPointStatus =>
  (PAIN_POINT_STATUSES as readonly string[]).includes(s);

/** A post given as its id or its address (`/posts/<id>`, with or without host); null if neither. */
export function postIdOf(ref: string): string | null {
  const s = ref.trim();
  const m = /(?:^|\/)posts\/([A-Za-z0-9_-]{1,40})(?:[/?#]|$)/.exec(s);
  if (m) return m[1]!;
  return /^[A-Za-z0-9_-]{1,40}$/.test(s) ? s : null;
}

/** What one request changes; a field left undefined stays as it is. */
export interface PainPointChange {
  status?: string | undefined;
  /** With a change of status: why (shown in the conversation). */
  note?: string | undefined;
  /** null: no owner. */
  ownerId?: string | null | undefined;
  /** A post's id or address; null or '' removes the link. */
  resolvingPost?: string | null | undefined;
}

type EventRow = Omit<PainPointEventsTable, 'id' | 'pain_point_id' | 'actor_id' | 'created_at'>;

const rule = (status: number, code: string, field: string, message: MessageKey, params = {}) =>
  new AppError(status, code, message, params, [{ field, code, message, params }]);

/**
 * Changes a pain point's status, owner and resolving post, as asked, in one transaction: each
 * change updates the row and writes an event (the post's conversation shows it); after the
 * commit each is published as `painpoint.changed`. Returns the pain point as it is now.
 */
export async function changePainPoint(
  deps: PpDeps,
  actor: User,
  id: string,
  change: PainPointChange,
): Promise<PainPoint> {
  // Validate what was sent, whoever sends it.
  const wrong: FieldError[] = [];
  const note = cleanText(change.note ?? '');
  if (note.length > NOTE_MAX)
    wrong.push({
      field: 'note',
      code: 'too_long',
      message: 'validation.too_long',
      params: { max: NOTE_MAX },
    });
  const status = change.status?.trim() || undefined;
  if (status !== undefined && !isStatus(status))
    wrong.push({
      field: 'status',
      code: 'unknown_status',
      message: 'painpoints.err_unknown_status',
    });
  if (note && status === undefined)
    wrong.push({ field: 'note', code: 'status_required', message: 'painpoints.err_note_alone' });
  if (wrong.length) throw invalid(wrong);
  if (status === undefined && change.ownerId === undefined && change.resolvingPost === undefined)
    throw fieldError('status', 'nothing_to_change', 'painpoints.err_nothing');

  // Load and authorise.
  const { pp } = await loadPainPoint(deps, actor, id);
  const lead = await isLeadOf(deps.db, actor.id, pp.department);
  if (status !== undefined && !canChangeStatus(actor, pp, lead)) throw forbidden();
  if (change.ownerId !== undefined && !canAssignOwner(actor, lead)) throw forbidden();
  if (change.resolvingPost !== undefined && !canSetResolvingPost(actor, pp, lead))
    throw forbidden();

  // The rules of each change.
  const events: EventRow[] = [];
  let to: PainPointStatus | null = null;
  if (status !== undefined && isStatus(status)) {
    if (!NEXT[pp.status].includes(status))
      throw rule(422, 'invalid_transition', 'status', 'painpoints.err_transition', {
        from: pp.status,
        to: status,
      });
    to = status;
    events.push({ ...blank, kind: 'status', from_status: pp.status, to_status: to, note });
  }
  let owner: string | null | undefined;
  if (change.ownerId !== undefined) {
    const wanted = change.ownerId?.trim() || null;
    // The owner must be someone who may read the post: otherwise they could not see what they own.
    if (wanted !== null && !(await findPossibleOwner(deps.db, wanted, pp.group_id)))
      throw fieldError('ownerId', 'unknown_owner', 'painpoints.err_unknown_owner');
    if (wanted !== pp.owner_id) {
      owner = wanted;
      events.push({ ...blank, kind: 'owner', owner_id: wanted });
    }
  }
  let resolving: string | null | undefined;
  if (change.resolvingPost !== undefined) {
    const wanted = await resolvingPostOf(deps, actor, pp, change.resolvingPost);
    if (wanted !== pp.resolving_post_id) {
      resolving = wanted;
      events.push({ ...blank, kind: 'resolving_post', resolving_post_id: wanted });
    }
  }
  if (events.length === 0) return pp;

  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (to) {
      // Only from the status that was checked: a change made meanwhile is not overwritten.
      const r = await trx
        .updateTable('pain_points')
        .set((eb) => ({
          status: to,
          status_changed_at: now,
          acknowledged_at: eb.fn.coalesce('acknowledged_at', eb.val(now)),
          resolved_at: isClosed(to) ? now : null,
          stale_notified_at: null,
        }))
        .where('id', '=', pp.id)
        .where('status', '=', pp.status)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0)
        throw new AppError(409, 'conflict', 'painpoints.err_changed_meanwhile');
    }
    if (owner !== undefined)
      await trx
        .updateTable('pain_points')
        .set({ owner_id: owner })
        .where('id', '=', pp.id)
        .execute();
    if (resolving !== undefined)
      await trx
        .updateTable('pain_points')
        .set({ resolving_post_id: resolving })
        .where('id', '=', pp.id)
        .execute();
    await trx
      .insertInto('pain_point_events')
      .values(
        events.map((e) => ({
          ...e,
          id: newId(),
          pain_point_id: pp.id,
          actor_id: actor.id,
          created_at: now,
        })),
      )
      .execute();
  });

  const after = { ...pp, owner_id: owner === undefined ? pp.owner_id : owner };
  for (const e of events)
    await deps.bus.emit({
      type: 'painpoint.changed',
      painPointId: pp.id,
      postId: pp.post_id,
      actorId: actor.id,
      change: e.kind,
      toStatus: e.kind === 'status' ? e.to_status : null,
      ownerId: after.owner_id,
    });
  return (await loadPainPoint(deps, actor, pp.id)).pp;
}

const blank: EventRow = {
  kind: 'status',
  from_status: null,
  to_status: null,
  owner_id: null,
  resolving_post_id: null,
  note: '',
};

/** The resolving post asked for: a post the actor can read, not the pain point's own; or null. */
async function resolvingPostOf(
  deps: PpDeps,
  actor: User,
  pp: PainPoint,
  ref: string | null,
): Promise<string | null> {
  if (ref === null || ref.trim() === '') return null;
  const postId = postIdOf(ref);
  const post = postId ? await loadPost(deps, actor, postId).catch(() => null) : null;
  if (!post) throw fieldError('resolvingPostId', 'post_not_found', 'painpoints.err_post_not_found');
  if (post.id === pp.post_id)
    throw fieldError('resolvingPostId', 'own_post', 'painpoints.err_own_post');
  return post.id;
}

/**
 * "Me too" (on) or taking it back: one vote per person, the count kept in the same
 * transaction. Returns the count and whether the person has voted now.
 */
export async function vote(
  deps: PpDeps,
  actor: User,
  id: string,
  on: boolean,
): Promise<{ painPointId: string; postId: string; votes: number; voted: boolean }> {
  const { pp, post } = await loadPainPoint(deps, actor, id);
  if (!canVote(actor, post.author_id))
    throw new AppError(422, 'own_pain_point', 'painpoints.err_own_vote');
  await deps.db.transaction().execute(async (trx) => {
    let changed: boolean;
    if (on) {
      const r = await trx
        .insertInto('pain_point_votes')
        .values({ pain_point_id: pp.id, user_id: actor.id, created_at: deps.clock().toISOString() })
        .onConflict((oc) => oc.columns(['pain_point_id', 'user_id']).doNothing())
        .executeTakeFirst();
      changed = Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    } else {
      const r = await trx
        .deleteFrom('pain_point_votes')
        .where('pain_point_id', '=', pp.id)
        .where('user_id', '=', actor.id)
        .executeTakeFirst();
      changed = Number(r.numDeletedRows) > 0;
    }
    if (changed)
      await trx
        .updateTable('pain_points')
        .set((eb) => ({ vote_count: eb('vote_count', '+', on ? 1 : -1) }))
        .where('id', '=', pp.id)
        .execute();
  });
  const now = await deps.db
    .selectFrom('pain_points')
    .select('vote_count')
    .where('id', '=', pp.id)
    .executeTakeFirstOrThrow();
  return { painPointId: pp.id, postId: pp.post_id, votes: Number(now.vote_count), voted: on };
}

import type { Deps } from '../../http/app.ts';
import type { User } from '../accounts/accounts.table.ts';
import type { CommentsSection } from '../posts/index.ts';
import { canAssignOwner, canChangeStatus, canVote } from './painpoints.policy.ts';
import {
  activePeople,
  eventsOf,
  isLeadOf,
  namesOf,
  painPointOfPost,
  readablePostIds,
  votedAmong,
  type EventView,
} from './painpoints.queries.ts';
import type { PainPoint } from './painpoints.table.ts';
import { painPointExtension, type PanelState } from './painpoints.views.tsx';

export interface Panel {
  s: PanelState;
  events: EventView[];
  /** Posts (resolving ones) the viewer may read. */
  readable: Set<string>;
}

/**
 * What the panel shows one viewer: the pain point's state, which forms they get, its history,
 * and which resolving posts they may follow. The pain point's post is readable by them.
 */
export async function loadPanel(
  deps: Pick<Deps, 'db'>,
  viewer: User,
  pp: PainPoint,
  postAuthorId: string,
  back: string,
): Promise<Panel> {
  const { db } = deps;
  const [lead, events, voted] = await Promise.all([
    isLeadOf(db, viewer.id, pp.department),
    eventsOf(db, pp.id),
    votedAmong(db, viewer.id, [pp.id]),
  ]);
  const canAssign = canAssignOwner(viewer, lead);
  const [people, names, readable] = await Promise.all([
    canAssign ? activePeople(db, pp.group_id) : Promise.resolve([]),
    namesOf(db, [pp.owner_id]),
    readablePostIds(db, viewer.id, [
      pp.resolving_post_id,
      ...events.map((e) => e.resolving_post_id),
    ]),
  ]);
  return {
    s: {
      pp,
      ownerName: pp.owner_id ? (names.get(pp.owner_id) ?? null) : null,
      voted: voted.has(pp.id),
      canVote: canVote(viewer, postAuthorId),
      canChangeStatus: canChangeStatus(viewer, pp, lead),
      canAssign,
      resolvingPostId:
        pp.resolving_post_id && readable.has(pp.resolving_post_id) ? pp.resolving_post_id : null,
      people,
      back,
    },
    events,
    readable,
  };
}

/** A pain point's status, owner, votes and history on its post's page. */
export function painPointSection(deps: Deps): CommentsSection {
  return async (viewer, post) => {
    const pp = await painPointOfPost(deps.db, post.id);
    if (!pp) return null;
    const p = await loadPanel(deps, viewer, pp, post.author_id, `/posts/${post.id}`);
    return (ctx) => painPointExtension(ctx, p.s, p.events, (id) => p.readable.has(id));
  };
}

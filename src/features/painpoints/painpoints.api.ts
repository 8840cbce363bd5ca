import { Type, type Static } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Page, problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { requireViewer } from '../../http/context.tsx';
import type { User } from '../accounts/accounts.table.ts';
import { BOARD_PAGE, boardFilterOf, excerptOf } from './board.ts';
import { BoardQuerySchema, boardCards } from './board.routes.tsx';
import { leadsApi } from './leads.api.ts';
import { canAssignOwner, canChangeStatus } from './painpoints.policy.ts';
import {
  eventsOf,
  hashtagsOfPosts,
  isLeadOf,
  loadPainPoint,
  namesOf,
  readablePostIds,
  votedAmong,
} from './painpoints.queries.ts';
import { PpParams } from './painpoints.routes.tsx';
import { changePainPoint, NOTE_MAX, vote } from './painpoints.service.ts';
import { PAIN_POINT_STATUSES, type PainPoint } from './painpoints.table.ts';

const StatusSchema = Type.Union(PAIN_POINT_STATUSES.map((s) => Type.Literal(s)));
const PersonRef = Type.Object({ id: Type.String(), name: Type.String() });
const Time = Type.String({ format: 'date-time' });

const ItemProps = {
  id: Type.String(),
  postId: Type.String(),
  excerpt: Type.String({ description: 'the post’s first line of text' }),
  status: StatusSchema,
  department: Type.String({ description: 'the author’s when filed; empty if none' }),
  owner: Type.Union([PersonRef, Type.Null()]),
  votes: Type.Integer({ description: '"me too" votes' }),
  voted: Type.Boolean({ description: 'whether the caller voted' }),
  anonymous: Type.Boolean({ description: 'filed anonymously: its author is never shown' }),
  resolvingPostId: Type.Union([Type.String(), Type.Null()], {
    description: 'the post that resolves it; null if none or if the caller may not read it',
  }),
  createdAt: Time,
  acknowledgedAt: Type.Union([Time, Type.Null()], { description: 'when it first left "new"' }),
  resolvedAt: Type.Union([Time, Type.Null()], {
    description: 'when it was closed (resolved or won’t fix); null while open',
  }),
  statusChangedAt: Time,
  hashtags: Type.Array(Type.String(), { description: 'the post’s, normalised' }),
  url: Type.String({ description: 'the post’s page' }),
};
const PainPointJson = Type.Object(ItemProps, { $id: 'PainPoint' });

const EventJson = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('status'), Type.Literal('owner'), Type.Literal('resolving_post')]),
  actor: Type.Union([PersonRef, Type.Null()], { description: 'null: the system' }),
  fromStatus: Type.Union([StatusSchema, Type.Null()]),
  toStatus: Type.Union([StatusSchema, Type.Null()]),
  owner: Type.Union([PersonRef, Type.Null()], { description: 'kind owner: the new owner' }),
  resolvingPostId: Type.Union([Type.String(), Type.Null()], {
    description: 'kind resolving_post: the post linked (null: removed, or not readable)',
  }),
  note: Type.String(),
  createdAt: Time,
});

const PainPointDetail = Type.Object(
  {
    ...ItemProps,
    events: Type.Array(EventJson, { description: 'changes, oldest first' }),
    canChangeStatus: Type.Boolean({
      description: 'the caller may change status and resolving post',
    }),
    canAssignOwner: Type.Boolean(),
  },
  { $id: 'PainPointDetail' },
);

const VoteJson = Type.Object({
  painPointId: Type.String(),
  votes: Type.Integer(),
  voted: Type.Boolean(),
});

type Item = Static<typeof PainPointJson>;

interface Row extends PainPoint {
  post_body: string;
  owner_name: string | null;
}

const itemOf = (
  r: Row,
  extra: { voted: boolean; hashtags: string[]; readable: Set<string> },
): Item => ({
  id: r.id,
  postId: r.post_id,
  excerpt: excerptOf(r.post_body),
  status: r.status,
  department: r.department,
  owner: r.owner_id && r.owner_name ? { id: r.owner_id, name: r.owner_name } : null,
  votes: Number(r.vote_count),
  voted: extra.voted,
  anonymous: Boolean(r.anonymous),
  resolvingPostId:
    r.resolving_post_id && extra.readable.has(r.resolving_post_id) ? r.resolving_post_id : null,
  createdAt: r.created_at,
  acknowledgedAt: r.acknowledged_at,
  resolvedAt: r.resolved_at,
  statusChangedAt: r.status_changed_at,
  hashtags: extra.hashtags,
  url: `/posts/${r.post_id}`,
});

/** `/api/v1/pain-points…`: the board, one pain point with its history, changes, votes, leads. */
export async function painPointsCoreApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addSchema(PainPointJson);
  app.addSchema(PainPointDetail);
  const tags = ['pain-points'];

  const detail = async (viewer: User, id: string): Promise<Static<typeof PainPointDetail>> => {
    const { pp, post } = await loadPainPoint(deps, viewer, id);
    const [lead, events, voted, hashtags] = await Promise.all([
      isLeadOf(db, viewer.id, pp.department),
      eventsOf(db, pp.id),
      votedAmong(db, viewer.id, [pp.id]),
      hashtagsOfPosts(db, [pp.post_id]),
    ]);
    const [names, readable] = await Promise.all([
      namesOf(db, [pp.owner_id]),
      readablePostIds(db, viewer.id, [
        pp.resolving_post_id,
        ...events.map((e) => e.resolving_post_id),
      ]),
    ]);
    const row = {
      ...pp,
      post_body: post.body,
      owner_name: pp.owner_id ? (names.get(pp.owner_id) ?? null) : null,
    };
    return {
      ...itemOf(row, {
        voted: voted.has(pp.id),
        hashtags: hashtags.get(pp.post_id) ?? [],
        readable,
      }),
      events: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        actor: e.actor_id && e.actor_name ? { id: e.actor_id, name: e.actor_name } : null,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        owner: e.owner_id && e.owner_name ? { id: e.owner_id, name: e.owner_name } : null,
        resolvingPostId:
          e.resolving_post_id && readable.has(e.resolving_post_id) ? e.resolving_post_id : null,
        note: e.note,
        createdAt: e.created_at,
      })),
      canChangeStatus: canChangeStatus(viewer, pp, lead),
      canAssignOwner: canAssignOwner(viewer, lead),
    };
  };

  app.get(
    '/pain-points',
    {
      schema: {
        tags,
        summary: 'The pain-point board: pain points the caller may see, filtered and sorted',
        description:
          'Only pain points whose post the caller may read. Statuses as in `status` (default: ' +
          'the open ones); `department`, `tag` (a hashtag) and `ownerId` (or `none`) narrow it. ' +
          '`nextCursor` continues in the same order.',
        querystring: Type.Object({
          ...BoardQuerySchema,
          cursor: Type.Optional(Type.String({ maxLength: 500 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: BOARD_PAGE })),
        }),
        response: { 200: Page(Type.Ref(PainPointJson)), ...problems(400, 401) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const f = await boardFilterOf(db, req.query);
      const { cards, next } = await boardCards(deps, viewer, f, {
        cursor: req.query.cursor || null,
        limit: req.query.limit ?? BOARD_PAGE,
      });
      const [hashtags, readable] = await Promise.all([
        hashtagsOfPosts(
          db,
          cards.map((c) => c.post_id),
        ),
        readablePostIds(
          db,
          viewer.id,
          cards.map((c) => c.resolving_post_id),
        ),
      ]);
      return {
        items: cards.map((c) =>
          itemOf(c, { voted: c.voted, hashtags: hashtags.get(c.post_id) ?? [], readable }),
        ),
        nextCursor: next,
      };
    },
  );

  // `/pain-points/leads…`: static paths win over `/pain-points/:id` whatever the order.
  await leadsApi(instance, deps);

  app.get(
    '/pain-points/:id',
    {
      schema: {
        tags,
        summary: 'One pain point with its history',
        params: PpParams,
        response: { 200: Type.Ref(PainPointDetail), ...problems(401, 404) },
      },
    },
    async (req) => detail(requireViewer(req), req.params.id),
  );

  app.patch(
    '/pain-points/:id',
    {
      schema: {
        tags,
        summary: 'Change status (with a note), owner or resolving post',
        description:
          'Status: admins, the owner and the department’s leads. Nothing goes back to `new`; ' +
          'a status never moves to itself; `in_progress` may go back to `acknowledged`; a ' +
          'closed one (`resolved`, `wont_fix`) reopens to `acknowledged` or `in_progress`. ' +
          'Owner (`ownerId`, null for none; an active person): admins and the department’s ' +
          'leads. Resolving post (`resolvingPostId`: an id or `/posts/<id>` address of a post ' +
          'the caller may read; null removes it): as status. All changes in one transaction.',
        params: PpParams,
        body: Type.Object(
          {
            status: Type.Optional(
              Type.String({ maxLength: 40, description: PAIN_POINT_STATUSES.join(', ') }),
            ),
            note: Type.Optional(
              Type.String({
                maxLength: NOTE_MAX * 2,
                description: `with a status: why (up to ${NOTE_MAX} characters)`,
              }),
            ),
            ownerId: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
            resolvingPostId: Type.Optional(
              Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref(PainPointDetail), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const b = req.body;
      await changePainPoint(deps, viewer, req.params.id, {
        status: b.status,
        note: b.note,
        ownerId: b.ownerId,
        resolvingPost: b.resolvingPostId,
      });
      return detail(viewer, req.params.id);
    },
  );

  const voteRoute = (on: boolean) => ({
    schema: {
      tags,
      summary: on
        ? '"Me too": vote for a pain point (once; not its author)'
        : 'Take one’s vote back',
      params: PpParams,
      response: { 200: VoteJson, ...problems(401, 404, 422) },
    },
  });
  const voted = async (req: FastifyRequest, on: boolean) => {
    const { id } = req.params as { id: string };
    const r = await vote(deps, requireViewer(req), id, on);
    return { painPointId: r.painPointId, votes: r.votes, voted: r.voted };
  };
  app.post('/pain-points/:id/votes', voteRoute(true), (req) => voted(req, true));
  app.delete('/pain-points/:id/votes', voteRoute(false), (req) => voted(req, false));
}

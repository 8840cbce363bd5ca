import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Page, problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { requireViewer } from '../../http/context.tsx';
import { notFound } from '../../http/errors.ts';
import { findUserById } from '../accounts/index.ts';
import { loadGroup } from '../groups/index.ts';
import {
  aliasTarget,
  countVisible,
  findHashtag,
  normaliseTag,
  relatedTags,
} from '../hashtags/index.ts';
import { PostJson, postJson } from '../posts/posts.api.ts';
import { hydrateWithAttachments } from '../posts/attachments.ts';
import { checkFollowable, followTarget } from './feed.routes.tsx';
import {
  groupFeed,
  hashtagFeed,
  homeFeed,
  profileFeed,
  setFollow,
  type FeedPage,
} from './feed.queries.ts';

const FeedQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 40 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
const Meaning = Type.Union([
  Type.Literal('success_story'),
  Type.Literal('customer_voice'),
  Type.Literal('pain_point'),
  Type.Literal('campaign'),
  Type.Null(),
]);
const HashtagJson = Type.Object({
  tag: Type.String({ description: 'normalised' }),
  display: Type.String(),
  aliases: Type.Array(Type.String()),
  meaning: Meaning,
  count: Type.Integer({ description: 'posts visible to the caller' }),
  related: Type.Array(Type.Object({ tag: Type.String(), count: Type.Integer() })),
});
const FollowBody = Type.Object({
  type: Type.Union([Type.Literal('group'), Type.Literal('user'), Type.Literal('hashtag')]),
  id: Type.String({ maxLength: 200 }),
});

/** `/api/v1`: home, group, profile and hashtag feeds; hashtags; follows. */
export async function feedApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, clock } = deps;
  const tags = ['feeds'];
  const FeedPageSchema = Page(Type.Ref(PostJson));
  const respond = async (viewerId: string, page: FeedPage) => ({
    items: (await hydrateWithAttachments(db, viewerId, page.posts)).map(postJson),
    nextCursor: page.next,
  });

  app.get(
    '/feed',
    {
      schema: {
        tags,
        summary: 'The caller’s home feed, newest first',
        querystring: FeedQuery,
        response: { 200: FeedPageSchema, ...problems(401) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      return respond(
        viewer.id,
        await homeFeed(db, viewer.id, req.query.cursor ?? null, req.query.limit ?? 20),
      );
    },
  );

  app.get(
    '/groups/:id/posts',
    {
      schema: {
        tags,
        summary: 'A group’s feed',
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        querystring: FeedQuery,
        response: { 200: FeedPageSchema, ...problems(401, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const { group } = await loadGroup(deps, viewer, req.params.id);
      return respond(
        viewer.id,
        await groupFeed(db, viewer.id, group.id, req.query.cursor ?? null, req.query.limit ?? 20),
      );
    },
  );

  app.get(
    '/users/:id/posts',
    {
      schema: {
        tags,
        summary: 'A person’s posts visible to the caller',
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        querystring: FeedQuery,
        response: { 200: FeedPageSchema, ...problems(401, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const user = await findUserById(db, req.params.id);
      if (!user || (user.status !== 'active' && viewer.role !== 'admin')) throw notFound();
      return respond(
        viewer.id,
        await profileFeed(db, viewer.id, user.id, req.query.cursor ?? null, req.query.limit ?? 20),
      );
    },
  );

  const resolveTag = async (raw: string, viewerId: string) => {
    const asked = normaliseTag(raw);
    const tag = await findHashtag(db, (await aliasTarget(db, asked)) ?? asked);
    if (!tag) throw notFound();
    const count = await countVisible(db, tag.tag, viewerId);
    if (count === 0) throw notFound();
    return { tag, count };
  };

  app.get(
    '/hashtags/:tag',
    {
      schema: {
        tags,
        summary:
          'A hashtag: normalised name, aliases, meaning, count visible to the caller, related hashtags',
        params: Type.Object({ tag: Type.String({ maxLength: 200 }) }),
        response: { 200: HashtagJson, ...problems(401, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const { tag, count } = await resolveTag(req.params.tag, viewer.id);
      return {
        tag: tag.tag,
        display: tag.display,
        aliases: tag.aliases,
        meaning: tag.meaning,
        count,
        related: await relatedTags(db, tag.tag, viewer.id, 10),
      };
    },
  );

  app.get(
    '/hashtags/:tag/posts',
    {
      schema: {
        tags,
        summary: 'A hashtag’s series, newest first',
        params: Type.Object({ tag: Type.String({ maxLength: 200 }) }),
        querystring: FeedQuery,
        response: { 200: FeedPageSchema, ...problems(401, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const { tag } = await resolveTag(req.params.tag, viewer.id);
      return respond(
        viewer.id,
        await hashtagFeed(db, viewer.id, tag.tag, req.query.cursor ?? null, req.query.limit ?? 20),
      );
    },
  );

  app.post(
    '/follows',
    {
      schema: {
        tags,
        summary: 'Follow a group, a person or a hashtag',
        body: FollowBody,
        response: { 204: Type.Null(), ...problems(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const id = await checkFollowable(deps, viewer, req.body.type, req.body.id);
      await setFollow(db, viewer.id, req.body.type, id, true, clock());
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/follows',
    {
      schema: {
        tags,
        summary: 'Stop following',
        body: FollowBody,
        response: { 204: Type.Null(), ...problems(400, 401) },
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const id = await followTarget(deps, req.body.type, req.body.id);
      await setFollow(db, viewer.id, req.body.type, id, false, clock());
      return reply.code(204).send(null);
    },
  );
}

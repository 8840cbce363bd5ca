import { Type, type Static } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Page, problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { requireViewer } from '../../http/context.tsx';
import { AppError, notFound } from '../../http/errors.ts';
import { Text } from '../../http/validation.ts';
import { ATTACHMENTS_MAX, attachmentJson, hydrateWithAttachments } from './attachments.ts';
import {
  AttachmentJson,
  attachmentsApi,
  readMultipartForm,
  uploadsOf,
} from './attachments.routes.ts';
import type { Attachment } from './attachments.table.ts';
import { seenCounts } from './moderation.ts';
import { commentsOf, reactorsOf, type PostView } from './posts.queries.ts';
import {
  addComment,
  BODY_MAX,
  COMMENT_MAX,
  createPost,
  deleteComment,
  deletePost,
  editPost,
  loadPost,
  react,
} from './posts.service.ts';
import { KindSchema, ReactionSchema } from './posts.routes.tsx';
import { REACTION_TYPES, type ReactionType } from './posts.table.ts';

const Counts = Type.Object({
  comments: Type.Integer(),
  reactions: Type.Integer(),
  byType: Type.Object(Object.fromEntries(REACTION_TYPES.map((r) => [r, Type.Integer()]))),
});

export const PostJson = Type.Object(
  {
    id: Type.String(),
    kind: KindSchema,
    body: Type.String({ description: 'as written (Markdown)' }),
    html: Type.String({ description: 'rendered, safe HTML' }),
    author: Type.Object({ id: Type.String(), name: Type.String() }),
    groupId: Type.Union([Type.String(), Type.Null()]),
    hashtags: Type.Array(Type.String(), { description: 'normalised' }),
    mentions: Type.Array(Type.String(), { description: 'user ids' }),
    createdAt: Type.String({ format: 'date-time' }),
    editedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    counts: Counts,
    myReactions: Type.Array(ReactionSchema),
    attachments: Type.Array(AttachmentJson, { description: 'in the order they were attached' }),
    question: Type.Union(
      [
        Type.Object({
          status: Type.Union([
            Type.Literal('open'),
            Type.Literal('answered'),
            Type.Literal('accepted'),
          ]),
          answers: Type.Integer({ description: 'top-level comments by others than the asker' }),
          acceptedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
        }),
        Type.Null(),
      ],
      { description: 'a question’s state; null for other kinds' },
    ),
    documents: Type.Array(
      Type.Object({ id: Type.String(), title: Type.String(), url: Type.String() }),
      { description: 'documents it attaches that the caller may read' },
    ),
  },
  { $id: 'Post' },
);

/** A post in JSON; its attachments where they were loaded (hydrateWithAttachments). */
export function postJson(
  p: PostView & {
    attachments?: readonly Attachment[];
    documents?: readonly { id: string; title: string }[];
  },
): Static<typeof PostJson> {
  const byType = JSON.parse(p.reaction_counts) as Partial<Record<ReactionType, number>>;
  return {
    id: p.id,
    kind: p.kind,
    body: p.body,
    html: p.html,
    author: { id: p.author_id, name: p.author_name },
    groupId: p.group_id,
    hashtags: p.hashtags,
    mentions: p.mentions,
    createdAt: p.created_at,
    editedAt: p.edited_at,
    counts: {
      comments: p.comment_count,
      reactions: p.reaction_count,
      byType: Object.fromEntries(REACTION_TYPES.map((r) => [r, byType[r] ?? 0])),
    },
    myReactions: [...p.mine],
    attachments: (p.attachments ?? []).map(attachmentJson),
    question: p.question,
    documents: (p.documents ?? []).map((d) => ({
      id: d.id,
      title: d.title,
      url: `/api/v1/documents/${d.id}`,
    })),
  };
}

const CommentJson = Type.Object({
  id: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  author: Type.Object({ id: Type.String(), name: Type.String() }),
  body: Type.String(),
  html: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const NewPostFields = {
  body: Text(BODY_MAX),
  groupId: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
  kind: Type.Optional(KindSchema),
  documentId: Type.Optional(
    Type.Union([Type.String({ maxLength: 200 }), Type.Null()], {
      description: 'a document to attach, one the author may read (reuse when in another group)',
    }),
  ),
};
const NewPostJson = Type.Object(NewPostFields, { additionalProperties: false });
const NewPostForm = Type.Object(
  {
    ...NewPostFields,
    groupId: Type.Optional(Type.String({ maxLength: 40 })),
    files: Type.Optional(
      Type.Array(Type.String({ format: 'binary' }), {
        maxItems: ATTACHMENTS_MAX,
        description:
          `up to ${ATTACHMENTS_MAX} files, each at most ATTACHMENT_MAX_MB: images (JPEG, PNG, ` +
          'WebP, GIF; re-encoded at most 1600 px) or PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, ' +
          'text, CSV, Markdown, ZIP; the type is checked by content and must agree with the name',
      }),
    ),
  },
  { additionalProperties: false },
);

/** `/api/v1/posts…`: write, read, edit, delete; comments and reactions. */
export async function postsApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addSchema(PostJson);
  const tags = ['posts'];
  const PostRef = Type.Ref(PostJson);
  const one = async (
    viewerId: string,
    post: Parameters<typeof hydrateWithAttachments>[2][number],
  ) => postJson((await hydrateWithAttachments(db, viewerId, [post]))[0]!);

  app.post(
    '/posts',
    {
      preValidation: readMultipartForm(deps),
      schema: {
        tags,
        summary: 'Write a post, org-wide or into a group one belongs to',
        description:
          'JSON, or multipart/form-data with the same fields and the files to attach as ' +
          '`files` (too many, too large or of a refused type: an error naming the `files` field).',
        body: {
          content: {
            'application/json': { schema: NewPostJson },
            'multipart/form-data': { schema: NewPostForm },
          },
        },
        response: { 201: PostRef, ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      // The body is checked per content type; any other type would go unchecked.
      if (!req.isMultipart() && req.mediaType !== 'application/json')
        throw new AppError(415, 'unsupported_media_type', 'error.unsupported_media_type');
      const { documentId, ...input } = req.body as Static<typeof NewPostJson>;
      const post = await createPost(deps, viewer, {
        ...input,
        document: documentId ?? null,
        uploads: uploadsOf(req),
      });
      return reply.code(201).send(await one(viewer.id, post));
    },
  );

  app.get(
    '/posts/:id',
    {
      schema: {
        tags,
        summary: 'A post',
        params: IdParams,
        response: { 200: PostRef, ...problems(401, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      return one(viewer.id, await loadPost(deps, viewer, req.params.id));
    },
  );

  app.patch(
    '/posts/:id',
    {
      schema: {
        tags,
        summary: 'The author edits a post (it is marked edited)',
        params: IdParams,
        body: Type.Object({ body: Text(BODY_MAX) }, { additionalProperties: false }),
        response: { 200: PostRef, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      return one(viewer.id, await editPost(deps, viewer, req.params.id, req.body.body));
    },
  );

  app.delete(
    '/posts/:id',
    {
      schema: {
        tags,
        summary: 'Delete a post (author, group owner, admin)',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await deletePost(deps, requireViewer(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/posts/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comments and replies, oldest first',
        params: IdParams,
        response: { 200: Page(CommentJson), ...problems(401, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const post = await loadPost(deps, viewer, req.params.id);
      const rows = await commentsOf(db, post.id);
      return {
        items: rows.map((c) => ({
          id: c.id,
          parentId: c.parent_id,
          author: { id: c.author_id, name: c.author_name },
          body: c.body,
          html: c.html,
          createdAt: c.created_at,
        })),
        nextCursor: null,
      };
    },
  );

  app.post(
    '/posts/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment, or reply to a comment (parentId)',
        params: IdParams,
        body: Type.Object(
          { body: Text(COMMENT_MAX), parentId: Type.Optional(Type.String({ maxLength: 40 })) },
          { additionalProperties: false },
        ),
        response: { 201: CommentJson, ...problems(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const c = await addComment(deps, viewer, req.params.id, req.body);
      return reply.code(201).send({
        id: c.id,
        parentId: c.parent_id,
        author: { id: viewer.id, name: viewer.name },
        body: c.body,
        html: c.html,
        createdAt: c.created_at,
      });
    },
  );

  app.delete(
    '/comments/:id',
    {
      schema: {
        tags,
        summary: 'Delete a comment (author, group owner, admin)',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await deleteComment(deps, requireViewer(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/posts/:id/reactions',
    {
      schema: {
        tags,
        summary: 'React (like, thanks, insightful, celebrate)',
        params: IdParams,
        body: Type.Object({ type: ReactionSchema }),
        response: { 200: PostRef, ...problems(400, 401, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      return one(viewer.id, await react(deps, viewer, req.params.id, req.body.type, true));
    },
  );

  app.delete(
    '/posts/:id/reactions/:type',
    {
      schema: {
        tags,
        summary: 'Take a reaction back',
        params: Type.Object({ id: Type.String({ maxLength: 40 }), type: ReactionSchema }),
        response: { 200: PostRef, ...problems(400, 401, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      return one(viewer.id, await react(deps, viewer, req.params.id, req.params.type, false));
    },
  );

  app.get(
    '/posts/:id/reactions',
    {
      schema: {
        tags,
        summary: 'Who reacted, and how, in the order they did',
        params: IdParams,
        response: {
          200: Page(
            Type.Object({
              type: Type.String({ description: REACTION_TYPES.join(', ') }),
              user: Type.Object({ id: Type.String(), name: Type.String() }),
            }),
          ),
          ...problems(401, 404),
        },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const post = await loadPost(deps, viewer, req.params.id);
      const rows = await reactorsOf(db, post.id);
      return {
        items: rows.map((r) => ({ type: r.type, user: { id: r.id, name: r.name } })),
        nextCursor: null,
      };
    },
  );

  app.get(
    '/posts/:id/views',
    {
      schema: {
        tags,
        summary: 'An announcement: how many people have seen it ("seen by N")',
        params: IdParams,
        response: {
          200: Type.Object({ seenBy: Type.Integer() }),
          ...problems(401, 404),
        },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const post = await loadPost(deps, viewer, req.params.id);
      if (post.kind !== 'announcement') throw notFound();
      return { seenBy: (await seenCounts(deps, [post.id])).get(post.id) ?? 0 };
    },
  );

  await attachmentsApi(instance, deps);
}

import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireViewer, sendPage } from '../../http/context.tsx';
import { AppError } from '../../http/errors.ts';
import { FormBody, safeNext, tryForm } from '../../http/forms.ts';
import { Text } from '../../http/validation.ts';
import type { Errors } from '../../views/form.tsx';
import { loadGroup } from '../groups/index.ts';
import { ATTACHMENTS_MAX, hydrateWithAttachments, removeAttachments } from './attachments.ts';
import { attachmentRoutes, readMultipartForm, uploadsOf } from './attachments.routes.ts';
import { canDeletePost, canEditPost } from './posts.policy.ts';
import { commentsOf, myGroups, reactorsOf } from './posts.queries.ts';
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
import { REACTION_TYPES, type PostKind, type ReactionType } from './posts.table.ts';
import {
  Composer,
  EditPostPage,
  mergeExtensions,
  PostPage,
  QuestionPreviewPage,
  type CommentRow,
  type CommentsExtension,
} from './posts.views.tsx';
import { markSeen, seenCounts, sharesOf } from './moderation.ts';
import { PostExtras } from './moderation.views.tsx';
import type { PageContext } from '../../views/layout.tsx';
import type { User } from '../accounts/accounts.table.ts';
import type { Post } from './posts.table.ts';

/**
 * Another feature's step before a question from the composer is published (questions: similar
 * answered questions). Null: none, publish now. Given what was typed.
 */
export type QuestionPreview = (
  viewer: User,
  text: string,
) => Promise<((ctx: PageContext) => preact.VNode) | null>;

/** Another feature's additions to a post page's comments (questions), loaded with the page. */
export type CommentsSection = (
  viewer: User,
  post: Post,
  comments: readonly CommentRow[],
) => Promise<((ctx: PageContext) => CommentsExtension) | null>;

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
export const KindSchema = Type.Union([
  Type.Literal('post'),
  Type.Literal('question'),
  Type.Literal('announcement'),
]);
export const ReactionSchema = Type.Union(REACTION_TYPES.map((r) => Type.Literal(r)));

/**
 * Where a form came from, to return there. Only local paths; the composer on the home page, a
 * group page or a hashtag page all post here.
 */
const back = (v: unknown, fallback: string) =>
  typeof v === 'string' && v ? safeNext(v) : fallback;

/** Post pages and forms: write, read with comments, edit, delete, react, comment and reply. */
export async function postsRoutes(
  instance: FastifyInstance,
  deps: Deps,
  sections: { comments?: readonly CommentsSection[]; questionPreview?: QuestionPreview } = {},
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  const showPost = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: { errors: Errors; values: Record<string, unknown>; status: number },
  ) => {
    const viewer = requireViewer(req);
    const post = await loadPost(deps, viewer, id);
    const [[view], comments, reactors] = await Promise.all([
      hydrateWithAttachments(db, viewer.id, [post]),
      commentsOf(db, post.id),
      reactorsOf(db, post.id),
    ]);
    const ownGroup = post.group_id ? await loadGroup(deps, viewer, post.group_id) : null;
    const owner = ownGroup?.rel.role === 'owner';
    const isAnnouncement = post.kind === 'announcement';
    if (isAnnouncement) await markSeen(deps, viewer.id, [post.id]);
    const [seen, sharedInto, mine, commentsExt] = await Promise.all([
      isAnnouncement ? seenCounts(deps, [post.id]) : new Map<string, number>(),
      sharesOf(deps, post.id, viewer.id),
      myGroups(db, viewer.id),
      Promise.all((sections.comments ?? []).map((s) => s(viewer, post, comments))),
    ]);
    const extras = (ctx: PageContext) => (
      <PostExtras
        ctx={ctx}
        postId={post.id}
        isAnnouncement={isAnnouncement}
        seenBy={seen.get(post.id) ?? 0}
        pinnedUntil={post.pinned_until}
        sharedInto={sharedInto}
        canShare={!ownGroup || ownGroup.group.visibility === 'public'}
        shareTargets={mine.filter(
          (g) => g.id !== post.group_id && !sharedInto.some((s) => s.id === g.id),
        )}
      />
    );
    const canDeleteComment = (c: CommentRow) =>
      c.author_id === viewer.id || viewer.role === 'admin' || owner;
    return sendPage(
      req,
      reply,
      deps,
      `${view!.author_name}: ${post.body.slice(0, 60)}`,
      (ctx) => (
        <PostPage
          ctx={ctx}
          post={view!}
          comments={comments}
          reactors={reactors}
          canEdit={canEditPost(viewer, post)}
          canDelete={canDeletePost(viewer, post, owner)}
          canDeleteComment={canDeleteComment}
          errors={form.errors}
          values={form.values}
          extras={extras(ctx)}
          commentsExt={mergeExtensions(commentsExt.flatMap((e) => (e ? [e(ctx)] : [])))}
        />
      ),
      form.status,
    );
  };

  const showComposer = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors: Errors,
    status: number,
  ) => {
    const viewer = requireViewer(req);
    const groups = await myGroups(db, viewer.id);
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('posts.new'),
      (ctx) => (
        <section>
          <h1>{ctx.i18n.t('posts.new')}</h1>
          <Composer
            ctx={ctx}
            groups={groups}
            values={values}
            errors={errors}
            back={values.back || '/'}
            maxFileMb={deps.config.attachmentMaxMb}
            withDocument
          />
        </section>
      ),
      status,
    );
  };

  app.get('/posts/:id', { schema: { params: IdParams } }, async (req, reply) =>
    showPost(req, reply, req.params.id, { errors: {}, values: {}, status: 200 }),
  );

  // The composer: errors go back to the page it was on (home, group), with what was typed. It
  // is a multipart form (for its files); a form without files may also come url-encoded.
  app.post(
    '/posts',
    {
      preValidation: readMultipartForm(deps),
      schema: {
        body: FormBody({
          body: Text(BODY_MAX * 2),
          groupId: Type.Optional(Type.String({ maxLength: 40 })),
          kind: Type.Optional(KindSchema),
          back: Type.Optional(Type.String({ maxLength: 500 })),
          document: Type.Optional(Type.String({ maxLength: 200 })),
          confirmed: Type.Optional(Type.String({ maxLength: 1 })),
        }),
      },
      attachValidation: true,
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const b = (req.body ?? {}) as {
        body?: string;
        groupId?: string;
        kind?: PostKind;
        back?: string;
        document?: string;
      };
      const to = back(b.back, '/');
      const uploads = uploadsOf(req);
      // A question first shows what was asked before, unless the person has seen it already.
      const confirmed = (req.body as { confirmed?: string } | undefined)?.confirmed === '1';
      if (b.kind === 'question' && !confirmed && !req.validationError && sections.questionPreview) {
        const found = await sections.questionPreview(viewer, b.body ?? '');
        if (found) {
          const values: Record<string, string> = {};
          for (const [k, v] of Object.entries(req.body as Record<string, unknown>))
            if (typeof v === 'string' && v !== '' && k !== '_csrf' && k !== 'confirmed')
              values[k] = v;
          values.back = to;
          return sendPage(req, reply, deps, req.i18n.t('questions.similar_title'), (ctx) => (
            <QuestionPreviewPage
              ctx={ctx}
              found={found(ctx)}
              values={values}
              filesSent={(uploads?.files.length ?? 0) > 0}
              maxFileMb={deps.config.attachmentMaxMb}
            />
          ));
        }
      }
      const r = req.validationError
        ? { errors: { body: req.i18n.t('validation.invalid_format') } }
        : await tryForm(req, () =>
            createPost(deps, viewer, {
              body: b.body ?? '',
              groupId: b.groupId || null,
              kind: b.kind,
              uploads,
              document: b.document || null,
            }),
          );
      // A refused post comes back on its own page with everything that was typed.
      if ('errors' in r)
        return showComposer(
          req,
          reply,
          {
            body: b.body ?? '',
            groupId: b.groupId ?? '',
            kind: b.kind ?? 'post',
            back: to,
            filesSent: uploads?.files.length ? '1' : '',
            document: b.document ?? '',
          },
          r.errors,
          400,
        );
      return redirectWithFlash(reply, to, 'success', 'posts.published');
    },
  );

  app.get(
    '/posts/new',
    {
      schema: {
        querystring: Type.Object({
          groupId: Type.Optional(Type.String({ maxLength: 40 })),
          document: Type.Optional(Type.String({ maxLength: 200 })),
        }),
      },
    },
    async (req, reply) =>
      showComposer(
        req,
        reply,
        { groupId: req.query.groupId ?? '', document: req.query.document ?? '' },
        {},
        200,
      ),
  );

  app.get('/posts/:id/edit', { schema: { params: IdParams } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const post = await loadPost(deps, viewer, req.params.id);
    if (!canEditPost(viewer, post)) throw new AppError(404, 'not_found', 'error.not_found');
    const [view] = await hydrateWithAttachments(db, viewer.id, [post]);
    return sendPage(req, reply, deps, req.i18n.t('posts.edit'), (ctx) => (
      <EditPostPage ctx={ctx} post={view!} body={post.body} errors={{}} />
    ));
  });

  app.post(
    '/posts/:id',
    {
      schema: {
        params: IdParams,
        body: FormBody({
          body: Text(BODY_MAX * 2),
          // Attachments to take off (their ids), ticked on the edit form.
          remove: Type.Optional(
            Type.Union([
              Type.String({ maxLength: 40 }),
              Type.Array(Type.String({ maxLength: 40 }), { maxItems: ATTACHMENTS_MAX }),
            ]),
          ),
        }),
      },
      attachValidation: true,
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { id } = req.params as { id: string };
      const body =
        typeof (req.body as { body?: unknown })?.body === 'string'
          ? (req.body as { body: string }).body
          : '';
      const ticked = (req.body as { remove?: string | string[] } | undefined)?.remove ?? [];
      const remove = req.validationError ? [] : [ticked].flat();
      const r = await tryForm(req, () => editPost(deps, viewer, id, body));
      if ('ok' in r) await removeAttachments(deps, viewer, r.ok, remove);
      if ('errors' in r) {
        const post = await loadPost(deps, viewer, id);
        const [view] = await hydrateWithAttachments(db, viewer.id, [post]);
        return sendPage(
          req,
          reply,
          deps,
          req.i18n.t('posts.edit'),
          (ctx) => <EditPostPage ctx={ctx} post={view!} body={body} errors={r.errors} />,
          400,
        );
      }
      return redirectWithFlash(reply, `/posts/${id}`, 'success', 'posts.saved');
    },
  );

  app.post('/posts/:id/delete', { schema: { params: IdParams } }, async (req, reply) => {
    const viewer = requireViewer(req);
    await deletePost(deps, viewer, req.params.id);
    return redirectWithFlash(reply, '/', 'success', 'posts.deleted');
  });

  app.post(
    '/posts/:id/reactions',
    {
      schema: {
        params: IdParams,
        body: FormBody({
          toggle: ReactionSchema,
          back: Type.Optional(Type.String({ maxLength: 500 })),
        }),
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { id } = req.params as { id: string };
      const { toggle, back: b } = req.body as { toggle: ReactionType; back?: string };
      const post = await loadPost(deps, viewer, id);
      const mine = await db
        .selectFrom('reactions')
        .select('type')
        .where('post_id', '=', post.id)
        .where('user_id', '=', viewer.id)
        .where('type', '=', toggle)
        .executeTakeFirst();
      await react(deps, viewer, post.id, toggle, !mine);
      return reply.redirect(`${back(b, `/posts/${post.id}`)}#p-${post.id}`, 303);
    },
  );

  app.post(
    '/posts/:id/comments',
    {
      schema: {
        params: IdParams,
        body: Type.Record(
          Type.String(),
          Type.Union([Type.String({ maxLength: COMMENT_MAX * 2 }), Type.Array(Type.String())]),
        ),
      },
      attachValidation: true,
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { id } = req.params as { id: string };
      const b = (req.body ?? {}) as Record<string, unknown>;
      const parentId = typeof b.parentId === 'string' ? b.parentId : null;
      const body = parentId ? b[`body-${parentId}`] : b.body;
      const text = typeof body === 'string' ? body : '';
      const values = { body: text, parentId: parentId ?? '' };
      if (req.validationError)
        return showPost(req, reply, id, {
          errors: { body: req.i18n.t('validation.invalid_format') },
          values,
          status: 400,
        });
      const r = await tryForm(req, () => addComment(deps, viewer, id, { body: text, parentId }));
      if ('errors' in r) return showPost(req, reply, id, { errors: r.errors, values, status: 400 });
      return redirectWithFlash(reply, `/posts/${id}#c-${r.ok.id}`, 'success', 'posts.commented');
    },
  );

  app.post('/comments/:id/delete', { schema: { params: IdParams } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const postId = await deleteComment(deps, viewer, req.params.id);
    return redirectWithFlash(
      reply,
      `/posts/${postId}#comments`,
      'success',
      'posts.comment_deleted',
    );
  });

  await attachmentRoutes(instance, deps);
}

import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { requireViewer, sendPage } from '../../http/context.tsx';
import { notFound } from '../../http/errors.ts';
import { actAndRedirect, FormBody } from '../../http/forms.ts';
import type { PageSection } from '../../views/layout.tsx';
import type { User } from '../accounts/accounts.table.ts';
import { canSeeContent, loadGroup } from '../groups/index.ts';
import { aliasTarget, countVisible, findHashtag, normaliseTag } from '../hashtags/index.ts';
import type { CommentsSection } from '../posts/index.ts';
import { answerTimes } from './answer-times.ts';
import { canAccept } from './questions.policy.ts';
import {
  findQuestion,
  helpfulCounts,
  isOverdue,
  listQuestions,
  myVotes,
  statusOf,
  type QuestionFilter,
} from './questions.queries.ts';
import { acceptAnswer, isGroupOwner, unacceptAnswer, voteHelpful } from './questions.service.ts';
import { getBusinessHours, getOrgTargetHours, targetHoursFor } from './questions.targets.ts';
import { answersExtension, QuestionsPage, type ListStatus } from './questions.views.tsx';

export const QUESTIONS_PAGE = 20;
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
export const StatusSchema = Type.Union([
  Type.Literal('open'),
  Type.Literal('answered'),
  Type.Literal('all'),
]);
const ListQuery = Type.Object({
  status: Type.Optional(StatusSchema),
  overdue: Type.Optional(Type.Boolean()),
  cursor: Type.Optional(Type.String({ maxLength: 40 })),
});

/** The post page's part for a question: its state, the accepted answer first, votes, buttons. */
export function answersSection(deps: Pick<Deps, 'db' | 'clock'>): CommentsSection {
  return async (viewer, post, comments) => {
    if (post.kind !== 'question') return null;
    const question = await findQuestion(deps.db, post.id);
    if (!question) return null;
    const answerIds = comments
      .filter((c) => !c.parent_id && c.author_id !== post.author_id)
      .map((c) => c.id);
    const [helpful, mine, owner, bh, targetHours] = await Promise.all([
      helpfulCounts(deps.db, answerIds),
      myVotes(deps.db, viewer.id, answerIds),
      isGroupOwner(deps, viewer, post.group_id),
      getBusinessHours(deps.db),
      targetHoursFor(deps.db, post.group_id),
    ]);
    return (ctx) =>
      answersExtension(ctx, {
        postId: post.id,
        askerId: post.author_id,
        status: statusOf(question),
        acceptedId: question.accepted_comment_id,
        canAccept: canAccept(viewer, post, owner),
        helpful,
        mine,
        viewerId: viewer.id,
        times: answerTimes(question, bh),
        targetHours,
        overdue: isOverdue({ ...question, target_hours: targetHours }, deps.clock()),
      });
  };
}

/** Question lists (org-wide, per group, per hashtag) and the answer buttons' forms. */
export async function questionsRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  const list = async (
    viewer: User,
    path: string,
    q: { status?: ListStatus; overdue?: boolean; cursor?: string },
    where: Pick<QuestionFilter, 'groupId' | 'tag'>,
  ) => {
    const status = q.status ?? 'open';
    const overdue = q.overdue === true;
    const now = deps.clock();
    const orgTargetHours = await getOrgTargetHours(db);
    const page = await listQuestions(
      db,
      viewer.id,
      { ...where, status, overdue, cursor: q.cursor ?? null, limit: QUESTIONS_PAGE },
      { now, orgTargetHours },
    );
    const nextUrl = page.next
      ? `${path}?status=${status}${overdue ? '&overdue=true' : ''}&cursor=${encodeURIComponent(page.next)}`
      : null;
    const items = page.items.map((row) => ({ ...row, overdue: isOverdue(row, now) }));
    return { status, overdue, items, nextUrl };
  };
  const titleKey = (s: ListStatus, overdue = false) =>
    overdue
      ? 'questions.title_overdue'
      : s === 'open'
        ? 'questions.title_open'
        : s === 'answered'
          ? 'questions.title_answered'
          : 'questions.title_all';

  app.get('/questions', { schema: { querystring: ListQuery } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const r = await list(viewer, '/questions', req.query, {});
    const title = req.i18n.t(titleKey(r.status, r.overdue));
    return sendPage(req, reply, deps, title, (ctx) => (
      <QuestionsPage ctx={ctx} title={title} path="/questions" {...r} />
    ));
  });

  app.get(
    '/groups/:id/questions',
    { schema: { params: IdParams, querystring: ListQuery } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      // A private group's questions exist only for its members: "not found" for others.
      const { group, rel } = await loadGroup(deps, viewer, req.params.id);
      if (!canSeeContent(viewer, group, rel)) throw notFound();
      const path = `/groups/${group.id}/questions`;
      const r = await list(viewer, path, req.query, { groupId: group.id });
      const title = `${req.i18n.t(titleKey(r.status, r.overdue))}: ${group.name}`;
      return sendPage(req, reply, deps, title, (ctx) => (
        <QuestionsPage
          ctx={ctx}
          title={ctx.i18n.t('questions.in_group', { group: group.name })}
          path={path}
          {...r}
          context={
            <p>
              <a href={`/groups/${group.id}`}>{group.name}</a>
            </p>
          }
        />
      ));
    },
  );

  app.get(
    '/hashtags/:tag/questions',
    {
      schema: {
        params: Type.Object({ tag: Type.String({ maxLength: 200 }) }),
        querystring: ListQuery,
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const asked = normaliseTag(req.params.tag);
      const target = await aliasTarget(db, asked);
      if (target) return reply.redirect(`/hashtags/${encodeURIComponent(target)}/questions`, 301);
      const tag = await findHashtag(db, asked);
      // A tag used only where the viewer cannot read does not exist for them (as on its page).
      if (!tag || (await countVisible(db, tag.tag, viewer.id)) === 0) throw notFound();
      const path = `/hashtags/${encodeURIComponent(tag.tag)}/questions`;
      const r = await list(viewer, path, req.query, { tag: tag.tag });
      const title = req.i18n.t('questions.with_tag', { tag: tag.display });
      return sendPage(req, reply, deps, title, (ctx) => (
        <QuestionsPage
          ctx={ctx}
          title={title}
          path={path}
          {...r}
          context={
            <p>
              <a href={`/hashtags/${encodeURIComponent(tag.tag)}`}>#{tag.display}</a>
            </p>
          }
        />
      ));
    },
  );

  app.post(
    '/posts/:id/accepted-answer',
    {
      schema: { params: IdParams, body: FormBody({ commentId: Type.String({ maxLength: 40 }) }) },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { id } = req.params;
      const { commentId } = req.body as { commentId: string };
      return actAndRedirect(reply, `/posts/${id}#c-${commentId}`, async () => {
        await acceptAnswer(deps, viewer, id, commentId);
        return ['questions.accepted'];
      });
    },
  );

  app.post(
    '/posts/:id/accepted-answer/delete',
    { schema: { params: IdParams } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { id } = req.params;
      return actAndRedirect(reply, `/posts/${id}#comments`, async () => {
        await unacceptAnswer(deps, viewer, id);
        return ['questions.unaccepted'];
      });
    },
  );

  app.post(
    '/comments/:id/helpful',
    {
      schema: {
        params: IdParams,
        body: FormBody({ on: Type.Union([Type.Literal('1'), Type.Literal('0')]) }),
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { on } = req.body as { on: '1' | '0' };
      const r = await voteHelpful(deps, viewer, req.params.id, on === '1');
      return reply.redirect(`/posts/${r.postId}#c-${r.commentId}`, 303);
    },
  );
}

/** A group page's feed with a link to the group's questions above it (the group page shows it to readers only). */
export function withGroupQuestionsLink(feed: PageSection): PageSection {
  return async (req, viewer, groupId) => {
    const inner = await feed(req, viewer, groupId);
    return (ctx) => (
      <>
        <p class="group-questions">
          <a href={`/groups/${groupId}/questions`}>{ctx.i18n.t('questions.group_link')}</a>
        </p>
        {inner(ctx)}
      </>
    );
  };
}

import { Type, type Static } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Page, problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { requireViewer } from '../../http/context.tsx';
import { notFound } from '../../http/errors.ts';
import type { User } from '../accounts/accounts.table.ts';
import { canSeeContent, loadGroup } from '../groups/index.ts';
import { aliasTarget, normaliseTag } from '../hashtags/index.ts';
import { answerTimes, type AnswerTimes } from './answer-times.ts';
import { findQuestion, isOverdue, listQuestions, statusOf } from './questions.queries.ts';
import { StatusSchema } from './questions.routes.tsx';
import { acceptAnswer, loadQuestion, unacceptAnswer, voteHelpful } from './questions.service.ts';
import { getBusinessHours, getOrgTargetHours, targetHoursFor } from './questions.targets.ts';
import { findSimilarQuestions } from './similar.ts';

const QuestionStatusSchema = Type.Union([
  Type.Literal('open'),
  Type.Literal('answered'),
  Type.Literal('accepted'),
]);

const TookJson = Type.Union(
  [
    Type.Object({
      calendarHours: Type.Number({ description: 'hours on the clock, to the hundredth' }),
      businessHours: Type.Number({
        description: 'working hours only (the admin’s working days, hours and holidays)',
      }),
    }),
    Type.Null(),
  ],
  { description: 'null until it happened' },
);
const Times = {
  timeToFirstAnswer: TookJson,
  timeToAcceptedAnswer: TookJson,
};
const timesJson = (t: AnswerTimes) => ({
  timeToFirstAnswer: t.firstAnswer,
  timeToAcceptedAnswer: t.acceptedAnswer,
});
const Overdue = Type.Boolean({
  description:
    'open, and waiting longer than its target (the group’s, or for org-wide ' +
    'questions the organisation’s)',
});

const QuestionJson = Type.Object(
  {
    postId: Type.String(),
    status: QuestionStatusSchema,
    askedAt: Type.String({ format: 'date-time' }),
    firstAnswerAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'the first comment by someone other than the asker',
    }),
    acceptedCommentId: Type.Union([Type.String(), Type.Null()]),
    acceptedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    ...Times,
    targetHours: Type.Integer({ description: 'hours it may wait for a first answer' }),
    overdue: Overdue,
  },
  { $id: 'Question' },
);

const QuestionListItem = Type.Object({
  id: Type.String(),
  body: Type.String(),
  author: Type.Object({ id: Type.String(), name: Type.String() }),
  groupId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  status: QuestionStatusSchema,
  comments: Type.Integer(),
  firstAnswerAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  acceptedCommentId: Type.Union([Type.String(), Type.Null()]),
  acceptedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  ...Times,
  overdue: Overdue,
  url: Type.String(),
});

const SimilarJson = Type.Object({
  id: Type.String(),
  body: Type.String(),
  author: Type.Object({ name: Type.String() }),
  groupId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  status: QuestionStatusSchema,
  acceptedCommentId: Type.Union([Type.String(), Type.Null()]),
  url: Type.String({ description: 'the question’s answers (the accepted one if any)' }),
});

const HelpfulJson = Type.Object({
  commentId: Type.String(),
  helpful: Type.Integer({ description: 'how many people found the answer helpful' }),
  voted: Type.Boolean(),
});

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });

/** `/api/v1/questions…`: lists, the accepted answer, helpful votes. */
export async function questionsApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addSchema(QuestionJson);
  const QuestionRef = Type.Ref(QuestionJson);
  const tags = ['questions'];

  const state = async (viewer: User, postId: string): Promise<Static<typeof QuestionJson>> => {
    const { post } = await loadQuestion(deps, viewer, postId);
    const q = (await findQuestion(db, post.id))!;
    const [bh, targetHours] = await Promise.all([
      getBusinessHours(db),
      targetHoursFor(db, post.group_id),
    ]);
    return {
      postId: q.post_id,
      status: statusOf(q),
      askedAt: q.asked_at,
      firstAnswerAt: q.first_answer_at,
      acceptedCommentId: q.accepted_comment_id,
      acceptedAt: q.accepted_at,
      ...timesJson(answerTimes(q, bh)),
      targetHours,
      overdue: isOverdue({ ...q, target_hours: targetHours }, deps.clock()),
    };
  };

  app.get(
    '/questions',
    {
      schema: {
        tags,
        summary: 'Questions the caller may read: open ones oldest first, others newest first',
        description:
          '`open`: no answer yet by anyone but the asker; `answered`: at least one; `all`. ' +
          '`overdue=true`: only open questions past their target. ' +
          'A group the caller may not see is "not found".',
        querystring: Type.Object({
          status: Type.Optional(StatusSchema),
          overdue: Type.Optional(Type.Boolean()),
          groupId: Type.Optional(Type.String({ maxLength: 40 })),
          tag: Type.Optional(Type.String({ maxLength: 200 })),
          cursor: Type.Optional(Type.String({ maxLength: 40 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
        }),
        response: { 200: Page(QuestionListItem), ...problems(400, 401, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const { status = 'open', groupId, cursor, limit = 20 } = req.query;
      if (groupId) {
        const { group, rel } = await loadGroup(deps, viewer, groupId);
        if (!canSeeContent(viewer, group, rel)) throw notFound();
      }
      let tag: string | null = null;
      if (req.query.tag) {
        const asked = normaliseTag(req.query.tag);
        tag = (await aliasTarget(db, asked)) ?? asked;
      }
      const now = deps.clock();
      const [bh, orgTargetHours] = await Promise.all([getBusinessHours(db), getOrgTargetHours(db)]);
      const page = await listQuestions(
        db,
        viewer.id,
        {
          status,
          overdue: req.query.overdue === true,
          groupId: groupId ?? null,
          tag,
          cursor: cursor ?? null,
          limit,
        },
        { now, orgTargetHours },
      );
      return {
        items: page.items.map((q) => ({
          id: q.id,
          body: q.body,
          author: { id: q.author_id, name: q.author_name },
          groupId: q.group_id,
          createdAt: q.created_at,
          status: statusOf(q),
          comments: q.comment_count,
          firstAnswerAt: q.first_answer_at,
          acceptedCommentId: q.accepted_comment_id,
          acceptedAt: q.accepted_at,
          ...timesJson(answerTimes(q, bh)),
          overdue: isOverdue(q, now),
          url: `/posts/${q.id}`,
        })),
        nextCursor: page.next,
      };
    },
  );

  app.get(
    '/questions/similar',
    {
      schema: {
        tags,
        summary: 'Answered questions like a text, for someone about to ask',
        description:
          'Questions the caller may read that have an answer and share significant words ' +
          'with `q` (case and German umlauts folded), the closest and newest first. ' +
          'Not paged: `nextCursor` is always null.',
        querystring: Type.Object({
          q: Type.String({ maxLength: 2000 }),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
        }),
        response: { 200: Page(SimilarJson), ...problems(400, 401) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const items = await findSimilarQuestions(db, viewer, req.query.q, {
        limit: req.query.limit ?? 5,
        now: deps.clock(),
      });
      return {
        items: items.map((q) => ({
          id: q.id,
          body: q.body,
          author: { name: q.authorName },
          groupId: q.groupId,
          createdAt: q.createdAt,
          status: q.status,
          acceptedCommentId: q.acceptedCommentId,
          url: q.url,
        })),
        nextCursor: null,
      };
    },
  );

  app.get(
    '/posts/:id/question',
    {
      schema: {
        tags,
        summary: 'A question’s state and recorded times',
        params: IdParams,
        response: { 200: QuestionRef, ...problems(401, 404) },
      },
    },
    async (req) => state(requireViewer(req), req.params.id),
  );

  app.put(
    '/posts/:id/accepted-answer',
    {
      schema: {
        tags,
        summary: 'Accept an answer (asker, group owner, admin); replaces an accepted one',
        params: IdParams,
        body: Type.Object(
          { commentId: Type.String({ maxLength: 40 }) },
          { additionalProperties: false },
        ),
        response: { 200: QuestionRef, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      await acceptAnswer(deps, viewer, req.params.id, req.body.commentId);
      return state(viewer, req.params.id);
    },
  );

  app.delete(
    '/posts/:id/accepted-answer',
    {
      schema: {
        tags,
        summary: 'Take the accepted answer back (asker, group owner, admin)',
        params: IdParams,
        response: { 200: QuestionRef, ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      await unacceptAnswer(deps, viewer, req.params.id);
      return state(viewer, req.params.id);
    },
  );

  const helpfulRoute = (on: boolean) => ({
    schema: {
      tags,
      summary: on
        ? 'Mark an answer helpful (once per person; not one’s own)'
        : 'Take one’s helpful vote back',
      params: IdParams,
      response: { 200: HelpfulJson, ...problems(401, 404, 422) },
    },
  });
  const helpful = async (req: FastifyRequest, id: string, on: boolean) => {
    const r = await voteHelpful(deps, requireViewer(req), id, on);
    return { commentId: r.commentId, helpful: r.helpful, voted: r.voted };
  };
  app.post('/comments/:id/helpful', helpfulRoute(true), (req) => helpful(req, req.params.id, true));
  app.delete('/comments/:id/helpful', helpfulRoute(false), (req) =>
    helpful(req, req.params.id, false),
  );
}

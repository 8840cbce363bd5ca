import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Page, problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { requireViewer } from '../../http/context.tsx';
import { Text } from '../../http/validation.ts';
import {
  departments,
  MAX_PENDING,
  mySubmissions,
  submitAnonymous,
  SUBMISSION_MAX,
  withdrawSubmission,
} from './anonymous.service.ts';
import {
  approveSubmission,
  moderationQueue,
  REASON_MAX,
  rejectSubmission,
  requireModerator,
} from './painpoints.moderation.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const Nullable = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()]);

const MySubmissionJson = Type.Object({
  id: Type.String(),
  body: Type.String(),
  department: Type.String({ description: "'' when none was chosen" }),
  groupId: Nullable(Type.String({ description: 'null: org-wide' })),
  groupName: Nullable(Type.String()),
  submittedAt: Type.String({ format: 'date-time' }),
});

const QueueItemJson = Type.Object({
  id: Type.String(),
  body: Type.String(),
  department: Type.String(),
  groupId: Nullable(Type.String({ description: 'null: org-wide' })),
  groupName: Nullable(Type.String()),
  groupVisibility: Nullable(Type.String()),
  submittedOn: Type.String({
    format: 'date',
    description: 'the day it was sent (UTC); never who sent it',
  }),
});

/**
 * `/api/v1/pain-points/anonymous` (the submitter's side) and `/api/v1/pain-points/moderation`
 * (admins). What is kept about the submitter, and for how long: see anonymous.service.ts.
 */
export async function anonymousApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['pain-points'];

  app.post(
    '/pain-points/anonymous',
    {
      schema: {
        tags,
        summary: 'File a pain point anonymously (held for moderation)',
        description:
          'Nobody sees who sent it, moderators included. Its author is kept only while it ' +
          'waits (to list and withdraw it, and for the limit of ' +
          `${MAX_PENDING} waiting texts per person, 422 \`too_many_pending\`); the decision ` +
          'clears it, and the author is not notified of it. `department`: one of the ' +
          "departments people are in ('' or absent: none); `groupId`: a group the caller " +
          'belongs to (null or absent: org-wide).',
        body: Type.Object({
          body: Text(SUBMISSION_MAX),
          department: Type.Optional(Type.String({ maxLength: 200 })),
          groupId: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
        }),
        response: {
          201: Type.Object({ id: Type.String(), status: Type.Literal('pending') }),
          ...problems(400, 401, 422),
        },
      },
    },
    async (req, reply) => {
      const id = await submitAnonymous(deps, requireViewer(req), req.body);
      return reply.code(201).send({ id, status: 'pending' as const });
    },
  );

  app.get(
    '/pain-points/anonymous/mine',
    {
      schema: {
        tags,
        summary: 'The caller’s anonymous pain points that still wait for moderation',
        description:
          'Once decided, a submission is no longer linked to anybody and leaves this list.',
        response: { 200: Page(MySubmissionJson), ...problems(401) },
      },
    },
    async (req) => {
      const rows = await mySubmissions(deps.db, requireViewer(req).id);
      return {
        items: rows.map((s) => ({
          id: s.id,
          body: s.body,
          department: s.department,
          groupId: s.group_id,
          groupName: s.group_name,
          submittedAt: s.created_at,
        })),
        nextCursor: null,
      };
    },
  );

  app.delete(
    '/pain-points/anonymous/:id',
    {
      schema: {
        tags,
        summary: 'Withdraw one’s waiting anonymous pain point (its text is deleted)',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(401, 404) },
      },
    },
    async (req, reply) => {
      await withdrawSubmission(deps, requireViewer(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/pain-points/anonymous/departments',
    {
      schema: {
        tags,
        summary: 'Departments people are in, for an anonymous pain point’s department',
        response: { 200: Type.Object({ items: Type.Array(Type.String()) }), ...problems(401) },
      },
    },
    async (req) => {
      requireViewer(req);
      return { items: await departments(deps.db) };
    },
  );

  app.get(
    '/pain-points/moderation',
    {
      schema: {
        tags,
        summary: 'Admin: anonymous pain points waiting for a decision, oldest first',
        response: { 200: Page(QueueItemJson), ...problems(401, 403) },
      },
    },
    async (req) => {
      requireModerator(requireViewer(req));
      const rows = await moderationQueue(deps.db);
      return {
        items: rows.map((s) => ({
          id: s.id,
          body: s.body,
          department: s.department,
          groupId: s.group_id,
          groupName: s.group_name,
          groupVisibility: s.group_visibility,
          submittedOn: s.created_at.slice(0, 10),
        })),
        nextCursor: null,
      };
    },
  );

  app.post(
    '/pain-points/moderation/:id/approve',
    {
      schema: {
        tags,
        summary: 'Admin: publish a waiting anonymous pain point as a post by “Anonymous”',
        params: IdParams,
        response: {
          200: Type.Object({ postId: Type.String(), painPointId: Type.String() }),
          ...problems(401, 403, 404, 409),
        },
      },
    },
    async (req) => {
      const moderator = requireModerator(requireViewer(req));
      return approveSubmission(deps, moderator, req.params.id);
    },
  );

  app.post(
    '/pain-points/moderation/:id/reject',
    {
      schema: {
        tags,
        summary: 'Admin: turn a waiting anonymous pain point down, with a reason',
        params: IdParams,
        body: Type.Object({ reason: Text(REASON_MAX) }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const moderator = requireModerator(requireViewer(req));
      await rejectSubmission(deps, moderator, req.params.id, req.body.reason);
      return reply.code(204).send(null);
    },
  );
}

import { Type, type Static } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Page, PageQuery, problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { requireViewer } from '../../http/context.tsx';
import { AppError, notFound } from '../../http/errors.ts';
import { Line, Text } from '../../http/validation.ts';
import { decodeCursor, encodeCursor } from '../accounts/users.queries.ts';
import { canManage, canSeeContent, type Relation } from './groups.policy.ts';
import { listGroups, listMembers, listPending } from './groups.queries.ts';
import {
  addPerson,
  createGroup,
  dropPending,
  invitePerson,
  joinGroup,
  leaveOrRemove,
  loadGroup,
  setMemberRole,
  updateGroup,
} from './groups.service.ts';
import type { Group } from './groups.table.ts';
import { KindSchema, VisibilitySchema } from './groups.routes.tsx';

export const GroupJson = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    visibility: VisibilitySchema,
    kind: KindSchema,
    memberCount: Type.Integer(),
    myRole: Type.Union([Type.Literal('owner'), Type.Literal('member'), Type.Null()]),
    myPending: Type.Union([Type.Literal('request'), Type.Literal('invitation'), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Group' },
);

function groupJson(g: Group, rel: Relation): Static<typeof GroupJson> {
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    visibility: g.visibility,
    kind: g.kind,
    memberCount: g.member_count,
    myRole: rel.role,
    myPending: rel.pending,
    createdAt: g.created_at,
  };
}

const MemberJson = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  title: Type.String(),
  department: Type.String(),
  role: Type.Union([Type.Literal('owner'), Type.Literal('member')]),
  joinedAt: Type.String({ format: 'date-time' }),
});
const PendingJson = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('request'), Type.Literal('invitation')]),
  message: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
const NewGroup = Type.Object(
  {
    name: Line(100, { minLength: 1 }),
    description: Type.Optional(Text(2000)),
    visibility: VisibilitySchema,
    kind: Type.Optional(KindSchema),
  },
  { additionalProperties: false },
);
const GroupPatch = Type.Partial(
  Type.Object({
    name: Line(100, { minLength: 1 }),
    description: Text(2000),
    visibility: VisibilitySchema,
    kind: KindSchema,
  }),
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const MemberParams = Type.Object({
  id: Type.String({ maxLength: 40 }),
  userId: Type.String({ maxLength: 40 }),
});
const UserRefBody = Type.Object({
  userId: Type.Optional(Type.String({ maxLength: 40 })),
  message: Type.Optional(Text(500)),
});

/** `/api/v1/groups…`: directory, create, settings, membership, requests and invitations. */
export async function groupsApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addSchema(GroupJson);
  const tags = ['groups'];
  const GroupRef = Type.Ref(GroupJson);

  app.get(
    '/groups',
    {
      schema: {
        tags,
        summary: 'Groups the caller may know of (secret ones only to members and invitees)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          kind: Type.Optional(KindSchema),
          mine: Type.Optional(Type.Boolean()),
          ...PageQuery,
        }),
        response: { 200: Page(GroupRef), ...problems(400, 401) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const q = req.query;
      const { groups, next } = await listGroups(
        db,
        viewer,
        { q: q.q?.trim() || undefined, kind: q.kind, mine: q.mine === true },
        { cursor: decodeCursor(q.cursor), limit: q.limit ?? 20 },
      );
      return {
        items: groups.map((g) => groupJson(g, { role: g.my_role, pending: g.my_pending })),
        nextCursor: next ? encodeCursor(next) : null,
      };
    },
  );

  app.post(
    '/groups',
    {
      schema: {
        tags,
        summary: 'Create a group; the caller becomes its owner',
        body: NewGroup,
        response: { 201: GroupRef, ...problems(400, 401) },
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const b = req.body;
      const group = await createGroup(deps, viewer, {
        name: b.name,
        description: b.description ?? '',
        visibility: b.visibility,
        kind: b.kind ?? 'community',
      });
      return reply.code(201).send(groupJson(group, { role: 'owner', pending: null }));
    },
  );

  app.get(
    '/groups/:id',
    {
      schema: {
        tags,
        summary: 'A group',
        params: IdParams,
        response: { 200: GroupRef, ...problems(401, 404) },
      },
    },
    async (req) => {
      const { group, rel } = await loadGroup(deps, requireViewer(req), req.params.id);
      return groupJson(group, rel);
    },
  );

  app.patch(
    '/groups/:id',
    {
      schema: {
        tags,
        summary: 'Owners and admins: change a group',
        params: IdParams,
        body: GroupPatch,
        response: { 200: GroupRef, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const group = await updateGroup(deps, viewer, req.params.id, req.body);
      const { rel } = await loadGroup(deps, viewer, group.id);
      return groupJson(group, rel);
    },
  );

  app.get(
    '/groups/:id/members',
    {
      schema: {
        tags,
        summary: 'Members (of a private or secret group: for members only)',
        params: IdParams,
        querystring: Type.Object(PageQuery),
        response: { 200: Page(MemberJson), ...problems(401, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const { group, rel } = await loadGroup(deps, viewer, req.params.id);
      if (!canSeeContent(viewer, group, rel)) throw notFound();
      const { members, next } = await listMembers(db, group.id, {
        cursor: decodeCursor(req.query.cursor),
        limit: req.query.limit ?? 20,
      });
      return {
        items: members.map((m) => ({
          userId: m.id,
          name: m.name,
          title: m.title,
          department: m.department,
          role: m.role,
          joinedAt: m.joined_at,
        })),
        nextCursor: next ? encodeCursor(next) : null,
      };
    },
  );

  app.post(
    '/groups/:id/members',
    {
      schema: {
        tags,
        summary:
          "Without userId (or with one's own): join a public group, accept an invitation, or ask to join a private group. Owners with another userId: add that person (approving a request).",
        params: IdParams,
        body: UserRefBody,
        response: {
          200: Type.Object({
            status: Type.Union([Type.Literal('member'), Type.Literal('requested')]),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const userId = req.body.userId ?? viewer.id;
      if (userId === viewer.id) {
        const outcome = await joinGroup(deps, viewer, req.params.id, req.body.message ?? '');
        return { status: outcome === 'joined' ? ('member' as const) : ('requested' as const) };
      }
      await addPerson(deps, viewer, req.params.id, userId);
      return { status: 'member' as const };
    },
  );

  app.delete(
    '/groups/:id/members/:userId',
    {
      schema: {
        tags,
        summary: "Leave (one's own id) or, as owner, remove a member",
        params: MemberParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      await leaveOrRemove(deps, requireViewer(req), req.params.id, req.params.userId);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/groups/:id/members/:userId/role',
    {
      schema: {
        tags,
        summary: 'Owners and admins: make a member owner or member',
        params: MemberParams,
        body: Type.Object({ role: Type.Union([Type.Literal('owner'), Type.Literal('member')]) }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      await setMemberRole(
        deps,
        requireViewer(req),
        req.params.id,
        req.params.userId,
        req.body.role,
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/groups/:id/pending',
    {
      schema: {
        tags,
        summary: 'Owners and admins: waiting requests and invitations',
        params: IdParams,
        response: { 200: Page(PendingJson), ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const { group, rel } = await loadGroup(deps, viewer, req.params.id);
      if (!canManage(viewer, group, rel)) throw new AppError(403, 'forbidden', 'error.forbidden');
      const rows = await listPending(db, group.id);
      return {
        items: rows.map((p) => ({
          userId: p.id,
          name: p.name,
          kind: p.kind,
          message: p.message,
          createdAt: p.created_at,
        })),
        nextCursor: null,
      };
    },
  );

  app.post(
    '/groups/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Owners and admins: invite a person; they join when they accept',
        params: IdParams,
        body: Type.Object({ userId: Type.String({ maxLength: 40 }) }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await invitePerson(deps, requireViewer(req), req.params.id, req.body.userId);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/groups/:id/pending/:userId',
    {
      schema: {
        tags,
        summary: 'Withdraw or decline a request or invitation (the person, or an owner)',
        params: MemberParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await dropPending(deps, requireViewer(req), req.params.id, req.params.userId);
      return reply.code(204).send(null);
    },
  );
}

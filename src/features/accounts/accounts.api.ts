import { Type, type Static } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Page, PageQuery, problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { requireAdmin, requireViewer } from '../../http/context.tsx';
import { AppError, notFound } from '../../http/errors.ts';
import { Email, Line, Text } from '../../http/validation.ts';
import type { User } from './accounts.table.ts';
import { canEditProfile } from './accounts.policy.ts';
import { createPerson, deactivateUser, reactivateUser, setRole } from './accounts.service.ts';
import { PASSWORD_MAX } from './passwords.ts';
import { removePhoto, setPhoto, updateProfile } from './people.service.ts';
import {
  Availability,
  DirectoryQuery,
  loadPerson,
  readUpload,
  withSkills,
} from './people.routes.tsx';
import { photoUrl, type PersonView } from './people.views.tsx';
import { endSession, listSessions } from './sessions.ts';
import { createToken, listTokens, revokeToken } from './tokens.ts';
import { decodeCursor, encodeCursor, listUsers } from './users.queries.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const UserJson = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    title: Type.String(),
    department: Type.String(),
    location: Type.String(),
    bio: Type.String(),
    skills: Type.Array(Type.String()),
    availability: Availability,
    capacity: Type.Integer(),
    awayUntil: Nullable(Type.String({ format: 'date' })),
    managerId: Nullable(Type.String()),
    role: Type.Union([Type.Literal('admin'), Type.Literal('member')]),
    status: Type.Union([
      Type.Literal('invited'),
      Type.Literal('active'),
      Type.Literal('deactivated'),
    ]),
    photo: Type.Union([Type.Object({ small: Type.String(), medium: Type.String() }), Type.Null()]),
    locale: Type.Union([Type.Literal('de'), Type.Literal('en'), Type.Null()]),
    timeZone: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'User' },
);

export function userJson(u: PersonView): Static<typeof UserJson> {
  const small = photoUrl(u, 'small');
  const medium = photoUrl(u, 'medium');
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    title: u.title,
    department: u.department,
    location: u.location,
    bio: u.bio,
    skills: u.skills,
    availability: u.availability,
    capacity: u.capacity,
    awayUntil: u.away_until,
    managerId: u.manager_id,
    role: u.role,
    status: u.status,
    photo: small && medium ? { small, medium } : null,
    locale: u.locale,
    timeZone: u.time_zone,
    createdAt: u.created_at,
  };
}

const ProfilePatch = Type.Object(
  {
    name: Type.Optional(Line(100, { minLength: 1 })),
    title: Type.Optional(Line(100)),
    department: Type.Optional(Line(100)),
    location: Type.Optional(Line(100)),
    bio: Type.Optional(Text(2000)),
    skills: Type.Optional(Type.Array(Line(60), { maxItems: 20 })),
    availability: Type.Optional(Availability),
    capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    awayUntil: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
    managerId: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    locale: Type.Optional(Type.Union([Type.Literal('de'), Type.Literal('en'), Type.Null()])),
    timeZone: Type.Optional(Line(64, { minLength: 1 })),
  },
  { additionalProperties: false },
);

const NewUserBody = Type.Object(
  {
    email: Email(),
    name: Line(100, { minLength: 1 }),
    title: Type.Optional(Line(100)),
    department: Type.Optional(Line(100)),
    location: Type.Optional(Line(100)),
    role: Type.Optional(Type.Union([Type.Literal('admin'), Type.Literal('member')])),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: PASSWORD_MAX * 4 })),
    invite: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const TokenJson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const SessionJson = Type.Object({
  id: Type.String(),
  current: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  ip: Type.String(),
  userAgent: Type.String(),
});
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });

/** `/api/v1`: me, users, tokens, sessions (API.md). */
export async function accountsApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, clock } = deps;
  app.addSchema(UserJson);
  const people = { tags: ['people'] };
  const UserRef = Type.Ref(UserJson);

  app.get(
    '/me',
    {
      schema: {
        ...people,
        summary: 'The signed-in person',
        response: { 200: UserRef, ...problems(401) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      return userJson(await loadPerson(deps, viewer, viewer.id));
    },
  );

  app.get(
    '/users',
    {
      schema: {
        ...people,
        summary: 'People directory: search by name, filter by department, skill and availability',
        querystring: Type.Object({
          ...DirectoryQuery.properties,
          ...PageQuery,
          available: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Page(UserRef), ...problems(400, 401) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const q = req.query as Static<typeof DirectoryQuery> & {
        limit?: number;
        available?: boolean;
      };
      const { users, next } = await listUsers(
        db,
        {
          q: q.q?.trim() || undefined,
          department: q.department || undefined,
          skill: q.skill?.trim() || undefined,
          availability: q.availability || (q.available ? 'available' : undefined),
          status: viewer.role === 'admin' ? 'all' : 'active',
        },
        { cursor: decodeCursor(q.cursor), limit: q.limit ?? 20 },
      );
      return {
        items: (await withSkills(deps, users)).map(userJson),
        nextCursor: next ? encodeCursor(next) : null,
      };
    },
  );

  app.post(
    '/users',
    {
      schema: {
        ...people,
        summary: 'Admin: create a person (with a password) or invite them (invitation mail)',
        body: NewUserBody,
        response: {
          201: Type.Object({ user: UserRef, inviteUrl: Type.Union([Type.String(), Type.Null()]) }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const b = req.body as Static<typeof NewUserBody>;
      if (b.password === undefined && b.invite === false) {
        throw new AppError(400, 'validation_failed', 'error.validation_failed', {}, [
          { field: 'password', code: 'required', message: 'validation.required' },
        ]);
      }
      const { user, inviteUrl } = await createPerson(deps, actor, {
        email: b.email,
        name: b.name,
        title: b.title,
        department: b.department,
        location: b.location,
        role: b.role ?? 'member',
        ...(b.password !== undefined ? { password: b.password } : {}),
      });
      return reply.code(201).send({ user: userJson({ ...user, skills: [] }), inviteUrl });
    },
  );

  app.get(
    '/users/:id',
    {
      schema: {
        ...people,
        summary: 'A profile',
        params: IdParams,
        response: { 200: UserRef, ...problems(401, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      return userJson(await loadPerson(deps, viewer, (req.params as { id: string }).id));
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        ...people,
        summary: 'Change a profile (oneself, or anyone as admin)',
        params: IdParams,
        body: ProfilePatch,
        response: { 200: UserRef, ...problems(400, 401, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const { id } = req.params as { id: string };
      const target = await loadPerson(deps, viewer, id);
      if (!canEditProfile(viewer, target)) throw new AppError(403, 'forbidden', 'error.forbidden');
      const b = req.body as Static<typeof ProfilePatch>;
      await updateProfile(deps, viewer, id, b);
      return userJson(await loadPerson(deps, viewer, id));
    },
  );

  app.put(
    '/users/:id/photo',
    {
      schema: {
        ...people,
        summary:
          'Upload a profile photo (multipart/form-data, field "photo"; JPEG, PNG, WebP or GIF)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: UserRef, ...problems(400, 401, 404, 413, 415) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const { id } = req.params as { id: string };
      await setPhoto(deps, viewer, id, await readUpload(req));
      return userJson(await loadPerson(deps, viewer, id));
    },
  );

  app.delete(
    '/users/:id/photo',
    {
      schema: {
        ...people,
        summary: 'Remove the profile photo',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await removePhoto(deps, requireViewer(req), (req.params as { id: string }).id);
      return reply.code(204).send(null);
    },
  );

  for (const action of ['deactivate', 'reactivate'] as const) {
    app.post(
      `/users/:id/${action}`,
      {
        schema: {
          ...people,
          summary:
            action === 'deactivate'
              ? 'Admin: deactivate (ends sessions and tokens at once)'
              : 'Admin: reactivate',
          params: IdParams,
          response: { 200: UserRef, ...problems(401, 403, 404, 422) },
        },
      },
      async (req) => {
        const actor = requireAdmin(req);
        const { id } = req.params as { id: string };
        await (action === 'deactivate' ? deactivateUser : reactivateUser)(deps, actor, id);
        return userJson(await loadPerson(deps, actor, id));
      },
    );
  }

  app.put(
    '/users/:id/role',
    {
      schema: {
        ...people,
        summary: 'Admin: make a person admin or member',
        params: IdParams,
        body: Type.Object({ role: Type.Union([Type.Literal('admin'), Type.Literal('member')]) }),
        response: { 200: UserRef, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req) => {
      const actor = requireAdmin(req);
      const { id } = req.params as { id: string };
      await setRole(deps, actor, id, (req.body as { role: User['role'] }).role);
      return userJson(await loadPerson(deps, actor, id));
    },
  );

  const tokens = { tags: ['tokens'] };
  app.get(
    '/tokens',
    {
      schema: {
        ...tokens,
        summary: 'My personal access tokens',
        response: { 200: Page(TokenJson) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const rows = await listTokens(db, viewer.id);
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          prefix: r.prefix,
          createdAt: r.created_at,
          lastUsedAt: r.last_used_at,
        })),
        nextCursor: null,
      };
    },
  );

  app.post(
    '/tokens',
    {
      schema: {
        ...tokens,
        summary: 'Create a personal access token; the token is in this response only',
        body: Type.Object({ name: Line(100, { minLength: 1 }) }),
        response: {
          201: Type.Composite([TokenJson, Type.Object({ token: Type.String() })]),
          ...problems(400, 401),
        },
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const t = await createToken(db, {
        userId: viewer.id,
        name: (req.body as { name: string }).name,
        now: clock(),
      });
      return reply.code(201).send({
        id: t.id,
        name: t.name,
        prefix: t.prefix,
        createdAt: t.createdAt,
        lastUsedAt: null,
        token: t.token,
      });
    },
  );

  app.delete(
    '/tokens/:id',
    {
      schema: {
        ...tokens,
        summary: 'Revoke a token',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(401, 404) },
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      if (!(await revokeToken(db, viewer.id, (req.params as { id: string }).id, clock())))
        throw notFound();
      return reply.code(204).send(null);
    },
  );

  const sessions = { tags: ['sessions'] };
  app.get(
    '/sessions',
    { schema: { ...sessions, summary: 'My sessions', response: { 200: Page(SessionJson) } } },
    async (req) => {
      const viewer = requireViewer(req);
      const current = req.auth?.kind === 'session' ? req.auth.sessionId : null;
      const rows = await listSessions(db, viewer.id, clock(), deps.config);
      return {
        items: rows.map((s) => ({
          id: s.id,
          current: s.id === current,
          createdAt: s.created_at,
          lastSeenAt: s.last_seen_at,
          ip: s.ip,
          userAgent: s.user_agent,
        })),
        nextCursor: null,
      };
    },
  );

  app.delete(
    '/sessions/:id',
    {
      schema: {
        ...sessions,
        summary: 'End one of my sessions',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(401, 404) },
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      if (!(await endSession(db, viewer.id, (req.params as { id: string }).id))) throw notFound();
      return reply.code(204).send(null);
    },
  );
}

import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireAdmin, sendPage } from '../../http/context.tsx';
import { actAndRedirect, FormBody, formErrors, tryForm, type FlashArgs } from '../../http/forms.ts';
import { Email, Line } from '../../http/validation.ts';
import type { Errors } from '../../views/form.tsx';
import {
  createPerson,
  deactivateUser,
  reactivateUser,
  resendInvitation,
  setRole,
} from '../accounts/accounts.service.ts';
import { PASSWORD_MAX } from '../accounts/passwords.ts';
import { decodeCursor, encodeCursor, listUsers } from '../accounts/users.queries.ts';
import { AdminUsersPage, NewPersonPage } from './users.views.tsx';

const NewPersonBody = FormBody({
  name: Line(100, { minLength: 1 }),
  email: Email(),
  title: Type.Optional(Line(100)),
  department: Type.Optional(Line(100)),
  location: Type.Optional(Line(100)),
  admin: Type.Optional(Type.Literal('1')),
  mode: Type.Union([Type.Literal('invite'), Type.Literal('password')]),
  password: Type.Optional(Type.String({ maxLength: PASSWORD_MAX * 4 })),
});
const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(
    Type.Union(['all', 'active', 'invited', 'deactivated'].map((s) => Type.Literal(s))),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
});
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });

/** Admin pages for people: list, create or invite, deactivate and reactivate, roles. */
export async function adminUserRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/admin/users', { schema: { querystring: ListQuery } }, async (req, reply) => {
    requireAdmin(req);
    const q = req.query as typeof ListQuery.static;
    const status = (q.status ?? 'all') as 'all' | 'active' | 'invited' | 'deactivated';
    const { users, next } = await listUsers(
      deps.db,
      { q: q.q?.trim() || undefined, status },
      { cursor: decodeCursor(q.cursor), limit: 50 },
    );
    const nextUrl = next
      ? `/admin/users?${new URLSearchParams({ q: q.q ?? '', status, cursor: encodeCursor(next) }).toString()}`
      : null;
    return sendPage(req, reply, deps, req.i18n.t('admin.users'), (ctx) => (
      <AdminUsersPage ctx={ctx} users={users} q={q.q ?? ''} status={status} nextUrl={nextUrl} />
    ));
  });

  const showNew = (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: Errors,
    status = 200,
  ) =>
    sendPage(
      req,
      reply,
      deps,
      req.i18n.t('admin.new_person'),
      (ctx) => <NewPersonPage ctx={ctx} values={values} errors={errors} />,
      status,
    );

  app.get('/admin/users/new', async (req, reply) => {
    requireAdmin(req);
    return showNew(req, reply, {}, {});
  });

  app.post(
    '/admin/users',
    { schema: { body: NewPersonBody }, attachValidation: true },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const body = req.body as Record<string, string>;
      const errors = formErrors(req);
      if (errors) return showNew(req, reply, body, errors, 400);
      const f = req.body as typeof NewPersonBody.static;
      if (f.mode === 'password' && !f.password) {
        return showNew(req, reply, body, { password: req.i18n.t('validation.required') }, 400);
      }
      const r = await tryForm(req, () =>
        createPerson(deps, actor, {
          name: f.name,
          email: f.email,
          title: f.title,
          department: f.department,
          location: f.location,
          role: f.admin === '1' ? 'admin' : 'member',
          ...(f.mode === 'password' ? { password: f.password } : {}),
        }),
      );
      if ('errors' in r) return showNew(req, reply, body, r.errors, 400);
      return r.ok.inviteUrl
        ? redirectWithFlash(reply, '/admin/users', 'success', 'admin.invited', {
            email: r.ok.user.email,
            url: r.ok.inviteUrl,
          })
        : redirectWithFlash(reply, '/admin/users', 'success', 'admin.created', {
            email: r.ok.user.email,
          });
    },
  );

  const act = (reply: FastifyReply, action: () => Promise<FlashArgs>) =>
    actAndRedirect(reply, '/admin/users', action);

  app.post('/admin/users/:id/deactivate', { schema: { params: IdParams } }, async (req, reply) => {
    const actor = requireAdmin(req);
    return act(reply, async () => {
      await deactivateUser(deps, actor, req.params.id);
      return ['admin.deactivated'];
    });
  });

  app.post('/admin/users/:id/reactivate', { schema: { params: IdParams } }, async (req, reply) => {
    const actor = requireAdmin(req);
    return act(reply, async () => {
      await reactivateUser(deps, actor, req.params.id);
      return ['admin.reactivated'];
    });
  });

  app.post('/admin/users/:id/reinvite', { schema: { params: IdParams } }, async (req, reply) => {
    const actor = requireAdmin(req);
    return act(reply, async () => [
      'admin.reinvited',
      { url: await resendInvitation(deps, actor, req.params.id) },
    ]);
  });

  app.post(
    '/admin/users/:id/role',
    {
      schema: {
        params: IdParams,
        body: FormBody({ role: Type.Union([Type.Literal('admin'), Type.Literal('member')]) }),
      },
    },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const { role } = req.body as { role: 'admin' | 'member' };
      return act(reply, async () => {
        await setRole(deps, actor, (req.params as { id: string }).id, role);
        return ['admin.role_changed'];
      });
    },
  );
}

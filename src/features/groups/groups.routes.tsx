import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireViewer, sendPage } from '../../http/context.tsx';
import { AppError } from '../../http/errors.ts';
import { actAndRedirect, FormBody, formErrors, tryForm } from '../../http/forms.ts';
import { Line, Text } from '../../http/validation.ts';
import type { Errors } from '../../views/form.tsx';
import type { PageContext, PageSection } from '../../views/layout.tsx';
import { decodeCursor, encodeCursor, findUserByEmail } from '../accounts/users.queries.ts';
import { canManage, canSeeContent } from './groups.policy.ts';
import { invitationsFor, listGroups, listMembers, listPending } from './groups.queries.ts';
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
import { GroupForm, GroupPage, GroupsPage, MemberList } from './groups.views.tsx';

export const VisibilitySchema = Type.Union([
  Type.Literal('public'),
  Type.Literal('private'),
  Type.Literal('secret'),
]);
export const KindSchema = Type.Union([Type.Literal('team'), Type.Literal('community')]);

const GroupBody = FormBody({
  name: Line(100, { minLength: 1 }),
  description: Text(2000),
  visibility: VisibilitySchema,
  kind: KindSchema,
});
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const MemberParams = Type.Object({
  id: Type.String({ maxLength: 40 }),
  userId: Type.String({ maxLength: 40 }),
});
const MEMBERS_ON_PAGE = 24;

/** Group pages: directory, create, the group with its members, owners' management. */
export async function groupsRoutes(
  instance: FastifyInstance,
  deps: Deps,
  sections: { feed?: PageSection; settings?: PageSection } = {},
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  app.get(
    '/groups',
    {
      schema: {
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          kind: Type.Optional(Type.Union([Type.Literal(''), KindSchema])),
          mine: Type.Optional(Type.Union([Type.Literal(''), Type.Literal('1')])),
          cursor: Type.Optional(Type.String({ maxLength: 500 })),
        }),
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const query = {
        q: req.query.q?.trim() ?? '',
        kind: req.query.kind ?? '',
        mine: req.query.mine ?? '',
      };
      const [{ groups, next }, invitations] = await Promise.all([
        listGroups(
          db,
          viewer,
          { q: query.q || undefined, kind: query.kind || undefined, mine: query.mine === '1' },
          { cursor: decodeCursor(req.query.cursor), limit: 30 },
        ),
        invitationsFor(db, viewer.id),
      ]);
      const nextUrl = next
        ? `/groups?${new URLSearchParams({ ...query, cursor: encodeCursor(next) }).toString()}`
        : null;
      return sendPage(req, reply, deps, req.i18n.t('groups.title'), (ctx) => (
        <GroupsPage
          ctx={ctx}
          groups={groups}
          invitations={invitations}
          query={query}
          nextUrl={nextUrl}
        />
      ));
    },
  );

  const showForm = (
    req: FastifyRequest,
    reply: FastifyReply,
    action: string,
    title: string,
    values: Record<string, unknown>,
    errors: Errors,
    status = 200,
    /** On a group's settings page: other features' settings (questions: the answer target). */
    more: ((ctx: PageContext) => preact.VNode) | null = null,
  ) =>
    sendPage(
      req,
      reply,
      deps,
      title,
      (ctx) => (
        <>
          <GroupForm ctx={ctx} action={action} title={title} values={values} errors={errors} />
          {more ? more(ctx) : null}
        </>
      ),
      status,
    );

  app.get('/groups/new', async (req, reply) => {
    requireViewer(req);
    return showForm(req, reply, '/groups', req.i18n.t('groups.new'), {}, {});
  });

  app.post(
    '/groups',
    { schema: { body: GroupBody }, attachValidation: true },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const body = req.body as Record<string, unknown>;
      const errors = formErrors(req);
      if (errors)
        return showForm(req, reply, '/groups', req.i18n.t('groups.new'), body, errors, 400);
      const r = await tryForm(req, () => createGroup(deps, viewer, req.body));
      if ('errors' in r)
        return showForm(req, reply, '/groups', req.i18n.t('groups.new'), body, r.errors, 400);
      return redirectWithFlash(reply, `/groups/${r.ok.id}`, 'success', 'groups.created');
    },
  );

  const showGroup = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    invite: { errors: Errors; email: string; status: number },
  ) => {
    const viewer = requireViewer(req);
    const { group, rel } = await loadGroup(deps, viewer, id);
    const content = canSeeContent(viewer, group, rel);
    const manage = canManage(viewer, group, rel);
    const [{ members, next }, pending, feed] = await Promise.all([
      content
        ? listMembers(db, group.id, { cursor: null, limit: MEMBERS_ON_PAGE })
        : { members: [], next: null },
      manage ? listPending(db, group.id) : [],
      content && sections.feed ? sections.feed(req, viewer, group.id) : null,
    ]);
    return sendPage(
      req,
      reply,
      deps,
      group.name,
      (ctx) => (
        <GroupPage
          ctx={ctx}
          group={group}
          rel={rel}
          canSeeContent={content}
          manage={manage}
          members={members}
          moreMembers={next !== null}
          pending={pending}
          inviteErrors={invite.errors}
          inviteEmail={invite.email}
          feed={feed ? feed(ctx) : null}
        />
      ),
      invite.status,
    );
  };

  app.get('/groups/:id', { schema: { params: IdParams } }, async (req, reply) =>
    showGroup(req, reply, req.params.id, { errors: {}, email: '', status: 200 }),
  );

  app.get(
    '/groups/:id/members',
    {
      schema: {
        params: IdParams,
        querystring: Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 500 })) }),
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { group, rel } = await loadGroup(deps, viewer, req.params.id);
      if (!canSeeContent(viewer, group, rel))
        throw new AppError(404, 'not_found', 'error.not_found');
      const { members, next } = await listMembers(db, group.id, {
        cursor: decodeCursor(req.query.cursor),
        limit: 60,
      });
      const manage = canManage(viewer, group, rel);
      return sendPage(req, reply, deps, `${group.name}: ${req.i18n.t('groups.members')}`, (ctx) => (
        <section>
          <h1>
            <a href={`/groups/${group.id}`}>{group.name}</a>: {ctx.i18n.t('groups.members')}
          </h1>
          <MemberList ctx={ctx} groupId={group.id} members={members} manage={manage} />
          {next ? (
            <p>
              <a rel="next" href={`/groups/${group.id}/members?cursor=${encodeCursor(next)}`}>
                {ctx.i18n.t('pager.more')}
              </a>
            </p>
          ) : null}
        </section>
      ));
    },
  );

  app.get('/groups/:id/edit', { schema: { params: IdParams } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const { group, rel } = await loadGroup(deps, viewer, req.params.id);
    if (!canManage(viewer, group, rel)) throw new AppError(404, 'not_found', 'error.not_found');
    const more = sections.settings ? await sections.settings(req, viewer, group.id) : null;
    return showForm(
      req,
      reply,
      `/groups/${group.id}`,
      req.i18n.t('groups.settings_of', { name: group.name }),
      { ...group },
      {},
      200,
      more,
    );
  });

  app.post(
    '/groups/:id',
    { schema: { params: IdParams, body: GroupBody }, attachValidation: true },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { id } = req.params as { id: string };
      const { group, rel } = await loadGroup(deps, viewer, id);
      if (!canManage(viewer, group, rel)) throw new AppError(404, 'not_found', 'error.not_found');
      const body = req.body as Record<string, unknown>;
      const title = req.i18n.t('groups.settings_of', { name: group.name });
      const errors = formErrors(req);
      if (errors) return showForm(req, reply, `/groups/${id}`, title, body, errors, 400);
      const r = await tryForm(req, () =>
        updateGroup(deps, viewer, id, req.body as typeof GroupBody.static),
      );
      if ('errors' in r) return showForm(req, reply, `/groups/${id}`, title, body, r.errors, 400);
      return redirectWithFlash(reply, `/groups/${id}`, 'success', 'groups.saved');
    },
  );

  const act = actAndRedirect;

  app.post('/groups/:id/join', { schema: { params: IdParams } }, async (req, reply) => {
    const viewer = requireViewer(req);
    return act(reply, `/groups/${req.params.id}`, async () =>
      (await joinGroup(deps, viewer, req.params.id)) === 'joined'
        ? ['groups.joined']
        : ['groups.requested'],
    );
  });

  app.post('/groups/:id/leave', { schema: { params: IdParams } }, async (req, reply) => {
    const viewer = requireViewer(req);
    return act(reply, `/groups/${req.params.id}`, async () => {
      await leaveOrRemove(deps, viewer, req.params.id, viewer.id);
      return ['groups.left'];
    });
  });

  app.post('/groups/:id/decline', { schema: { params: IdParams } }, async (req, reply) => {
    const viewer = requireViewer(req);
    return act(reply, '/groups', async () => {
      await dropPending(deps, viewer, req.params.id, viewer.id);
      return ['groups.declined'];
    });
  });

  app.post(
    '/groups/:id/requests/:userId/approve',
    { schema: { params: MemberParams } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      return act(reply, `/groups/${req.params.id}`, async () => {
        await addPerson(deps, viewer, req.params.id, req.params.userId);
        return ['groups.approved'];
      });
    },
  );

  app.post(
    '/groups/:id/requests/:userId/decline',
    { schema: { params: MemberParams } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      return act(reply, `/groups/${req.params.id}`, async () => {
        await dropPending(deps, viewer, req.params.id, req.params.userId);
        return ['groups.declined'];
      });
    },
  );

  app.post(
    '/groups/:id/invite',
    {
      schema: { params: IdParams, body: FormBody({ email: Type.String({ maxLength: 254 }) }) },
      attachValidation: true,
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { id } = req.params as { id: string };
      const email =
        typeof (req.body as { email?: unknown })?.email === 'string'
          ? (req.body as { email: string }).email
          : '';
      const person = email.trim() ? await findUserByEmail(db, email) : undefined;
      if (!person || person.status === 'deactivated') {
        const message = email.trim()
          ? req.i18n.t('groups.unknown_person')
          : req.i18n.t('validation.required');
        return showGroup(req, reply, id, { errors: { email: message }, email, status: 400 });
      }
      return act(reply, `/groups/${id}`, async () => {
        await invitePerson(deps, viewer, id, person.id);
        return ['groups.invited', { name: person.name }];
      });
    },
  );

  app.post(
    '/groups/:id/members/:userId/remove',
    { schema: { params: MemberParams } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      return act(reply, `/groups/${req.params.id}`, async () => {
        await leaveOrRemove(deps, viewer, req.params.id, req.params.userId);
        return ['groups.removed'];
      });
    },
  );

  app.post(
    '/groups/:id/members/:userId/role',
    {
      schema: {
        params: MemberParams,
        body: FormBody({ role: Type.Union([Type.Literal('owner'), Type.Literal('member')]) }),
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { id, userId } = req.params as { id: string; userId: string };
      return act(reply, `/groups/${id}`, async () => {
        await setMemberRole(
          deps,
          viewer,
          id,
          userId,
          (req.body as { role: 'owner' | 'member' }).role,
        );
        return ['groups.role_changed'];
      });
    },
  );
}

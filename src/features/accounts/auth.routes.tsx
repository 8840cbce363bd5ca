import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, sendPage } from '../../http/context.tsx';
import { AppError } from '../../http/errors.ts';
import { FormBody, formErrors, safeNext, setSessionCookie, tryForm } from '../../http/forms.ts';
import { Email, Line } from '../../http/validation.ts';
import type { Errors } from '../../views/form.tsx';
import { acceptInvitation, findInvitation, setupOrganisation, signIn } from './accounts.service.ts';
import { InvitePage, LoginPage, SetupPage } from './auth.views.tsx';
import { PASSWORD_MAX } from './passwords.ts';
import { endSession, SESSION_COOKIE } from './sessions.ts';
import { countUsers } from './users.queries.ts';

const SetupBody = FormBody({
  orgName: Line(100, { minLength: 1 }),
  name: Line(100, { minLength: 1 }),
  email: Email(),
  password: Type.String({ maxLength: PASSWORD_MAX * 4 }),
});
const LoginBody = FormBody({
  // A one-line field: a NUL byte would otherwise reach the database (PostgreSQL refuses it).
  email: Line(254),
  password: Type.String({ maxLength: PASSWORD_MAX * 4 }),
  next: Type.Optional(Type.String({ maxLength: 2000 })),
});
const InviteBody = FormBody({
  password: Type.String({ maxLength: PASSWORD_MAX * 4 }),
  email: Type.Optional(Type.String()),
});

/** Setup, sign-in and -out, invitations, and the home page. */
export async function authRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  const refuseIfSetUp = async () => {
    if ((await countUsers(db)) > 0) throw new AppError(409, 'already_set_up', 'setup.already_done');
  };

  app.get('/setup', async (req, reply) => {
    await refuseIfSetUp();
    return sendPage(req, reply, deps, req.i18n.t('setup.title'), (ctx) => (
      <SetupPage ctx={ctx} values={{}} errors={{}} />
    ));
  });

  app.post(
    '/setup',
    { schema: { body: SetupBody }, attachValidation: true },
    async (req, reply) => {
      await refuseIfSetUp();
      const body = req.body as Record<string, string>;
      const show = (errors: Errors) =>
        sendPage(
          req,
          reply,
          deps,
          req.i18n.t('setup.title'),
          (ctx) => <SetupPage ctx={ctx} values={body} errors={errors} />,
          400,
        );
      const errors = formErrors(req);
      if (errors) return show(errors);
      const r = await tryForm(req, () =>
        setupOrganisation(deps, {
          orgName: body.orgName!,
          name: body.name!,
          email: body.email!,
          password: body.password!,
        }),
      );
      if ('errors' in r) return show(r.errors);
      const { token, expiresAt } = await signIn(deps, {
        email: body.email!,
        password: body.password!,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? '',
      });
      setSessionCookie(reply, deps.config, token, expiresAt);
      return redirectWithFlash(reply, '/', 'success', 'setup.done');
    },
  );

  app.get(
    '/login',
    { schema: { querystring: Type.Object({ next: Type.Optional(Type.String()) }) } },
    async (req, reply) => {
      const next = safeNext(req.query.next);
      if (req.viewer) return reply.redirect(next, 303);
      return sendPage(req, reply, deps, req.i18n.t('login.title'), (ctx) => (
        <LoginPage ctx={ctx} email="" next={next} error={null} />
      ));
    },
  );

  app.post(
    '/login',
    { schema: { body: LoginBody }, attachValidation: true },
    async (req, reply) => {
      const body = req.body as { email?: string; password?: string; next?: string };
      const next = safeNext(body.next);
      try {
        if (req.validationError || !body.email || !body.password) {
          throw new AppError(401, 'invalid_credentials', 'login.invalid');
        }
        const { token, expiresAt } = await signIn(deps, {
          email: body.email,
          password: body.password,
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? '',
        });
        setSessionCookie(reply, deps.config, token, expiresAt);
        return reply.redirect(next, 303);
      } catch (err) {
        if (!(err instanceof AppError) || ![401, 403, 429].includes(err.status)) throw err;
        if (err.status === 429) reply.header('retry-after', String(err.params.seconds));
        const error = req.i18n.t(err.title, err.params);
        return sendPage(
          req,
          reply,
          deps,
          req.i18n.t('login.title'),
          (ctx) => (
            <LoginPage
              ctx={ctx}
              email={typeof body.email === 'string' ? body.email : ''}
              next={next}
              error={error}
            />
          ),
          err.status,
        );
      }
    },
  );

  app.post('/logout', async (req, reply) => {
    if (req.viewer && req.auth?.kind === 'session')
      await endSession(db, req.viewer.id, req.auth.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return redirectWithFlash(reply, '/login', 'info', 'login.signed_out');
  });

  const inviteParams = Type.Object({ token: Type.String({ maxLength: 100 }) });

  app.get('/invite/:token', { schema: { params: inviteParams } }, async (req, reply) => {
    const invitation = await findInvitation(deps, req.params.token);
    if (!invitation) throw new AppError(404, 'invitation_invalid', 'invite.invalid');
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('invite.title', { name: invitation.name }),
      (ctx) => (
        <InvitePage
          ctx={ctx}
          token={req.params.token}
          name={invitation.name}
          email={invitation.email}
          errors={{}}
        />
      ),
    );
  });

  app.post(
    '/invite/:token',
    { schema: { params: inviteParams, body: InviteBody }, attachValidation: true },
    async (req, reply) => {
      const { token } = req.params as { token: string };
      const invitation = await findInvitation(deps, token);
      if (!invitation) throw new AppError(404, 'invitation_invalid', 'invite.invalid');
      const body = req.body as { password?: string };
      const r = await tryForm(req, () =>
        acceptInvitation(deps, {
          token,
          password: typeof body.password === 'string' ? body.password : '',
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? '',
        }),
      );
      if ('errors' in r) {
        return sendPage(
          req,
          reply,
          deps,
          req.i18n.t('invite.title', { name: invitation.name }),
          (ctx) => (
            <InvitePage
              ctx={ctx}
              token={token}
              name={invitation.name}
              email={invitation.email}
              errors={r.errors}
            />
          ),
          400,
        );
      }
      setSessionCookie(reply, deps.config, r.ok.token, r.ok.expiresAt);
      return redirectWithFlash(reply, `/people/${r.ok.user.id}/edit`, 'success', 'invite.done');
    },
  );
}

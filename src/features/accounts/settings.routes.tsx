import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireViewer, sendPage } from '../../http/context.tsx';
import { FormBody, formErrors, tryForm } from '../../http/forms.ts';
import { Line } from '../../http/validation.ts';
import type { Errors } from '../../views/form.tsx';
import { changePassword } from './accounts.service.ts';
import { PASSWORD_MAX } from './passwords.ts';
import { updateProfile } from './people.service.ts';
import { endOtherSessions, endSession, listSessions } from './sessions.ts';
import { SessionsPage, SettingsPage, TokensPage } from './settings.views.tsx';
import { createToken, listTokens, revokeToken } from './tokens.ts';

const PreferencesBody = FormBody({
  locale: Type.Union([Type.Literal(''), Type.Literal('de'), Type.Literal('en')]),
  timeZone: Line(64, { minLength: 1 }),
});
const PasswordBody = FormBody({
  current: Type.String({ maxLength: PASSWORD_MAX * 4 }),
  password: Type.String({ maxLength: PASSWORD_MAX * 4 }),
});
const TokenBody = FormBody({ name: Line(100, { minLength: 1 }) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });

/** The person's own settings: preferences, password, sessions, personal access tokens. */
export async function settingsRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, clock } = deps;

  const showSettings = (
    req: FastifyRequest,
    reply: FastifyReply,
    prefErrors: Errors,
    pwErrors: Errors,
    status = 200,
  ) => {
    const viewer = requireViewer(req);
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('settings.title'),
      (ctx) => (
        <SettingsPage
          ctx={ctx}
          locale={viewer.locale ?? ''}
          timeZone={viewer.time_zone}
          prefErrors={prefErrors}
          pwErrors={pwErrors}
        />
      ),
      status,
    );
  };

  app.get('/settings', async (req, reply) => showSettings(req, reply, {}, {}));

  app.post(
    '/settings/preferences',
    { schema: { body: PreferencesBody }, attachValidation: true },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const errors = formErrors(req);
      if (errors) return showSettings(req, reply, errors, {}, 400);
      const body = req.body as typeof PreferencesBody.static;
      const r = await tryForm(req, () =>
        updateProfile(deps, viewer, viewer.id, {
          locale: body.locale === '' ? null : body.locale,
          timeZone: body.timeZone,
        }),
      );
      if ('errors' in r) return showSettings(req, reply, r.errors, {}, 400);
      return redirectWithFlash(reply, '/settings', 'success', 'settings.saved');
    },
  );

  app.post(
    '/settings/password',
    { schema: { body: PasswordBody }, attachValidation: true },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const errors = formErrors(req);
      if (errors) return showSettings(req, reply, {}, errors, 400);
      const body = req.body as typeof PasswordBody.static;
      const keep = req.auth?.kind === 'session' ? req.auth.sessionId : null;
      const r = await tryForm(req, () =>
        changePassword(deps, viewer, {
          current: body.current,
          next: body.password,
          keepSessionId: keep,
        }),
      );
      if ('errors' in r) return showSettings(req, reply, {}, r.errors, 400);
      return redirectWithFlash(reply, '/settings', 'success', 'password.changed');
    },
  );

  app.get('/settings/sessions', async (req, reply) => {
    const viewer = requireViewer(req);
    const sessions = await listSessions(db, viewer.id, clock(), deps.config);
    const currentId = req.auth?.kind === 'session' ? req.auth.sessionId : null;
    return sendPage(req, reply, deps, req.i18n.t('settings.sessions'), (ctx) => (
      <SessionsPage ctx={ctx} sessions={sessions} currentId={currentId} />
    ));
  });

  app.post('/settings/sessions/:id/end', { schema: { params: IdParams } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const ended = await endSession(db, viewer.id, req.params.id);
    return redirectWithFlash(
      reply,
      '/settings/sessions',
      ended ? 'success' : 'error',
      ended ? 'sessions.ended' : 'error.not_found',
    );
  });

  app.post('/settings/sessions/end-others', async (req, reply) => {
    const viewer = requireViewer(req);
    const keep = req.auth?.kind === 'session' ? req.auth.sessionId : null;
    const n = await endOtherSessions(db, viewer.id, keep);
    return redirectWithFlash(reply, '/settings/sessions', 'success', 'sessions.ended_others', {
      count: n,
    });
  });

  const showTokens = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: {
      created?: { name: string; token: string };
      errors?: Errors;
      name?: string;
      status?: number;
    } = {},
  ) => {
    const viewer = requireViewer(req);
    const tokens = await listTokens(db, viewer.id);
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('settings.tokens'),
      (ctx) => (
        <TokensPage
          ctx={ctx}
          tokens={tokens}
          created={opts.created ?? null}
          errors={opts.errors ?? {}}
          name={opts.name ?? ''}
        />
      ),
      opts.status ?? 200,
    );
  };

  app.get('/settings/tokens', async (req, reply) => showTokens(req, reply));

  // The new token is shown in this response only (never stored readable, never redirected with).
  app.post(
    '/settings/tokens',
    { schema: { body: TokenBody }, attachValidation: true },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const body = req.body as { name?: string };
      const errors = formErrors(req);
      if (errors)
        return showTokens(req, reply, {
          errors,
          name: typeof body.name === 'string' ? body.name : '',
          status: 400,
        });
      const created = await createToken(db, { userId: viewer.id, name: body.name!, now: clock() });
      return showTokens(req, reply, {
        created: { name: created.name, token: created.token },
        status: 201,
      });
    },
  );

  app.post('/settings/tokens/:id/revoke', { schema: { params: IdParams } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const ok = await revokeToken(db, viewer.id, req.params.id, clock());
    return redirectWithFlash(
      reply,
      '/settings/tokens',
      ok ? 'success' : 'error',
      ok ? 'tokens.revoked' : 'error.not_found',
    );
  });
}

import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireAdmin, requireViewer, sendPage } from '../../http/context.tsx';
import { FormBody, tryForm } from '../../http/forms.ts';
import { Checkbox, Csrf, ErrorSummary, Field, Select, type Errors } from '../../views/form.tsx';
import type { PageContext } from '../../views/layout.tsx';
import { AnalyticsNav } from './analytics.layout.tsx';
import { MIN_K } from './privacy.ts';
import {
  AUDIENCES,
  eraseActivity,
  getAnalyticsSettings,
  MAX_K,
  setAnalyticsSettings,
  type AnalyticsSettings,
} from './settings.ts';

function AboutPage({ ctx, s }: { ctx: PageContext; s: AnalyticsSettings }) {
  const { t } = ctx.i18n;
  const section = (h: 'recorded' | 'not' | 'shown' | 'keep', paras: string[]) => (
    <section aria-labelledby={`about-${h}`}>
      <h2 id={`about-${h}`}>{t(`analytics.about.${h}_h`)}</h2>
      {paras.map((p) => (
        <p>{p}</p>
      ))}
    </section>
  );
  return (
    <>
      {ctx.viewer?.role === 'admin' || (s.enabled && s.audience === 'members') ? (
        <AnalyticsNav ctx={ctx} />
      ) : null}
      <section class="narrow prose">
        <h1>{t('analytics.about.title')}</h1>
        <p>{t('analytics.about.intro')}</p>
        <p>
          <strong>{t(s.enabled ? 'analytics.about.state_on' : 'analytics.about.state_off')}</strong>
        </p>
        {section('recorded', [
          t('analytics.about.recorded_1'),
          t('analytics.about.recorded_2'),
          t('analytics.about.recorded_3'),
          t('analytics.about.recorded_4'),
        ])}
        {section('not', [
          t('analytics.about.not_1'),
          t('analytics.about.not_2'),
          t('analytics.about.not_3'),
        ])}
        {section('shown', [
          t('analytics.about.shown_1', { k: s.k }),
          t(
            s.audience === 'members'
              ? 'analytics.about.shown_members'
              : 'analytics.about.shown_admins',
          ),
          t('analytics.about.shown_2'),
        ])}
        {section('keep', [t('analytics.about.keep_1'), t('analytics.about.keep_2')])}
      </section>
    </>
  );
}

interface SettingsValues {
  enabled: boolean;
  audience: string;
  k: string | number;
}

function SettingsPage({
  ctx,
  values,
  errors,
}: {
  ctx: PageContext;
  values: SettingsValues;
  errors: Errors;
}) {
  const { t } = ctx.i18n;
  return (
    <>
      <AnalyticsNav ctx={ctx} />
      <section class="narrow">
        <h1>{t('analytics.settings.title')}</h1>
        <p>{t('analytics.settings.intro')}</p>
        <ErrorSummary i18n={ctx.i18n} errors={errors} />
        <form method="post" action="/analytics/settings" class="stack" novalidate>
          <Csrf token={ctx.csrfToken} />
          <Checkbox
            name="enabled"
            label={t('analytics.settings.enabled')}
            checked={values.enabled}
          />
          <p class="hint">{t('analytics.settings.enabled_hint')}</p>
          <Select
            name="audience"
            label={t('analytics.settings.audience')}
            value={values.audience}
            errors={errors}
            options={AUDIENCES.map((a) => ({
              value: a,
              label: t(`analytics.settings.audience_${a}`),
            }))}
          />
          <Field
            name="k"
            type="number"
            label={t('analytics.settings.k')}
            value={values.k}
            errors={errors}
            min={MIN_K}
            max={MAX_K}
            hint={t('analytics.settings.k_hint', { min: MIN_K, max: MAX_K })}
          />
          <button type="submit">{t('form.save')}</button>
        </form>
        <h2>{t('analytics.settings.erase_h')}</h2>
        <p>{t('analytics.settings.erase_intro')}</p>
        <form method="post" action="/analytics/settings/erase" class="stack" novalidate>
          <Csrf token={ctx.csrfToken} />
          {errors.confirm ? (
            <p class="error" id="confirm-error">
              {errors.confirm}
            </p>
          ) : null}
          <Checkbox name="confirm" label={t('analytics.settings.erase_confirm')} checked={false} />
          <button type="submit" class="danger">
            {t('analytics.settings.erase')}
          </button>
        </form>
      </section>
    </>
  );
}

/** A whole number from a form field, or the text itself (which the use case refuses). */
const intOf = (v: string | undefined): number | string =>
  v !== undefined && /^\s*\d{1,6}\s*$/.test(v) ? Number(v) : (v ?? '');

/** "What is measured" (everyone signed in) and the settings (admins). */
export async function analyticsSettingsRoutes(
  instance: FastifyInstance,
  deps: Deps,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  app.get('/analytics/about', async (req, reply) => {
    requireViewer(req);
    const s = await getAnalyticsSettings(db);
    return sendPage(req, reply, deps, req.i18n.t('analytics.about.title'), (ctx) => (
      <AboutPage ctx={ctx} s={s} />
    ));
  });

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: SettingsValues | null,
    errors: Errors,
    status = 200,
  ) => {
    const s = await getAnalyticsSettings(db);
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('analytics.settings.title'),
      (ctx) => <SettingsPage ctx={ctx} values={values ?? s} errors={errors} />,
      status,
    );
  };

  app.get('/analytics/settings', async (req, reply) => {
    requireAdmin(req);
    return show(req, reply, null, {});
  });

  app.post(
    '/analytics/settings',
    {
      schema: {
        body: FormBody({
          enabled: Type.Optional(Type.String({ maxLength: 5 })),
          audience: Type.Optional(Type.String({ maxLength: 20 })),
          k: Type.Optional(Type.String({ maxLength: 10 })),
        }),
      },
    },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const body = req.body as { enabled?: string; audience?: string; k?: string };
      const input = {
        enabled: body.enabled === '1',
        audience: body.audience ?? '',
        k: intOf(body.k),
      };
      const r = await tryForm(req, () => setAnalyticsSettings(deps, actor, input));
      if ('errors' in r) return show(req, reply, input, r.errors, 400);
      return redirectWithFlash(reply, '/analytics/settings', 'success', 'analytics.settings.saved');
    },
  );

  app.post(
    '/analytics/settings/erase',
    { schema: { body: FormBody({ confirm: Type.Optional(Type.String({ maxLength: 5 })) }) } },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const confirmed = (req.body as { confirm?: string }).confirm === '1';
      const r = await tryForm(req, () => eraseActivity(deps, actor, confirmed));
      if ('errors' in r) return show(req, reply, null, r.errors, 400);
      return redirectWithFlash(
        reply,
        '/analytics/settings',
        'success',
        'analytics.settings.erased',
      );
    },
  );
}

const SettingsJson = Type.Object({
  enabled: Type.Boolean({ description: 'activity is recorded and dashboards are shown' }),
  audience: Type.Union([Type.Literal('admins'), Type.Literal('members')], {
    description: 'who sees the dashboards',
  }),
  k: Type.Integer({ description: 'privacy threshold: breakdown cells over fewer people are null' }),
});

/** `/api/v1/analytics/settings` (admins) and the erasure of recorded activity. */
export async function analyticsSettingsApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['analytics'];
  app.get(
    '/analytics/settings',
    {
      schema: {
        tags,
        summary: 'Admin: whether analytics is on, who sees it, the privacy threshold',
        response: { 200: SettingsJson, ...problems(401, 403) },
      },
    },
    async (req) => {
      requireAdmin(req);
      return getAnalyticsSettings(deps.db);
    },
  );
  app.put(
    '/analytics/settings',
    {
      schema: {
        tags,
        summary: 'Admin: change analytics settings (any of the fields)',
        body: Type.Object(
          {
            enabled: Type.Optional(Type.Unknown()),
            audience: Type.Optional(Type.Unknown()),
            k: Type.Optional(Type.Unknown()),
          },
          { additionalProperties: false },
        ),
        response: { 200: SettingsJson, ...problems(400, 401, 403) },
      },
    },
    async (req) => setAnalyticsSettings(deps, requireAdmin(req), req.body),
  );
  app.delete(
    '/analytics/activity',
    {
      schema: {
        tags,
        summary: 'Admin: delete all recorded activity (per person, per group, daily totals)',
        querystring: Type.Object({ confirm: Type.Optional(Type.String({ maxLength: 5 })) }),
        response: { 204: Type.Null(), ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => {
      await eraseActivity(deps, requireAdmin(req), req.query.confirm === 'true');
      return reply.code(204).send(null);
    },
  );
}

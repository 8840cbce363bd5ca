import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireAdmin, requireViewer, sendPage } from '../../http/context.tsx';
import { AppError } from '../../http/errors.ts';
import { FormBody, tryForm } from '../../http/forms.ts';
import type { BusinessHours } from '../../lib/business-hours.ts';
import { Csrf, ErrorSummary, Field, TextArea, type Errors } from '../../views/form.tsx';
import type { PageContext, PageSection } from '../../views/layout.tsx';
import type { User } from '../accounts/accounts.table.ts';
import {
  getBusinessHours,
  getOrgTargetHours,
  loadGroupTarget,
  setBusinessHours,
  setGroupTarget,
  setOrgTargetHours,
  TARGET_MAX_HOURS,
} from './questions.targets.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The weekday's name in the page's language (1 Monday … 7 Sunday; 1 January 2024 was a Monday). */
const weekdayName = (ctx: PageContext, day: number) =>
  new Intl.DateTimeFormat(ctx.i18n.locale === 'de' ? 'de-DE' : 'en-GB', {
    weekday: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2024, 0, day)));

interface BhValues {
  timeZone: string;
  days: number[];
  start: string;
  end: string;
  /** One date per line. */
  holidays: string;
}

function BusinessHoursPage(props: {
  ctx: PageContext;
  values: BhValues;
  targetHours: number | string;
  errors: Errors;
}) {
  const { ctx, values, errors } = props;
  const { t } = ctx.i18n;
  return (
    <section class="narrow">
      <h1>{t('questions.bh_title')}</h1>
      <p>{t('questions.bh_intro')}</p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action="/admin/business-hours" class="stack" novalidate>
        <Csrf token={ctx.csrfToken} />
        <fieldset class={errors.days ? 'has-error' : undefined}>
          <legend>{t('questions.bh_days')}</legend>
          {errors.days ? (
            <p class="error" id="days-error">
              {errors.days}
            </p>
          ) : null}
          {WEEKDAYS.map((d) => (
            <div class="field check">
              <input
                id={`day-${d}`}
                name="days"
                type="checkbox"
                value={String(d)}
                checked={values.days.includes(d)}
              />
              <label for={`day-${d}`}>{weekdayName(ctx, d)}</label>
            </div>
          ))}
        </fieldset>
        <div class="row">
          <Field
            name="start"
            type="time"
            label={t('questions.bh_start')}
            value={values.start}
            errors={errors}
          />
          <Field
            name="end"
            type="time"
            label={t('questions.bh_end')}
            value={values.end === '24:00' ? '23:59' : values.end}
            errors={errors}
            hint={t('questions.bh_end_hint')}
          />
        </div>
        <Field
          name="timeZone"
          label={t('questions.bh_zone')}
          value={values.timeZone}
          errors={errors}
          maxLength={64}
          hint={t('questions.bh_zone_hint')}
        />
        <TextArea
          name="holidays"
          label={t('questions.bh_holidays')}
          value={values.holidays}
          errors={errors}
          rows={5}
          maxLength={4000}
          hint={t('questions.bh_holidays_hint')}
        />
        <button type="submit">{t('form.save')}</button>
      </form>
      <h2>{t('questions.org_target_title')}</h2>
      <form method="post" action="/admin/business-hours/target" class="row" novalidate>
        <Csrf token={ctx.csrfToken} />
        <Field
          name="hours"
          type="number"
          label={t('questions.org_target')}
          value={props.targetHours}
          errors={errors}
          min={1}
          max={TARGET_MAX_HOURS}
          hint={t('questions.org_target_hint')}
        />
        <button type="submit">{t('form.save')}</button>
      </form>
    </section>
  );
}

const valuesOf = (bh: BusinessHours): BhValues => ({ ...bh, holidays: bh.holidays.join('\n') });

/** A form's text as a setting; the checks are setBusinessHours'. */
const fromForm = (b: {
  timeZone?: string;
  days?: string | string[];
  start?: string;
  end?: string;
  holidays?: string;
}): BusinessHours => ({
  timeZone: b.timeZone ?? '',
  days: (Array.isArray(b.days) ? b.days : b.days ? [b.days] : []).map(Number),
  start: b.start ?? '',
  // A time field cannot say 24:00: 23:59 stands for the end of the day.
  end: b.end === '23:59' ? '24:00' : (b.end ?? ''),
  holidays: (b.holidays ?? '')
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean),
});

/** The group settings page's part: its target for a first answer (owners and admins). */
export function groupTargetSection(deps: Pick<Deps, 'db'>): PageSection {
  return async (_req, viewer, groupId) => {
    const target = await loadGroupTarget(deps, viewer as User, groupId);
    return (ctx) => {
      const { t } = ctx.i18n;
      if (!target.canChange) return <></>;
      return (
        <section class="narrow" aria-labelledby="target-h">
          <h2 id="target-h">{t('questions.group_target_title')}</h2>
          <form method="post" action={`/groups/${groupId}/question-target`} class="row" novalidate>
            <Csrf token={ctx.csrfToken} />
            <Field
              name="hours"
              type="number"
              label={t('questions.group_target')}
              value={target.hours}
              errors={{}}
              min={1}
              max={TARGET_MAX_HOURS}
              hint={t(target.own ? 'questions.group_target_own' : 'questions.group_target_default')}
            />
            <button type="submit">{t('form.save')}</button>
          </form>
          {target.own ? (
            <form method="post" action={`/groups/${groupId}/question-target`} class="inline">
              <Csrf token={ctx.csrfToken} />
              <input type="hidden" name="reset" value="1" />
              <button type="submit" class="secondary">
                {t('questions.group_target_reset')}
              </button>
            </form>
          ) : null}
        </section>
      );
    };
  };
}

/** A whole number of hours from a form field, or NaN (which the use case refuses). */
const hoursOf = (v: string | undefined): number => (v && /^\d+$/.test(v.trim()) ? Number(v) : NaN);

/** Admin: working hours (and the org-wide target); owners: their group's target. */
export async function questionSettingsRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: BhValues | null,
    targetHours: number | string | null,
    errors: Errors,
    status = 200,
  ) => {
    requireAdmin(req);
    const [bh, target] = await Promise.all([getBusinessHours(db), getOrgTargetHours(db)]);
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('questions.bh_title'),
      (ctx) => (
        <BusinessHoursPage
          ctx={ctx}
          values={values ?? valuesOf(bh)}
          targetHours={targetHours ?? target}
          errors={errors}
        />
      ),
      status,
    );
  };

  app.get('/admin/business-hours', async (req, reply) => show(req, reply, null, null, {}));

  app.post(
    '/admin/business-hours',
    {
      schema: {
        body: FormBody({
          timeZone: Type.Optional(Type.String({ maxLength: 64 })),
          days: Type.Optional(
            Type.Union([
              Type.String({ maxLength: 2 }),
              Type.Array(Type.String({ maxLength: 2 }), { maxItems: 7 }),
            ]),
          ),
          start: Type.Optional(Type.String({ maxLength: 5 })),
          end: Type.Optional(Type.String({ maxLength: 5 })),
          holidays: Type.Optional(Type.String({ maxLength: 4000 })),
        }),
      },
    },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const input = fromForm(req.body as Parameters<typeof fromForm>[0]);
      const r = await tryForm(req, () => setBusinessHours(deps, actor, input));
      if ('errors' in r) return show(req, reply, { ...valuesOf(input) }, null, r.errors, 400);
      return redirectWithFlash(reply, '/admin/business-hours', 'success', 'questions.bh_saved');
    },
  );

  app.post(
    '/admin/business-hours/target',
    { schema: { body: FormBody({ hours: Type.Optional(Type.String({ maxLength: 10 })) }) } },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const raw = (req.body as { hours?: string }).hours ?? '';
      const r = await tryForm(req, () => setOrgTargetHours(deps, actor, hoursOf(raw)));
      if ('errors' in r) return show(req, reply, null, raw, r.errors, 400);
      return redirectWithFlash(
        reply,
        '/admin/business-hours',
        'success',
        'questions.target_saved',
        {
          hours: hoursOf(raw),
        },
      );
    },
  );

  app.post(
    '/groups/:id/question-target',
    {
      schema: {
        params: IdParams,
        body: FormBody({
          hours: Type.Optional(Type.String({ maxLength: 10 })),
          reset: Type.Optional(Type.String({ maxLength: 1 })),
        }),
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { id } = req.params;
      const b = req.body as { hours?: string; reset?: string };
      const back = `/groups/${id}/edit`;
      try {
        const r = await setGroupTarget(deps, viewer, id, b.reset ? null : hoursOf(b.hours));
        return redirectWithFlash(reply, back, 'success', 'questions.target_saved', {
          hours: r.hours,
        });
      } catch (err) {
        // The rule it broke, said on the settings page; a group one may not manage stays hidden.
        if (err instanceof AppError && err.status === 403)
          throw new AppError(404, 'not_found', 'error.not_found');
        if (err instanceof AppError && err.fields[0])
          return redirectWithFlash(
            reply,
            back,
            'error',
            err.fields[0].message,
            err.fields[0].params,
          );
        throw err;
      }
    },
  );
}

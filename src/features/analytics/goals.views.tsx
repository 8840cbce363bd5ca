import { Csrf, ErrorSummary, Field, Select, TextArea, type Errors } from '../../views/form.tsx';
import type { Locale, MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import { AnalyticsNav, HowCounted } from './analytics.layout.tsx';
import { DataTable, LineChart, type Series } from './charts.tsx';
import {
  GOAL_LIMITS,
  lowerIsBetter,
  MANUAL,
  type Goal,
  type GoalStatus,
  type Measurement,
  type StatusResult,
} from './goals.ts';
import { KPIS, kpiOf } from './kpis.ts';
import { decimalText } from './value.views.tsx';

/** Colour, symbol and word together, so that no one depends on telling colours apart. */
const STATUS_LOOK: Record<GoalStatus, { cls: string; colour: string; symbol: string }> = {
  on_track: { cls: 'badge-available', colour: '#1b6b34', symbol: '✓' },
  achieved: { cls: 'badge-available', colour: '#1b6b34', symbol: '★' },
  at_risk: { cls: 'badge-busy', colour: '#8a5a00', symbol: '!' },
  off_track: { cls: 'q-overdue', colour: '#b3261e', symbol: '✗' },
  none: { cls: 'badge-away', colour: '#4f5b6b', symbol: '–' },
};

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: GoalStatus }) {
  const look = STATUS_LOOK[status];
  return (
    <span class={`badge goal-status goal-${status.replace('_', '-')} ${look.cls}`}>
      <svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">
        <circle cx="5" cy="5" r="4.5" fill={look.colour} />
      </svg>{' '}
      <span aria-hidden="true">{look.symbol}</span>{' '}
      {ctx.i18n.t(`analytics.goals.status_${status}` as MessageKey)}
    </span>
  );
}

/** A goal's unit as shown: the manual goal's own, or the KPI's. */
export function unitOf(ctx: PageContext, goal: Pick<Goal, 'kpi' | 'unit'>): string {
  if (goal.kpi === MANUAL) return goal.unit;
  const kpi = kpiOf(goal.kpi);
  return kpi ? ctx.i18n.t(`analytics.goals.unit_${kpi.unit}` as MessageKey) : '';
}

export function kpiLabel(ctx: PageContext, kpi: string): string {
  if (kpi === MANUAL) return ctx.i18n.t('analytics.goals.manual');
  const k = kpiOf(kpi);
  return k ? ctx.i18n.t(k.label) : kpi;
}

const formats = (ctx: PageContext) => ({
  n: (x: number) => ctx.i18n.number(x, { maximumFractionDigits: 2 }),
  pct: (x: number) => ctx.i18n.number(x, { style: 'percent', maximumFractionDigits: 0 }),
});

export interface GoalRow {
  goal: Goal;
  latest: Measurement | null;
  status: StatusResult;
}

export function GoalsListPage({
  ctx,
  rows,
  canEdit,
}: {
  ctx: PageContext;
  rows: GoalRow[];
  canEdit: boolean;
}) {
  const { t } = ctx.i18n;
  const { n, pct } = formats(ctx);
  return (
    <>
      <AnalyticsNav ctx={ctx} />
      <h1>{t('analytics.goals.title')}</h1>
      <p>{t('analytics.goals.intro')}</p>
      {canEdit ? (
        <p>
          <a href="/analytics/goals/new" class="button">
            {t('analytics.goals.new')}
          </a>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>{t('analytics.goals.none_yet')}</p>
      ) : (
        <div
          class="table-scroll"
          role="region"
          aria-label={t('analytics.goals.title')}
          tabIndex={0}
        >
          <table>
            <caption class="sr-only">{t('analytics.goals.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analytics.goals.col_goal')}</th>
                <th scope="col">{t('analytics.goals.col_kpi')}</th>
                <th scope="col">{t('analytics.goals.col_from_to')}</th>
                <th scope="col">{t('analytics.goals.col_latest')}</th>
                <th scope="col" class="num">
                  {t('analytics.goals.col_progress')}
                </th>
                <th scope="col">{t('analytics.goals.col_deadline')}</th>
                <th scope="col">{t('analytics.goals.col_status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ goal, latest, status }) => {
                const unit = unitOf(ctx, goal);
                return (
                  <tr>
                    <th scope="row">
                      <a href={`/analytics/goals/${goal.id}`}>{goal.name}</a>
                    </th>
                    <td>{kpiLabel(ctx, goal.kpi)}</td>
                    <td>
                      {n(goal.baseline)} → {n(goal.target)} {unit}
                    </td>
                    <td>
                      {latest
                        ? t('analytics.goals.latest_value', {
                            value: `${n(latest.value)} ${unit}`,
                            day: ctx.i18n.day(latest.day),
                          })
                        : '—'}
                    </td>
                    <td class="num">{status.progress === null ? '—' : pct(status.progress)}</td>
                    <td>{ctx.i18n.day(goal.deadline)}</td>
                    <td>
                      <StatusBadge ctx={ctx} status={status.status} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <RuleSection ctx={ctx} />
    </>
  );
}

function RuleSection({ ctx, children }: { ctx: PageContext; children?: preact.ComponentChildren }) {
  const { t } = ctx.i18n;
  return (
    <section>
      <h2 id="goal-rule">{t('analytics.goals.rule_title')}</h2>
      <p>{t('analytics.goals.rule')}</p>
      {children}
    </section>
  );
}

/** The goal form's fields as typed (strings), so that they come back after an error. */
export type GoalForm = Record<
  'name' | 'description' | 'kpi' | 'unit' | 'baseline' | 'target' | 'startDate' | 'deadline',
  string
>;

export const goalFormOf = (g: Goal, locale: Locale): GoalForm => ({
  name: g.name,
  description: g.description,
  kpi: g.kpi,
  unit: g.unit,
  baseline: decimalText(g.baseline, locale),
  target: decimalText(g.target, locale),
  startDate: g.startDate,
  deadline: g.deadline,
});

export function GoalFormPage({
  ctx,
  goal,
  values,
  errors,
}: {
  ctx: PageContext;
  /** The goal being edited; none for a new one. */
  goal: Goal | null;
  values: GoalForm;
  errors: Errors;
}) {
  const { t } = ctx.i18n;
  const action = goal ? `/analytics/goals/${goal.id}/edit` : '/analytics/goals';
  const options = [
    { value: MANUAL, label: t('analytics.goals.manual') },
    ...KPIS.map((k) => ({ value: k.key, label: t(k.label) })),
  ];
  return (
    <>
      <AnalyticsNav ctx={ctx} />
      <section class="narrow">
        <p>
          <a href={goal ? `/analytics/goals/${goal.id}` : '/analytics/goals'}>
            {goal ? goal.name : t('analytics.goals.back')}
          </a>
        </p>
        <h1>
          {goal
            ? t('analytics.goals.edit_title', { name: goal.name })
            : t('analytics.goals.new_title')}
        </h1>
        <ErrorSummary i18n={ctx.i18n} errors={errors} />
        <form method="post" action={action} class="stack" novalidate>
          <Csrf token={ctx.csrfToken} />
          <Field
            name="name"
            label={t('analytics.goals.field_name')}
            value={values.name}
            errors={errors}
            maxLength={GOAL_LIMITS.name}
            required
          />
          <TextArea
            name="description"
            label={t('analytics.goals.field_description')}
            value={values.description}
            errors={errors}
            maxLength={GOAL_LIMITS.description}
            rows={3}
          />
          <Select
            name="kpi"
            label={t('analytics.goals.field_kpi')}
            value={values.kpi}
            errors={errors}
            options={options}
            hint={t('analytics.goals.hint_kpi')}
          />
          <Field
            name="unit"
            label={t('analytics.goals.field_unit')}
            value={values.unit}
            errors={errors}
            maxLength={GOAL_LIMITS.unit}
            hint={t('analytics.goals.hint_unit')}
          />
          <div class="row">
            <Field
              name="baseline"
              label={t('analytics.goals.field_baseline')}
              value={values.baseline}
              errors={errors}
              maxLength={30}
              hint={t('analytics.goals.hint_baseline')}
            />
            <Field
              name="target"
              label={t('analytics.goals.field_target')}
              value={values.target}
              errors={errors}
              maxLength={30}
            />
          </div>
          <div class="row">
            <Field
              name="startDate"
              type="date"
              label={t('analytics.goals.field_start')}
              value={values.startDate}
              errors={errors}
            />
            <Field
              name="deadline"
              type="date"
              label={t('analytics.goals.field_deadline')}
              value={values.deadline}
              errors={errors}
            />
          </div>
          <button type="submit">
            {goal ? t('analytics.goals.save') : t('analytics.goals.create')}
          </button>
        </form>
        {goal ? (
          <form method="post" action={`/analytics/goals/${goal.id}/delete`} class="stack">
            <Csrf token={ctx.csrfToken} />
            <p class="hint">{t('analytics.goals.delete_hint')}</p>
            <button type="submit" class="secondary">
              {t('analytics.goals.delete')}
            </button>
          </form>
        ) : null}
      </section>
    </>
  );
}

export type MeasurementForm = Record<'day' | 'value' | 'note', string>;

export interface GoalPageProps {
  ctx: PageContext;
  goal: Goal;
  measurements: Measurement[];
  status: StatusResult;
  today: string;
  canEdit: boolean;
  form: MeasurementForm;
  errors: Errors;
}

/** The chart's lines: measured values, and baseline and target at each measured day. */
export function goalSeries(
  goal: Goal,
  measurements: readonly Measurement[],
  t: PageContext['i18n']['t'],
): Series[] {
  const days = measurements.map((m) => m.day);
  return [
    {
      label: t('analytics.goals.chart_measured'),
      points: measurements.map((m) => ({ x: m.day, y: m.value })),
    },
    { label: t('analytics.goals.baseline'), points: days.map((x) => ({ x, y: goal.baseline })) },
    { label: t('analytics.goals.target'), points: days.map((x) => ({ x, y: goal.target })) },
  ];
}

export function GoalPage(p: GoalPageProps) {
  const { ctx, goal, measurements, status } = p;
  const { t } = ctx.i18n;
  const { n, pct } = formats(ctx);
  const unit = unitOf(ctx, goal);
  const withUnit = (x: number) => `${n(x)} ${unit}`.trim();
  const latest = measurements.at(-1) ?? null;
  const manual = goal.kpi === MANUAL;
  const kpi = kpiOf(goal.kpi);
  const series = goalSeries(goal, measurements, t);
  const title = t('analytics.goals.chart_title', { name: goal.name });
  const desc = latest
    ? t('analytics.goals.chart_summary', {
        value: withUnit(latest.value),
        day: ctx.i18n.day(latest.day),
        baseline: withUnit(goal.baseline),
        target: withUnit(goal.target),
      })
    : t('analytics.goals.chart_empty', {
        baseline: withUnit(goal.baseline),
        target: withUnit(goal.target),
      });
  return (
    <>
      <AnalyticsNav ctx={ctx} />
      <p>
        <a href="/analytics/goals">{t('analytics.goals.back')}</a>
      </p>
      <h1>{goal.name}</h1>
      {goal.description ? <p>{goal.description}</p> : null}
      <dl class="figures">
        <div class="figure">
          <dt>{t('analytics.goals.col_status')}</dt>
          <dd>
            <strong>
              <StatusBadge ctx={ctx} status={status.status} />
            </strong>
          </dd>
        </div>
        <div class="figure">
          <dt>{t('analytics.goals.col_kpi')}</dt>
          <dd>
            <strong>{kpiLabel(ctx, goal.kpi)}</strong>
            <span class="how">
              {kpi ? t(kpi.how) : t('analytics.goals.how_manual')} {unit ? `(${unit})` : ''}
            </span>
          </dd>
        </div>
        <div class="figure">
          <dt>{t('analytics.goals.col_from_to')}</dt>
          <dd>
            <strong>
              {withUnit(goal.baseline)} → {withUnit(goal.target)}
            </strong>
            <span class="how">
              {t(
                lowerIsBetter(goal)
                  ? 'analytics.goals.lower_better'
                  : 'analytics.goals.higher_better',
              )}
            </span>
          </dd>
        </div>
        <div class="figure">
          <dt>{t('analytics.goals.period')}</dt>
          <dd>
            <strong>
              {t('analytics.goals.period_value', {
                start: ctx.i18n.day(goal.startDate),
                deadline: ctx.i18n.day(goal.deadline),
              })}
            </strong>
          </dd>
        </div>
        <div class="figure">
          <dt>{t('analytics.goals.latest')}</dt>
          <dd>
            <strong>
              {latest
                ? t('analytics.goals.latest_value', {
                    value: withUnit(latest.value),
                    day: ctx.i18n.day(latest.day),
                  })
                : '—'}
            </strong>
          </dd>
        </div>
        <div class="figure">
          <dt>{t('analytics.goals.progress')}</dt>
          <dd>
            <strong>{status.progress === null ? '—' : pct(status.progress)}</strong>
            <span class="how">
              {t('analytics.goals.expected')}: {pct(status.expected)}
            </span>
          </dd>
        </div>
      </dl>
      {p.canEdit ? (
        <p>
          <a href={`/analytics/goals/${goal.id}/edit`}>{t('analytics.goals.edit')}</a>
        </p>
      ) : null}

      <RuleSection ctx={ctx}>
        <p>
          <strong>
            {latest && status.progress !== null
              ? t('analytics.goals.rule_numbers', {
                  latest: n(latest.value),
                  baseline: n(goal.baseline),
                  target: n(goal.target),
                  progress: pct(status.progress),
                  today: ctx.i18n.day(p.today),
                  expected: pct(status.expected),
                })
              : t('analytics.goals.rule_no_numbers')}
          </strong>{' '}
          <StatusBadge ctx={ctx} status={status.status} />
        </p>
      </RuleSection>

      <section>
        <h2 id="goal-measurements">{t('analytics.goals.measurements_title')}</h2>
        {manual ? null : <p class="hint">{t('analytics.goals.computed_note')}</p>}
        {measurements.length > 0 ? (
          <div class="chart-block">
            <LineChart id="chart-goal" title={title} desc={desc} series={series} format={n} />
            <DataTable
              caption={title}
              periodHeader={t('analytics.goals.col_day')}
              series={series}
              format={n}
              suppressed="—"
            />
            <p>
              <a href={`/analytics/goals/${goal.id}/measurements.csv`} download>
                {t('analytics.goals.csv')}
              </a>
            </p>
          </div>
        ) : (
          <p>{t('analytics.goals.no_measurements')}</p>
        )}
        <HowCounted ctx={ctx}>
          <p>{kpi ? t(kpi.how) : t('analytics.goals.how_manual')}</p>
        </HowCounted>
        {manual && measurements.length > 0 ? (
          <div
            class="table-scroll"
            role="region"
            aria-label={t('analytics.goals.measurements_title')}
            tabIndex={0}
          >
            <table>
              <caption class="sr-only">{t('analytics.goals.measurements_title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('analytics.goals.col_day')}</th>
                  <th scope="col" class="num">
                    {t('analytics.goals.col_value')}
                  </th>
                  <th scope="col">{t('analytics.goals.col_note')}</th>
                  {p.canEdit ? <th scope="col">{t('analytics.goals.col_actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {[...measurements].reverse().map((m) => (
                  <tr>
                    <th scope="row">{ctx.i18n.day(m.day)}</th>
                    <td class="num">{withUnit(m.value)}</td>
                    <td>{m.note}</td>
                    {p.canEdit ? (
                      <td>
                        <form
                          method="post"
                          action={`/analytics/goals/${goal.id}/measurements/${m.id}/delete`}
                          class="inline"
                        >
                          <Csrf token={ctx.csrfToken} />
                          <button type="submit" class="secondary">
                            {t('analytics.goals.delete_measurement', { day: ctx.i18n.day(m.day) })}
                          </button>
                        </form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {manual && p.canEdit ? (
          <section aria-labelledby="goal-add" class="narrow">
            <h3 id="goal-add">{t('analytics.goals.add_title')}</h3>
            <ErrorSummary i18n={ctx.i18n} errors={p.errors} />
            <form
              method="post"
              action={`/analytics/goals/${goal.id}/measurements`}
              class="stack"
              novalidate
            >
              <Csrf token={ctx.csrfToken} />
              <div class="row">
                <Field
                  name="day"
                  type="date"
                  label={t('analytics.goals.field_day')}
                  value={p.form.day}
                  errors={p.errors}
                />
                <Field
                  name="value"
                  label={`${t('analytics.goals.field_value')} (${unit})`}
                  value={p.form.value}
                  errors={p.errors}
                  maxLength={30}
                />
              </div>
              <Field
                name="note"
                label={t('analytics.goals.field_note')}
                value={p.form.note}
                errors={p.errors}
                maxLength={GOAL_LIMITS.note}
                hint={t('analytics.goals.hint_note')}
              />
              <button type="submit">{t('analytics.goals.add')}</button>
            </form>
          </section>
        ) : null}
      </section>
    </>
  );
}

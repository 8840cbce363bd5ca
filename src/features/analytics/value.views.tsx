import { Csrf, ErrorSummary, Field, type Errors } from '../../views/form.tsx';
import type { Locale, MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import { AnalyticsNav, Figure, HowCounted, PeriodForm } from './analytics.layout.tsx';
import { ChartBlock, chartSummary, type Series } from './charts.tsx';
import { DAYS_PER_MONTH, type ValueModel, type ValueReport } from './value.ts';

/** What the model form shows: as typed (after an error) or as stored. */
export type ModelForm = Record<keyof ValueModel, string>;

/** A number for a text field, with the decimal comma where the language writes one. */
export const decimalText = (x: number, locale: Locale): string =>
  locale === 'de' ? String(x).replace('.', ',') : String(x);

export const modelFormOf = (m: ValueModel, locale: Locale): ModelForm => ({
  hoursPerAnswer: decimalText(m.hoursPerAnswer, locale),
  hoursPerReuse: decimalText(m.hoursPerReuse, locale),
  hoursPerStory: decimalText(m.hoursPerStory, locale),
  hourCost: decimalText(m.hourCost, locale),
  currency: m.currency,
  monthlyCost: decimalText(m.monthlyCost, locale),
});

export interface ValuePageProps {
  ctx: PageContext;
  report: ValueReport;
  form: { from: string; to: string; grain: string };
  errors: Record<string, string>;
  /** The query string of this period, for the CSV link. */
  query: string;
  canEdit: boolean;
  modelForm: ModelForm;
  modelErrors: Errors;
}

/** Formatters of the page's language for the model's currency. */
export function valueFormats(ctx: PageContext, currency: string) {
  const { i18n } = ctx;
  return {
    n: (x: number) => i18n.number(x, { maximumFractionDigits: 2 }),
    money: (x: number) => i18n.number(x, { style: 'currency', currency, minimumFractionDigits: 2 }),
    /** Axis labels: whole amounts. */
    moneyShort: (x: number) =>
      i18n.number(x, { style: 'currency', currency, maximumFractionDigits: 0 }),
    pct: (x: number) => i18n.number(x, { style: 'percent', maximumFractionDigits: 1 }),
  };
}

/** The chart series: the inputs, and money saved against the platform's cost. */
export function valueSeries(
  report: ValueReport,
  t: PageContext['i18n']['t'],
): { inputs: Series[]; money: Series[] } {
  const s = (label: MessageKey, pick: (r: ValueReport['series'][number]) => number) => ({
    label: t(label),
    points: report.series.map((r) => ({ x: r.period, y: pick(r) })),
  });
  return {
    inputs: [
      s('analytics.value.answered', (r) => r.answered),
      s('analytics.value.reused', (r) => r.reused),
      s('analytics.value.stories', (r) => r.stories),
    ],
    money: [s('analytics.value.money', (r) => r.money), s('analytics.value.cost', (r) => r.cost)],
  };
}

export function ValuePage(p: ValuePageProps) {
  const { ctx, report } = p;
  const { t } = ctx.i18n;
  const m = report.model;
  const f = valueFormats(ctx, m.currency);
  const tot = report.total;
  const { inputs, money } = valueSeries(report, t);
  const periodHeader = t(`analytics.grain_${report.period.grain}` as MessageKey);
  const summary = (s: Series[], format: (x: number) => string) => chartSummary(t, s, format);
  const charts = [
    ['inputs', t('analytics.value.chart_inputs'), inputs, f.n, 'bar'],
    ['money', t('analytics.value.chart_money'), money, f.moneyShort, 'line'],
  ] as const;
  return (
    <>
      <AnalyticsNav ctx={ctx} />
      <h1>{t('analytics.value.title')}</h1>
      <p>{t('analytics.value.intro')}</p>
      {report.limited ? <p class="hint">{t('analytics.value.limited')}</p> : null}
      <PeriodForm ctx={ctx} action="/analytics/value" form={p.form} errors={p.errors} />

      <section>
        <h2 id="value-result">
          {t('analytics.value.result_title', {
            from: ctx.i18n.day(report.period.from),
            to: ctx.i18n.day(report.period.to),
          })}
        </h2>
        <dl class="figures">
          <Figure
            label={t('analytics.value.answered')}
            value={f.n(tot.answered)}
            how={t('analytics.value.how_answered')}
          />
          <Figure
            label={t('analytics.value.reused')}
            value={f.n(tot.reused)}
            how={t('analytics.value.how_reused')}
          />
          <Figure
            label={t('analytics.value.stories')}
            value={f.n(tot.stories)}
            how={t('analytics.value.how_stories')}
          />
          <Figure
            label={t('analytics.value.hours')}
            value={`${f.n(tot.hours)} h`}
            how={t('analytics.value.formula_hours', {
              answered: f.n(tot.answered),
              perAnswer: f.n(m.hoursPerAnswer),
              reused: f.n(tot.reused),
              perReuse: f.n(m.hoursPerReuse),
              stories: f.n(tot.stories),
              perStory: f.n(m.hoursPerStory),
              hours: f.n(tot.hours),
            })}
          />
          <Figure
            label={t('analytics.value.money')}
            value={f.money(tot.money)}
            how={t('analytics.value.formula_money', {
              hours: f.n(tot.hours),
              hourCost: f.money(m.hourCost),
              money: f.money(tot.money),
            })}
          />
          <Figure
            label={t('analytics.value.cost')}
            value={f.money(tot.cost)}
            how={`${t('analytics.value.formula_cost', {
              monthly: f.money(m.monthlyCost),
              days: f.n(tot.days),
              daysPerMonth: f.n(DAYS_PER_MONTH),
              cost: f.money(tot.cost),
            })} ${t('analytics.value.how_cost')}`}
          />
          <Figure
            label={t('analytics.value.roi')}
            value={tot.roi === null ? '—' : f.pct(tot.roi)}
            how={
              tot.roi === null
                ? t('analytics.value.roi_none')
                : t('analytics.value.formula_roi', {
                    money: f.money(tot.money),
                    cost: f.money(tot.cost),
                    roi: f.pct(tot.roi),
                  })
            }
          />
        </dl>
        {charts.map(([id, title, series, format, kind]) => {
          return (
            <ChartBlock
              kind={kind}
              id={`chart-value-${id}`}
              title={title}
              desc={summary(series, format)}
              series={series}
              format={format}
              periodHeader={periodHeader}
              suppressed="—"
            />
          );
        })}
        <p>
          <a href={`/analytics/value.csv?${p.query}`} download>
            {t('analytics.csv')}
          </a>
        </p>
        <HowCounted ctx={ctx}>
          <ul>
            <li>{t('analytics.value.how_answered')}</li>
            <li>{t('analytics.value.how_reused')}</li>
            <li>{t('analytics.value.how_stories')}</li>
            <li>{t('analytics.value.how_cost')}</li>
          </ul>
        </HowCounted>
      </section>

      <section aria-labelledby="value-model" class="narrow">
        <h2 id="value-model">{t('analytics.value.model_title')}</h2>
        <p>{t('analytics.value.model_intro')}</p>
        {p.canEdit ? (
          <ModelFormView ctx={ctx} values={p.modelForm} errors={p.modelErrors} />
        ) : (
          <>
            <dl class="figures">
              {MODEL_FIELDS.map(([field, label]) => (
                <div class="figure">
                  <dt>{t(label)}</dt>
                  <dd>
                    <strong>
                      {field === 'currency'
                        ? m.currency
                        : field === 'hourCost' || field === 'monthlyCost'
                          ? f.money(m[field])
                          : `${f.n(m[field])} h`}
                    </strong>
                  </dd>
                </div>
              ))}
            </dl>
            <p class="hint">{t('analytics.value.model_admin_only')}</p>
          </>
        )}
      </section>
    </>
  );
}

const MODEL_FIELDS = [
  [
    'hoursPerAnswer',
    'analytics.value.field_hours_per_answer',
    'analytics.value.hint_hours_per_answer',
  ],
  [
    'hoursPerReuse',
    'analytics.value.field_hours_per_reuse',
    'analytics.value.hint_hours_per_reuse',
  ],
  [
    'hoursPerStory',
    'analytics.value.field_hours_per_story',
    'analytics.value.hint_hours_per_story',
  ],
  ['hourCost', 'analytics.value.field_hour_cost', 'analytics.value.hint_hour_cost'],
  ['currency', 'analytics.value.field_currency', 'analytics.value.hint_currency'],
  ['monthlyCost', 'analytics.value.field_monthly_cost', 'analytics.value.hint_monthly_cost'],
] as const satisfies readonly (readonly [keyof ValueModel, MessageKey, MessageKey])[];

function ModelFormView({
  ctx,
  values,
  errors,
}: {
  ctx: PageContext;
  values: ModelForm;
  errors: Errors;
}) {
  const { t } = ctx.i18n;
  return (
    <>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action="/analytics/value/model" class="stack" novalidate>
        <Csrf token={ctx.csrfToken} />
        {MODEL_FIELDS.map(([field, label, hint]) => (
          <Field
            name={field}
            label={t(label)}
            hint={t(hint)}
            value={values[field]}
            errors={errors}
            maxLength={field === 'currency' ? 3 : 20}
          />
        ))}
        <button type="submit">{ctx.i18n.t('form.save')}</button>
      </form>
    </>
  );
}

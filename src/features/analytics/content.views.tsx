import type { MessageKey } from '../../views/i18n.ts';
import { Csrf, ErrorSummary, Field, type Errors } from '../../views/form.tsx';
import type { PageContext } from '../../views/layout.tsx';
import { AnalyticsNav, HowCounted, PeriodForm } from './analytics.layout.tsx';
import { ChartBlock, chartSummary } from './charts.tsx';
import type { Series } from './csv.ts';
import {
  HASHTAG_ROWS,
  TARGET_FIELDS,
  type ContentLevel,
  type ContentRow,
  type Figure,
  type Status,
  type TargetField,
} from './content.level.ts';
import type { PainPointsLevel } from './painpoints.level.ts';
import { PainPointsSection } from './painpoints.level.views.tsx';

/** Whether a figure of a row was hidden by the privacy threshold (rather than not existing). */
export function hiddenFigure(row: ContentRow, f: Figure | 'p50MeetsTarget'): boolean {
  if (row.privacy.row) return true;
  if (f.startsWith('firstAnswerP') || f === 'p50MeetsTarget') return row.privacy.firstAnswer;
  if (f.startsWith('acceptedP')) return row.privacy.acceptedAnswer;
  return false;
}

const TARGET_LABEL: Record<TargetField, MessageKey> = {
  answerRate: 'analytics.content.answer_rate',
  acceptedRate: 'analytics.content.accepted_rate',
  answeredWithin24h: 'analytics.content.within_24h',
};

/** The target form's fields as typed (percent). */
export type TargetValues = Record<TargetField, string>;

/** Rows of the group table per page; the CSV and the API have them all. */
export const GROUPS_PER_PAGE = 50;

export interface ContentPageProps {
  ctx: PageContext;
  data: ContentLevel;
  /** 1-based page of the group table. */
  groupsPage: number;
  /** The query string of this view, for the CSV links. */
  query: string;
  errors: Record<string, string>;
  form: { from: string; to: string; grain: string; groupId: string };
  groups: readonly { id: string; name: string }[];
  canEditTargets: boolean;
  targetValues: TargetValues;
  targetErrors: Errors;
  /** Pain points (painpoints.level.ts), a section of their own. */
  painPoints?: PainPointsLevel | null;
}

function useFormat(ctx: PageContext, k: number) {
  const { t } = ctx.i18n;
  const fewer = t('analytics.fewer_than', { k });
  const n = (x: number) => ctx.i18n.number(x, { maximumFractionDigits: 1 });
  const pct = (x: number) => ctx.i18n.number(x, { style: 'percent', maximumFractionDigits: 1 });
  const hours = (x: number) => t('analytics.content.hours', { n: n(x) });
  /** A figure of a row: "fewer than k" when hidden, "—" when there is none. */
  const cell = (row: ContentRow, f: Figure, format: (x: number) => string) => {
    if (hiddenFigure(row, f)) return <span class="suppressed">{fewer}</span>;
    const v = row[f];
    return v === null ? <span aria-label={t('analytics.content.none')}>—</span> : format(v);
  };
  const status = (s: Status) =>
    s === null ? null : (
      <span class={`status status-${s}`}>
        {s === 'met' ? '✓ ' : '✗ '}
        {t(s === 'met' ? 'analytics.content.on_target' : 'analytics.content.below_target')}
      </span>
    );
  const meets = (row: ContentRow) =>
    row.p50MeetsTarget === null ? null : (
      <span class={`status status-${row.p50MeetsTarget ? 'met' : 'missed'}`}>
        {row.p50MeetsTarget ? '✓ ' : '✗ '}
        {t(
          row.p50MeetsTarget ? 'analytics.content.meets_target' : 'analytics.content.misses_target',
        )}
      </span>
    );
  const pair = (row: ContentRow, cal: Figure, bus: Figure) => {
    if (hiddenFigure(row, cal)) return <span class="suppressed">{fewer}</span>;
    const a = row[cal];
    const b = row[bus];
    if (a === null || b === null) return <span aria-label={t('analytics.content.none')}>—</span>;
    return t('analytics.content.hours_pair', { calendar: n(a), business: n(b) });
  };
  return { fewer, n, pct, hours, cell, status, meets, pair };
}

/** Rows of figures per group or per hashtag: rates against their targets, times, 7 days. */
function FiguresTable({
  ctx,
  data,
  caption,
  head,
  rows,
}: {
  ctx: PageContext;
  data: ContentLevel;
  caption: string;
  head: string;
  rows: { label: string; row: ContentRow }[];
}) {
  const { t } = ctx.i18n;
  const f = useFormat(ctx, data.k);
  const rate = (row: ContentRow, fig: Figure, s: Status) => (
    <>
      {f.cell(row, fig, f.pct)} {s ? f.status(s) : null}
    </>
  );
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" class="num">
              {t('analytics.content.asked')}
            </th>
            <th scope="col" class="num">
              {t('analytics.content.answer_rate')}
            </th>
            <th scope="col" class="num">
              {t('analytics.content.accepted_rate')}
            </th>
            <th scope="col" class="num">
              {t('analytics.content.within_24h')}
            </th>
            <th scope="col" class="num">
              {t('analytics.content.within_target')}
            </th>
            <th scope="col" class="num">
              {t('analytics.content.target_hours')}
            </th>
            <th scope="col" class="num">
              {t('analytics.content.first_p50')}
            </th>
            <th scope="col" class="num">
              {t('analytics.content.first_p90')}
            </th>
            <th scope="col" class="num">
              {t('analytics.content.accepted_p50')}
            </th>
            <th scope="col" class="num">
              {t('analytics.content.accepted_p90')}
            </th>
            <th scope="col" class="num">
              {t('analytics.content.unanswered_7d')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ label, row }) => (
            <tr>
              <th scope="row">{label}</th>
              <td class="num">{f.cell(row, 'asked', f.n)}</td>
              <td class="num">{rate(row, 'answerRate', row.status.answerRate)}</td>
              <td class="num">{rate(row, 'acceptedRate', row.status.acceptedRate)}</td>
              <td class="num">
                {rate(row, 'answeredWithin24hRate', row.status.answeredWithin24h)}
              </td>
              <td class="num">{f.cell(row, 'answeredWithinTargetRate', f.pct)}</td>
              <td class="num">
                {row.privacy.row ? (
                  <span class="suppressed">{f.fewer}</span>
                ) : row.targetHours === null ? (
                  t('analytics.content.own_targets')
                ) : (
                  f.hours(row.targetHours)
                )}
              </td>
              <td class="num">
                {f.pair(row, 'firstAnswerP50Hours', 'firstAnswerP50BusinessHours')} {f.meets(row)}
              </td>
              <td class="num">
                {f.pair(row, 'firstAnswerP90Hours', 'firstAnswerP90BusinessHours')}
              </td>
              <td class="num">{f.pair(row, 'acceptedP50Hours', 'acceptedP50BusinessHours')}</td>
              <td class="num">{f.pair(row, 'acceptedP90Hours', 'acceptedP90BusinessHours')}</td>
              <td class="num">
                {f.cell(row, 'unansweredAfter7Days', f.n)}
                {!row.privacy.row && row.unansweredAfter7DaysRate !== null
                  ? ` (${f.pct(row.unansweredAfter7DaysRate)})`
                  : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Definitions({ ctx }: { ctx: PageContext }) {
  const { t } = ctx.i18n;
  const items: [MessageKey, MessageKey][] = [
    ['analytics.content.asked', 'analytics.content.how_asked'],
    ['analytics.content.answer_rate', 'analytics.content.how_answer_rate'],
    ['analytics.content.accepted_rate', 'analytics.content.how_accepted_rate'],
    ['analytics.content.times', 'analytics.content.how_times'],
    ['analytics.content.business_hours', 'analytics.content.how_business_hours'],
    ['analytics.content.within_24h', 'analytics.content.how_within_24h'],
    ['analytics.content.within_target', 'analytics.content.how_within_target'],
    ['analytics.content.p50_vs_target', 'analytics.content.how_p50_target'],
    ['analytics.content.unanswered_7d', 'analytics.content.how_unanswered_7d'],
    ['analytics.content.rate_targets', 'analytics.content.how_rate_targets'],
    ['analytics.content.privacy', 'analytics.content.how_privacy'],
  ];
  return (
    <HowCounted ctx={ctx}>
      <dl class="definitions">
        {items.map(([term, how]) => (
          <>
            <dt>{t(term)}</dt>
            <dd>{t(how)}</dd>
          </>
        ))}
      </dl>
    </HowCounted>
  );
}

export function ContentPage(p: ContentPageProps) {
  const { ctx, data } = p;
  const { t } = ctx.i18n;
  const f = useFormat(ctx, data.k);
  const total = data.total;
  const periodHeader = t(`analytics.grain_${data.period.grain}` as MessageKey);
  const csv = (part: string) =>
    `/analytics/content.csv?${p.query}${p.query ? '&' : ''}part=${part}`;
  const series = (figs: Figure[], labels: MessageKey[]): Series[] =>
    figs.map((fig, i) => ({
      label: t(labels[i]!),
      points: data.series.map((r) => ({ x: r.period, y: r[fig] })),
    }));
  const rates = series(
    ['answerRate', 'acceptedRate', 'answeredWithin24hRate'],
    [
      'analytics.content.answer_rate',
      'analytics.content.accepted_rate',
      'analytics.content.within_24h',
    ],
  );
  const times = series(
    ['firstAnswerP50Hours', 'firstAnswerP50BusinessHours', 'acceptedP50Hours'],
    [
      'analytics.content.first_p50_calendar',
      'analytics.content.first_p50_business',
      'analytics.content.accepted_p50_calendar',
    ],
  );
  const reuse: Series[] = [
    {
      label: t('analytics.content.reuses'),
      points: data.documents.items.map((r) => ({ x: r.period, y: r.reuses })),
    },
    {
      label: t('analytics.content.reusers'),
      points: data.documents.items.map((r) => ({ x: r.period, y: r.reusers })),
    },
  ];
  const summary = (s: Series[], format: (x: number) => string) => chartSummary(t, s, format);
  const notShown = t('analytics.content.none_or_fewer', { k: data.k });
  const targetRow = (label: MessageKey, fig: Figure, field: TargetField) => (
    <tr>
      <th scope="row">{t(label)}</th>
      <td class="num">
        {f.cell(total, fig, f.pct)}
        {!total.privacy.row && total[fig] !== null ? (
          <span class="hint">
            {' '}
            {t('analytics.content.of_asked', {
              n: f.n(
                total[
                  fig === 'answerRate'
                    ? 'answered'
                    : fig === 'acceptedRate'
                      ? 'accepted'
                      : 'answeredWithin24h'
                ] ?? 0,
              ),
              asked: f.n(total.asked ?? 0),
            })}
          </span>
        ) : null}
      </td>
      <td class="num">{f.pct(data.targets[field])}</td>
      <td>{f.status(total.status[field]) ?? '—'}</td>
    </tr>
  );
  const pages = Math.max(1, Math.ceil(data.groups.length / GROUPS_PER_PAGE));
  const page = Math.min(Math.max(1, p.groupsPage), pages);
  const firstRow = (page - 1) * GROUPS_PER_PAGE;
  const groupRows = data.groups.slice(firstRow, firstRow + GROUPS_PER_PAGE);
  const groupsHref = (n: number) =>
    `/analytics/content?${p.query}${p.query ? '&' : ''}groupsPage=${n}#content-groups`;
  const groupLabel = (g: { groupId: string | null; name: string | null }) =>
    g.groupId === null ? t('analytics.content.org_wide') : (g.name ?? g.groupId);

  return (
    <>
      <AnalyticsNav ctx={ctx} />
      <h1>{t('analytics.content.title')}</h1>
      <p>{t('analytics.content.intro', { k: data.k })}</p>
      <PeriodForm
        ctx={ctx}
        action="/analytics/content"
        form={p.form}
        errors={p.errors}
        groups={p.groups}
      />
      <p class="hint">
        {t('analytics.content.cutoff', { cutoff: ctx.i18n.dateTime(data.cutoff) })}
      </p>

      <section>
        <h2 id="content-targets">{t('analytics.content.against_targets')}</h2>
        <div class="table-scroll" role="region" aria-labelledby="content-targets" tabIndex={0}>
          <table>
            <caption>{t('analytics.content.against_targets')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analytics.content.figure')}</th>
                <th scope="col" class="num">
                  {t('analytics.content.value')}
                </th>
                <th scope="col" class="num">
                  {t('analytics.content.target')}
                </th>
                <th scope="col">{t('analytics.content.status')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('analytics.content.asked')}</th>
                <td class="num">{f.cell(total, 'asked', f.n)}</td>
                <td class="num">—</td>
                <td>—</td>
              </tr>
              {targetRow('analytics.content.answer_rate', 'answerRate', 'answerRate')}
              {targetRow('analytics.content.accepted_rate', 'acceptedRate', 'acceptedRate')}
              {targetRow(
                'analytics.content.within_24h',
                'answeredWithin24hRate',
                'answeredWithin24h',
              )}
              <tr>
                <th scope="row">{t('analytics.content.within_target')}</th>
                <td class="num">{f.cell(total, 'answeredWithinTargetRate', f.pct)}</td>
                <td class="num">
                  {total.privacy.row ? (
                    <span class="suppressed">{f.fewer}</span>
                  ) : total.targetHours === null ? (
                    t('analytics.content.own_targets')
                  ) : (
                    f.hours(total.targetHours)
                  )}
                </td>
                <td>—</td>
              </tr>
              <tr>
                <th scope="row">{t('analytics.content.first_p50')}</th>
                <td class="num">
                  {f.pair(total, 'firstAnswerP50Hours', 'firstAnswerP50BusinessHours')}
                </td>
                <td class="num">
                  {total.privacy.row ? (
                    <span class="suppressed">{f.fewer}</span>
                  ) : total.targetHours === null ? (
                    t('analytics.content.own_targets')
                  ) : (
                    f.hours(total.targetHours)
                  )}
                </td>
                <td>{f.meets(total) ?? '—'}</td>
              </tr>
              <tr>
                <th scope="row">{t('analytics.content.first_p90')}</th>
                <td class="num">
                  {f.pair(total, 'firstAnswerP90Hours', 'firstAnswerP90BusinessHours')}
                </td>
                <td class="num">—</td>
                <td>—</td>
              </tr>
              <tr>
                <th scope="row">{t('analytics.content.accepted_p50')}</th>
                <td class="num">{f.pair(total, 'acceptedP50Hours', 'acceptedP50BusinessHours')}</td>
                <td class="num">—</td>
                <td>—</td>
              </tr>
              <tr>
                <th scope="row">{t('analytics.content.accepted_p90')}</th>
                <td class="num">{f.pair(total, 'acceptedP90Hours', 'acceptedP90BusinessHours')}</td>
                <td class="num">—</td>
                <td>—</td>
              </tr>
              <tr>
                <th scope="row">{t('analytics.content.unanswered_7d')}</th>
                <td class="num">
                  {f.cell(total, 'unansweredAfter7Days', f.n)}
                  {!total.privacy.row && total.unansweredAfter7DaysRate !== null
                    ? ` (${f.pct(total.unansweredAfter7DaysRate)})`
                    : null}
                </td>
                <td class="num">—</td>
                <td>—</td>
              </tr>
            </tbody>
          </table>
        </div>
        <p>
          <a href={csv('summary')} download>
            {t('analytics.csv')}
          </a>
        </p>
        <Definitions ctx={ctx} />

        <h3>{t('analytics.content.rate_targets')}</h3>
        {p.canEditTargets ? (
          <form method="post" action="/analytics/content/targets" class="stack" novalidate>
            <ErrorSummary i18n={ctx.i18n} errors={p.targetErrors} />
            <Csrf token={ctx.csrfToken} />
            <div class="row">
              {TARGET_FIELDS.map((field) => (
                <Field
                  name={field}
                  type="number"
                  label={t('analytics.content.target_percent', {
                    figure: t(TARGET_LABEL[field]),
                  })}
                  value={p.targetValues[field]}
                  errors={p.targetErrors}
                  min={0}
                  max={100}
                />
              ))}
            </div>
            <button type="submit">{t('form.save')}</button>
          </form>
        ) : (
          <p>
            {TARGET_FIELDS.map(
              (field) => `${t(TARGET_LABEL[field])}: ${f.pct(data.targets[field])}`,
            ).join(' · ')}
          </p>
        )}
      </section>

      <section>
        <h2 id="content-series">{t('analytics.content.over_time')}</h2>
        <ChartBlock
          id="chart-content-rates"
          title={t('analytics.content.chart_rates')}
          desc={summary(rates, f.pct)}
          series={rates}
          format={f.pct}
          periodHeader={periodHeader}
          suppressed={notShown}
        />
        <ChartBlock
          id="chart-content-times"
          title={t('analytics.content.chart_times')}
          desc={summary(times, f.n)}
          series={times}
          format={f.n}
          periodHeader={periodHeader}
          suppressed={notShown}
        />
        <p>
          <a href={csv('series')} download>
            {t('analytics.csv')}
          </a>
        </p>
      </section>

      <section>
        <h2 id="content-groups">{t('analytics.content.per_group')}</h2>
        <p class="hint">{t('analytics.content.per_group_hint')}</p>
        {data.groups.length === 0 ? (
          <p>{t('analytics.content.no_questions')}</p>
        ) : (
          <>
            <FiguresTable
              ctx={ctx}
              data={data}
              caption={t('analytics.content.per_group')}
              head={t('analytics.group')}
              rows={groupRows.map((g) => ({ label: groupLabel(g), row: g }))}
            />
            {pages > 1 ? (
              <nav class="pager" aria-label={t('analytics.content.per_group')}>
                <p>
                  {t('analytics.content.groups_shown', {
                    from: firstRow + 1,
                    to: firstRow + groupRows.length,
                    n: data.groups.length,
                  })}
                </p>
                {page > 1 ? (
                  <a href={groupsHref(page - 1)} rel="prev">
                    {t('analytics.content.previous')}
                  </a>
                ) : null}{' '}
                {page < pages ? (
                  <a href={groupsHref(page + 1)} rel="next">
                    {t('analytics.content.next')}
                  </a>
                ) : null}
              </nav>
            ) : null}
          </>
        )}
        <p>
          <a href={csv('groups')} download>
            {t('analytics.csv')}
          </a>
        </p>
      </section>

      <section>
        <h2 id="content-hashtags">{t('analytics.content.per_hashtag')}</h2>
        <p class="hint">
          {t('analytics.content.per_hashtag_hint', { n: HASHTAG_ROWS })}
          {data.hashtagsNotShown > 0
            ? ` ${t('analytics.content.hashtags_not_shown', { n: data.hashtagsNotShown })}`
            : null}
        </p>
        {data.hashtags.length === 0 ? (
          <p>{t('analytics.content.no_hashtags')}</p>
        ) : (
          <FiguresTable
            ctx={ctx}
            data={data}
            caption={t('analytics.content.per_hashtag')}
            head={t('analytics.content.hashtag')}
            rows={data.hashtags.map((h) => ({ label: `#${h.display}`, row: h }))}
          />
        )}
        <p>
          <a href={csv('hashtags')} download>
            {t('analytics.csv')}
          </a>
        </p>
      </section>

      <section>
        <h2 id="content-documents">{t('analytics.content.documents_reused')}</h2>
        <p class="hint">{t('analytics.content.how_reuse')}</p>
        <p>
          {t('analytics.content.reuse_total')}{' '}
          <strong>
            {data.documents.total.reuses === null ? f.fewer : f.n(data.documents.total.reuses)}
          </strong>{' '}
          · {t('analytics.content.reusers')}{' '}
          <strong>
            {data.documents.total.reusers === null ? f.fewer : f.n(data.documents.total.reusers)}
          </strong>
        </p>
        <ChartBlock
          kind="bar"
          id="chart-content-reuse"
          title={t('analytics.content.documents_reused')}
          desc={summary(reuse, f.n)}
          series={reuse}
          format={f.n}
          periodHeader={periodHeader}
          suppressed={f.fewer}
        />
        <p>
          <a href={csv('documents')} download>
            {t('analytics.csv')}
          </a>
        </p>
      </section>

      {p.painPoints ? (
        <PainPointsSection ctx={ctx} data={p.painPoints} csvHref={csv('painpoints')} />
      ) : null}
    </>
  );
}

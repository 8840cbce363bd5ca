import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import { Figure, PeriodForm } from './analytics.layout.tsx';
import { ChartBlock, DataTable, latestChange } from './charts.tsx';
import type { Series } from './csv.ts';
import type { Impact, ImpactCount, ImpactMonth } from './impact.ts';

type Shown = ImpactCount | 'medianHoursToFirstAnswer';

export const IMPACT_LABEL: Record<Shown, [MessageKey, MessageKey]> = {
  posts: ['analytics.impact.posts', 'analytics.impact.how_posts'],
  questions: ['analytics.impact.questions', 'analytics.impact.how_questions'],
  answers: ['analytics.impact.answers', 'analytics.impact.how_answers'],
  accepted: ['analytics.impact.accepted', 'analytics.impact.how_accepted'],
  helpfulVotes: ['analytics.impact.helpful_votes', 'analytics.impact.how_helpful_votes'],
  reactionsReceived: [
    'analytics.impact.reactions_received',
    'analytics.impact.how_reactions_received',
  ],
  commentsReceived: [
    'analytics.impact.comments_received',
    'analytics.impact.how_comments_received',
  ],
  questionsAnswered: [
    'analytics.impact.questions_answered',
    'analytics.impact.how_questions_answered',
  ],
  medianHoursToFirstAnswer: ['analytics.impact.median_wait', 'analytics.impact.how_median_wait'],
  reuses: ['analytics.impact.reuses', 'analytics.impact.how_reuses'],
};

const GIVEN = ['posts', 'questions', 'answers', 'accepted'] as const;
const RECEIVED = ['reactionsReceived', 'commentsReceived', 'helpfulVotes', 'reuses'] as const;
const QUESTIONS = ['questions', 'questionsAnswered'] as const;

function seriesOf(
  months: readonly ImpactMonth[],
  figures: readonly Shown[],
  label: (f: Shown) => string,
): Series[] {
  return figures.map((f) => ({
    label: label(f),
    points: months.map((m) => ({ x: m.period, y: m[f] })),
  }));
}

export interface ImpactPageProps {
  ctx: PageContext;
  data: Impact;
  /** Whether the organisation switched analytics off (this page works all the same). */
  analyticsOn: boolean;
  query: string;
  errors: Record<string, string>;
  form: { from: string; to: string };
}

export function ImpactPage({ ctx, data, analyticsOn, query, errors, form }: ImpactPageProps) {
  const { t } = ctx.i18n;
  const n = (x: number) => ctx.i18n.number(x, { maximumFractionDigits: 1 });
  const label = (f: Shown) => t(IMPACT_LABEL[f][0]);
  const how = (f: Shown) => t(IMPACT_LABEL[f][1]);
  const wait = (h: number | null) =>
    h === null ? '—' : t('analytics.impact.hours', { hours: n(h) });
  // For screen readers: each figure's latest month.
  const summary = (s: Series[]) =>
    s
      .flatMap((x) => {
        const c = latestChange(x);
        return c
          ? [t('analytics.chart_summary', { figure: x.label, period: c.x, value: n(c.y) })]
          : [];
      })
      .join(' ') || t('analytics.chart_empty');
  const charts: [string, string, Series[], 'line' | 'bar'][] = [
    ['given', t('analytics.impact.chart_given'), seriesOf(data.months, GIVEN, label), 'bar'],
    [
      'received',
      t('analytics.impact.chart_received'),
      seriesOf(data.months, RECEIVED, label),
      'line',
    ],
    [
      'questions',
      t('analytics.impact.chart_questions'),
      seriesOf(data.months, QUESTIONS, label),
      'bar',
    ],
  ];
  const totals = data.totals;
  return (
    <>
      <h1>{t('analytics.impact.title')}</h1>
      <p>{t('analytics.impact.intro')}</p>
      <p class="hint">{t('analytics.impact.own_content')}</p>
      {analyticsOn ? null : <p class="notice">{t('analytics.impact.analytics_off')}</p>}
      <PeriodForm
        ctx={ctx}
        action="/me/impact"
        form={{ ...form, grain: 'month' }}
        errors={errors}
        grain={false}
      />

      <section>
        <h2 id="impact-totals">{t('analytics.impact.totals')}</h2>
        <dl class="figures">
          {(
            [
              'posts',
              'questions',
              'answers',
              'accepted',
              'helpfulVotes',
              'reactionsReceived',
              'commentsReceived',
              'questionsAnswered',
              'reuses',
            ] as const
          ).map((f) => (
            <Figure label={label(f)} value={n(totals[f])} how={how(f)} />
          ))}
          <Figure
            label={label('medianHoursToFirstAnswer')}
            value={wait(totals.medianHoursToFirstAnswer)}
            how={how('medianHoursToFirstAnswer')}
          />
          <Figure
            label={t('analytics.impact.documents')}
            value={n(data.documents)}
            how={t('analytics.impact.how_documents')}
          />
          <Figure
            label={t('analytics.impact.downloads')}
            value={n(data.downloads)}
            how={t('analytics.impact.how_downloads')}
          />
        </dl>
      </section>

      {charts.map(([id, title, series, kind]) => {
        return (
          <section>
            <h2 id={`impact-${id}`}>{title}</h2>
            <ChartBlock
              kind={kind}
              id={`chart-${id}`}
              title={title}
              desc={summary(series)}
              series={series}
              format={n}
              periodHeader={t('analytics.impact.month')}
              suppressed="—"
            />
          </section>
        );
      })}
      <section>
        <h2 id="impact-wait">{label('medianHoursToFirstAnswer')}</h2>
        <p class="hint">{how('medianHoursToFirstAnswer')}</p>
        <DataTable
          caption={t('analytics.impact.median_wait_hours')}
          periodHeader={t('analytics.impact.month')}
          series={seriesOf(data.months, ['medianHoursToFirstAnswer'], label)}
          format={n}
          suppressed="—"
        />
      </section>
      <p>
        <a href={`/me/impact.csv?${query}`} download>
          {t('analytics.csv')}
        </a>
      </p>
    </>
  );
}

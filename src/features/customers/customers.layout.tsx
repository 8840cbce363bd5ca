import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import type { Scored } from './evaluations.ts';
import { rate, RATING_SYMBOL, type Rating, type Standard } from './standards.ts';

/** The customer voice pages, shown above each of them; admins also see their own. */
export function CustomersNav({ ctx }: { ctx: PageContext }) {
  const { t } = ctx.i18n;
  const admin = ctx.viewer?.role === 'admin';
  const items: [string, MessageKey][] = [
    ['/customers', 'customers.nav.customers'],
    ['/customers/rounds', 'customers.nav.rounds'],
    ...(admin
      ? ([
          ['/customers/standards', 'customers.nav.standards'],
          ['/customers/import', 'customers.nav.import'],
        ] as [string, MessageKey][])
      : []),
    ['/satisfaction', 'customers.nav.satisfaction'],
  ];
  const current = items
    .map(([href]) => href)
    .filter((href) => ctx.path === href || ctx.path.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label={t('customers.nav.label')}>
      <ul class="subnav">
        {items.map(([href, label]) => (
          <li>
            <a href={href} aria-current={href === current ? 'page' : undefined}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// The colour classes the rest of the app already styles (green, amber, red text), besides the
// rating's own class.
const COLOUR_CLASS: Record<Rating, string> = {
  green: 'badge-available',
  amber: 'badge-busy',
  red: 'q-overdue',
};

export const ratingWord = (ctx: PageContext, r: Rating): string =>
  ctx.i18n.t(`satisfaction.rating.${r}`);

/** Numbers on the 1–10 scale, with up to two decimals (a mean is rated at two decimals). */
export const num = (ctx: PageContext, x: number): string =>
  ctx.i18n.number(x, { maximumFractionDigits: 2 });

/** A rating: colour (class), symbol and word, so that colour is never the only signal. */
export function RatingBadge({
  ctx,
  rating,
  value,
}: {
  ctx: PageContext;
  rating: Rating;
  /** The score or mean rated, shown in front. */
  value?: number;
}) {
  return (
    <span class={`badge rating rating-${rating} ${COLOUR_CLASS[rating]}`}>
      {value !== undefined ? `${num(ctx, value)} ` : ''}
      <span aria-hidden="true">{RATING_SYMBOL[rating]}</span> {ratingWord(ctx, rating)}
    </span>
  );
}

/** A score rated against its standard; '—' when there is none. */
export function ScoreBadge({
  ctx,
  score,
  standard,
}: {
  ctx: PageContext;
  score: number | undefined | null;
  standard: Standard;
}) {
  const r = rate(score, standard);
  if (score === undefined || score === null || !r) return <span>—</span>;
  return <RatingBadge ctx={ctx} rating={r} value={score} />;
}

/** A mean with its rating, or '—'. */
export function MeanBadge({
  ctx,
  scored,
}: {
  ctx: PageContext;
  scored: Scored | null | undefined;
}) {
  if (!scored) return <span>—</span>;
  return <RatingBadge ctx={ctx} rating={scored.rating} value={scored.mean} />;
}

/** The rule of a standard in words with its numbers. */
export function standardRule(ctx: PageContext, s: Standard): string {
  const low = s.target - s.tolerance;
  return s.tolerance > 0
    ? ctx.i18n.t('customers.standard_numbers', {
        target: num(ctx, s.target),
        low: num(ctx, low),
      })
    : ctx.i18n.t('customers.standard_numbers_no_amber', { target: num(ctx, s.target) });
}

/** The legend: the colour rule in words, each colour with its symbol. */
export function Legend({ ctx }: { ctx: PageContext }) {
  const { t } = ctx.i18n;
  return (
    <section class="rating-legend" aria-labelledby="rating-legend">
      <h2 id="rating-legend">{t('customers.legend.title')}</h2>
      <ul>
        {(['green', 'amber', 'red'] as const).map((r) => (
          <li>
            <RatingBadge ctx={ctx} rating={r} /> {t(`customers.legend.${r}` as MessageKey)}
          </li>
        ))}
      </ul>
      <p>{t('customers.legend.means')}</p>
    </section>
  );
}

import type { Cell } from '../analytics/csv.ts';
import type { I18n } from '../../views/i18n.ts';
import type { SatisfactionJsonType } from './satisfaction.json.ts';

/**
 * The CSV of the full page: exactly the figures shown, built from the same JSON the API gives
 * (so the three never disagree). One table: a `section` column tells the index, the dimensions,
 * the trend and the customers below standard apart.
 */
export const CSV_HEADERS = [
  'section',
  'round',
  'name',
  'value',
  'n',
  'target',
  'tolerance',
  'rating',
  'details',
];

export function satisfactionCsvRows(i18n: I18n, s: SatisfactionJsonType): Cell[][] {
  const { t } = i18n;
  const round = s.round?.name ?? '';
  const rows: Cell[][] = [
    [
      'index',
      round,
      t('satisfaction.index'),
      s.index.mean,
      s.index.n,
      s.index.target,
      s.index.tolerance,
      s.index.rating,
      '',
    ],
  ];
  for (const d of s.dimensions)
    rows.push(['dimension', round, d.name, d.mean, d.n, d.target, d.tolerance, d.rating, '']);
  for (const r of s.trend) {
    rows.push(['trend', r.roundName, t('satisfaction.index'), r.index, null, null, null, null, '']);
    for (const d of r.dimensions) {
      const name = s.dimensions.find((x) => x.id === d.id)?.name ?? d.id;
      rows.push(['trend', r.roundName, name, d.mean, null, null, null, null, '']);
    }
  }
  for (const c of s.belowStandard.customers ?? [])
    rows.push([
      'below_standard',
      round,
      c.name,
      c.shortfall,
      null,
      null,
      null,
      null,
      c.dimensions.map((d) => `${d.name}: ${d.score} (${d.rating ?? ''})`).join('; '),
    ]);
  return rows;
}

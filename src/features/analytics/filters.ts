import { Type } from '@sinclair/typebox';
import type { I18n } from '../../views/i18n.ts';
import { defaultPeriod, type Period } from './dashboard.ts';
import type { Grain } from './periods.ts';
import { daysBetween } from './rollup.ts';

export const GRAINS = ['day', 'week', 'month'] as const;
/** At most this many days in one request: two years of days is still a small table. */
export const MAX_DAYS = 800;
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/** The query every dashboard, its CSV and its API accept. */
export const PeriodQuery = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 20, description: 'YYYY-MM-DD' })),
  to: Type.Optional(Type.String({ maxLength: 20, description: 'YYYY-MM-DD' })),
  grain: Type.Optional(Type.String({ maxLength: 10, description: 'day, week or month' })),
  groupId: Type.Optional(
    Type.String({ maxLength: 40, description: 'only this group (a group the viewer may see)' }),
  ),
});
export type PeriodQueryType = { from?: string; to?: string; grain?: string; groupId?: string };

/** The period asked for, or the default; each unusable field named. */
export function periodFrom(
  q: { from?: string; to?: string; grain?: string },
  now: Date,
  t: I18n['t'],
): { period: Period; errors: Record<string, string> } {
  const d = defaultPeriod(now);
  const errors: Record<string, string> = {};
  const from = q.from || d.from;
  const to = q.to || d.to;
  if (!isDate(from)) errors.from = t('analytics.bad_date');
  if (!isDate(to)) errors.to = t('analytics.bad_date');
  if (!errors.from && !errors.to) {
    const n = daysBetween(from, to).length;
    if (n === 0) errors.to = t('analytics.to_before_from');
    else if (n > MAX_DAYS) errors.to = t('analytics.too_long', { days: MAX_DAYS });
  }
  const grain = (GRAINS as readonly string[]).includes(q.grain ?? '')
    ? (q.grain as Grain)
    : d.grain;
  return Object.keys(errors).length > 0
    ? { period: d, errors }
    : { period: { from, to, grain }, errors };
}

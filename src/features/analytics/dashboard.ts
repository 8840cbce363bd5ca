import type { Db } from '../../db/connect.ts';
import { getSetting } from '../admin/settings.ts';
import { activityLevel, COUNTED, type ActivityRow, type Counted } from './activity.level.ts';
import type { Series } from './csv.ts';
import { usersLevel, type UsersLevel } from './levels.ts';
import type { Grain } from './periods.ts';
import { checkK, DEFAULT_K, suppress } from './privacy.ts';
import { dayOf } from './rollup.ts';

/** The privacy threshold: breakdown cells over fewer people are not shown. */
export async function privacyK(db: Db): Promise<number> {
  return checkK(await getSetting<number>(db, 'analytics.k', DEFAULT_K));
}

export const SHOWN = [...COUNTED, 'visitors', 'active', 'engagementIndex'] as const;
export type ShownFigure = (typeof SHOWN)[number];

/** One period's figures as they may be shown: null where fewer than k people are behind one. */
export type ShownRow = { period: string } & Record<ShownFigure, number | null>;

/**
 * The activity figures of each period with the privacy threshold applied: a count is shown
 * only when at least k people are behind it (the people who posted, commented… in that period),
 * visitors and active people only when at least k, the engagement index only when at least k
 * people were active. Periods are rows without totals, so no cell can be derived from others.
 */
export function shownActivity(rows: readonly ActivityRow[], k: number): ShownRow[] {
  const cells = rows.map((r) => [
    ...COUNTED.map((c: Counted) => ({ value: r[c], people: r.people[c] })),
    { value: r.visitors, people: r.visitors },
    { value: r.active, people: r.active },
    { value: r.engagementIndex ?? 0, people: r.active },
  ]);
  const shown = suppress({ rows: cells }, k).rows;
  return rows.map((r, i) => {
    const out = { period: r.period } as ShownRow;
    SHOWN.forEach((f, j) => {
      const s = shown[i]![j]!;
      out[f] = s.kind === 'value' ? (f === 'engagementIndex' ? r.engagementIndex : s.value) : null;
    });
    return out;
  });
}

export interface Period {
  from: string;
  to: string;
  grain: Grain;
}

/** The last 12 weeks up to today. */
export function defaultPeriod(now: Date): Period {
  return { from: dayOf(new Date(now.getTime() - 83 * 86_400_000)), to: dayOf(now), grain: 'week' };
}

/** Level 3 as it may be shown. */
export interface ActivityData {
  k: number;
  period: Period;
  /** Only this group's current members; null: everyone. */
  groupId: string | null;
  activity: ShownRow[];
}

export interface Dashboard extends ActivityData {
  users: UsersLevel;
}

export async function activityData(
  db: Db,
  period: Period,
  now: Date,
  groupId: string | null = null,
): Promise<ActivityData> {
  const [k, rows] = await Promise.all([
    privacyK(db),
    activityLevel(db, period.from, period.to, period.grain, now, groupId),
  ]);
  return { k, period, groupId, activity: shownActivity(rows, k) };
}

/** Levels 1 and 3 together (the overview). */
export async function dashboard(db: Db, period: Period, now: Date): Promise<Dashboard> {
  const users = await usersLevel(db, now);
  return { ...(await activityData(db, period, now)), users };
}

/** Chart series of some figures. */
export function seriesOf(
  rows: readonly ShownRow[],
  figures: readonly ShownFigure[],
  label: (f: ShownFigure) => string,
): Series[] {
  return figures.map((f) => ({
    label: label(f),
    points: rows.map((r) => ({ x: r.period, y: r[f] })),
  }));
}

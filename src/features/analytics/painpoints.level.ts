import { Type } from '@sinclair/typebox';
import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import type { User } from '../accounts/accounts.table.ts';
import { ANONYMOUS_USER_ID, CLOSED } from '../painpoints/painpoints.table.ts';
import { readableGroupIds } from '../groups/index.ts';
import { HOUR_MS } from '../../lib/business-hours.ts';
import type { Cell as CsvCell } from './csv.ts';
import { nextDay } from './hashtags.kpi.ts';
import { privacyK, type Period } from './dashboard.ts';
import { periodOf } from './periods.ts';
import { suppress, type Cell, type Shown } from './privacy.ts';
import { daysBetween } from './rollup.ts';

/**
 * Pain points on the content level (PRODUCT.md §9): how many are open, how fast they are
 * acknowledged and resolved, how many are resolved per month, by department.
 *
 * - Open: not resolved and not "won't fix", now (whatever the period).
 * - Acknowledged in the period: first left "new" in it; the time to acknowledge is from filing
 *   (the post's time) to then. Resolved in the period: closed as resolved in it ("won't fix" is
 *   closed, not resolved); the time to resolve is from filing to then. Medians by the nearest
 *   rank, as the answer times: the values sorted, the one at rank ⌈n / 2⌉; in hours, to 0.1.
 * - Months: the calendar months (UTC) the period touches, by the day of resolving.
 * - Department: as filed (the author's then; an anonymous one's as chosen); '' for none.
 * - People: a figure rests on its distinct reporters, the posts' authors; each anonymous pain
 *   point counts as a reporter of its own (who filed it is not known, and two may be one
 *   person, so this can only overstate how many stand behind a figure when the same person
 *   filed several anonymously). Fewer than k and the figure is hidden, and in the department
 *   table (whose column totals are the headline figures) and the months (whose total is the
 *   resolved figure) as many more as it takes that none can be worked out (privacy.ts).
 * - Admins count every pain point; anyone else only those whose post they may read. With a
 *   group, only that group's.
 */
export interface PainPointRow {
  open: number | null;
  acknowledged: number | null;
  resolved: number | null;
  acknowledgeMedianHours: number | null;
  resolveMedianHours: number | null;
  /** true: not shown because of the privacy threshold (otherwise null means "none"). */
  hidden: {
    open: boolean;
    acknowledged: boolean;
    resolved: boolean;
    acknowledgeMedian: boolean;
    resolveMedian: boolean;
  };
}

export interface PainPointsLevel {
  k: number;
  period: Period;
  groupId: string | null;
  total: PainPointRow;
  months: { month: string; resolved: number | null; hidden: boolean }[];
  departments: (PainPointRow & { department: string })[];
}

interface Row {
  id: string;
  status: string;
  department: string;
  anonymous: number;
  created_at: string;
  acknowledged_at: string | null;
  resolved_at: string | null;
  /** null only for rows filed before migration 0022 whose post is gone (none remain). */
  author_id: string | null;
}

/** p50 by the nearest rank (sorted ascending), in hours to one decimal; null for none. */
export function medianHours(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const v = sorted[Math.ceil(sorted.length / 2) - 1]!;
  return Math.round((v / HOUR_MS) * 10) / 10;
}

class Tally {
  readonly items: number[] = [];
  readonly people = new Set<string>();
  n = 0;
  /** Counted in SQL instead (the open pain points: all of them, not only the period's). */
  private counted: Cell | null = null;
  static of(cell: Cell): Tally {
    const t = new Tally();
    t.counted = cell;
    return t;
  }
  add(who: string, ms?: number) {
    this.n += 1;
    this.people.add(who);
    if (ms !== undefined) this.items.push(ms);
  }
  cell(): Cell {
    return this.counted ?? { value: this.n, people: this.people.size };
  }
  median(): Cell {
    return { value: medianHours(this.items) ?? 0, people: this.people.size };
  }
}

interface Group {
  open: Tally;
  acknowledged: Tally;
  resolved: Tally;
}
const group = (): Group => ({
  open: new Tally(),
  acknowledged: new Tally(),
  resolved: new Tally(),
});

/**
 * The pain points the figures rest on: every open one, and those acknowledged or resolved in the
 * period. Read from `pain_points` alone, which keeps copies of its post's group and author
 * (migration 0022): the open ones of a large organisation (tens of thousands) come from a
 * covering index, without a post looked up for each.
 */
async function painPoints(
  db: Db,
  viewer: User,
  from: string,
  end: string,
  groupId: string | null,
): Promise<{
  open: { department: string; cell: Cell }[];
  openAll: Cell;
  inPeriod: Row[];
}> {
  const scoped = <Q extends SelectQueryBuilder<Database, 'pain_points', object>>(q: Q): Q => {
    let out = q;
    if (groupId) out = out.where('pain_points.group_id', '=', groupId) as Q;
    if (viewer.role !== 'admin')
      out = out.where((eb) =>
        eb.or([
          eb('pain_points.group_id', 'is', null),
          eb('pain_points.group_id', 'in', readableGroupIds(db, viewer.id)),
        ]),
      ) as Q;
    return out;
  };
  // The open ones per department and reporter, in the order of the covering index
  // `pain_points_open_reporters` (migration 0024), so no row and no sort is needed: about 10,000
  // rows for the 75,000 open pain points of the large organisation. Departments and the total
  // are added up here: counting distinct reporters in SQL twice (per department and overall)
  // cost four times as much. Anonymous ones are grouped under the system account, each a
  // reporter of its own.
  const openRows = scoped(
    db
      .selectFrom('pain_points')
      .select([
        'pain_points.department',
        'pain_points.author_id',
        'pain_points.anonymous',
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('pain_points.status', 'not in', CLOSED),
  )
    .groupBy(['pain_points.department', 'pain_points.author_id', 'pain_points.anonymous'])
    .execute();
  const inPeriod = scoped(
    db
      .selectFrom('pain_points')
      .select([
        'pain_points.id',
        'pain_points.status',
        'pain_points.department',
        'pain_points.anonymous',
        'pain_points.author_id',
        'pain_points.created_at',
        'pain_points.acknowledged_at',
        'pain_points.resolved_at',
      ])
      .where((eb) =>
        eb.or([
          eb.and([
            eb('pain_points.acknowledged_at', '>=', from),
            eb('pain_points.acknowledged_at', '<', end),
          ]),
          eb.and([
            eb('pain_points.status', '=', 'resolved'),
            eb('pain_points.resolved_at', '>=', from),
            eb('pain_points.resolved_at', '<', end),
          ]),
        ]),
      ),
  ).execute();
  const open = new Map<string, Cell>();
  const openAll: Cell = { value: 0, people: 0 };
  const everyone = new Set<string>();
  for (const r of await openRows) {
    const n = Number(r.n);
    const anonymous =
      r.anonymous === 1 || r.author_id === null || r.author_id === ANONYMOUS_USER_ID;
    let cell = open.get(r.department);
    if (!cell) open.set(r.department, (cell = { value: 0, people: 0 }));
    cell.value += n;
    openAll.value += n;
    // Rows are distinct per department and reporter: a reporter is new to its department here.
    cell.people += anonymous ? n : 1;
    if (anonymous) openAll.people += n;
    else everyone.add(r.author_id!);
  }
  openAll.people += everyone.size;
  return {
    open: [...open].map(([department, cell]) => ({ department, cell })),
    openAll,
    inPeriod: await inPeriod,
  };
}

const shownValue = (s: Shown | undefined): number | null => (s?.kind === 'value' ? s.value : null);

/** A row of figures from its counts (already suppressed) and its medians (suppressed here). */
function rowOf(counts: (Shown | undefined)[], medians: Shown[], tallies: Group): PainPointRow {
  const median = (s: Shown, t: Tally) => (s.kind === 'value' ? medianHours(t.items) : null);
  return {
    open: shownValue(counts[0]),
    acknowledged: shownValue(counts[1]),
    resolved: shownValue(counts[2]),
    acknowledgeMedianHours: median(medians[0]!, tallies.acknowledged),
    resolveMedianHours: median(medians[1]!, tallies.resolved),
    hidden: {
      open: counts[0]?.kind !== 'value',
      acknowledged: counts[1]?.kind !== 'value',
      resolved: counts[2]?.kind !== 'value',
      acknowledgeMedian: medians[0]!.kind !== 'value',
      resolveMedian: medians[1]!.kind !== 'value',
    },
  };
}

export async function painPointsLevel(
  db: Db,
  viewer: User,
  period: Period,
  groupId: string | null = null,
): Promise<PainPointsLevel> {
  const end = nextDay(period.to);
  const [k, read] = await Promise.all([
    privacyK(db),
    painPoints(db, viewer, period.from, end, groupId),
  ]);
  const rows = read.inPeriod;
  const months = [...new Set(daysBetween(period.from, period.to).map((d) => periodOf('month', d)))];
  const byMonth = new Map(months.map((m) => [m, new Tally()]));
  const byDepartment = new Map<string, Group>();
  const all = group();
  all.open = Tally.of(read.openAll);
  for (const { department, cell } of read.open)
    byDepartment.set(department, { ...group(), open: Tally.of(cell) });
  for (const r of rows) {
    const who =
      r.anonymous === 1 || r.author_id === ANONYMOUS_USER_ID || r.author_id === null
        ? `anon:${r.id}`
        : r.author_id;
    let d = byDepartment.get(r.department);
    if (!d) byDepartment.set(r.department, (d = group()));
    const filed = Date.parse(r.created_at);
    for (const g of [d, all]) {
      if (r.acknowledged_at && r.acknowledged_at >= period.from && r.acknowledged_at < end)
        g.acknowledged.add(who, Date.parse(r.acknowledged_at) - filed);
      if (
        r.status === 'resolved' &&
        r.resolved_at &&
        r.resolved_at >= period.from &&
        r.resolved_at < end
      )
        g.resolved.add(who, Date.parse(r.resolved_at) - filed);
    }
    if (
      r.status === 'resolved' &&
      r.resolved_at &&
      r.resolved_at >= period.from &&
      r.resolved_at < end
    )
      byMonth.get(r.resolved_at.slice(0, 7))?.add(who);
  }

  const names = [...byDepartment.keys()].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : a.localeCompare(b),
  );
  const countsOf = (g: Group) => [g.open.cell(), g.acknowledged.cell(), g.resolved.cell()];
  const counts = suppress(
    { rows: names.map((n) => countsOf(byDepartment.get(n)!)), columnTotals: countsOf(all) },
    k,
  );
  // Medians are not sums of anything shown, so only the threshold applies to them.
  const mediansOf = (g: Group) => [g.acknowledged.median(), g.resolved.median()];
  const medians = suppress(
    { rows: [...names.map((n) => mediansOf(byDepartment.get(n)!)), mediansOf(all)] },
    k,
  ).rows;
  const monthShown = suppress(
    { rows: months.map((m) => [byMonth.get(m)!.cell()]), columnTotals: [all.resolved.cell()] },
    k,
  ).rows;
  return {
    k,
    period,
    groupId,
    total: rowOf(counts.columnTotals!, medians[names.length]!, all),
    months: months.map((month, i) => ({
      month,
      resolved: shownValue(monthShown[i]![0]),
      hidden: monthShown[i]![0]!.kind !== 'value',
    })),
    departments: names.map((department, i) => ({
      department,
      ...rowOf(counts.rows[i]!, medians[i]!, byDepartment.get(department)!),
    })),
  };
}

const Figure = Type.Union([Type.Number(), Type.Null()]);
const RowProperties = {
  open: Figure,
  acknowledged: Figure,
  resolved: Figure,
  acknowledgeMedianHours: Figure,
  resolveMedianHours: Figure,
  hidden: Type.Object(
    {
      open: Type.Boolean(),
      acknowledged: Type.Boolean(),
      resolved: Type.Boolean(),
      acknowledgeMedian: Type.Boolean(),
      resolveMedian: Type.Boolean(),
    },
    {
      description:
        'true: null because fewer than k reporters stand behind it (or it would tell one that does)',
    },
  ),
};

/** The `painPoints` object of `GET /api/v1/analytics/content`. */
export const PainPointsJson = Type.Object(
  {
    total: Type.Object(RowProperties),
    months: Type.Array(
      Type.Object({ month: Type.String(), resolved: Figure, hidden: Type.Boolean() }),
    ),
    departments: Type.Array(
      Type.Object({
        department: Type.String({ description: "'' for pain points without a department" }),
        ...RowProperties,
      }),
    ),
  },
  {
    description:
      'Open pain points (now), acknowledged and resolved in the period with their median ' +
      'times in hours (nearest rank), resolved per month, by department. A figure resting on ' +
      'fewer than k reporters is null (each anonymous pain point counts as one reporter).',
  },
);

export function painPointsJson(data: PainPointsLevel) {
  return { total: data.total, months: data.months, departments: data.departments };
}

/**
 * The CSV part `painpoints`: a row per department, the total, then a row per month with its
 * resolved count. Hidden figures are null (written "<k"), figures that do not exist empty.
 */
export function painPointsCsv(data: PainPointsLevel): { headers: string[]; rows: CsvCell[][] } {
  const cells = (r: PainPointRow): CsvCell[] => [
    r.open,
    r.acknowledged,
    r.resolved,
    r.hidden.acknowledgeMedian ? null : (r.acknowledgeMedianHours ?? ''),
    r.hidden.resolveMedian ? null : (r.resolveMedianHours ?? ''),
  ];
  return {
    headers: [
      'row',
      'department_or_month',
      'open',
      'acknowledged',
      'resolved',
      'acknowledge_median_hours',
      'resolve_median_hours',
    ],
    rows: [
      ...data.departments.map((d) => ['department', d.department, ...cells(d)]),
      ['total', '', ...cells(data.total)],
      ...data.months.map((m) => ['month', m.month, '', '', m.resolved, '', '']),
    ],
  };
}

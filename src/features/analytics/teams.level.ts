import { sql, type RawBuilder } from 'kysely';
import { isSqlite, type Db } from '../../db/connect.ts';
import type { User } from '../accounts/accounts.table.ts';
import type { GroupKind, Visibility } from '../groups/groups.table.ts';
import { breakdownGroups } from './access.ts';
import { privacyK, type Period } from './dashboard.ts';
import { periodOf, periodSql, type Grain } from './periods.ts';
import { suppress, type Cell, type Shown } from './privacy.ts';
import { dayOf, daysBetween } from './rollup.ts';

/**
 * Level 2, teams (PRODUCT.md §7), for the groups the viewer may see in breakdowns (every group
 * for admins; public groups and their own for members), or the one group of the filter:
 * - groups: how many there are now, by kind and by visibility;
 * - active groups as of day D, the period's last day or, if the period goes on past it, the
 *   last complete day (as level 1 counts): groups in which at least 5 % of the members, and at
 *   least one, posted, commented or reacted in the group in the 28 days up to and including D.
 *   Only members count as engaged, as in the definition ("5 % of members"): in a public group
 *   anyone may comment, and visitors do not make a team active. Members are people whose
 *   account is active (`member_count`). Both are taken once per day D, when first asked for,
 *   and kept (`group_engagement`): a finished day does not change, and it spares every request
 *   a pass over 28 days of activity;
 * - members per group now: median, mean and how many groups have 0–4, 5–19, 20–99, 100+;
 * - conversations: posts (each with its comments) of the period, by the post's day, and those
 *   involving more than one department: their author and commenters, with the department each
 *   had when writing, belong to at least two different non-empty departments. Posts outside
 *   groups count too (unless a group is chosen); posts of groups the viewer may not see do not;
 * - per group: members now, engaged members as of D, posts, comments and reactions in the
 *   group in the period (by anyone), and whether the group is active.
 *
 * Privacy: behind a per-group figure stand the people who did it (posters behind posts, engaged
 * members behind "engaged" and "active"), behind a period's conversations their authors;
 * `suppress` hides every figure over fewer than k of them. The number of people is exact below
 * k; at k or more it may be a lower bound (the most on one day or in one calendar month, see
 * migration 0014), which is all the threshold needs; among figures of k people or more, which
 * one is hidden to stop working back then falls to the smaller value. Member counts are shown as they are: a
 * group's size is on its own page for everyone who may see the group, and says nothing about
 * what anyone did.
 *
 * Speed: nothing here reads posts or comments. A period reads `team_months` for its whole
 * calendar months and `team_days` for the other days (one row per group and month or day);
 * only a figure whose busiest day or month had fewer than k people is counted exactly, from
 * `group_activity_days` or `conversations`, and those are quiet groups and short periods with
 * few rows. Engagement is computed once per day D (one index probe per membership). On the
 * benchmark organisation (1,000,000 posts, 500 groups) the last 12 weeks take about 30 ms and
 * a year per month about 40–60 ms, in SQLite and in PostgreSQL.
 */
export interface TeamsLevel {
  k: number;
  period: Period;
  groupId: string | null;
  /** The day the active groups are judged on. */
  day: string;
  groups: GroupCounts;
  /** null: it would reveal the "active" of a group behind which fewer than k people stand. */
  activeGroups: number | null;
  /** activeGroups / groups.total; null when hidden or without groups. */
  activeShare: number | null;
  members: { median: number | null; mean: number | null; distribution: SizeBucket[] };
  conversations: number | null;
  crossDepartment: number | null;
  /** crossDepartment / conversations, 0–1; null when either is hidden or there are none. */
  crossShare: number | null;
  series: ConversationRow[];
  breakdown: GroupRow[];
}

export interface GroupCounts {
  total: number;
  team: number;
  community: number;
  public: number;
  private: number;
  secret: number;
}

export interface SizeBucket {
  min: number;
  /** null: no upper end. */
  max: number | null;
  groups: number;
}

export interface ConversationRow {
  period: string;
  conversations: number | null;
  crossDepartment: number | null;
  share: number | null;
}

export interface GroupRow {
  id: string;
  name: string;
  kind: GroupKind;
  visibility: Visibility;
  members: number;
  engaged: number | null;
  posts: number | null;
  comments: number | null;
  reactions: number | null;
  active: boolean | null;
}

export const BUCKETS: readonly { min: number; max: number | null }[] = [
  { min: 0, max: 4 },
  { min: 5, max: 19 },
  { min: 20, max: 99 },
  { min: 100, max: null },
];

/** Active: engaged members at least 5 % of the members, and at least one (whole numbers). */
export const isActive = (engaged: number, members: number): boolean =>
  engaged >= 1 && engaged * 20 >= members;

const DAY_MS = 86_400_000;
const minus = (day: string, days: number) =>
  dayOf(new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS));

const median = (xs: readonly number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** The calendar months (YYYY-MM) that lie wholly between two days, if any. */
export function fullMonths(from: string, to: string): { first: string; last: string } | null {
  const first = from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7));
  const last = minus(to, -1).endsWith('-01') ? to.slice(0, 7) : previousMonth(to.slice(0, 7));
  return first <= last ? { first, last } : null;
}
const shiftMonth = (month: string, by: number) => {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + by);
  return d.toISOString().slice(0, 7);
};
const nextMonth = (m: string) => shiftMonth(m, 1);
/** The first day after a month (YYYY-MM). */
const dayAfterMonth = (m: string) => `${nextMonth(m)}-01`;
const previousMonth = (m: string) => shiftMonth(m, -1);

const valueOf = (s: Shown): number | null => (s.kind === 'value' ? s.value : null);
const share = (part: number | null, whole: number | null) =>
  part === null || whole === null || whole === 0 ? null : part / whole;

/**
 * The rule of `breakdownGroups` (access.ts) as a condition on a group key ('' outside groups):
 * people are not additive across groups, so exact counts filter in the query.
 */
function keyFilter(
  db: Db,
  key: RawBuilder<string>,
  viewer: User,
  visible: boolean,
  groupId: string | null,
) {
  if (groupId) return sql<boolean>`${key} = ${groupId}`;
  if (!visible) return sql<boolean>`1 = 1`;
  // One list rather than three conditions joined by "or". SQLite, without planner statistics,
  // would drive the query by that list, one range per group and a sort by day; the unary plus
  // keeps it on the range of days (800 days on the benchmark: 77 instead of 167 ms).
  const k = isSqlite(db) ? sql<string>`+${key}` : key;
  return sql<boolean>`${k} in (select '' union all
    select id from groups where visibility = 'public' union all
    select group_id from group_members where user_id = ${viewer.id})`;
}

/**
 * Engaged members and members of every group as of `day`, computed the first time the day is
 * asked for and kept: a day that has ended does not change. One probe of
 * `group_activity_days_member` per membership (34,000 on the benchmark organisation).
 */
export async function engagementOn(db: Db, day: string, now: Date): Promise<void> {
  const done = await db
    .selectFrom('group_engagement_days')
    .select('day')
    .where('day', '=', day)
    .executeTakeFirst();
  if (done) return;
  await db.transaction().execute(async (trx) => {
    await sql`insert into group_engagement (day, group_id, members, engaged)
      select ${day}, g.id, g.member_count, (select count(*) from group_members m
        where m.group_id = g.id
          and exists (select 1 from group_activity_days a where a.group_id = m.group_id
            and a.user_id = m.user_id and a.day > ${minus(day, 28)} and a.day <= ${day})
          and exists (select 1 from users u where u.id = m.user_id and u.status = 'active'))
      from groups g where true
      on conflict (day, group_id) do nothing`.execute(trx);
    await trx
      .insertInto('group_engagement_days')
      .values({ day, computed_at: now.toISOString() })
      .onConflict((oc) => oc.column('day').doNothing())
      .execute();
  });
}

export async function teamsLevel(
  db: Db,
  viewer: User,
  period: Period,
  groupId: string | null,
  now: Date,
): Promise<TeamsLevel> {
  const { from, to, grain } = period;
  const lastComplete = minus(dayOf(now), 1);
  const day = to < lastComplete ? to : lastComplete;
  const [k, visible] = await Promise.all([privacyK(db), breakdownGroups(db, viewer)]);
  const inView = (key: RawBuilder<string>) => keyFilter(db, key, viewer, visible !== null, groupId);
  await engagementOn(db, day, now);

  // Whole calendar months of the period are read from `team_months`, the days before and
  // after them from `team_days`: a year is 11 rows per group and month plus about 30 days.
  const months = fullMonths(from, to);
  const edges = months
    ? [
        { from, to: minus(`${months.first}-01`, 1) },
        { from: dayAfterMonth(months.last), to },
      ].filter((r) => r.from <= r.to)
    : [{ from, to }];
  // Days to read per day: all of them unless the periods are months.
  const dayRanges = grain === 'month' ? edges : [{ from, to }];
  const [groupRows, perGroup, perDay, engagement, monthRows] = await Promise.all([
    db
      .selectFrom('groups')
      .select(['id', 'name', 'kind', 'visibility', 'member_count'])
      .$if(groupId !== null, (q) => q.where('id', '=', groupId!))
      .orderBy('name_key')
      .orderBy('id')
      .execute(),
    // Per group. Groups are the outer loop of the left join, so each is one range of
    // `team_days_group`, which holds every column read (without planner statistics too).
    Promise.all(
      edges.map((r) =>
        db
          .selectFrom('groups as g')
          .leftJoin('team_days as t', (j) =>
            j.onRef('t.group_key', '=', 'g.id').on('t.day', '>=', r.from).on('t.day', '<=', r.to),
          )
          .select([
            'g.id as group_key',
            (eb) => eb.fn.sum<number>('t.posts').as('posts'),
            (eb) => eb.fn.sum<number>('t.comments').as('comments'),
            (eb) => eb.fn.sum<number>('t.reactions').as('reactions'),
            (eb) => eb.fn.max<number>('t.posters').as('posters'),
            (eb) => eb.fn.max<number>('t.commenters').as('commenters'),
            (eb) => eb.fn.max<number>('t.reactors').as('reactors'),
          ])
          .$if(groupId !== null, (q) => q.where('g.id', '=', groupId!))
          .groupBy('g.id')
          .execute(),
      ),
    ).then((rs) => rs.flat()),
    // Per day, in the order of the key; added up into periods below.
    Promise.all(
      dayRanges.map((r) =>
        db
          .selectFrom('team_days')
          .select([
            'day',
            (eb) => eb.fn.sum<number>('posts').as('n'),
            (eb) => eb.fn.sum<number>('cross_department').as('cross'),
            (eb) => eb.fn.max<number>('posters').as('authors'),
            (eb) => eb.fn.max<number>('cross_authors').as('cross_authors'),
          ])
          .where('day', '>=', r.from)
          .where('day', '<=', r.to)
          .where(inView(sql.ref('group_key')))
          .groupBy('day')
          .execute(),
      ),
    ).then((rs) => rs.flat()),
    db
      .selectFrom('group_engagement')
      .select(['group_id', 'members', 'engaged'])
      .where('day', '=', day)
      .$if(groupId !== null, (q) => q.where('group_id', '=', groupId!))
      .execute(),
    // A few hundred rows a month.
    months
      ? db
          .selectFrom('team_months')
          .selectAll()
          .where('month', '>=', months.first)
          .where('month', '<=', months.last)
          .where(inView(sql.ref('group_key')))
          .execute()
      : Promise.resolve([]),
  ]);
  const groups = groupRows.filter((g) => !visible || visible.has(g.id));

  // Groups: counts, sizes.
  const counts: GroupCounts = { total: 0, team: 0, community: 0, public: 0, private: 0, secret: 0 };
  for (const g of groups) {
    counts.total += 1;
    counts[g.kind] += 1;
    counts[g.visibility] += 1;
  }
  const sizes = groups.map((g) => g.member_count);
  const distribution = BUCKETS.map((b) => ({
    ...b,
    groups: sizes.filter((n) => n >= b.min && (b.max === null || n <= b.max)).length,
  }));

  // Per group: counts add up over days and months; the people behind them are at least the
  // most on one day or in one month, and are counted exactly when that is below k.
  const COLUMNS = ['posts', 'comments', 'reactions'] as const;
  const PEOPLE = ['posters', 'commenters', 'reactors'] as const;
  const sums = new Map<string, { values: number[]; people: number[] }>();
  for (const r of [...perGroup, ...monthRows]) {
    let x = sums.get(r.group_key);
    if (!x) sums.set(r.group_key, (x = { values: [0, 0, 0], people: [0, 0, 0] }));
    COLUMNS.forEach((c, i) => (x.values[i]! += Number(r[c] ?? 0)));
    PEOPLE.forEach((c, i) => (x.people[i] = Math.max(x.people[i]!, Number(r[c] ?? 0))));
  }
  const engagedBy = new Map(engagement.map((e) => [e.group_id, e]));
  const facts = groups.map((g) => {
    const e = engagedBy.get(g.id);
    const engaged = Number(e?.engaged ?? 0);
    const x = sums.get(g.id) ?? { values: [0, 0, 0], people: [0, 0, 0] };
    return {
      g,
      engaged,
      active: isActive(engaged, Number(e?.members ?? g.member_count)),
      values: x.values,
      people: x.people,
    };
  });
  for (const [i, c] of COLUMNS.entries()) {
    const unsure = facts.filter((f) => f.values[i]! > 0 && f.people[i]! < k).map((f) => f.g.id);
    const exact = await groupPeople(db, unsure, c, from, to);
    for (const f of facts) if (exact.has(f.g.id)) f.people[i] = exact.get(f.g.id)!;
  }
  const shown = suppress(
    {
      rows: facts.map((f): Cell[] => [
        { value: f.engaged, people: f.engaged },
        ...COLUMNS.map((_, i) => ({ value: f.values[i]!, people: f.people[i]! })),
      ]),
    },
    k,
  ).rows;
  const breakdown: GroupRow[] = facts.map((f, i) => {
    const [engaged, posts, comments, reactions] = shown[i]!.map(valueOf) as (number | null)[];
    return {
      id: f.g.id,
      name: f.g.name,
      kind: f.g.kind,
      visibility: f.g.visibility,
      members: f.g.member_count,
      engaged: engaged!,
      posts: posts!,
      comments: comments!,
      reactions: reactions!,
      // Rests on the same people as "engaged": shown exactly when it is.
      active: engaged === null ? null : f.active,
    };
  });
  const activeGroups = await activeTotal(db, day, facts, breakdown, k);

  // Conversations per period; the period's total is a column total.
  const spans = new Map<string, { from: string; to: string }>();
  for (const d of daysBetween(from, to)) {
    const p = periodOf(grain, d);
    const s = spans.get(p);
    if (s) s.to = d;
    else spans.set(p, { from: d, to: d });
  }
  const periods = [...spans.keys()];
  const empty = () => ({ n: 0, cross: 0, authors: 0, crossAuthors: 0 });
  type Counts = ReturnType<typeof empty>;
  // Counts add up; the people are at least the most on one day or in one month.
  const add = (a: Counts, c: Counts) => {
    a.n += c.n;
    a.cross += c.cross;
    a.authors = Math.max(a.authors, c.authors);
    a.crossAuthors = Math.max(a.crossAuthors, c.crossAuthors);
  };
  const byPeriod = new Map(periods.map((p) => [p, empty()]));
  const total = empty();
  for (const r of perDay) {
    const c = {
      n: Number(r.n),
      cross: Number(r.cross),
      authors: Number(r.authors),
      crossAuthors: Number(r.cross_authors),
    };
    add(byPeriod.get(periodOf(grain, r.day))!, c);
    if (grain === 'month') add(total, c);
  }
  for (const m of monthRows) {
    const c = {
      n: Number(m.posts),
      cross: Number(m.cross_department),
      authors: Number(m.posters),
      crossAuthors: Number(m.cross_authors),
    };
    // Whole months are whole periods of a monthly series; in a finer one their days were read.
    if (grain === 'month') {
      add(byPeriod.get(m.month)!, c);
      add(total, c);
    } else add(total, { ...c, n: 0, cross: 0 });
  }
  const rows = periods.map((p) => byPeriod.get(p)!);
  if (grain !== 'month') for (const c of rows) add(total, c);
  const unsure = (c: Counts) => (c.n > 0 && c.authors < k) || (c.cross > 0 && c.crossAuthors < k);
  const exact = await conversationPeople(
    db,
    grain,
    periods.filter((_, i) => unsure(rows[i]!)).map((p) => ({ period: p, ...spans.get(p)! })),
    unsure(total) ? { from, to } : null,
    inView,
  );
  rows.forEach((c, i) => Object.assign(c, exact.periods.get(periods[i]!)));
  if (exact.total) Object.assign(total, exact.total);
  const asCells = (c: Counts): Cell[] => [
    { value: c.n, people: c.authors },
    { value: c.cross, people: c.crossAuthors },
  ];
  const conv = suppress({ rows: rows.map(asCells), columnTotals: asCells(total) }, k);
  const series = periods.map((p, i) => {
    const [n, c] = conv.rows[i]!.map(valueOf) as (number | null)[];
    return { period: p, conversations: n!, crossDepartment: c!, share: share(c!, n!) };
  });
  const [totalN, totalC] = conv.columnTotals!.map(valueOf) as (number | null)[];

  return {
    k,
    period,
    groupId,
    day,
    groups: counts,
    activeGroups,
    activeShare: activeGroups === null ? null : share(activeGroups, counts.total),
    members: {
      median: median(sizes),
      mean: sizes.length ? sizes.reduce((a, b) => a + b, 0) / sizes.length : null,
      distribution,
    },
    conversations: totalN!,
    crossDepartment: totalC!,
    crossShare: share(totalC!, totalN!),
    series,
    breakdown,
  };
}

/** Exactly how many different people did `column` in each of these groups in the period. */
async function groupPeople(
  db: Db,
  ids: readonly string[],
  column: 'posts' | 'comments' | 'reactions',
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('group_activity_days')
      .select(['group_id', (eb) => eb.fn.count<number>('user_id').distinct().as('n')])
      .where('group_id', 'in', ids.slice(i, i + 500))
      .where('day', '>=', from)
      .where('day', '<=', to)
      .where(column, '>', 0)
      .groupBy('group_id')
      .execute();
    for (const r of rows) out.set(r.group_id, Number(r.n));
  }
  return out;
}

type People = { authors: number; crossAuthors: number };

/**
 * Exactly how many different authors wrote the conversations (and the cross-department ones)
 * of some periods and, if asked, of the whole: consecutive periods are counted in one pass.
 */
async function conversationPeople(
  db: Db,
  grain: Grain,
  periods: readonly { period: string; from: string; to: string }[],
  whole: { from: string; to: string } | null,
  inView: (key: RawBuilder<string>) => RawBuilder<boolean>,
): Promise<{ periods: Map<string, People>; total: People | null }> {
  const count = (from: string, to: string) =>
    db
      .selectFrom('conversations')
      .select([
        (eb) => eb.fn.count<number>('author_id').distinct().as('authors'),
        sql<number>`count(distinct case when cross_department = 1 then author_id end)`.as(
          'cross_authors',
        ),
      ])
      .where('day', '>=', from)
      .where('day', '<=', to)
      .where(inView(sql.ref('group_key')));
  const people = (r: { authors: number; cross_authors: number }) => ({
    authors: Number(r.authors),
    crossAuthors: Number(r.cross_authors),
  });
  const out = new Map<string, People>();
  const runs: { from: string; to: string }[] = [];
  for (const p of periods) {
    const last = runs.at(-1);
    if (last && minus(p.from, 1) === last.to) last.to = p.to;
    else runs.push({ from: p.from, to: p.to });
  }
  const bucket = periodSql(db, grain, sql.ref('day'));
  for (const run of runs) {
    const rows = await count(run.from, run.to)
      .select(bucket.as('period'))
      .groupBy(bucket)
      .execute();
    for (const r of rows) out.set(r.period, people(r));
  }
  for (const p of periods)
    if (!out.has(p.period)) out.set(p.period, people({ authors: 0, cross_authors: 0 }));
  const total = whole ? people(await count(whole.from, whole.to).executeTakeFirstOrThrow()) : null;
  return { periods: out, total };
}

/**
 * How many of the groups are active, unless that gives away a hidden "active" of the
 * breakdown. The shown ones are known, so the total tells the sum of the hidden ones: that sum
 * is a total over the hidden cells and goes through `suppress` like any other, resting on the
 * different people engaged in those groups. With one hidden group it would be that group's own
 * figure, so it is hidden (privacy.ts, rule 2: a row with nothing else to hide loses its
 * total); with several, it is shown when at least k people stand behind it.
 */
async function activeTotal(
  db: Db,
  day: string,
  facts: readonly { g: { id: string }; engaged: number; active: boolean }[],
  breakdown: readonly GroupRow[],
  k: number,
): Promise<number | null> {
  const hidden = facts.filter((_, i) => breakdown[i]!.active === null);
  const all = facts.filter((f) => f.active).length;
  if (hidden.length === 0) return all;
  const cells = hidden.map((f) => ({ value: f.active ? 1 : 0, people: f.engaged }));
  let people = cells.reduce((a, c) => a + c.people, 0);
  // The same person engaged in two hidden groups counts once. Counted with today's
  // memberships, so never above the sum of what was counted on the day.
  if (hidden.length > 1) {
    const ids = hidden.map((f) => f.g.id);
    const seen = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('group_activity_days as a')
        .innerJoin('group_members as m', (j) =>
          j.onRef('m.group_id', '=', 'a.group_id').onRef('m.user_id', '=', 'a.user_id'),
        )
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .select('a.user_id')
        .distinct()
        .where('a.group_id', 'in', ids.slice(i, i + 500))
        .where('a.day', '>', minus(day, 28))
        .where('a.day', '<=', day)
        .where('u.status', '=', 'active')
        .execute();
      for (const r of rows) seen.add(r.user_id);
    }
    people = Math.min(people, seen.size);
  }
  const total = { value: cells.reduce((a, c) => a + c.value, 0), people };
  const out = suppress({ rows: cells.map((c) => [c]), columnTotals: [total] }, k);
  return out.columnTotals![0]!.kind === 'value' ? all : null;
}

import { sql } from 'kysely';
import { encodeTime } from 'ulid';
import type { Db } from '../../db/connect.ts';
import type { User } from '../accounts/accounts.table.ts';
import type { Meaning } from '../hashtags/hashtags.table.ts';
import { breakdownGroups } from './access.ts';
import { privacyK, type Period } from './dashboard.ts';
import { periodOf, periodSql } from './periods.ts';
import { suppress, type Cell, type Shown } from './privacy.ts';
import { daysBetween } from './rollup.ts';

/**
 * Hashtags with a meaning as KPIs (PRODUCT.md §7): an admin gives a hashtag a meaning (success
 * story, customer voice, pain point, campaign); how many posts carry one is the figure.
 *
 * - A post counts for a meaning once, however many of its hashtags have that meaning, in the
 *   period (day, Monday's week or month, UTC) in which it was written. Aliases need no care:
 *   posts are filed under the hashtag an alias stands for.
 * - Per hashtag: posts with that hashtag in the period.
 * - By department: the author's department as it is now; totals are sums, so a post with
 *   hashtags of two meanings counts in each.
 * - Only posts the viewer may see in breakdowns: org-wide posts and posts in groups from
 *   `breakdownGroups` (every group for admins).
 * - Every figure rests on the distinct authors behind it; fewer than k and it is not shown.
 */
export const MEANINGS = [
  'success_story',
  'customer_voice',
  'pain_point',
  'campaign',
] as const satisfies readonly Meaning[];

/** A figure as it may be shown: null where fewer than k people are behind it. */
export type Figure = number | null;

export interface MeaningTag {
  tag: string;
  display: string;
  meaning: Meaning;
  aliases: string[];
  posts: Figure;
}

export type SeriesRow = { period: string } & Record<Meaning, Figure>;

export interface DepartmentRow {
  /** '' for people who gave none. */
  department: string;
  /** One figure per meaning, in the order of MEANINGS. */
  cells: Figure[];
  total: Figure;
}

export interface HashtagKpis {
  k: number;
  period: Period;
  groupId: string | null;
  tags: MeaningTag[];
  series: SeriesRow[];
  departments: { rows: DepartmentRow[]; totals: Figure[]; grandTotal: Figure };
}

interface TaggedPost {
  tag: string;
  post_id: string;
  author_id: string;
  department: string;
  period: string;
}

/** The day after a YYYY-MM-DD: periods end at midnight after `to`. */
export const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

class Tally {
  readonly posts = new Set<string>();
  readonly people = new Set<string>();
  add(r: TaggedPost) {
    this.posts.add(r.post_id);
    this.people.add(r.author_id);
  }
  cell(): Cell {
    return { value: this.posts.size, people: this.people.size };
  }
}

const NOBODY: Cell = { value: 0, people: 0 };
const figure = (s: Shown | undefined): Figure => (s?.kind === 'value' ? s.value : null);

const DAY_MS = 86_400_000;

/**
 * The lowest id made at this instant. Ids are ULIDs, made when the post is written (the demo and
 * the seed make them from the post's time too), so they sort by time; the feed relies on the same.
 */
const idAt = (ms: number): string => encodeTime(ms, 10);

/**
 * The tagged posts of the period, one row per post and meaning-carrying hashtag.
 *
 * Why this is fast: the query starts at `post_hashtags` through its primary key (tag, post_id):
 * for each of the few tags with a meaning, only the range of post ids made in the period (a
 * day's margin either side; the exact test is on `posts.created_at`). It joins `posts` and
 * `users` by primary key for the time and the author. Visibility is checked on the group copied
 * into `post_hashtags`. No scan of `posts` for the period (`posts.created_at` has no index),
 * and no tagged post outside the period is read. The cost is one primary-key lookup per tagged
 * post in the period; a denormalised time and author in `post_hashtags` would remove even that.
 */
async function taggedPosts(
  db: Db,
  tags: readonly string[],
  period: Period,
  visible: Set<string> | null,
  groupId: string | null,
): Promise<TaggedPost[]> {
  if (tags.length === 0) return [];
  let q = db
    .selectFrom('post_hashtags')
    .innerJoin('posts', 'posts.id', 'post_hashtags.post_id')
    .innerJoin('users', 'users.id', 'posts.author_id')
    .select([
      'post_hashtags.tag',
      'post_hashtags.post_id',
      'posts.author_id',
      'users.department',
      periodSql(db, period.grain, sql<string>`substr(posts.created_at, 1, 10)`).as('period'),
    ])
    .where('post_hashtags.tag', 'in', tags)
    .where('post_hashtags.post_id', '>=', idAt(Date.parse(period.from) - DAY_MS))
    .where('post_hashtags.post_id', '<', idAt(Date.parse(nextDay(period.to)) + DAY_MS))
    .where('posts.created_at', '>=', period.from)
    .where('posts.created_at', '<', nextDay(period.to));
  if (groupId) {
    q = q.where('post_hashtags.group_id', '=', groupId);
  } else if (visible) {
    const ids = [...visible];
    q = q.where((eb) =>
      ids.length > 0
        ? eb.or([eb('post_hashtags.group_id', 'is', null), eb('post_hashtags.group_id', 'in', ids)])
        : eb('post_hashtags.group_id', 'is', null),
    );
  }
  return (await q.execute()) as TaggedPost[];
}

export async function hashtagKpis(
  db: Db,
  viewer: User,
  period: Period,
  groupId: string | null,
): Promise<HashtagKpis> {
  // Hashtags are far fewer than posts; those with a meaning are a handful.
  const [k, withMeaning, visible] = await Promise.all([
    privacyK(db),
    db
      .selectFrom('hashtags')
      .select(['tag', 'display', 'meaning'])
      .where('meaning', 'is not', null)
      .orderBy('tag')
      .execute(),
    breakdownGroups(db, viewer),
  ]);
  const tagList = withMeaning.map((h) => h.tag);
  const [aliases, rows] = await Promise.all([
    tagList.length
      ? db
          .selectFrom('hashtag_aliases')
          .select(['alias', 'tag'])
          .where('tag', 'in', tagList)
          .orderBy('alias')
          .execute()
      : Promise.resolve([]),
    taggedPosts(db, tagList, period, visible, groupId),
  ]);
  const meaningOf = new Map(withMeaning.map((h) => [h.tag, h.meaning as Meaning]));

  const periods = [
    ...new Set(daysBetween(period.from, period.to).map((d) => periodOf(period.grain, d))),
  ];
  const byPeriod = new Map(periods.map((p) => [p, new Map(MEANINGS.map((m) => [m, new Tally()]))]));
  const byTag = new Map(tagList.map((t) => [t, new Tally()]));
  const byDepartment = new Map<string, { cells: Map<Meaning, Tally>; all: Tally }>();
  const byMeaning = new Map(MEANINGS.map((m) => [m, new Tally()]));
  const all = new Tally();
  for (const r of rows) {
    const meaning = meaningOf.get(r.tag)!;
    byPeriod.get(r.period)?.get(meaning)?.add(r);
    byTag.get(r.tag)?.add(r);
    let d = byDepartment.get(r.department);
    if (!d) {
      d = { cells: new Map(MEANINGS.map((m) => [m, new Tally()])), all: new Tally() };
      byDepartment.set(r.department, d);
    }
    d.cells.get(meaning)!.add(r);
    d.all.add(r);
    byMeaning.get(meaning)!.add(r);
    all.add(r);
  }

  // A meaning's total over the period is shown (as a column total of the department table), and
  // it is the sum of that meaning's periods and, but for posts with two such tags, of its
  // hashtags. So both tables are suppressed against it: a hidden period or hashtag cannot be
  // worked out as the total minus the others. (Only within and against that total: privacy.ts
  // protects one table at a time.)
  const meaningCells = MEANINGS.map((m) => byMeaning.get(m)!.cell());
  const seriesShown = suppress(
    {
      rows: periods.map((p) => MEANINGS.map((m) => byPeriod.get(p)?.get(m)?.cell() ?? NOBODY)),
      columnTotals: meaningCells,
    },
    k,
  ).rows;
  const series = periods.map((p, i) => {
    const row = { period: p } as SeriesRow;
    MEANINGS.forEach((m, j) => (row[m] = figure(seriesShown[i]![j])));
    return row;
  });

  const tagShown = new Map<string, Shown>();
  for (const [j, m] of MEANINGS.entries()) {
    const ofMeaning = tagList.filter((t) => meaningOf.get(t) === m);
    if (ofMeaning.length === 0) continue;
    const row = suppress(
      { rows: [ofMeaning.map((t) => byTag.get(t)!.cell())], rowTotals: [meaningCells[j]!] },
      k,
    ).rows[0]!;
    ofMeaning.forEach((t, i) => tagShown.set(t, row[i]!));
  }
  const aliasesOf = new Map<string, string[]>();
  for (const a of aliases) aliasesOf.set(a.tag, [...(aliasesOf.get(a.tag) ?? []), a.alias]);
  const tags = withMeaning.map((h) => ({
    tag: h.tag,
    display: h.display,
    meaning: h.meaning as Meaning,
    aliases: aliasesOf.get(h.tag) ?? [],
    posts: figure(tagShown.get(h.tag)),
  }));

  // Departments by name, people without one last. Each person has one department, so a
  // meaning's people are the sum over departments; a department's and the grand total's are
  // counted, not summed (one person may use several meanings).
  const names = [...byDepartment.keys()].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : a.localeCompare(b),
  );
  const cellsOf = (name: string) =>
    MEANINGS.map((m) => byDepartment.get(name)!.cells.get(m)!.cell());
  const sumOf = (cells: Cell[], people: number): Cell => ({
    value: cells.reduce((s, c) => s + c.value, 0),
    people,
  });
  const matrix = names.map(cellsOf);
  const shown = suppress(
    {
      rows: matrix,
      rowTotals: names.map((n, i) => sumOf(matrix[i]!, byDepartment.get(n)!.all.people.size)),
      columnTotals: meaningCells,
      grandTotal: sumOf(meaningCells, all.people.size),
    },
    k,
  );
  return {
    k,
    period,
    groupId,
    tags,
    series,
    departments: {
      rows: names.map((department, i) => ({
        department,
        cells: shown.rows[i]!.map(figure),
        total: figure(shown.rowTotals![i]),
      })),
      totals: shown.columnTotals!.map(figure),
      grandTotal: figure(shown.grandTotal),
    },
  };
}

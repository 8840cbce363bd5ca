import { sql, type SelectQueryBuilder } from 'kysely';
import { isSqlite, type Db } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
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
 * - By department: the author's department when the post was written (kept with it, as for
 *   conversations on the teams level); totals are sums, so a post with hashtags of two
 *   meanings counts in each. A hashtag given its meaning later files its posts with their
 *   authors' departments of then: a post whose hashtags of one meaning were filed under two
 *   departments counts once, in the first by name.
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

/** The day after a YYYY-MM-DD: periods end at midnight after `to`. */
export const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * A figure and its distinct people. People are marked in a byte array indexed by author number:
 * on a year of a large organisation (about 100,000 tagged posts, 10,000 authors, 150 cells)
 * this is several times faster than sets of ids, for a few megabytes at most.
 */
class Tally {
  value = 0;
  people = 0;
  private seen: Uint8Array | null = null;
  constructor(private readonly authors: number) {}
  mark(author: number) {
    const seen = (this.seen ??= new Uint8Array(this.authors));
    if (seen[author] === 0) {
      seen[author] = 1;
      this.people += 1;
    }
  }
  cell(): Cell {
    return { value: this.value, people: this.people };
  }
}

const NOBODY: Cell = { value: 0, people: 0 };
const figure = (s: Shown | undefined): Figure => (s?.kind === 'value' ? s.value : null);

/** Tagged posts of one hashtag, period and department, and their authors as numbers. */
interface TaggedCell {
  tag: string;
  period: string;
  department: string;
  /** Posts with the hashtag. */
  posts: number;
  /** One entry per post (so an author may repeat). */
  authors: number[];
}

/**
 * Rows to take off a meaning's count in a period and department: a post's further hashtags of
 * the same meaning.
 */
interface Twice {
  meaning: Meaning;
  period: string;
  department: string;
  posts: number;
}

/**
 * The tagged posts of the period from the narrow copy `meaning_posts` (migration 0021): for each
 * of the few hashtags with a meaning, one range of a covering index (tag, day, …) holds
 * everything counted, so no post or person is looked up. Visibility is tested on the group
 * copied there.
 *
 * The database groups them by hashtag, period and department and hands over each cell's
 * authors as one list of text: a year of the large organisation is 97,000 tagged posts, which
 * as rows cost the driver about 200 ms (a JavaScript value per column and row), as 750 cells
 * about 60 ms. A post carrying two hashtags of one meaning counts once for it: those few are
 * counted separately (`twice`), only for meanings with several hashtags.
 */
async function taggedPosts(
  db: Db,
  tags: readonly string[],
  meaningOf: ReadonlyMap<string, Meaning>,
  period: Period,
  visible: Set<string> | null,
  groupId: string | null,
): Promise<{ cells: TaggedCell[]; twice: Twice[]; authors: number }> {
  if (tags.length === 0) return { cells: [], twice: [], authors: 0 };
  const periodOfDay = periodSql(db, period.grain, sql.ref('day'));
  const inView = <Q extends SelectQueryBuilder<Database, 'meaning_posts', object>>(q: Q): Q => {
    let out = q.where('day', '>=', period.from).where('day', '<=', period.to) as Q;
    if (groupId) out = out.where('group_key', '=', groupId) as Q;
    if (visible) {
      const ids = [...visible];
      out = out.where((eb) =>
        ids.length > 0
          ? eb.or([eb('group_key', '=', ''), eb('group_key', 'in', ids)])
          : eb('group_key', '=', ''),
      ) as Q;
    }
    return out;
  };
  const authorList = isSqlite(db)
    ? sql<string>`group_concat(author_id)`
    : sql<string>`string_agg(author_id, ',')`;
  const read = inView(
    db
      .selectFrom('meaning_posts')
      .select([
        'tag',
        periodOfDay.as('period'),
        'department',
        (eb) => eb.fn.countAll<number>().as('posts'),
        authorList.as('authors'),
      ])
      .where('tag', 'in', tags),
  )
    .groupBy(['tag', periodOfDay, 'department'])
    .execute();
  // Meanings with several hashtags: a post carrying more than one of them counts once, for the
  // first of its rows by department, then hashtag; the others are counted here, to be taken
  // off. (Its rows share the day and the group, not always the department: each row keeps the
  // author's department when it was filed, and a hashtag given a meaning later files its posts
  // with the departments of then.)
  const shared = MEANINGS.filter((m) => tags.filter((t) => meaningOf.get(t) === m).length > 1);
  const twice = Promise.all(
    shared.map(async (meaning) => {
      const ofMeaning = tags.filter((t) => meaningOf.get(t) === meaning);
      const rows = await inView(
        db
          .selectFrom('meaning_posts')
          .select([periodOfDay.as('period'), 'department', sql<number>`count(*)`.as('posts')])
          .where('tag', 'in', ofMeaning)
          .where(
            sql<boolean>`exists (select 1 from meaning_posts o
              where o.post_id = meaning_posts.post_id and o.tag in (${sql.join(ofMeaning)})
                and (o.department < meaning_posts.department
                  or (o.department = meaning_posts.department and o.tag < meaning_posts.tag)))`,
          ),
      )
        .groupBy([periodOfDay, 'department'])
        .execute();
      return rows
        .filter((r) => Number(r.posts) > 0)
        .map((r) => ({
          meaning,
          period: r.period,
          department: r.department,
          posts: Number(r.posts),
        }));
    }),
  );
  const numbers = new Map<string, number>();
  const cells = (await read).map((r) => ({
    tag: r.tag,
    period: r.period,
    department: r.department,
    posts: Number(r.posts),
    authors: r.authors.split(',').map((id) => {
      let n = numbers.get(id);
      if (n === undefined) numbers.set(id, (n = numbers.size));
      return n;
    }),
  }));
  return { cells, twice: (await twice).flat(), authors: numbers.size };
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
  const meaningOf = new Map(withMeaning.map((h) => [h.tag, h.meaning as Meaning]));
  const [aliases, tagged] = await Promise.all([
    tagList.length
      ? db
          .selectFrom('hashtag_aliases')
          .select(['alias', 'tag'])
          .where('tag', 'in', tagList)
          .orderBy('alias')
          .execute()
      : Promise.resolve([]),
    taggedPosts(db, tagList, meaningOf, period, visible, groupId),
  ]);

  const periods = [
    ...new Set(daysBetween(period.from, period.to).map((d) => periodOf(period.grain, d))),
  ];
  const { cells, twice, authors } = tagged;
  const tally = () => new Tally(authors);
  const byPeriod = new Map(periods.map((p) => [p, new Map(MEANINGS.map((m) => [m, tally()]))]));
  const byTag = new Map(tagList.map((t) => [t, tally()]));
  const byDepartment = new Map<string, { cells: Map<Meaning, Tally>; all: Tally }>();
  const departmentOf = (name: string) => {
    let d = byDepartment.get(name);
    if (!d) {
      d = { cells: new Map(MEANINGS.map((m) => [m, tally()])), all: tally() };
      byDepartment.set(name, d);
    }
    return d;
  };
  const byMeaning = new Map(MEANINGS.map((m) => [m, tally()]));
  const all = tally();
  for (const c of cells) {
    const meaning = meaningOf.get(c.tag)!;
    const d = departmentOf(c.department);
    // Posts count for their hashtag, their meaning in their period and department, and the
    // meaning; the department's and the grand total's figures are sums of the meanings.
    const counting = [
      byTag.get(c.tag),
      byPeriod.get(c.period)?.get(meaning),
      d.cells.get(meaning)!,
      byMeaning.get(meaning)!,
    ].filter((t): t is Tally => t !== undefined);
    for (const t of counting) t.value += c.posts;
    for (const author of c.authors) {
      for (const t of counting) t.mark(author);
      d.all.mark(author);
      all.mark(author);
    }
  }
  // A post counts once per meaning, however many of its hashtags have it.
  for (const w of twice) {
    for (const t of [
      byPeriod.get(w.period)?.get(w.meaning),
      byDepartment.get(w.department)?.cells.get(w.meaning),
      byMeaning.get(w.meaning),
    ])
      if (t) t.value -= w.posts;
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
      rowTotals: names.map((n, i) => sumOf(matrix[i]!, byDepartment.get(n)!.all.people)),
      columnTotals: meaningCells,
      grandTotal: sumOf(meaningCells, all.people),
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

import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { isSqlite, type Db } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { fieldError } from '../../http/errors.ts';
import { aliasTarget, normaliseTag } from '../hashtags/index.ts';
import { readableGroupIds } from '../groups/index.ts';
import { isStatus } from './painpoints.service.ts';
import { CLOSED, PAIN_POINT_STATUSES, type PainPointStatus } from './painpoints.table.ts';

export const BOARD_PAGE = 50;
export const SORTS = ['votes', 'oldest', 'newest'] as const;
export type BoardSort = (typeof SORTS)[number];
export const OPEN: readonly PainPointStatus[] = PAIN_POINT_STATUSES.filter(
  (s) => !CLOSED.includes(s),
);
/** The owner filter's value for "nobody owns it yet". */
export const NO_OWNER = 'none';

export interface BoardFilter {
  /** Never empty: no status asked for means the open ones. */
  statuses: readonly PainPointStatus[];
  department: string | null;
  /** A normalised hashtag (aliases resolved). */
  tag: string | null;
  /** A person's id, NO_OWNER, or null: anyone. */
  owner: string | null;
  sort: BoardSort;
}

/** The statuses a filter names (statuses and the shorthands open, closed, all); open if none. */
export function statusesOf(asked: readonly string[]): PainPointStatus[] {
  const out = new Set<PainPointStatus>();
  for (const a of asked.map((s) => s.trim()).filter(Boolean)) {
    if (isStatus(a)) out.add(a);
    else if (a === 'open') OPEN.forEach((s) => out.add(s));
    else if (a === 'closed') CLOSED.forEach((s) => out.add(s));
    else if (a === 'all') PAIN_POINT_STATUSES.forEach((s) => out.add(s));
    else throw fieldError('status', 'unknown_status', 'painpoints.err_unknown_status');
  }
  if (out.size === 0) return [...OPEN];
  return PAIN_POINT_STATUSES.filter((s) => out.has(s));
}

/** The board's query as pages and the API take it (empty values: no filter). */
export interface BoardQuery {
  status?: string[] | undefined;
  department?: string | undefined;
  tag?: string | undefined;
  ownerId?: string | undefined;
  sort?: BoardSort | undefined;
}

/** The filter a query asks for: statuses expanded, the hashtag normalised through aliases. */
export async function boardFilterOf(db: Db, q: BoardQuery): Promise<BoardFilter> {
  const statuses = statusesOf(q.status ?? []);
  let tag: string | null = null;
  if (q.tag?.trim()) {
    const asked = normaliseTag(q.tag.trim());
    tag = (await aliasTarget(db, asked)) ?? asked;
  }
  return {
    statuses,
    department: q.department?.trim() || null,
    tag,
    owner: q.ownerId?.trim() || null,
    sort: q.sort ?? 'votes',
  };
}

type Eb = ExpressionBuilder<Database, 'pain_points' | 'posts'>;
type Scoped = SelectQueryBuilder<Database, 'pain_points' | 'posts', object>;

/**
 * Pain points the viewer may see (they may read the post) that match all but the status. Read
 * on the pain point's copy of its post's group (migration 0022) against the viewer's readable
 * groups, so that counting and listing never look up a post they do not show.
 */
function visible(db: Db, viewerId: string, f: Omit<BoardFilter, 'statuses' | 'sort'>) {
  let q = db
    .selectFrom('pain_points')
    .where((eb) =>
      eb.or([
        eb('pain_points.group_id', 'is', null),
        eb('pain_points.group_id', 'in', readableGroupIds(db, viewerId)),
      ]),
    );
  if (f.department !== null) q = q.where('pain_points.department', '=', f.department);
  if (f.owner === NO_OWNER) q = q.where('pain_points.owner_id', 'is', null);
  else if (f.owner !== null) q = q.where('pain_points.owner_id', '=', f.owner);
  const tag = f.tag;
  if (tag !== null)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('post_hashtags')
          .select('post_hashtags.post_id')
          .whereRef('post_hashtags.post_id', '=', 'pain_points.post_id')
          .where('post_hashtags.tag', '=', tag),
      ),
    );
  return q;
}

/** The same with its post, for what a card shows. */
const scoped = (db: Db, viewerId: string, f: Omit<BoardFilter, 'statuses' | 'sort'>): Scoped =>
  visible(db, viewerId, f).innerJoin('posts', 'posts.id', 'pain_points.post_id');

type Key = 'vote_count' | 'created_at' | 'id';
const ORDER: Record<BoardSort, [Key, 'asc' | 'desc'][]> = {
  // Equal votes: the one waiting longest first.
  votes: [
    ['vote_count', 'desc'],
    ['created_at', 'asc'],
    ['id', 'asc'],
  ],
  oldest: [
    ['created_at', 'asc'],
    ['id', 'asc'],
  ],
  newest: [
    ['created_at', 'desc'],
    ['id', 'desc'],
  ],
};

export type CursorValue = string | number;

/** The cursor: the last row's sort keys, opaque to clients. */
export const encodeCursor = (values: readonly CursorValue[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

function decodeCursor(cursor: string, sort: BoardSort): CursorValue[] {
  const keys = ORDER[sort];
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === keys.length &&
      v.every((x, i) =>
        keys[i]![0] === 'vote_count' ? Number.isInteger(x) : typeof x === 'string',
      )
    )
      return v as CursorValue[];
  } catch {
    // falls through to the error
  }
  throw fieldError('cursor', 'invalid_cursor', 'painpoints.err_cursor');
}

/** Rows after the cursor in the sort's order: (k1 beyond) or (k1 equal and k2 beyond) or … */
function after(sort: BoardSort, values: readonly CursorValue[]) {
  const keys = ORDER[sort];
  return (eb: Eb) =>
    eb.or(
      keys.map((_, i) =>
        eb.and([
          ...keys.slice(0, i).map(([k], j) => eb(sql.ref(`pain_points.${k}`), '=', values[j]!)),
          eb(sql.ref(`pain_points.${keys[i]![0]}`), keys[i]![1] === 'asc' ? '>' : '<', values[i]!),
        ]),
      ),
    );
}

/** One page of the board. */
export async function listBoard(
  db: Db,
  viewerId: string,
  f: BoardFilter,
  page: { cursor: string | null; limit: number },
) {
  let q = scoped(db, viewerId, f)
    .leftJoin('users as owner', 'owner.id', 'pain_points.owner_id')
    .selectAll('pain_points')
    .select([
      'posts.body as post_body',
      'posts.author_id as post_author_id',
      'owner.name as owner_name',
    ])
    // Written `+status` on SQLite, so that the planner walks the index of the sort order and stops
    // after a page, instead of reading every open pain point through the status index and
    // sorting them (75,000 in the large seed: 250 ms → a few).
    .where(
      isSqlite(db) ? sql`+pain_points.status` : sql.ref('pain_points.status'),
      'in',
      f.statuses,
    );
  if (page.cursor) q = q.where(after(f.sort, decodeCursor(page.cursor, f.sort)));
  for (const [k, dir] of ORDER[f.sort]) q = q.orderBy(`pain_points.${k}`, dir);
  const rows = await q.limit(page.limit + 1).execute();
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  const next =
    rows.length > page.limit && last
      ? encodeCursor(ORDER[f.sort].map(([k]) => (k === 'vote_count' ? Number(last[k]) : last[k])))
      : null;
  return { items, next };
}

export type BoardRow = Awaited<ReturnType<typeof listBoard>>['items'][number];

/** How many the viewer may see per status, for the filters but the status. */
export async function countByStatus(
  db: Db,
  viewerId: string,
  f: Omit<BoardFilter, 'statuses' | 'sort'>,
): Promise<Record<PainPointStatus, number>> {
  const rows = await visible(db, viewerId, f)
    .select(['pain_points.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('pain_points.status')
    .execute();
  const out = Object.fromEntries(PAIN_POINT_STATUSES.map((s) => [s, 0])) as Record<
    PainPointStatus,
    number
  >;
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

/** The filters' choices, taken only from pain points the viewer may see. */
export async function filterOptions(db: Db, viewerId: string) {
  const all = { department: null, tag: null, owner: null };
  const [departments, owners, tags] = await Promise.all([
    visible(db, viewerId, all)
      .select('pain_points.department')
      .distinct()
      .where('pain_points.department', '!=', '')
      .orderBy('pain_points.department')
      .execute(),
    visible(db, viewerId, all)
      .innerJoin('users', 'users.id', 'pain_points.owner_id')
      .select(['users.id', 'users.name', 'users.name_key'])
      .distinct()
      .orderBy('users.name_key')
      .orderBy('users.id')
      .execute(),
    // Hashtags are names anyone may see; those with the meaning are a handful.
    db
      .selectFrom('hashtags')
      .select(['hashtags.tag', 'hashtags.display'])
      .where('hashtags.meaning', '=', 'pain_point')
      .orderBy('hashtags.tag')
      .execute(),
  ]);
  return {
    departments: departments.map((d) => d.department),
    owners: owners.map((o) => ({ id: o.id, name: o.name })),
    tags: tags.map((t) => ({ tag: t.tag, display: t.display })),
  };
}

export type FilterOptions = Awaited<ReturnType<typeof filterOptions>>;

/**
 * A card's line: the post's first line of text without Markdown's block marks (a heading's #,
 * a quote's >, a list's bullet), links reduced to their text, at most `max` characters.
 */
export function excerptOf(body: string, max = 160): string {
  const line =
    body
      .split('\n')
      .map((l) =>
        l
          .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/, '')
          .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
          .replace(/(\*\*|__|`)/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .find((l) => l !== '') ?? '';
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line;
}

import type { Db } from '../../db/connect.ts';
import { readableGroupIds } from '../groups/index.ts';
import type { Meaning } from './hashtags.table.ts';

/** Maps each tag to its target when an admin made it an alias (`aerger` → `ärger`). */
export async function resolveAliases(db: Db, tags: readonly string[]): Promise<string[]> {
  if (tags.length === 0) return [];
  const rows = await db
    .selectFrom('hashtag_aliases')
    .select(['alias', 'tag'])
    .where('alias', 'in', tags)
    .execute();
  const map = new Map(rows.map((r) => [r.alias, r.tag]));
  return [...new Set(tags.map((t) => map.get(t) ?? t))];
}

/** Creates the hashtags not known yet, with the spelling first used. */
export async function ensureHashtags(
  db: Db,
  tags: readonly { tag: string; display: string }[],
  now: Date,
): Promise<void> {
  if (tags.length === 0) return;
  await db
    .insertInto('hashtags')
    .values(
      tags.map((t) => ({
        tag: t.tag,
        display: t.display,
        meaning: null,
        created_at: now.toISOString(),
      })),
    )
    .onConflict((oc) => oc.column('tag').doNothing())
    .execute();
}

/** Records the post's hashtags (creating new ones with the spelling first used). */
export async function setPostHashtags(
  db: Db,
  post: { id: string; group_id: string | null },
  tags: readonly { tag: string; display: string }[],
  now: Date,
): Promise<void> {
  await db.deleteFrom('post_hashtags').where('post_id', '=', post.id).execute();
  if (tags.length === 0) return;
  await ensureHashtags(db, tags, now);
  await db
    .insertInto('post_hashtags')
    .values(tags.map((t) => ({ tag: t.tag, post_id: post.id, group_id: post.group_id })))
    .execute();
}

export async function findHashtag(db: Db, tag: string) {
  const row = await db.selectFrom('hashtags').selectAll().where('tag', '=', tag).executeTakeFirst();
  if (!row) return undefined;
  const aliases = await db
    .selectFrom('hashtag_aliases')
    .select('alias')
    .where('tag', '=', tag)
    .orderBy('alias')
    .execute();
  return { ...row, aliases: aliases.map((a) => a.alias) };
}

export async function aliasTarget(db: Db, alias: string): Promise<string | undefined> {
  return (
    await db
      .selectFrom('hashtag_aliases')
      .select('tag')
      .where('alias', '=', alias)
      .executeTakeFirst()
  )?.tag;
}

/** Posts with the tag that the viewer may read: the count a hashtag page shows. */
export async function countVisible(db: Db, tag: string, viewerId: string): Promise<number> {
  // From the counters the triggers keep (migration 0007): one row per group, not per post.
  const r = await db
    .selectFrom('hashtag_counts')
    .select((eb) => eb.fn.sum<number>('n').as('n'))
    .where('tag', '=', tag)
    .where((eb) =>
      eb.or([eb('group_key', '=', ''), eb('group_key', 'in', readableGroupIds(db, viewerId))]),
    )
    .executeTakeFirstOrThrow();
  return Number(r.n ?? 0);
}

/** Hashtags used together with this one on posts the viewer may read, most frequent first. */
export async function relatedTags(db: Db, tag: string, viewerId: string, limit: number) {
  const recent = db
    .selectFrom('post_hashtags')
    .select('post_id')
    .where('tag', '=', tag)
    .where((eb) =>
      eb.or([eb('group_id', 'is', null), eb('group_id', 'in', readableGroupIds(db, viewerId))]),
    )
    .orderBy('post_id', 'desc')
    .limit(500);
  const rows = await db
    .selectFrom('post_hashtags')
    .select(['tag', (eb) => eb.fn.countAll<number>().as('n')])
    .where('post_id', 'in', recent)
    .where('tag', '!=', tag)
    .groupBy('tag')
    .orderBy('n', 'desc')
    .orderBy('tag')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
}

export async function setMeaning(db: Db, tag: string, meaning: Meaning | null): Promise<void> {
  await db.updateTable('hashtags').set({ meaning }).where('tag', '=', tag).execute();
}

export async function ensureHashtag(
  db: Db,
  tag: string,
  display: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('hashtags')
    .values({ tag, display, meaning: null, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('tag').doNothing())
    .execute();
}

export async function addAlias(db: Db, alias: string, tag: string): Promise<void> {
  await db
    .insertInto('hashtag_aliases')
    .values({ alias, tag })
    .onConflict((oc) => oc.column('alias').doUpdateSet({ tag }))
    .execute();
}

export async function removeAlias(db: Db, alias: string): Promise<void> {
  await db.deleteFrom('hashtag_aliases').where('alias', '=', alias).execute();
}

export async function listHashtagsWithMeaning(db: Db) {
  return db
    .selectFrom('hashtags')
    .selectAll()
    .where('meaning', 'is not', null)
    .orderBy('tag')
    .execute();
}

/** Hashtags by name, for administration (no counts: those depend on who looks). */
export async function listHashtags(
  db: Db,
  q: string | undefined,
  after: string | null,
  limit: number,
) {
  let query = db.selectFrom('hashtags').selectAll();
  if (q) query = query.where('tag', 'like', `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (after) query = query.where('tag', '>', after);
  const rows = await query
    .orderBy('tag')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? (items[items.length - 1]?.tag ?? null) : null };
}

export async function allAliases(db: Db) {
  return db.selectFrom('hashtag_aliases').selectAll().orderBy('alias').execute();
}

/**
 * Makes `alias` another spelling of `tag`: posts already filed under the alias move to the tag
 * (where a post has both, the alias row goes), and the alias stops being a hashtag of its own.
 */
export async function makeAlias(db: Db, alias: string, tag: string, now: Date): Promise<void> {
  await ensureHashtag(db, tag, tag, now);
  await db
    .deleteFrom('post_hashtags')
    .where('tag', '=', alias)
    .where('post_id', 'in', (eb) =>
      eb.selectFrom('post_hashtags as t').select('t.post_id').where('t.tag', '=', tag),
    )
    .execute();
  await db.updateTable('post_hashtags').set({ tag }).where('tag', '=', alias).execute();
  await db.updateTable('hashtag_aliases').set({ tag }).where('tag', '=', alias).execute();
  await db
    .deleteFrom('follows')
    .where('target_type', '=', 'hashtag')
    .where('target_id', '=', alias)
    .execute();
  await db.deleteFrom('hashtags').where('tag', '=', alias).execute();
  await addAlias(db, alias, tag);
}

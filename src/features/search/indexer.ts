import { sql } from 'kysely';
import { isSqlite, type Db } from '../../db/connect.ts';
import { facetTokens, indexTerms } from './normalize.ts';
import type { SearchKind, SearchSource } from './search.table.ts';

/** One item as indexed: what the filters need and its terms. */
export interface IndexedItem {
  kind: SearchKind;
  ref_id: string;
  post_id: string | null;
  group_id: string | null;
  author_id: string | null;
  created_at: string;
  terms: string;
  rterms: string;
}

const KINDS_OF: Record<SearchSource, SearchKind[]> = {
  post: ['post', 'question'],
  comment: ['comment'],
  document: ['document'],
  person: ['person'],
  group: ['group'],
};

/** Only this much of a document's extracted text is indexed (the rest is rarely what is asked). */
const DOCUMENT_TEXT_MAX = 200_000;

const withTerms = (item: Omit<IndexedItem, 'terms' | 'rterms'>, text: string): IndexedItem => ({
  ...item,
  ...indexTerms(text),
});

/** The current form of each source row; rows gone or not searchable are left out. */
export async function loadItems(
  db: Db,
  source: SearchSource,
  ids: readonly string[],
): Promise<IndexedItem[]> {
  if (ids.length === 0) return [];
  switch (source) {
    case 'post': {
      const rows = await db
        .selectFrom('posts')
        .select(['id', 'kind', 'author_id', 'group_id', 'created_at', 'body'])
        .where('id', 'in', ids)
        .execute();
      return rows.map((r) =>
        withTerms(
          {
            kind: r.kind === 'question' ? 'question' : 'post',
            ref_id: r.id,
            post_id: r.id,
            group_id: r.group_id,
            author_id: r.author_id,
            created_at: r.created_at,
          },
          r.body,
        ),
      );
    }
    case 'comment': {
      const rows = await db
        .selectFrom('comments as c')
        .innerJoin('posts as p', 'p.id', 'c.post_id')
        .select(['c.id', 'c.post_id', 'c.author_id', 'c.created_at', 'c.body', 'p.group_id'])
        .where('c.id', 'in', ids)
        .execute();
      return rows.map((r) =>
        withTerms(
          {
            kind: 'comment',
            ref_id: r.id,
            post_id: r.post_id,
            group_id: r.group_id,
            author_id: r.author_id,
            created_at: r.created_at,
          },
          r.body,
        ),
      );
    }
    case 'person': {
      const rows = await db
        .selectFrom('users')
        .select(['id', 'name', 'title', 'department', 'location', 'created_at'])
        .where('id', 'in', ids)
        .where('status', '=', 'active')
        .execute();
      const skills = await db
        .selectFrom('user_skills')
        .select(['user_id', 'skill'])
        .where('user_id', 'in', ids)
        .execute();
      return rows.map((r) =>
        withTerms(
          {
            kind: 'person',
            ref_id: r.id,
            post_id: null,
            group_id: null,
            author_id: null,
            created_at: r.created_at,
          },
          [
            r.name,
            r.title,
            r.department,
            r.location,
            ...skills.filter((s) => s.user_id === r.id).map((s) => s.skill),
          ].join('\n'),
        ),
      );
    }
    case 'group': {
      const rows = await db
        .selectFrom('groups')
        .select(['id', 'name', 'description', 'visibility', 'created_at'])
        .where('id', 'in', ids)
        .execute();
      return rows.map((r) =>
        withTerms(
          {
            kind: 'group',
            ref_id: r.id,
            post_id: null,
            // A secret group is found only by its members; public and private ones by everyone
            // (their names are in the directory).
            group_id: r.visibility === 'secret' ? r.id : null,
            author_id: null,
            created_at: r.created_at,
          },
          `${r.name}\n${r.description}`,
        ),
      );
    }
    case 'document': {
      const rows = await db
        .selectFrom('documents as d')
        .leftJoin('document_versions as v', 'v.id', 'd.current_version_id')
        .select([
          'd.id',
          'd.group_id',
          'd.owner_id',
          'd.created_at',
          'd.title',
          'd.description',
          'v.name',
          sql<string | null>`substr(v.extracted_text, 1, ${DOCUMENT_TEXT_MAX})`.as('text'),
        ])
        .where('d.id', 'in', ids)
        .execute();
      const tags = await db
        .selectFrom('document_hashtags')
        .select(['document_id', 'tag'])
        .where('document_id', 'in', ids)
        .execute();
      return rows.map((r) =>
        withTerms(
          {
            kind: 'document',
            ref_id: r.id,
            post_id: null,
            group_id: r.group_id,
            author_id: r.owner_id,
            created_at: r.created_at,
          },
          [
            r.title,
            r.description,
            r.name ?? '',
            ...tags.filter((t) => t.document_id === r.id).map((t) => t.tag),
            r.text ?? '',
          ].join('\n'),
        ),
      );
    }
  }
}

/**
 * Writes the current form of these source rows into the index and removes those that are gone.
 * An item keeps its id (its place in "newest first") when it is written again.
 */
export async function writeItems(
  db: Db,
  source: SearchSource,
  ids: readonly string[],
  items: readonly IndexedItem[],
): Promise<void> {
  if (ids.length === 0) return;
  const sqlite = isSqlite(db);
  const existing = await db
    .selectFrom('search_items')
    .select(['id', 'ref_id', 'kind'])
    .where('ref_id', 'in', ids)
    .where('kind', 'in', KINDS_OF[source])
    .execute();
  const byRef = new Map(existing.map((e) => [e.ref_id, e]));
  const keep = new Set<number>();
  const inserts: IndexedItem[] = [];
  for (const item of items) {
    const old = byRef.get(item.ref_id);
    if (!old) {
      inserts.push(item);
      continue;
    }
    keep.add(old.id);
    await db
      .updateTable('search_items')
      .set({
        kind: item.kind,
        post_id: item.post_id,
        group_id: item.group_id,
        author_id: item.author_id,
        created_at: item.created_at,
        ...(sqlite ? {} : { tsv: tsvector(item) }),
      })
      .where('id', '=', old.id)
      .execute();
    if (sqlite) {
      await sql`delete from search_fts where rowid = ${old.id}`.execute(db);
      await sql`insert into search_fts (rowid, terms, rterms, facets)
        values (${old.id}, ${item.terms}, ${item.rterms}, ${facetTokens(item)})`.execute(db);
    }
  }
  const gone = existing.filter((e) => !keep.has(e.id)).map((e) => e.id);
  if (gone.length > 0) {
    await db.deleteFrom('search_items').where('id', 'in', gone).execute();
    if (sqlite) {
      await sql`delete from search_fts where rowid in (${sql.join(gone)})`.execute(db);
    }
  }
  await insertItems(db, inserts);
}

const INSERT_CHUNK = 200;

/** Adds new items, in the order given (their ids increase in that order). */
export async function insertItems(db: Db, items: readonly IndexedItem[]): Promise<void> {
  const sqlite = isSqlite(db);
  for (let i = 0; i < items.length; i += INSERT_CHUNK) {
    const chunk = items.slice(i, i + INSERT_CHUNK);
    const rows = await db
      .insertInto('search_items')
      .values(
        chunk.map((item) => ({
          kind: item.kind,
          ref_id: item.ref_id,
          post_id: item.post_id,
          group_id: item.group_id,
          author_id: item.author_id,
          created_at: item.created_at,
          ...(sqlite ? {} : { tsv: tsvector(item) }),
        })),
      )
      .returning(['id', 'kind', 'ref_id'])
      .execute();
    if (sqlite) {
      // RETURNING's order is unspecified: match the ids by item. (Rows of one multi-row insert
      // get increasing ids in the order of its VALUES.)
      const idOf = new Map(rows.map((r) => [`${r.kind}:${r.ref_id}`, r.id]));
      const values = chunk.map(
        (item) =>
          sql`(${idOf.get(`${item.kind}:${item.ref_id}`)!}, ${item.terms}, ${item.rterms}, ${facetTokens(item)})`,
      );
      await sql`insert into search_fts (rowid, terms, rterms, facets) values ${sql.join(values)}`.execute(
        db,
      );
    }
  }
}

/** Words and stems are weight A, reversed forms B, facets C: a query names which it means. */
function tsvector(item: IndexedItem) {
  const split = (s: string) => (s === '' ? [] : s.split(' '));
  return sql<string>`setweight(array_to_tsvector(${split(item.terms)}::text[]), 'A')
    || setweight(array_to_tsvector(${split(item.rterms)}::text[]), 'B')
    || setweight(array_to_tsvector(${split(facetTokens(item))}::text[]), 'C')`;
}

const BATCH = 500;
const draining = new WeakMap<Db, Promise<number>>();

/**
 * Indexes everything queued since the last drain, in batches, and returns how many source rows
 * it handled. Called before each search (so a search sees every committed change) and by a
 * job. One drain at a time per process; on PostgreSQL several nodes take disjoint batches.
 */
export function drainSearchQueue(db: Db): Promise<number> {
  const running = draining.get(db);
  if (running) return running.then(() => drainSearchQueue(db));
  const run = drainAll(db).finally(() => draining.delete(db));
  draining.set(db, run);
  return run;
}

async function drainAll(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await drainBatch(db);
    total += n;
    if (n < BATCH) return total;
  }
}

async function drainBatch(db: Db): Promise<number> {
  const sqlite = isSqlite(db);
  // Cheap when there is nothing to do, which is nearly always.
  const any = await db.selectFrom('search_queue').select('ref_id').limit(1).executeTakeFirst();
  if (!any) return 0;
  return db.transaction().execute(async (trx) => {
    let taken: { source: SearchSource; ref_id: string }[];
    if (sqlite) {
      taken = await trx
        .selectFrom('search_queue')
        .select(['source', 'ref_id'])
        .limit(BATCH)
        .execute();
      for (const t of taken) {
        await trx
          .deleteFrom('search_queue')
          .where('source', '=', t.source)
          .where('ref_id', '=', t.ref_id)
          .execute();
      }
    } else {
      const r = await sql<{ source: SearchSource; ref_id: string }>`
        delete from search_queue where (source, ref_id) in (
          select source, ref_id from search_queue limit ${BATCH} for update skip locked)
        returning source, ref_id`.execute(trx);
      taken = r.rows;
    }
    const bySource = new Map<SearchSource, string[]>();
    for (const t of taken) {
      const list = bySource.get(t.source) ?? [];
      list.push(t.ref_id);
      bySource.set(t.source, list);
    }
    for (const [source, ids] of bySource) {
      const items = await loadItems(trx, source, ids);
      await writeItems(trx, source, ids, items);
    }
    return taken.length;
  });
}

const SOURCE_TABLE = {
  post: 'posts',
  comment: 'comments',
  document: 'documents',
  person: 'users',
  group: 'groups',
} as const;

const REBUILD_CHUNK = 2_000;

/**
 * Indexes everything anew, oldest first across all sources (by id), so that the index's order
 * (newest first) is the order things were written in. For a database filled in bulk (the seed) or an
 * index to be rebuilt; nothing else should write meanwhile.
 */
export async function rebuildSearchIndex(
  db: Db,
  progress: (done: number, total: number) => void = () => {},
): Promise<number> {
  const sqlite = isSqlite(db);
  await db.deleteFrom('search_queue').execute();
  await db.deleteFrom('search_items').execute();
  if (sqlite) await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(db);

  const sources = Object.keys(SOURCE_TABLE) as SearchSource[];
  let total = 0;
  for (const s of sources) {
    const r = await db
      .selectFrom(SOURCE_TABLE[s])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    total += Number(r.n);
  }
  // One reader per source, each walking its primary key; merged here. Ids are ULIDs, made from
  // the time a row was written, so id order is the order things were written in (the seed's
  // too: it makes each row's id from its own time).
  const readers = sources.map((source) => {
    let after: string | null = null;
    let buffer: string[] = [];
    let done = false;
    return {
      source,
      async peek() {
        if (buffer.length === 0 && !done) {
          let q = db
            .selectFrom(SOURCE_TABLE[source])
            .select('id')
            .orderBy('id')
            .limit(REBUILD_CHUNK);
          if (after !== null) q = q.where('id', '>', after);
          buffer = (await q.execute()).map((r) => r.id);
          done = buffer.length < REBUILD_CHUNK;
          after = buffer[buffer.length - 1] ?? after;
        }
        return buffer[0];
      },
      take() {
        return buffer.shift()!;
      },
    };
  });

  let handled = 0;
  let reported = 0;
  let batch: { source: SearchSource; id: string }[] = [];
  const flush = async () => {
    const items: IndexedItem[] = [];
    const bySource = new Map<SearchSource, string[]>();
    for (const b of batch) bySource.set(b.source, [...(bySource.get(b.source) ?? []), b.id]);
    const loaded = new Map<string, IndexedItem>();
    for (const [source, ids] of bySource) {
      for (const item of await loadItems(db, source, ids))
        loaded.set(`${source}:${item.ref_id}`, item);
    }
    for (const b of batch) {
      const item = loaded.get(`${b.source}:${b.id}`);
      if (item) items.push(item);
    }
    await db.transaction().execute((trx) => insertItems(trx, items));
    handled += batch.length;
    batch = [];
    if (handled - reported >= total / 20) {
      reported = handled;
      progress(handled, total);
    }
  };
  for (;;) {
    let best: (typeof readers)[number] | null = null;
    let bestId: string | undefined;
    for (const r of readers) {
      const id = await r.peek();
      if (id !== undefined && (bestId === undefined || id < bestId)) {
        best = r;
        bestId = id;
      }
    }
    if (!best) break;
    batch.push({ source: best.source, id: best.take() });
    if (batch.length >= REBUILD_CHUNK) await flush();
  }
  if (batch.length > 0) await flush();
  progress(handled, total);
  return handled;
}

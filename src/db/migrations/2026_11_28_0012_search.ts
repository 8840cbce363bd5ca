import { sql, SqliteAdapter, type Kysely, type RawBuilder } from 'kysely';

// Frozen: the search index. `search_items` holds one row per searchable item with what
// permission filtering and the filters need; its terms (made in the app by
// src/features/search/normalize.ts, the same for both databases) are in an FTS5 table on
// SQLite and in a tsvector with a GIN index on PostgreSQL (terms weight A, reversed terms B,
// facets C).
//
// Triggers put every changed source row in `search_queue` (app, demo, seed, cascades alike);
// the app drains the queue before each search and in a job, so the index never misses a path.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  let items = db.schema
    .createTable('search_items')
    .addColumn('id', sqlite ? 'integer' : 'bigint', (c) =>
      sqlite ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity(),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text')
    .addColumn('group_id', 'text')
    .addColumn('author_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull());
  if (!sqlite) items = items.addColumn('tsv', sql`tsvector`, (c) => c.notNull());
  await items.execute();
  await db.schema
    .createIndex('search_items_ref')
    .on('search_items')
    .columns(['ref_id', 'kind'])
    .unique()
    .execute();

  if (sqlite) {
    // Contentless: the text is shown from its own table. detail=column: column filters (words,
    // reversed words, facets) without positions, which no query here needs. prefix='3': short
    // prefixes ("kun*") read one index entry instead of every term they start. `facets` holds
    // the item's kind, group and author as tokens, so those filters are joined in the index
    // rather than checked on every match.
    await sql`create virtual table search_fts using fts5(terms, rterms, facets,
      content='', contentless_delete=1, detail=column, prefix='3')`.execute(db);
  } else {
    await sql`create index search_items_tsv on search_items using gin (tsv)`.execute(db);
  }

  await db.schema
    .createTable('search_queue')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_queue_pk', ['source', 'ref_id'])
    .execute();

  // source, table, the column naming the item, and the columns whose change matters.
  const watched: [string, string, string, string[]][] = [
    ['post', 'posts', 'id', ['body', 'kind', 'group_id']],
    ['comment', 'comments', 'id', ['body']],
    ['person', 'users', 'id', ['name', 'title', 'department', 'location', 'status']],
    ['person', 'user_skills', 'user_id', []],
    ['group', 'groups', 'id', ['name', 'description', 'visibility']],
    ['document', 'documents', 'id', ['title', 'description', 'group_id', 'current_version_id']],
    ['document', 'document_versions', 'document_id', ['extracted_text']],
  ];
  if (!sqlite) {
    await sql`create function search_enqueue() returns trigger language plpgsql as $$
      begin
        insert into search_queue (source, ref_id)
        values (tg_argv[0], to_jsonb(case when tg_op = 'DELETE' then old else new end) ->> tg_argv[1])
        on conflict do nothing;
        return null;
      end $$`.execute(db);
  }
  for (const [source, table, column, columns] of watched) {
    await enqueueOnChange(db, sqlite, source, table, column, columns);
  }

  // Everything already written.
  for (const [source, table, column] of watched) {
    await sql`insert into search_queue (source, ref_id)
      select distinct ${sql.lit(source)}, ${sql.ref(column)} from ${sql.table(table)} where true
      on conflict do nothing`.execute(db);
  }
}

/** Triggers that queue `source` items of `table` on insert, delete and update of `columns`. */
export async function enqueueOnChange(
  db: Kysely<any>,
  sqlite: boolean,
  source: string,
  table: string,
  column: string,
  columns: string[],
): Promise<void> {
  const name = (op: string) => sql.raw(`search_${table}_${op}`);
  const ops: [string, RawBuilder<unknown>, string][] = [
    ['ins', sql`after insert`, 'new'],
    ['del', sql`after delete`, 'old'],
  ];
  if (columns.length > 0) {
    ops.push(['upd', sql`after update of ${sql.raw(columns.join(', '))}`, 'new']);
  }
  for (const [op, when, row] of ops) {
    if (sqlite) {
      await sql`create trigger ${name(op)} ${when} on ${sql.table(table)} begin
        insert or ignore into search_queue (source, ref_id)
        values (${sql.lit(source)}, ${sql.raw(`${row}.${column}`)});
      end`.execute(db);
    } else {
      await sql`create trigger ${name(op)} ${when} on ${sql.table(table)}
        for each row execute function search_enqueue(${sql.lit(source)}, ${sql.lit(column)})`.execute(
        db,
      );
    }
  }
}

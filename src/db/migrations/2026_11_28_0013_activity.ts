import { sql, SqliteAdapter, type Kysely, type RawBuilder } from 'kysely';

// Frozen: activity as measurement needs it, in aggregate form, never as a click stream.
// `activity_days` holds one row per person per day (UTC) they did anything: whether they visited
// and how many posts, comments, reactions, documents and downloads. Triggers keep it on every
// path that writes posts, comments, reactions and document versions (app, demo, seed), and a
// visit is the first time in a day that the person's session is seen (`users.last_seen_at`, which
// sessions.ts writes at most once a minute) or a session starts. Downloads are recorded by the
// app (a download writes no row of its own). Deleting content never lowers what happened.
//
// `activity_totals` is the daily rollup dashboards read: filled by a job for past days and on
// demand for today, recomputed from `activity_days`.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('activity_days')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('visited', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('posts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comments', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reactions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('documents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('downloads', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('activity_days_pk', ['user_id', 'day'])
    .execute();
  await db.schema.createIndex('activity_days_day').on('activity_days').columns(['day']).execute();

  await db.schema
    .createTable('activity_totals')
    .addColumn('day', 'text', (c) => c.primaryKey())
    /** People with any row that day: visited or did something. */
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('visitors', 'integer', (c) => c.notNull())
    .addColumn('engaged', 'integer', (c) => c.notNull())
    .addColumn('contributing', 'integer', (c) => c.notNull())
    .addColumn('posts', 'integer', (c) => c.notNull())
    .addColumn('comments', 'integer', (c) => c.notNull())
    .addColumn('reactions', 'integer', (c) => c.notNull())
    .addColumn('documents', 'integer', (c) => c.notNull())
    .addColumn('downloads', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();

  // person, day, column
  const bump = (who: string, when: string, column: string) =>
    sql`insert into activity_days (user_id, day, ${sql.ref(column)})
      values (${sql.raw(who)}, substr(${sql.raw(when)}, 1, 10), 1)
      on conflict (user_id, day) do update
      set ${sql.ref(column)} = activity_days.${sql.ref(column)} + 1`;
  const visit = (who: string, when: string) =>
    sql`insert into activity_days (user_id, day, visited)
      values (${sql.raw(who)}, substr(${sql.raw(when)}, 1, 10), 1)
      on conflict (user_id, day) do update set visited = 1`;
  const triggers: [string, string, string, RawBuilder<unknown>][] = [
    [
      'activity_posts',
      'after insert on posts',
      '',
      bump('new.author_id', 'new.created_at', 'posts'),
    ],
    [
      'activity_comments',
      'after insert on comments',
      '',
      bump('new.author_id', 'new.created_at', 'comments'),
    ],
    [
      'activity_reactions',
      'after insert on reactions',
      '',
      bump('new.user_id', 'new.created_at', 'reactions'),
    ],
    [
      'activity_documents',
      'after insert on document_versions',
      '',
      bump('new.uploaded_by', 'new.created_at', 'documents'),
    ],
    [
      'activity_visits',
      'after update of last_seen_at on users',
      `new.last_seen_at is not null and (old.last_seen_at is null
        or substr(old.last_seen_at, 1, 10) <> substr(new.last_seen_at, 1, 10))`,
      visit('new.id', 'new.last_seen_at'),
    ],
    ['activity_sessions', 'after insert on sessions', '', visit('new.user_id', 'new.created_at')],
  ];
  for (const [name, when, condition, body] of triggers) {
    const n = sql.raw(name);
    const w = sql.raw(when);
    if (sqlite) {
      const c = condition ? sql.raw(` when ${condition}`) : sql``;
      await sql`create trigger ${n} ${w}${c} begin ${body}; end`.execute(db);
    } else {
      const c = condition ? sql.raw(` when (${condition})`) : sql``;
      await sql`create function ${n}() returns trigger language plpgsql as $$
        begin ${body}; return null; end $$`.execute(db);
      await sql`create trigger ${n} ${w} for each row${c} execute function ${n}()`.execute(db);
    }
  }

  // What happened before this migration.
  for (const [table, who, column] of [
    ['posts', 'author_id', 'posts'],
    ['comments', 'author_id', 'comments'],
    ['reactions', 'user_id', 'reactions'],
    ['document_versions', 'uploaded_by', 'documents'],
  ] as const) {
    await sql`insert into activity_days (user_id, day, ${sql.ref(column)})
      select ${sql.ref(who)}, substr(created_at, 1, 10), count(*) from ${sql.table(table)}
      where true group by ${sql.ref(who)}, substr(created_at, 1, 10)
      on conflict (user_id, day) do update
      set ${sql.ref(column)} = activity_days.${sql.ref(column)} + excluded.${sql.ref(column)}`.execute(
      db,
    );
  }
}

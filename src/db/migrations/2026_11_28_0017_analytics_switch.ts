import { sql, SqliteAdapter, type Kysely, type RawBuilder } from 'kysely';

// Frozen: measurement can be switched off as a whole, and a person's own comments are found by
// an index (their impact page counts the answers they gave per month).
//
// The switch: While the setting `analytics.enabled` is
// false (stored as the JSON text 'false'), the triggers of migration 0013 record nothing. The
// check is a primary-key lookup in `settings` per written row. SQLite allows the subquery in
// the trigger's WHEN; PostgreSQL does not, so its functions test it first.
const OFF = `exists (select 1 from settings where key = 'analytics.enabled' and value = 'false')`;

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createIndex('comments_author')
    .on('comments')
    .columns(['author_id', 'created_at'])
    .execute();
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
      const on = condition ? `(${condition}) and not ${OFF}` : `not ${OFF}`;
      await sql`drop trigger ${n}`.execute(db);
      await sql`create trigger ${n} ${w} when ${sql.raw(on)} begin ${body}; end`.execute(db);
    } else {
      // The trigger itself (and its WHEN) stays; only the function learns the switch.
      await sql`create or replace function ${n}() returns trigger language plpgsql as $$
        begin if ${sql.raw(OFF)} then return null; end if; ${body}; return null; end $$`.execute(
        db,
      );
    }
  }
}

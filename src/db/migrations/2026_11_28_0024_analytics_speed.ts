import { sql, SqliteAdapter, type Kysely, type RawBuilder } from 'kysely';

// Frozen: what the analytics dashboards read, kept so that they stay within their budget on a
// large organisation.
//
// `activity_period_people`: per week (from Monday) and per calendar month, one row per person
// active in it, with what they did as bits (1 visited, 2 posted, 4 commented, 8 reacted,
// 16 uploaded a document, 32 downloaded), kept by triggers on `activity_days`. The distinct
// people of a period that has not ended (this month: every row of 28 days of activity, 100,000
// of them on the large seed, 170 ms a view) are then one row per person. A row is written when
// a person's day is first recorded and when a kind of activity appears in it, not on every
// action. A person's rows go with the person (the foreign key); erasing activity empties it.
//
// `pain_points_open_reporters`: the open pain points per department and reporter (the content
// level) in the order they are grouped, with the status and the group to filter on, so that
// the 75,000 open pain points of the large seed are counted from this index alone.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  await db.schema
    .createTable('activity_period_people')
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('flags', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_period_people_pk', ['grain', 'period', 'user_id'])
    .execute();
  await db.schema
    .createIndex('activity_period_people_user')
    .on('activity_period_people')
    .column('user_id')
    .execute();

  // The bits of a day's row; the Monday of a day's week (as analytics' periodSql writes it).
  const flags = (r: string) =>
    sql.raw(
      `(case when ${r}.visited > 0 then 1 else 0 end) + (case when ${r}.posts > 0 then 2 else 0 end)
      + (case when ${r}.comments > 0 then 4 else 0 end) + (case when ${r}.reactions > 0 then 8 else 0 end)
      + (case when ${r}.documents > 0 then 16 else 0 end) + (case when ${r}.downloads > 0 then 32 else 0 end)`,
    );
  const monday = (day: string) =>
    sqlite
      ? sql.raw(
          `date(${day}, '-' || ((cast(strftime('%w', ${day}) as integer) + 6) % 7) || ' days')`,
        )
      : sql.raw(
          `to_char(${day}::date - (extract(isodow from ${day}::date)::int - 1), 'YYYY-MM-DD')`,
        );
  const merge = sql`on conflict (grain, period, user_id) do update
    set flags = activity_period_people.flags | excluded.flags`;
  const keep = sql`insert into activity_period_people (grain, period, user_id, flags)
    values ('week', ${monday('new.day')}, new.user_id, ${flags('new')}),
      ('month', substr(new.day, 1, 7), new.user_id, ${flags('new')})
    ${merge}`;
  const turnedOn = ['visited', 'posts', 'comments', 'reactions', 'documents', 'downloads']
    .map((c) => `(old.${c} = 0 and new.${c} > 0)`)
    .join(' or ');
  const triggers: [string, string, string, RawBuilder<unknown>][] = [
    ['activity_period_people_insert', 'after insert on activity_days', '', keep],
    ['activity_period_people_update', 'after update on activity_days', turnedOn, keep],
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
  // What was recorded before this migration: bits or-ed as sums of distinct bits per kind.
  const bit = (column: string, value: number) =>
    sql.raw(`max(case when ${column} > 0 then ${value} else 0 end)`);
  const folded = sql.join(
    [
      bit('visited', 1),
      bit('posts', 2),
      bit('comments', 4),
      bit('reactions', 8),
      bit('documents', 16),
      bit('downloads', 32),
    ],
    sql` + `,
  );
  for (const [grain, period] of [
    ['week', monday('day')],
    ['month', sql.raw('substr(day, 1, 7)')],
  ] as const) {
    await sql`insert into activity_period_people (grain, period, user_id, flags)
      select ${sql.lit(grain)}, ${period}, user_id, ${folded} from activity_days
      group by ${period}, user_id`.execute(db);
  }

  await db.schema
    .createIndex('pain_points_open_reporters')
    .on('pain_points')
    .columns(['department', 'author_id', 'anonymous', 'status', 'group_id'])
    .execute();
}

import { sql, SqliteAdapter, type Kysely, type RawBuilder } from 'kysely';

// Frozen: level 5 of measurement, value for the organisation, and business goals.
//
// `goals` and `goal_measurements`: a goal follows a KPI from a baseline to a target between a
// start date and a deadline; a manual goal's values are entered as measurements, a computed
// goal's come from the KPI registry (src/features/analytics/kpis.ts). `goal_kpi_values` caches
// a computed KPI's value for a day: it is only ever computed for days that have ended, and the
// inputs of a day that has ended no longer change (as with the activity rollup), so the value
// is final and a goal's monthly series costs one primary-key lookup per month once computed.
//
// `value_stories`: one row per post and hashtag whose meaning is "success story", with the
// post's day (UTC) and group. The value level counts success stories per period; a period of
// posts has no index (`posts.created_at`), so triggers keep this narrow copy on every path:
// hashtags written with a post, edited away, re-filed by an alias, a hashtag given or losing the
// meaning, a post deleted (the foreign key). A period's stories are a range of
// `value_stories_day`, and a post with two such hashtags is counted once (distinct post_id).
//
// `content_questions` (0015) gets an index on `first_answer_at`: the value level counts the
// questions whose first answer falls in a period, per group the viewer may see.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  await db.schema
    .createTable('goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    /** A key of the KPI registry, or 'manual'. */
    .addColumn('kpi', 'text', (c) => c.notNull())
    /** The unit a manual goal is measured in; '' for computed ones (the registry has theirs). */
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('baseline', 'double precision', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('goal_measurements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('goal_measurements_goal')
    .on('goal_measurements')
    .columns(['goal_id', 'day'])
    .execute();

  await db.schema
    .createTable('goal_kpi_values')
    .addColumn('kpi', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    /** null: the KPI has no value that day (nothing to divide by). */
    .addColumn('value', 'double precision')
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('goal_kpi_values_pk', ['kpi', 'day'])
    .execute();

  await db.schema
    .createTable('value_stories')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    /** The post's group; '' for org-wide posts. */
    .addColumn('group_key', 'text', (c) => c.notNull())
    /** The post's day, YYYY-MM-DD (UTC). */
    .addColumn('day', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('value_stories_pk', ['post_id', 'tag'])
    .execute();
  await db.schema
    .createIndex('value_stories_day')
    .on('value_stories')
    .columns(['day', 'group_key', 'post_id'])
    .execute();
  await db.schema.createIndex('value_stories_tag').on('value_stories').columns(['tag']).execute();

  await db.schema
    .createIndex('content_questions_answered')
    .on('content_questions')
    .columns(['first_answer_at', 'group_id'])
    .execute();

  // The rows of one hashtag, or of one post's hashtag, that carry the meaning now.
  const copy = (where: string) =>
    sql`insert into value_stories (post_id, tag, group_key, day)
      select ph.post_id, ph.tag, coalesce(ph.group_id, ''), substr(p.created_at, 1, 10)
      from post_hashtags ph
      join hashtags h on h.tag = ph.tag
      join posts p on p.id = ph.post_id
      where h.meaning = 'success_story' and ${sql.raw(where)}
      on conflict (post_id, tag) do nothing`;
  const drop = (where: string) => sql`delete from value_stories where ${sql.raw(where)}`;
  const triggers: [string, string, string, string, RawBuilder<unknown>[]][] = [
    [
      'value_stories_tagged',
      'after insert on post_hashtags',
      '',
      '',
      [copy('ph.post_id = new.post_id and ph.tag = new.tag')],
    ],
    [
      'value_stories_untagged',
      'after delete on post_hashtags',
      '',
      '',
      [drop('post_id = old.post_id and tag = old.tag')],
    ],
    [
      'value_stories_refiled',
      'after update of tag, group_id on post_hashtags',
      '',
      '',
      [
        drop('post_id = old.post_id and tag = old.tag'),
        copy('ph.post_id = new.post_id and ph.tag = new.tag'),
      ],
    ],
    [
      'value_stories_meaning',
      'after update of meaning on hashtags',
      'old.meaning is not new.meaning',
      'old.meaning is distinct from new.meaning',
      [drop('tag = new.tag'), copy('ph.tag = new.tag')],
    ],
    [
      'value_stories_new_tag',
      'after insert on hashtags',
      "new.meaning = 'success_story'",
      "new.meaning = 'success_story'",
      [copy('ph.tag = new.tag')],
    ],
    ['value_stories_gone_tag', 'after delete on hashtags', '', '', [drop('tag = old.tag')]],
  ];
  for (const [name, when, sqliteCondition, pgCondition, body] of triggers) {
    const n = sql.raw(name);
    const w = sql.raw(when);
    const statements = sql.join(body, sql`; `);
    if (sqlite) {
      const c = sqliteCondition ? sql.raw(` when ${sqliteCondition}`) : sql``;
      await sql`create trigger ${n} ${w}${c} begin ${statements}; end`.execute(db);
    } else {
      const c = pgCondition ? sql.raw(` when (${pgCondition})`) : sql``;
      await sql`create function ${n}() returns trigger language plpgsql as $$
        begin ${statements}; return null; end $$`.execute(db);
      await sql`create trigger ${n} ${w} for each row${c} execute function ${n}()`.execute(db);
    }
  }

  // Success stories written before this migration.
  await copy('true').execute(db);
}

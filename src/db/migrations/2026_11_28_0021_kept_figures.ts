import { sql, SqliteAdapter, type Kysely, type RawBuilder } from 'kysely';

// Frozen: figures kept so that dashboards stay within their time budget on a large organisation.
//
// `meaning_posts`: one row per post and hashtag that has a meaning (success story, customer
// voice, pain point, campaign), with the post's day (UTC), author, the author's department when
// the post was written, and group ('' for org-wide). The hashtag KPIs count these per period,
// hashtag and department; read from `post_hashtags` they cost one lookup of the post and one of
// its author per tagged post (0.8 s for a year of the large seed), from here one range of an
// index per hashtag. Kept by triggers on every path, as `value_stories` (0016) is: a hashtag
// written with a post, edited away, re-filed by an alias or a move, given or losing a meaning,
// deleted; a deleted post takes its rows along (the foreign key). Which meaning a row counts
// for is read from `hashtags` at query time, so a hashtag changing meaning moves its posts.
//
// `users_level_days`: the distinct people of the 28-day window ending with a finished day (level
// 1: DAU, WAU, MAU, engaged, contributing), org-wide (`group_key` '') or among a group's
// members. A finished day's activity no longer changes, so it is computed once, when first
// asked for, instead of on every view (a count over 28 days of activity rows each time).
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  await db.schema
    .createTable('meaning_posts')
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    /** The post's day, YYYY-MM-DD (UTC). */
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    /** The author's department when the post was written. */
    .addColumn('department', 'text', (c) => c.notNull())
    /** The post's group; '' for org-wide posts. */
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('meaning_posts_pk', ['tag', 'post_id'])
    .execute();
  // Covering: a period of one hashtag is a single range holding everything the KPIs count.
  await db.schema
    .createIndex('meaning_posts_tag_day')
    .on('meaning_posts')
    .columns(['tag', 'day', 'group_key', 'author_id', 'department', 'post_id'])
    .execute();
  await db.schema
    .createIndex('meaning_posts_post')
    .on('meaning_posts')
    .columns(['post_id'])
    .execute();

  await db.schema
    .createTable('users_level_days')
    .addColumn('day', 'text', (c) => c.notNull())
    /** A group's id: figures about its members then; '' for everyone. */
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('dau', 'integer', (c) => c.notNull())
    .addColumn('wau', 'integer', (c) => c.notNull())
    .addColumn('mau', 'integer', (c) => c.notNull())
    .addColumn('engaged', 'integer', (c) => c.notNull())
    .addColumn('contributing', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('users_level_days_pk', ['day', 'group_key'])
    .execute();

  const copy = (where: string) =>
    sql`insert into meaning_posts (tag, post_id, day, author_id, department, group_key)
      select ph.tag, ph.post_id, substr(p.created_at, 1, 10), p.author_id,
        coalesce(u.department, ''), coalesce(ph.group_id, '')
      from post_hashtags ph
      join hashtags h on h.tag = ph.tag
      join posts p on p.id = ph.post_id
      left join users u on u.id = p.author_id
      where h.meaning is not null and ${sql.raw(where)}
      on conflict (tag, post_id) do nothing`;
  const drop = (where: string) => sql`delete from meaning_posts where ${sql.raw(where)}`;
  const triggers: [string, string, string, string, RawBuilder<unknown>[]][] = [
    [
      'meaning_posts_tagged',
      'after insert on post_hashtags',
      '',
      '',
      [copy('ph.post_id = new.post_id and ph.tag = new.tag')],
    ],
    [
      'meaning_posts_untagged',
      'after delete on post_hashtags',
      '',
      '',
      [drop('post_id = old.post_id and tag = old.tag')],
    ],
    [
      'meaning_posts_refiled',
      'after update of tag, group_id on post_hashtags',
      '',
      '',
      [
        drop('post_id = old.post_id and tag = old.tag'),
        copy('ph.post_id = new.post_id and ph.tag = new.tag'),
      ],
    ],
    [
      'meaning_posts_meaning',
      'after update of meaning on hashtags',
      '(old.meaning is null) <> (new.meaning is null)',
      '(old.meaning is null) <> (new.meaning is null)',
      [drop('tag = new.tag'), copy('ph.tag = new.tag')],
    ],
    [
      'meaning_posts_new_tag',
      'after insert on hashtags',
      'new.meaning is not null',
      'new.meaning is not null',
      [copy('ph.tag = new.tag')],
    ],
    ['meaning_posts_gone_tag', 'after delete on hashtags', '', '', [drop('tag = old.tag')]],
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

  // Posts tagged before this migration (their authors' departments as they are now).
  await copy('true').execute(db);
}

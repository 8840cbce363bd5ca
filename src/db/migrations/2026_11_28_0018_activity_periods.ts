import type { Kysely } from 'kysely';

// Frozen: the distinct people behind each activity figure per day, week or month, kept once a
// period has ended. People are not additive across days, so a week's or a month's count reads
// every `activity_days` row of it (a year by month: two million rows, seconds); a finished
// period never changes, so it is counted once, by the hourly rollup job or the first request.
//
// And posts found by id (from post_hashtags, for the hashtag KPIs) are read from an index that
// holds their time and author: the table's rows carry the whole text, so reading thousands of
// them by key costs a page each.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('activity_periods')
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('visitors', 'integer', (c) => c.notNull())
    .addColumn('posts', 'integer', (c) => c.notNull())
    .addColumn('comments', 'integer', (c) => c.notNull())
    .addColumn('reactions', 'integer', (c) => c.notNull())
    .addColumn('documents', 'integer', (c) => c.notNull())
    .addColumn('downloads', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_periods_pk', ['grain', 'period'])
    .execute();
  await db.schema
    .createIndex('posts_id_time_author')
    .on('posts')
    .columns(['id', 'created_at', 'author_id'])
    .execute();
}

import type { Kysely } from 'kysely';

// Frozen: shares of posts into further groups, reports to admins, and who saw an announcement.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('post_shares')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('shared_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_shares_pk', ['post_id', 'group_id'])
    .execute();
  await db.schema
    .createIndex('post_shares_group')
    .on('post_shares')
    .columns(['group_id', 'post_id'])
    .execute();

  await db.schema
    .createTable('post_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('reporter_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('resolution', 'text')
    .execute();
  await db.schema
    .createIndex('post_reports_open')
    .on('post_reports')
    .columns(['resolved_at', 'id'])
    .execute();

  await db.schema
    .createTable('announcement_views')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('announcement_views_pk', ['post_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['announcement_views', 'post_reports', 'post_shares'])
    await db.schema.dropTable(t).execute();
}

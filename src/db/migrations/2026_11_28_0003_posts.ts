import type { Kysely } from 'kysely';

// Frozen: posts, comments, reactions, hashtags, mentions and follows, for both dialects.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.references('groups.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('post'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reaction_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reaction_counts', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('pinned_until', 'text')
    .execute();
  await db.schema.createIndex('posts_group').on('posts').columns(['group_id', 'id']).execute();
  await db.schema.createIndex('posts_author').on('posts').columns(['author_id', 'id']).execute();
  await db.schema.createIndex('posts_kind').on('posts').columns(['kind', 'id']).execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .execute();
  await db.schema.createIndex('comments_post').on('comments').columns(['post_id', 'id']).execute();

  await db.schema
    .createTable('reactions')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reactions_pk', ['post_id', 'user_id', 'type'])
    .execute();

  await db.schema
    .createTable('hashtags')
    .addColumn('tag', 'text', (c) => c.primaryKey())
    .addColumn('display', 'text', (c) => c.notNull())
    .addColumn('meaning', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('hashtag_aliases')
    .addColumn('alias', 'text', (c) => c.primaryKey())
    .addColumn('tag', 'text', (c) => c.notNull().references('hashtags.tag').onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('post_hashtags')
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('group_id', 'text')
    .addPrimaryKeyConstraint('post_hashtags_pk', ['tag', 'post_id'])
    .execute();
  await db.schema
    .createIndex('post_hashtags_post')
    .on('post_hashtags')
    .columns(['post_id'])
    .execute();

  await db.schema
    .createTable('post_mentions')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('post_mentions_pk', ['post_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('follows')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('follows_pk', ['user_id', 'target_type', 'target_id'])
    .execute();
  await db.schema
    .createIndex('follows_target')
    .on('follows')
    .columns(['target_type', 'target_id'])
    .execute();

  await db.schema.alterTable('users').addColumn('home_seen_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('home_seen_at').execute();
  for (const t of [
    'follows',
    'post_mentions',
    'post_hashtags',
    'hashtag_aliases',
    'hashtags',
    'reactions',
    'comments',
    'posts',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}

import { sql, SqliteAdapter, type Kysely } from 'kysely';

// Frozen: how many posts each hashtag has in each group, kept by triggers; and indexes measured
// on the large benchmark organisation (bench/RESULTS.md).
export async function up(db: Kysely<any>): Promise<void> {
  // A hashtag page shows the count of its posts the viewer may read. Counting the tag's rows in
  // `post_hashtags` reads all of them (75,000 for the largest tag: 24–70 ms); these counters
  // make it one row per group. `group_key` is '' for org-wide posts (a key cannot be null).
  // Triggers keep them on every path that changes `post_hashtags`: new and edited posts,
  // deletions (cascades too), aliases that re-file posts.
  await db.schema
    .createTable('hashtag_counts')
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('hashtag_counts_pk', ['tag', 'group_key'])
    .execute();
  await sql`insert into hashtag_counts (tag, group_key, n)
    select tag, coalesce(group_id, ''), count(*) from post_hashtags
    group by tag, coalesce(group_id, '')`.execute(db);
  const down = sql`update hashtag_counts set n = n - 1
    where tag = old.tag and group_key = coalesce(old.group_id, '')`;
  const up = sql`insert into hashtag_counts (tag, group_key, n)
    values (new.tag, coalesce(new.group_id, ''), 1)
    on conflict (tag, group_key) do update set n = hashtag_counts.n + 1`;
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`create trigger post_hashtags_count_insert after insert on post_hashtags
      begin ${up}; end`.execute(db);
    await sql`create trigger post_hashtags_count_delete after delete on post_hashtags
      begin ${down}; end`.execute(db);
    await sql`create trigger post_hashtags_count_update after update of tag, group_id on post_hashtags
      begin ${down}; ${up}; end`.execute(db);
  } else {
    await sql`create function post_hashtags_count() returns trigger language plpgsql as $$
      begin
        if tg_op in ('DELETE', 'UPDATE') then ${down}; end if;
        if tg_op in ('INSERT', 'UPDATE') then ${up}; end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger post_hashtags_count
      after insert or delete or update of tag, group_id on post_hashtags
      for each row execute function post_hashtags_count()`.execute(db);
  }
  // Deleting a post cascades along these foreign keys; without an index each step reads the
  // whole child table, once per deleted post or comment.
  await db.schema.createIndex('comments_parent').on('comments').columns(['parent_id']).execute();
  await db.schema
    .createIndex('notifications_post')
    .on('notifications')
    .columns(['post_id'])
    .execute();
  await db.schema
    .createIndex('notifications_comment')
    .on('notifications')
    .columns(['comment_id'])
    .execute();
  await db.schema
    .createIndex('notifications_group')
    .on('notifications')
    .columns(['group_id'])
    .execute();
  await db.schema
    .createIndex('post_reports_post')
    .on('post_reports')
    .columns(['post_id'])
    .execute();
  // `member_count` now counts active accounts only (it counted every membership): recount once.
  await sql`update groups set member_count = (select count(*) from group_members
    join users on users.id = group_members.user_id
    where group_members.group_id = groups.id and users.status = 'active')`.execute(db);
}

import { sql, SqliteAdapter, type Kysely } from 'kysely';

// Frozen: questions and answers. One `questions` row per post of kind 'question', with the times
// measurement needs (content level: time to first answer and to accepted answer), and helpful
// votes on answers. An answer is a top-level comment by someone other than the asker.
//
// Triggers keep the row on every path that writes posts and comments (the app, the demo, the
// seed's bulk inserts, cascades when a post or a person goes): a question gets its row when it
// is written; its first answer sets `first_answer_at`; deleting an answer recomputes it and
// clears the accepted answer if it was the one. BEFORE DELETE, so that on PostgreSQL it runs
// before the foreign key's own `set null` (which would otherwise hide which answer went).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('questions')
    .addColumn('post_id', 'text', (c) => c.primaryKey().references('posts.id').onDelete('cascade'))
    .addColumn('asker_id', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('first_answer_at', 'text')
    .addColumn('accepted_comment_id', 'text', (c) =>
      c.references('comments.id').onDelete('set null'),
    )
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  // Open questions, oldest first: `first_answer_at is null`, walked in post (time) order.
  await db.schema
    .createIndex('questions_open')
    .on('questions')
    .columns(['first_answer_at', 'post_id'])
    .execute();
  await db.schema
    .createIndex('questions_accepted')
    .on('questions')
    .columns(['accepted_comment_id'])
    .execute();

  await db.schema
    .createTable('answer_votes')
    .addColumn('comment_id', 'text', (c) =>
      c.notNull().references('comments.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_votes_pk', ['comment_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('answer_votes_user')
    .on('answer_votes')
    .columns(['user_id'])
    .execute();

  // Questions written before this migration.
  await sql`insert into questions (post_id, asker_id, asked_at, first_answer_at)
    select p.id, p.author_id, p.created_at,
      (select min(c.created_at) from comments c
        where c.post_id = p.id and c.parent_id is null and c.author_id <> p.author_id)
    from posts p where p.kind = 'question'`.execute(db);

  const onPost = sql`insert into questions (post_id, asker_id, asked_at)
    values (new.id, new.author_id, new.created_at)`;
  const onComment = sql`update questions set first_answer_at = new.created_at
    where post_id = new.post_id and asker_id <> new.author_id
      and (first_answer_at is null or first_answer_at > new.created_at)`;
  const recompute = sql`update questions set first_answer_at = (
      select min(c.created_at) from comments c
      where c.post_id = old.post_id and c.parent_id is null and c.id <> old.id
        and c.author_id <> questions.asker_id)
    where post_id = old.post_id`;
  const unaccept = sql`update questions
    set accepted_comment_id = null, accepted_at = null, accepted_by = null
    where accepted_comment_id = old.id`;
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`create trigger questions_on_post after insert on posts
      when new.kind = 'question' begin ${onPost}; end`.execute(db);
    await sql`create trigger questions_on_comment after insert on comments
      when new.parent_id is null begin ${onComment}; end`.execute(db);
    await sql`create trigger questions_on_comment_delete before delete on comments
      when old.parent_id is null begin ${unaccept}; ${recompute}; end`.execute(db);
  } else {
    await sql`create function questions_on_post() returns trigger language plpgsql as $$
      begin ${onPost}; return null; end $$`.execute(db);
    await sql`create trigger questions_on_post after insert on posts
      for each row when (new.kind = 'question') execute function questions_on_post()`.execute(db);
    await sql`create function questions_on_comment() returns trigger language plpgsql as $$
      begin ${onComment}; return null; end $$`.execute(db);
    await sql`create trigger questions_on_comment after insert on comments
      for each row when (new.parent_id is null) execute function questions_on_comment()`.execute(
      db,
    );
    await sql`create function questions_on_comment_delete() returns trigger language plpgsql as $$
      begin ${unaccept}; ${recompute}; return old; end $$`.execute(db);
    await sql`create trigger questions_on_comment_delete before delete on comments
      for each row when (old.parent_id is null) execute function questions_on_comment_delete()`.execute(
      db,
    );
  }
}

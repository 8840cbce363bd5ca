import { sql, SqliteAdapter, type Kysely } from 'kysely';

// Frozen: measurement's copy of each question (content level). `questions` has no index on
// `asked_at` and no group; a dashboard selects a period's questions by `asked_at`, by group,
// so this table holds what it needs in one narrow row: asker, group (copied from the post, which
// never moves), asked, first answer, accepted answer, and its hashtags (space-separated: a tag
// has no spaces), so that a period's questions with their hashtags are one range scan rather
// than a join per question. Triggers on `questions` and `post_hashtags` keep it on every path
// (app, demo, seed, aliases, cascades); deleting the question deletes the row.
//
// It also caches each question's answer times (`answerTimes`, calendar and business hours):
// business hours take about a third of a millisecond per question (luxon, day by day), far too
// slow for a period's tens of thousands of questions on every request. The cached hours record
// what they were computed from (`times_key`: the working-hours setting's fingerprint, and the
// answer times), so a new answer, an answer deleted or a change of working hours makes them
// stale by itself and the dashboard computes them again; the triggers never touch them.
//
// `document_reuses` gets an index on `created_at` (holding the rest of the row, so a period's
// reuses are read from it alone) for the reuse per period.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('content_questions')
    .addColumn('post_id', 'text', (c) =>
      c.primaryKey().references('questions.post_id').onDelete('cascade'),
    )
    .addColumn('asker_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('first_answer_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('tags', 'text')
    .addColumn('times_key', 'text')
    .addColumn('times_first_answer_at', 'text')
    .addColumn('times_accepted_at', 'text')
    .addColumn('first_answer_hours', 'double precision')
    .addColumn('first_answer_business_hours', 'double precision')
    .addColumn('accepted_hours', 'double precision')
    .addColumn('accepted_business_hours', 'double precision')
    .execute();
  await db.schema
    .createIndex('content_questions_asked')
    .on('content_questions')
    .columns(['asked_at'])
    .execute();
  await db.schema
    .createIndex('content_questions_group')
    .on('content_questions')
    .columns(['group_id', 'asked_at'])
    .execute();
  await db.schema
    .createIndex('document_reuses_created')
    .on('document_reuses')
    .columns(['created_at', 'document_id', 'source'])
    .execute();

  const onInsert = sql`insert into content_questions
      (post_id, asker_id, group_id, asked_at, first_answer_at, accepted_at)
    values (new.post_id, new.asker_id, (select p.group_id from posts p where p.id = new.post_id),
      new.asked_at, new.first_answer_at, new.accepted_at)`;
  const onUpdate = sql`update content_questions
    set first_answer_at = new.first_answer_at, accepted_at = new.accepted_at
    where post_id = new.post_id`;
  const tagsOf = (postId: string) =>
    sql`update content_questions set tags = (
        select ${sqlite ? sql`group_concat(ph.tag, ' ')` : sql`string_agg(ph.tag, ' ')`}
        from post_hashtags ph where ph.post_id = ${sql.raw(postId)})
      where post_id = ${sql.raw(postId)}`;
  if (sqlite) {
    await sql`create trigger content_questions_insert after insert on questions
      begin ${onInsert}; end`.execute(db);
    await sql`create trigger content_questions_update
      after update of first_answer_at, accepted_at on questions
      begin ${onUpdate}; end`.execute(db);
    await sql`create trigger content_questions_tags_insert after insert on post_hashtags
      begin ${tagsOf('new.post_id')}; end`.execute(db);
    await sql`create trigger content_questions_tags_delete after delete on post_hashtags
      begin ${tagsOf('old.post_id')}; end`.execute(db);
    await sql`create trigger content_questions_tags_update
      after update of tag, post_id on post_hashtags
      begin ${tagsOf('old.post_id')}; ${tagsOf('new.post_id')}; end`.execute(db);
  } else {
    await sql`create function content_questions_tags() returns trigger language plpgsql as $$
      begin
        if tg_op in ('DELETE', 'UPDATE') then ${tagsOf('old.post_id')}; end if;
        if tg_op in ('INSERT', 'UPDATE') then ${tagsOf('new.post_id')}; end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger content_questions_tags
      after insert or delete or update of tag, post_id on post_hashtags
      for each row execute function content_questions_tags()`.execute(db);
    await sql`create function content_questions_insert() returns trigger language plpgsql as $$
      begin ${onInsert}; return null; end $$`.execute(db);
    await sql`create trigger content_questions_insert after insert on questions
      for each row execute function content_questions_insert()`.execute(db);
    await sql`create function content_questions_update() returns trigger language plpgsql as $$
      begin ${onUpdate}; return null; end $$`.execute(db);
    await sql`create trigger content_questions_update
      after update of first_answer_at, accepted_at on questions for each row
      when (old.first_answer_at is distinct from new.first_answer_at
        or old.accepted_at is distinct from new.accepted_at)
      execute function content_questions_update()`.execute(db);
  }

  // Questions asked before this migration.
  await sql`insert into content_questions
      (post_id, asker_id, group_id, asked_at, first_answer_at, accepted_at)
    select q.post_id, q.asker_id, p.group_id, q.asked_at, q.first_answer_at, q.accepted_at
    from questions q join posts p on p.id = q.post_id`.execute(db);
  await tagsOf('content_questions.post_id').execute(db);
}

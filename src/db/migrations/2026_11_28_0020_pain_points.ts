import { sql, SqliteAdapter, type Kysely, type RawBuilder } from 'kysely';

// Frozen: pain points.
//
// `pain_points`: one row per post carrying a hashtag whose meaning is "pain point" (#ärger).
// Triggers make it so on every path: a hashtag written with a post or added by an edit, and a
// hashtag given the meaning later (its posts become pain points). A pain point is never removed
// by the hashtag going away again: it has a status, votes and a history by then. It goes with
// its post (the foreign key). `department` is the author's when it was filed (an anonymous
// submission's is the one chosen), so the board and the figures do not move when people change
// departments. `status_changed_at` tells a stale pain point (no change in 14 days).
//
// `pain_point_events`: every change of status, owner or resolving post, shown in the post's
// conversation. `pain_point_votes`: "me too", one per person. `department_leads`: who may
// assign owners in a department, and who hears of its new pain points.
//
// `pain_point_submissions`: anonymous pain points held for a moderator. The author is kept only
// while the submission waits (so that its author can see or withdraw it, and for the rate
// limit); the moderator's decision clears `author_id` in the same statement. An approved one
// becomes a post by the `anonymous` system account created here (deactivated: it cannot sign in,
// is in no directory and is not counted as a user).
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  await db.schema
    .createTable('pain_points')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) =>
      c.notNull().unique().references('posts.id').onDelete('cascade'),
    )
    /** 'new' | 'acknowledged' | 'in_progress' | 'resolved' | 'wont_fix' */
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
    .addColumn('department', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    /** 1: filed anonymously; its post's author is the system account. */
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('resolving_post_id', 'text', (c) => c.references('posts.id').onDelete('set null'))
    .addColumn('vote_count', 'integer', (c) => c.notNull().defaultTo(0))
    /** The post's time. */
    .addColumn('created_at', 'text', (c) => c.notNull())
    /** First left "new" (acknowledged, or straight on to another status). */
    .addColumn('acknowledged_at', 'text')
    /** Closed (resolved or won't fix); cleared when reopened. */
    .addColumn('resolved_at', 'text')
    .addColumn('status_changed_at', 'text', (c) => c.notNull())
    /** When its owner (or the department's leads) were last told it is stale. */
    .addColumn('stale_notified_at', 'text')
    .execute();
  await db.schema
    .createIndex('pain_points_status')
    .on('pain_points')
    .columns(['status', 'status_changed_at'])
    .execute();
  await db.schema
    .createIndex('pain_points_department')
    .on('pain_points')
    .columns(['department', 'status'])
    .execute();
  await db.schema
    .createIndex('pain_points_owner')
    .on('pain_points')
    .columns(['owner_id'])
    .execute();
  await db.schema
    .createIndex('pain_points_created')
    .on('pain_points')
    .columns(['created_at'])
    .execute();
  await db.schema
    .createIndex('pain_points_resolving')
    .on('pain_points')
    .columns(['resolving_post_id'])
    .execute();

  await db.schema
    .createTable('pain_point_votes')
    .addColumn('pain_point_id', 'text', (c) =>
      c.notNull().references('pain_points.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pain_point_votes_pk', ['pain_point_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('pain_point_votes_user')
    .on('pain_point_votes')
    .columns(['user_id'])
    .execute();

  await db.schema
    .createTable('pain_point_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pain_point_id', 'text', (c) =>
      c.notNull().references('pain_points.id').onDelete('cascade'),
    )
    /** null: the system, or an anonymous author's action. */
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    /** 'status' | 'owner' | 'resolving_post' */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('resolving_post_id', 'text', (c) => c.references('posts.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pain_point_events_point')
    .on('pain_point_events')
    .columns(['pain_point_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('pain_point_events_actor')
    .on('pain_point_events')
    .columns(['actor_id'])
    .execute();
  await db.schema
    .createIndex('pain_point_events_owner')
    .on('pain_point_events')
    .columns(['owner_id'])
    .execute();
  await db.schema
    .createIndex('pain_point_events_resolving')
    .on('pain_point_events')
    .columns(['resolving_post_id'])
    .execute();

  await db.schema
    .createTable('department_leads')
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('department_leads_pk', ['department', 'user_id'])
    .execute();
  await db.schema
    .createIndex('department_leads_user')
    .on('department_leads')
    .columns(['user_id'])
    .execute();

  await db.schema
    .createTable('pain_point_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** Kept only while pending; cleared by the decision. */
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull().defaultTo(''))
    /** Where the approved post goes; null: org-wide. */
    .addColumn('group_id', 'text', (c) => c.references('groups.id').onDelete('set null'))
    /** 'pending' | 'approved' | 'rejected' | 'withdrawn' */
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('post_id', 'text', (c) => c.references('posts.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('pain_point_submissions_status')
    .on('pain_point_submissions')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('pain_point_submissions_author')
    .on('pain_point_submissions')
    .columns(['author_id'])
    .execute();
  await db.schema
    .createIndex('pain_point_submissions_post')
    .on('pain_point_submissions')
    .columns(['post_id'])
    .execute();

  const now = new Date().toISOString();
  await db
    .insertInto('users')
    .values({
      id: 'anonymous',
      email: 'anonymous@kantine.invalid',
      name: 'Anonymous',
      name_key: 'anonymous',
      password_hash: null,
      role: 'member',
      status: 'deactivated',
      locale: null,
      time_zone: 'UTC',
      created_at: now,
      updated_at: now,
      activated_at: null,
      deactivated_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

  // The posts of one hashtag, or one post's hashtag, that carry the meaning now. The id is
  // derived from the post's, so that both dialects make it in SQL.
  const copy = (where: string) =>
    sql`insert into pain_points (id, post_id, status, department, created_at, status_changed_at)
      select 'pp_' || p.id, p.id, 'new', coalesce(u.department, ''), p.created_at, p.created_at
      from post_hashtags ph
      join hashtags h on h.tag = ph.tag
      join posts p on p.id = ph.post_id
      left join users u on u.id = p.author_id
      where h.meaning = 'pain_point' and ${sql.raw(where)}
      on conflict (post_id) do nothing`;
  const triggers: [string, string, string, string, RawBuilder<unknown>[]][] = [
    [
      'pain_points_tagged',
      'after insert on post_hashtags',
      '',
      '',
      [copy('ph.post_id = new.post_id and ph.tag = new.tag')],
    ],
    [
      'pain_points_refiled',
      'after update of tag on post_hashtags',
      '',
      '',
      [copy('ph.post_id = new.post_id and ph.tag = new.tag')],
    ],
    [
      'pain_points_meaning',
      'after update of meaning on hashtags',
      "new.meaning = 'pain_point' and old.meaning is not new.meaning",
      "new.meaning = 'pain_point' and old.meaning is distinct from new.meaning",
      [copy('ph.tag = new.tag')],
    ],
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

  // Posts tagged before this migration.
  await copy('true').execute(db);
}

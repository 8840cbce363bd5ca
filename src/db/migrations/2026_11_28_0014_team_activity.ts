import { sql, SqliteAdapter, type Kysely, type RawBuilder } from 'kysely';

// Frozen: what level 2 of measurement (teams) needs, kept as it happens, so that no dashboard
// reads posts or comments for a period. Like `activity_days` (0013), triggers keep it on every
// path that writes posts, comments and reactions, deleting content never lowers what happened,
// and (as migration 0017 does for 0013's triggers) nothing is recorded while measurement is
// switched off (`analytics.enabled` stored as 'false').
//
// `conversations`: one row per post (a post with its comments is a conversation): its day,
// group ('' outside groups: a key cannot be null), author, the first non-empty department
// among the people who wrote in it, and whether someone of another non-empty department wrote
// in it too. Departments count as they were when each person wrote: the triggers read them
// from `users` at that moment.
//
// `group_activity_days`: one row per group, day (UTC) and person who posted, commented or
// reacted in the group that day, with how many of each. It answers "how many members were
// engaged in the 28 days up to D" (one probe of `group_activity_days_member` per membership)
// and, for quiet groups, how many different people are behind a figure.
//
// `team_days`: per day and group ('' outside groups) the counts a period's figures add up:
// posts (= conversations), comments, reactions, conversations across departments (on the
// post's day), and the different people behind each that day. A period reads one row per group
// and day: on the benchmark organisation 34,000 rows for 12 weeks, against 450,000 rows of
// `group_activity_days` and 168,000 conversations. `team_months` has the same per calendar
// month, so that the whole months of a long period are read at once. People are not additive
// over days, but the most on one day, or in one month that lies wholly in the period, is a
// lower bound: when it reaches the privacy threshold the figure may be shown. Only below it is
// the exact number counted from the tables above, which happens for quiet groups and short
// periods, with few rows.
//
// `group_engagement`: engaged members per group as of a day, computed once per day asked for
// (teams.level.ts) and kept, like the daily rollup of 0013; `group_engagement_days` says which
// days are complete.
const OFF = `exists (select 1 from settings where key = 'analytics.enabled' and value = 'false')`;

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  // Rows are read by primary-key ranges; in SQLite the key then holds the whole row.
  const clustered = sqlite ? sql`without rowid` : sql``;
  const raw = (s: string) => sql.raw(s);
  const gadKey = 'group_activity_days_pk';

  await db.schema
    .createTable('conversations')
    .addColumn('post_id', 'text', (c) => c.primaryKey())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('first_department', 'text')
    .addColumn('cross_department', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // No foreign key to groups: a deleted group's past stays counted, as its posts do in 0013.
  await db.schema
    .createTable('group_activity_days')
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('posts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comments', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reactions', 'integer', (c) => c.notNull().defaultTo(0))
    // PostgreSQL builds the key after the backfill, at once (half the time on the benchmark);
    // SQLite needs it now, as the table is the key.
    .$call((t) =>
      sqlite
        ? t.addPrimaryKeyConstraint(gadKey, ['group_id', 'day', 'user_id']).modifyEnd(clustered)
        : t,
    )
    .execute();
  await db.schema
    .createTable('team_days')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('posts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comments', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reactions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cross_department', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('posters', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('commenters', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reactors', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cross_authors', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('team_days_pk', ['day', 'group_key'])
    .modifyEnd(clustered)
    .execute();
  await db.schema
    .createTable('team_months')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('posts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comments', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reactions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cross_department', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('posters', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('commenters', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reactors', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cross_authors', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('team_months_pk', ['month', 'group_key'])
    .modifyEnd(clustered)
    .execute();
  await db.schema
    .createTable('group_engagement')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('members', 'integer', (c) => c.notNull())
    .addColumn('engaged', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_engagement_pk', ['day', 'group_id'])
    .modifyEnd(clustered)
    .execute();
  await db.schema
    .createTable('group_engagement_days')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();

  // What happened before this migration, each table in one pass (no row written twice), the
  // indexes built afterwards. Departments of the past are not kept, so existing conversations
  // are judged by the people's departments now: across departments when the author's and the
  // commenters' non-empty departments are not all one; which is "first" matters only then.
  await sql`insert into conversations
      (post_id, day, group_key, author_id, first_department, cross_department)
    select p.id, substr(p.created_at, 1, 10), coalesce(p.group_id, ''), p.author_id,
      coalesce(nullif(a.department, ''), d.lo),
      case when d.lo <> d.hi or (a.department <> '' and d.lo <> a.department) then 1 else 0 end
    from posts p join users a on a.id = p.author_id
    left join (select c.post_id, min(u.department) as lo, max(u.department) as hi
      from comments c join users u on u.id = c.author_id
      where u.department <> '' group by c.post_id) d on d.post_id = p.id`.execute(db);
  await sql`insert into group_activity_days (group_id, day, user_id, posts, comments, reactions)
    select group_id, day, user_id, sum(posts), sum(comments), sum(reactions) from (
      select group_id, substr(created_at, 1, 10) as day, author_id as user_id,
        1 as posts, 0 as comments, 0 as reactions
      from posts where group_id is not null
      union all
      select p.group_id, substr(c.created_at, 1, 10), c.author_id, 0, 1, 0
      from comments c join posts p on p.id = c.post_id where p.group_id is not null
      union all
      select p.group_id, substr(r.created_at, 1, 10), r.user_id, 0, 0, 1
      from reactions r join posts p on p.id = r.post_id where p.group_id is not null
    ) x group by group_id, day, user_id`.execute(db);
  const counted = (period: RawBuilder<unknown>) => sql`
    select ${period} as bucket, group_key, count(*) as posts, 0 as comments, 0 as reactions,
      sum(cross_department) as cross_department, count(distinct author_id) as posters,
      0 as commenters, 0 as reactors,
      count(distinct case when cross_department = 1 then author_id end) as cross_authors
    from conversations group by ${period}, group_key
    union all
    select ${period}, group_id, 0, sum(comments), sum(reactions), 0, 0,
      count(distinct case when comments > 0 then user_id end),
      count(distinct case when reactions > 0 then user_id end), 0
    from group_activity_days group by ${period}, group_id`;
  for (const [table, at, period] of [
    ['team_days', 'day', 'day'],
    ['team_months', 'month', 'substr(day, 1, 7)'],
  ] as const) {
    await sql`insert into ${sql.table(table)} (${sql.ref(at)}, group_key, posts, comments,
        reactions, cross_department, posters, commenters, reactors, cross_authors)
      select bucket, group_key, sum(posts), sum(comments), sum(reactions), sum(cross_department),
        sum(posters), sum(commenters), sum(reactors), sum(cross_authors)
      from (${counted(raw(period))}) x group by bucket, group_key`.execute(db);
  }

  if (!sqlite) {
    await db.schema
      .alterTable('group_activity_days')
      .addPrimaryKeyConstraint(gadKey, ['group_id', 'day', 'user_id'])
      .execute();
  }
  // Looking up whether someone wrote in a group that day or month, and a group's period.
  await db.schema
    .createIndex('conversations_group')
    .on('conversations')
    .columns(['group_key', 'author_id', 'day', 'cross_department'])
    .execute();
  // All groups' conversations of a period, when their authors have to be counted exactly.
  await db.schema
    .createIndex('conversations_day')
    .on('conversations')
    .columns(['day', 'group_key', 'author_id', 'cross_department'])
    .execute();
  // Deleting a person cascades along these; without them each deletion reads the whole table.
  await db.schema
    .createIndex('conversations_author')
    .on('conversations')
    .columns(['author_id'])
    .execute();
  await db.schema
    .createIndex('group_activity_days_user')
    .on('group_activity_days')
    .columns(['user_id'])
    .execute();
  await db.schema
    .createIndex('group_activity_days_member')
    .on('group_activity_days')
    .columns(['group_id', 'user_id', 'day'])
    .execute();
  // A period's rows per group, without visiting the table: in SQLite the key (day first) serves
  // the days of a period and this index its groups (a year: 40 instead of 80 ms on the
  // benchmark); PostgreSQL reads both from one covering range of days.
  if (sqlite) {
    await db.schema
      .createIndex('team_days_group')
      .on('team_days')
      .columns(['group_key', 'day', 'posts', 'comments', 'reactions'])
      .columns(['posters', 'commenters', 'reactors'])
      .execute();
  } else {
    await sql`create index team_days_covering on team_days (day, group_key)
      include (posts, comments, reactions, cross_department, posters, commenters, reactors,
        cross_authors)`.execute(db);
  }

  // The triggers. Whether someone is new for a day or month is read before their row is
  // written, by the statement order of each trigger.
  const department = (who: string) =>
    sql`(select nullif(department, '') from users where id = ${raw(who)})`;
  const monthOf = (day: RawBuilder<unknown>) => sql`substr(${day}, 1, 7)`;
  // Days sort as text, so a month is the range from its '-01' to its '-31'.
  const inMonth = (col: string, day: RawBuilder<unknown>) =>
    sql`${raw(col)} >= (${monthOf(day)} || '-01') and ${raw(col)} <= (${monthOf(day)} || '-31')`;
  const bumpTeam = (
    day: RawBuilder<unknown>,
    key: RawBuilder<unknown>,
    from: RawBuilder<unknown>,
    counts: [column: string, newToday: RawBuilder<unknown>, newThisMonth: RawBuilder<unknown>],
  ) => {
    const [column, today, month] = counts;
    const people = {
      posts: 'posters',
      comments: 'commenters',
      reactions: 'reactors',
      cross_department: 'cross_authors',
    }[column]!;
    const c = sql.ref(column);
    const p = sql.ref(people);
    const fresh = (cond: RawBuilder<unknown>) => sql`case when ${cond} then 0 else 1 end`;
    return [
      sql`insert into team_days (day, group_key, ${c}, ${p})
        select ${day}, ${key}, 1, ${fresh(today)} ${from}
        on conflict (day, group_key) do update
        set ${c} = team_days.${c} + 1, ${p} = team_days.${p} + excluded.${p}`,
      sql`insert into team_months (month, group_key, ${c}, ${p})
        select ${monthOf(day)}, ${key}, 1, ${fresh(month)} ${from}
        on conflict (month, group_key) do update
        set ${c} = team_months.${c} + 1, ${p} = team_months.${p} + excluded.${p}`,
    ];
  };
  // A comment or reaction (`what`) by `who` on post `new.post_id`, if the post is in a group.
  const groupAct = (who: string, what: 'comments' | 'reactions') => {
    const day = sql`substr(new.created_at, 1, 10)`;
    const c = sql.ref(what);
    const seen = (range: RawBuilder<unknown>) =>
      sql`exists (select 1 from group_activity_days a where a.group_id = p.group_id
        and a.user_id = ${raw(who)} and ${range} and a.${c} > 0)`;
    return [
      ...bumpTeam(
        day,
        sql`p.group_id`,
        sql`from posts p where p.id = new.post_id and p.group_id is not null`,
        [what, seen(sql`a.day = ${day}`), seen(inMonth('a.day', day))],
      ),
      sql`insert into group_activity_days (group_id, day, user_id, ${c})
        select p.group_id, ${day}, ${raw(who)}, 1
        from posts p where p.id = new.post_id and p.group_id is not null
        on conflict (group_id, day, user_id) do update set ${c} = group_activity_days.${c} + 1`,
    ];
  };
  const postDay = sql`substr(new.created_at, 1, 10)`;
  const postKey = sql`coalesce(new.group_id, '')`;
  const wrote = (range: RawBuilder<unknown>) =>
    sql`exists (select 1 from conversations c where c.group_key = ${postKey}
      and c.author_id = new.author_id and ${range})`;
  const conversation = [
    ...bumpTeam(postDay, postKey, sql`where true`, [
      'posts',
      wrote(sql`c.day = ${postDay}`),
      wrote(inMonth('c.day', postDay)),
    ]),
    sql`insert into conversations
        (post_id, day, group_key, author_id, first_department, cross_department)
      values (new.id, ${postDay}, ${postKey}, new.author_id, ${department('new.author_id')}, 0)`,
    sql`insert into group_activity_days (group_id, day, user_id, posts)
      select new.group_id, ${postDay}, new.author_id, 1 where new.group_id is not null
      on conflict (group_id, day, user_id) do update set posts = group_activity_days.posts + 1`,
  ];
  // Only a commenter with a department the conversation has not seen changes it: the first
  // becomes `first_department`, a different one makes it cross-department for good, counted
  // on the post's day.
  const dept = department('new.author_id');
  const crossedBefore = (range: RawBuilder<unknown>) =>
    sql`exists (select 1 from conversations o where o.group_key = x.group_key
      and o.author_id = x.author_id and ${range} and o.cross_department = 1)`;
  const crossing = [
    ...bumpTeam(
      sql`x.day`,
      sql`x.group_key`,
      sql`from conversations x where x.post_id = new.post_id and x.cross_department = 0
        and x.first_department is not null and x.first_department <> ${dept}`,
      [
        'cross_department',
        crossedBefore(sql`o.day = x.day`),
        crossedBefore(inMonth('o.day', sql`x.day`)),
      ],
    ),
    sql`update conversations
      set cross_department = case when first_department is null then 0 else 1 end,
        first_department = coalesce(first_department, ${dept})
      where post_id = new.post_id and cross_department = 0 and ${dept} is not null
        and (first_department is null or first_department <> ${dept})`,
  ];
  const triggers: [string, string, RawBuilder<unknown>[]][] = [
    ['teams_posts', 'after insert on posts', conversation],
    [
      'teams_comments',
      'after insert on comments',
      [...groupAct('new.author_id', 'comments'), ...crossing],
    ],
    ['teams_reactions', 'after insert on reactions', groupAct('new.user_id', 'reactions')],
  ];
  for (const [name, when, statements] of triggers) {
    const n = raw(name);
    const body = sql.join(
      statements.map((s) => sql`${s};`),
      sql` `,
    );
    if (sqlite) {
      await sql`create trigger ${n} ${raw(when)} when not ${raw(OFF)} begin ${body} end`.execute(
        db,
      );
    } else {
      await sql`create function ${n}() returns trigger language plpgsql as $$
        begin if ${raw(OFF)} then return null; end if; ${body} return null; end $$`.execute(db);
      await sql`create trigger ${n} ${raw(when)} for each row execute function ${n}()`.execute(db);
    }
  }
}

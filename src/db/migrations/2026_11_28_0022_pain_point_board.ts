import { sql, SqliteAdapter, type Kysely, type RawBuilder } from 'kysely';

// Frozen: the pain-point board at the size of a large organisation.
//
// The board, its counts per status and its filters' choices may only show pain points whose post
// the viewer may read. Checked through the post (a lookup of a wide row per pain point), the
// board of an organisation with 75,000 pain points took seconds. The post's group is copied
// here (`group_id`; posts never change group), so that readability is a test on the row against
// the viewer's readable groups, and so is its author (`author_id`: the distinct reporters the
// figures of the analytics content level rest on; the system account for anonymous ones).
// Covering indexes serve each of the board's questions: counts per status with the department
// and owner filters, and the open pain points per department and reporter for analytics
// (`pain_points_board`), the order by
// votes and by age (`pain_points_votes`, `pain_points_age`), the departments and owners the
// filters offer (`pain_points_department_group`, `pain_points_owner_group`).
//
// The triggers of migration 0020 are made again with the group and the author.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  await db.schema.alterTable('pain_points').addColumn('group_id', 'text').execute();
  await db.schema.alterTable('pain_points').addColumn('author_id', 'text').execute();
  await sql`update pain_points set
      group_id = (select posts.group_id from posts where posts.id = pain_points.post_id),
      author_id = (select posts.author_id from posts where posts.id = pain_points.post_id)`.execute(
    db,
  );
  await db.schema
    .createIndex('pain_points_board')
    .on('pain_points')
    .columns(['status', 'group_id', 'department', 'owner_id', 'author_id', 'anonymous', 'id'])
    .execute();
  await db.schema
    .createIndex('pain_points_votes')
    .on('pain_points')
    .columns(['vote_count desc', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('pain_points_age')
    .on('pain_points')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('pain_points_department_group')
    .on('pain_points')
    .columns(['department', 'group_id'])
    .execute();
  await db.schema
    .createIndex('pain_points_owner_group')
    .on('pain_points')
    .columns(['owner_id', 'group_id'])
    .execute();

  const copy = (where: string) =>
    sql`insert into pain_points
        (id, post_id, status, department, group_id, author_id, created_at, status_changed_at)
      select 'pp_' || p.id, p.id, 'new', coalesce(u.department, ''), p.group_id, p.author_id,
        p.created_at, p.created_at
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
  for (const [name, when, sqliteCondition, _pgCondition, body] of triggers) {
    const n = sql.raw(name);
    const w = sql.raw(when);
    const statements = sql.join(body, sql`; `);
    if (sqlite) {
      await sql`drop trigger ${n}`.execute(db);
      const c = sqliteCondition ? sql.raw(` when ${sqliteCondition}`) : sql``;
      await sql`create trigger ${n} ${w}${c} begin ${statements}; end`.execute(db);
    } else {
      // The trigger stays; the function it runs is replaced.
      await sql`create or replace function ${n}() returns trigger language plpgsql as $$
        begin ${statements}; return null; end $$`.execute(db);
    }
  }
}

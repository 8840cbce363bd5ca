import { sql, SqliteAdapter, type Kysely } from 'kysely';

// Frozen: a hashtag that is written with the meaning "pain point" already set files its posts.
//
// Migrations 0020 and 0022 file a post when it is tagged with a hashtag that has the meaning,
// and every post of a hashtag when the hashtag is given the meaning later. A hashtag row written
// with its meaning after its posts (the seed writes hashtags that way) filed nothing: a seeded
// organisation had no pain points. This adds the trigger for that path, as `meaning_posts`
// (0021) has, and files the posts such hashtags carry now.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
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
  if (sqlite) {
    await sql`create trigger pain_points_new_tag after insert on hashtags
      when new.meaning = 'pain_point' begin ${copy('ph.tag = new.tag')}; end`.execute(db);
  } else {
    await sql`create function pain_points_new_tag() returns trigger language plpgsql as $$
      begin ${copy('ph.tag = new.tag')}; return null; end $$`.execute(db);
    await sql`create trigger pain_points_new_tag after insert on hashtags for each row
      when (new.meaning = 'pain_point') execute function pain_points_new_tag()`.execute(db);
  }
  // Posts whose hashtag was written with the meaning before this migration.
  await copy('true').execute(db);
}

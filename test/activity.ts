import type { Db } from '../src/db/connect.ts';

type Counts = 'visited' | 'posts' | 'comments' | 'reactions' | 'documents' | 'downloads';

/** Writes a person's activity of a day directly (zeros unless given), for analytics fixtures. */
export function activityRow(
  db: Db,
  user: { id: string },
  day: string,
  fields: Partial<Record<Counts, number>>,
  visited = 0,
) {
  return db
    .insertInto('activity_days')
    .values({
      user_id: user.id,
      day,
      visited,
      posts: 0,
      comments: 0,
      reactions: 0,
      documents: 0,
      downloads: 0,
      ...fields,
    })
    .execute();
}

import type { Kysely } from 'kysely';

// Frozen: what the analytics dashboards read, kept so that they stay within their budget on a
// large organisation.
//
// `pain_points_open_reporters`: the open pain points per department and reporter (the content
// level) in the order they are grouped, with the status and the group to filter on, so that
// the 75,000 open pain points of the large seed are counted from this index alone.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('pain_points_open_reporters')
    .on('pain_points')
    .columns(['department', 'author_id', 'anonymous', 'status', 'group_id'])
    .execute();
}

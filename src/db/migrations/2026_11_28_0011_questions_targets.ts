import type { Kysely } from 'kysely';

// Frozen: targets for a first answer, and the overdue notice. A group's owners may set how
// many hours a question in their group may wait for a first answer (no row: the default);
// org-wide questions use an org setting. `overdue_notified_at` records that the owners (or the
// admins) were told that an open question passed its target, so they are told once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('question_targets')
    .addColumn('group_id', 'text', (c) =>
      c.primaryKey().references('groups.id').onDelete('cascade'),
    )
    .addColumn('target_hours', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('questions').addColumn('overdue_notified_at', 'text').execute();
}

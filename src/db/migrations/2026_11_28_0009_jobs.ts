import { sql, type Kysely } from 'kysely';

// Frozen: background jobs, polled by every app node (src/jobs). A job is claimed by setting
// `locked_until` (a lease: a node that dies mid-job frees it when the lease ends); done jobs are
// deleted; a job that failed its last attempt keeps its row with `failed_at` and `last_error`.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('failed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('key', 'text')
    .execute();
  // Due jobs, soonest first, among those still to run.
  await db.schema
    .createIndex('jobs_due')
    .on('jobs')
    .columns(['run_at'])
    .where(sql.ref('failed_at'), 'is', null)
    .execute();
  // At most one waiting or running job per key; failed ones keep theirs without blocking.
  await db.schema
    .createIndex('jobs_key')
    .on('jobs')
    .column('key')
    .unique()
    .where(sql.ref('failed_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}

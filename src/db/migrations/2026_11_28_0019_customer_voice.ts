import type { Kysely } from 'kysely';

// Frozen: customer voice. Customers, the dimensions they are scored on with a standard each
// (target and tolerance), evaluation rounds, one evaluation per customer and round with a score
// per dimension, and read tokens for the embeddable satisfaction widget.
//
// A dimension an admin removes is archived, never deleted: its scores stay part of the rounds
// they were given in. The five default dimensions carry a `code` and an empty name, so each
// reader sees its name in their own language until an admin renames it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    /** Lower-cased, accent-folded name: unique, and the order of lists. */
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('industry', 'text', (c) => c.notNull().defaultTo(''))
    /** The account owner. */
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    /** 'active' | 'prospect' | 'former' */
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customers_owner').on('customers').columns(['owner_id']).execute();

  await db.schema
    .createTable('satisfaction_dimensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** 'overall', 'quality', … for the defaults; null for dimensions an admin added. */
    .addColumn('code', 'text', (c) => c.unique())
    /** '' : the default name for `code`, in the reader's language. */
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull())
    /** Scores are 1–10; green at or above target, amber below it within tolerance, red below. */
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('tolerance', 'double precision', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('satisfaction_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** For example "H1 2026". */
    .addColumn('name', 'text', (c) => c.notNull().unique())
    /** YYYY-MM-DD; rounds are ordered by it. */
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_post_id', 'text', (c) => c.references('posts.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('satisfaction_rounds_start')
    .on('satisfaction_rounds')
    .columns(['starts_on'])
    .execute();

  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) =>
      c.notNull().references('satisfaction_rounds.id').onDelete('cascade'),
    )
    .addColumn('customer_id', 'text', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    /** The day of the conversation, YYYY-MM-DD. */
    .addColumn('conversation_date', 'text', (c) => c.notNull())
    /** Confidential: shown to those who may edit, published only when chosen. */
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('evaluations_round_customer', ['round_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('evaluations_customer')
    .on('evaluations')
    .columns(['customer_id', 'round_id'])
    .execute();

  await db.schema
    .createTable('evaluation_scores')
    .addColumn('evaluation_id', 'text', (c) =>
      c.notNull().references('evaluations.id').onDelete('cascade'),
    )
    .addColumn('dimension_id', 'text', (c) =>
      c.notNull().references('satisfaction_dimensions.id').onDelete('cascade'),
    )
    .addColumn('score', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('evaluation_scores_pk', ['evaluation_id', 'dimension_id'])
    .execute();
  await db.schema
    .createIndex('evaluation_scores_dimension')
    .on('evaluation_scores')
    .columns(['dimension_id'])
    .execute();

  await db.schema
    .createTable('widget_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** What it is for, e.g. "Intranet start page". */
    .addColumn('name', 'text', (c) => c.notNull())
    /** SHA-256 of the token, hex; the token itself is shown once. */
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    /** 'satisfaction' */
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  const now = new Date().toISOString();
  const defaults = ['overall', 'quality', 'communication', 'reliability', 'value'];
  await db
    .insertInto('satisfaction_dimensions')
    .values(
      defaults.map((code, i) => ({
        id: `dim_${code}`,
        code,
        name: '',
        position: i + 1,
        target: 8,
        tolerance: 1,
        archived_at: null,
        created_at: now,
      })),
    )
    .execute();
}

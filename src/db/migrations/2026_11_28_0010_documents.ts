import type { Kysely } from 'kysely';

// Frozen: documents on shelves (a group's, or a person's own), their versions with the text
// extracted from them, their hashtags, where they were reused, and posts that attach them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.references('groups.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('current_version_id', 'text')
    .addColumn('version_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('download_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reuse_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The shelf's orders (newest is the id), per group and overall.
  await db.schema
    .createIndex('documents_group')
    .on('documents')
    .columns(['group_id', 'id'])
    .execute();
  await db.schema
    .createIndex('documents_reuse')
    .on('documents')
    .columns(['reuse_count', 'id'])
    .execute();
  await db.schema
    .createIndex('documents_downloads')
    .on('documents')
    .columns(['download_count', 'id'])
    .execute();
  await db.schema.createIndex('documents_owner').on('documents').columns(['owner_id']).execute();

  await db.schema
    .createTable('document_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) =>
      c.notNull().references('documents.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('change_note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('download_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extraction_status', 'text', (c) => c.notNull())
    .addColumn('extraction_error', 'text')
    .addColumn('extracted_text', 'text')
    .addUniqueConstraint('document_versions_number', ['document_id', 'number'])
    .execute();

  await db.schema
    .createTable('document_hashtags')
    .addColumn('document_id', 'text', (c) =>
      c.notNull().references('documents.id').onDelete('cascade'),
    )
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addPrimaryKeyConstraint('document_hashtags_pk', ['document_id', 'tag'])
    .execute();
  await db.schema
    .createIndex('document_hashtags_tag')
    .on('document_hashtags')
    .columns(['tag', 'document_id'])
    .execute();

  // One row per reuse: `user:<id>` (a download from outside the author's teams) or
  // `post:<id>` (attached to a post in another group); each counts once.
  await db.schema
    .createTable('document_reuses')
    .addColumn('document_id', 'text', (c) =>
      c.notNull().references('documents.id').onDelete('cascade'),
    )
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_reuses_pk', ['document_id', 'source'])
    .execute();

  await db.schema
    .createTable('post_documents')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('document_id', 'text', (c) =>
      c.notNull().references('documents.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('post_documents_pk', ['post_id', 'document_id'])
    .execute();
  await db.schema
    .createIndex('post_documents_document')
    .on('post_documents')
    .columns(['document_id', 'post_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'post_documents',
    'document_reuses',
    'document_hashtags',
    'document_versions',
    'documents',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}

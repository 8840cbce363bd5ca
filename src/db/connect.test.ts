import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.ts';
import { connect, type Db } from './connect.ts';

describe('PostgreSQL sessions', () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    db = connect({ databaseUrl: database.url, dialect: 'postgres' });
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('run without JIT compilation, unless the URL says otherwise', async () => {
    const { rows } = await sql<{ jit: string }>`show jit`.execute(db);
    expect(rows[0]!.jit).toBe('off');
    const url = new URL(database.url);
    url.searchParams.set('options', '-c jit=on');
    const other = connect({ databaseUrl: url.toString(), dialect: 'postgres' });
    try {
      const shown = await sql<{ jit: string }>`show jit`.execute(other);
      expect(shown.rows[0]!.jit).toBe('on');
    } finally {
      await other.destroy();
    }
  });
});

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

  it('run without JIT compilation', async () => {
    const { rows } = await sql<{ jit: string }>`show jit`.execute(db);
    expect(rows[0]!.jit).toBe('off');
    // Every connection of the pool, not only the first.
    const shown = await Promise.all(
      Array.from({ length: 4 }, () =>
        db
          .connection()
          .execute(async (c) => (await sql<{ jit: string }>`show jit`.execute(c)).rows[0]!.jit),
      ),
    );
    expect(shown).toEqual(['off', 'off', 'off', 'off']);
  });

  it('write doubles as text that reads back exactly', async () => {
    const { rows } = await sql<{
      t: string;
    }>`select cast(0.1::float8 + 0.2::float8 as text) as t`.execute(db);
    expect(Number(rows[0]!.t)).toBe(0.1 + 0.2);
    const { rows: setting } = await sql<{
      extra_float_digits: string;
    }>`show extra_float_digits`.execute(db);
    expect(setting[0]!.extra_float_digits).toBe('3');
  });
});

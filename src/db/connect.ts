import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDatabase,
} from 'kysely';
import type PG from 'pg';
import type { Config } from '../config.ts';
import type { Database } from './database.ts';
import { lazyRequire } from '../lib/lazy.ts';

export type Db = Kysely<Database>;

/** Whether the database is SQLite (for the few query shapes its planner needs told). */
export function isSqlite(db: Db): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** Opens the database named by the config. SQLite gets the durability settings of "Safety defaults". */
export function connect(config: Pick<Config, 'databaseUrl' | 'dialect'>): Db {
  if (config.dialect === 'postgres') {
    const pg = lazyRequire<typeof PG>('pg');
    // COUNT(*) and SUM() come back as int8; parse them as numbers (counts never pass 2^53).
    pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    // An idle connection the server drops (restart, failover) must not crash the process:
    // the pool replaces it on the next query.
    pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
    return new Kysely<Database>({
      dialect: new PostgresDialect({
        pool,
        // Each new connection: JIT compilation off, since the planner's estimates for dashboard
        // queries over large tables made PostgreSQL compile them, 250 ms each, for queries that
        // run in 10 ms (bench/RESULTS.md, users dashboard); and numbers written as text exactly
        // (the shortest text that reads back as the same double, whatever a role's setting),
        // as analytics hands some over as text. Set here rather than as startup options, which
        // PgBouncer refuses and which would replace PGOPTIONS; a server that does not know a
        // setting (JIT before PostgreSQL 11) refuses it, which changes nothing there.
        onCreateConnection: async (connection) => {
          for (const setting of ['set jit = off', 'set extra_float_digits = 3']) {
            await connection.executeQuery(CompiledQuery.raw(setting)).catch(() => undefined);
          }
        },
      }),
    });
  }
  const file = config.databaseUrl.slice('sqlite:'.length);
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: reusingStatements(sqlite) }),
  });
}

/**
 * The connection with its prepared statements kept, by SQL text (the least recently used go
 * past 500). Kysely prepares every query anew, which was a tenth of a page's CPU time under
 * load (bench/RESULTS.md); a statement is safe to reuse because Kysely runs one query at a
 * time on the connection, and SQLite re-prepares it by itself after a schema change.
 */
export function reusingStatements(sqlite: SQLite.Database, size = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

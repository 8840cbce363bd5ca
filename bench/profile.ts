// Why a page takes the time it takes: the app in this process on the benchmark's database,
// every SQL query of one request with its time, and SQLite's plan for the slowest ones.
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildApp, type Deps } from '../src/http/app.ts';
import { memoryRateLimiter } from '../src/http/rate-limit.ts';
import { systemClock } from '../src/lib/time.ts';
import { createMailer } from '../src/mail/mailer.ts';
import { createBus } from '../src/realtime/bus.ts';
import { localStorage } from '../src/storage/storage.ts';
import { median } from './lib.ts';

export interface QueryTrace {
  sql: string;
  params: readonly unknown[];
  ms: number;
}

export interface PageProfile {
  label: string;
  method: string;
  path: string;
  status: number;
  /** One request at a time, in this process: median over the repetitions. */
  medianMs: number;
  medianMsUncompressed: number;
  bytes: number;
  queries: QueryTrace[];
  /** Queries run after the response (event handlers: notifications). */
  laterQueries: QueryTrace[];
  plans: { sql: string; ms: number; plan: string }[];
}

export interface ProfileReport {
  pages: PageProfile[];
  analyzed: { label: string; medianMs: number; plans: { sql: string; plan: string }[] }[];
  hasStats: boolean;
}

export interface ProfileTarget {
  label: string;
  method?: 'GET' | 'POST';
  path: string;
  /** JSON body for POST; sent with the bearer token. */
  body?: () => unknown;
  /** How many plans to show (the slowest queries first). */
  explain?: number;
}

function planText(db: SQLite.Database, sql: string, params: readonly unknown[]): string {
  const rows = db.prepare(`explain query plan ${sql}`).all(...(params as unknown[])) as {
    id: number;
    parent: number;
    detail: string;
  }[];
  const depth = new Map<number, number>([[0, -1]]);
  return rows
    .map((r) => {
      const d = (depth.get(r.parent) ?? -1) + 1;
      depth.set(r.id, d);
      return `${'  '.repeat(d)}${r.detail}`;
    })
    .join('\n');
}

/** Runs each target in-process (fastify inject) signed in as `email`, tracing every query. */
export async function profile(opts: {
  dataDir: string;
  email: string;
  password: string;
  token: string;
  targets: ProfileTarget[];
  repeat?: number;
}): Promise<ProfileReport> {
  const file = path.join(opts.dataDir, 'kantine.db');
  const config = loadConfig({
    DATA_DIR: opts.dataDir,
    DATABASE_URL: `sqlite:${file}`,
    LOG_LEVEL: 'silent',
  });
  const sqlite = new SQLite(file);
  // As src/db/connect.ts opens it.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  let trace: QueryTrace[] | null = null;
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (e) => {
      if (trace && e.level === 'query') {
        trace.push({ sql: e.query.sql, params: e.query.parameters, ms: e.queryDurationMillis });
      }
    },
  });
  // As `kantine start` does: the seed may predate the newest migrations.
  await migrateToLatest(db);
  const log = pino({ level: 'silent' });
  const deps: Deps = {
    config,
    db,
    clock: systemClock,
    limiter: memoryRateLimiter(),
    mailer: createMailer({ smtpUrl: null, from: config.mailFrom, outboxDir: os.tmpdir(), log }),
    storage: localStorage(path.join(opts.dataDir, 'files')),
    bus: createBus({ redisUrl: null, log }),
  };
  const app = await buildApp(deps);
  await app.ready();
  const created: string[] = [];
  try {
    // Sign in through the form, as a browser does.
    const jar: Record<string, string> = {};
    const keep = (res: { cookies: { name: string; value: string }[] }) => {
      for (const c of res.cookies) jar[c.name] = c.value;
    };
    const form = await app.inject({ method: 'GET', url: '/login' });
    keep(form);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const signed = await app.inject({
      method: 'POST',
      url: '/login',
      cookies: jar,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: csrf,
        email: opts.email,
        password: opts.password,
      }).toString(),
    });
    keep(signed);
    if (signed.statusCode !== 303)
      throw new Error(`profile: sign-in failed (${signed.statusCode})`);

    const send = async (t: ProfileTarget, encoding: string) => {
      const post = t.method === 'POST';
      const res = await app.inject({
        method: t.method ?? 'GET',
        url: t.path,
        cookies: post ? {} : jar,
        headers: {
          'accept-encoding': encoding,
          'accept-language': 'de',
          ...(post
            ? { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' }
            : {}),
        },
        ...(post ? { payload: JSON.stringify(t.body?.()) } : {}),
      });
      if (post && res.statusCode === 201) created.push((res.json() as { id: string }).id);
      return res;
    };
    /** Median of n requests, or of as many as fit in 15 s (at least 3) when a page is slow. */
    const time = async (t: ProfileTarget, encoding: string, n: number) => {
      const ms: number[] = [];
      const until = performance.now() + 15_000;
      for (let i = 0; i < n && (i < 3 || performance.now() < until); i++) {
        const start = performance.now();
        await send(t, encoding);
        ms.push(performance.now() - start);
      }
      return median(ms);
    };
    const repeat = opts.repeat ?? 30;
    const pages: PageProfile[] = [];
    for (const t of opts.targets) {
      await time(t, 'br, gzip', 1);
      trace = [];
      const res = await send(t, 'br, gzip');
      const queries = trace;
      trace = [];
      await new Promise((resolve) => setTimeout(resolve, 300));
      const laterQueries = trace;
      trace = null;
      const medianMs = await time(t, 'br, gzip', repeat);
      const medianMsUncompressed = await time(t, 'identity', repeat);
      const slowest = [...queries].sort((a, b) => b.ms - a.ms).slice(0, t.explain ?? 0);
      pages.push({
        label: t.label,
        method: t.method ?? 'GET',
        path: t.path,
        status: res.statusCode,
        medianMs,
        medianMsUncompressed,
        bytes: res.rawPayload.length,
        queries,
        laterQueries,
        plans: slowest.map((q) => ({
          sql: q.sql,
          ms: q.ms,
          plan: planText(sqlite, q.sql, q.params),
        })),
      });
    }

    // What statistics would change: ANALYZE inside a transaction that is rolled back, so the
    // database stays as the seed left it (Kantine itself never runs ANALYZE).
    const hasStats =
      sqlite.prepare("select 1 from sqlite_master where name = 'sqlite_stat1'").get() !== undefined;
    const analyzed: ProfileReport['analyzed'] = [];
    if (!hasStats) {
      sqlite.exec('begin');
      try {
        sqlite.pragma('analysis_limit = 1000');
        sqlite.exec('analyze');
        for (const t of opts.targets) {
          if (t.method === 'POST' || !t.explain) continue;
          trace = [];
          await send(t, 'br, gzip');
          const queries = trace;
          trace = null;
          const slowest = [...queries].sort((a, b) => b.ms - a.ms).slice(0, t.explain);
          analyzed.push({
            label: t.label,
            medianMs: await time(t, 'br, gzip', repeat),
            plans: slowest.map((q) => ({ sql: q.sql, plan: planText(sqlite, q.sql, q.params) })),
          });
        }
      } finally {
        sqlite.exec('rollback');
      }
    }
    return { pages, analyzed, hasStats };
  } finally {
    for (const id of created) await db.deleteFrom('posts').where('id', '=', id).execute();
    await app.close();
    await deps.bus.close();
    await db.destroy();
  }
}

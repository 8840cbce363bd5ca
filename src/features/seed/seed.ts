import { countUsers } from '../accounts/users.queries.ts';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import type PG from 'pg';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { setSetting } from '../admin/settings.ts';
import { rebuildSearchIndex } from '../search/index.ts';
import { SEED_COMPANY } from './seed.data.ts';
import {
  COLUMNS,
  OrgGenerator,
  TABLE_ORDER,
  type Row,
  type Rows,
  type Scale,
  type SeedSummary,
  type Table,
} from './seed.generate.ts';

import type { WorkerInput, WorkerMessage } from './seed.worker.ts';
import { lazyRequire } from '../../lib/lazy.ts';
import { DOCUMENTS_PER_SCALE, seedDocuments } from './seed.documents.ts';

export type { Scale } from './seed.generate.ts';

export const SCALES = {
  small: {
    people: 200,
    groups: 20,
    posts: 5_000,
    interactions: 15_000,
    tags: 300,
    announcements: 10,
  },
  medium: {
    people: 2_000,
    groups: 100,
    posts: 100_000,
    interactions: 300_000,
    tags: 1_000,
    announcements: 50,
  },
  large: {
    people: 10_000,
    groups: 500,
    posts: 1_000_000,
    interactions: 3_000_000,
    tags: 2_000,
    announcements: 100,
  },
} as const satisfies Record<string, Scale>;

export type ScaleName = keyof typeof SCALES;
export const isScaleName = (s: string): s is ScaleName => Object.hasOwn(SCALES, s);

/** Everyone in a seeded organisation signs in with this password. */
export const SEED_PASSWORD = 'kantine-seed-2026';

/** Rows per INSERT statement, and rows per transaction. */
const BATCH = 500;
const ROWS_PER_TRANSACTION = 50_000;

/** What `kantine seed` records in the settings, for people and for the benchmark. */
export interface SeedInfo extends SeedSummary {
  scale: string;
  seconds: number;
  rows: Partial<Record<Table, number>>;
  at: string;
}

/** Why the database cannot be seeded, or null when it is empty. */
export async function seedRefusal(deps: Pick<Deps, 'db' | 'config'>): Promise<string | null> {
  const n = await countUsers(deps.db);
  if (n === 0) return null;
  const where =
    deps.config.dialect === 'postgres'
      ? 'The database of DATABASE_URL'
      : `${deps.config.dataDir} (${deps.config.databaseUrl})`;
  return `${where} already holds an organisation (${n} ${n === 1 ? 'person' : 'people'}); seed only fills an empty database. Use a fresh DATA_DIR (or database) for it.`;
}

/** Writes rows in multi-row INSERT statements inside long transactions. */
interface Writer {
  write(table: Table, rows: readonly Row[]): Promise<void>;
  /** Commits what was written and begins the next transaction. */
  commit(): Promise<void>;
  /** Commits (or rolls back after a failure) and closes the connection. */
  close(ok: boolean): Promise<void>;
}

const rowsPerStatement = (table: Table) =>
  Math.min(BATCH, Math.floor(30_000 / COLUMNS[table].length));

function insertSql(table: Table, n: number, placeholder: (i: number) => string): string {
  const cols = COLUMNS[table];
  const values: string[] = [];
  for (let r = 0, k = 0; r < n; r++) {
    const row: string[] = [];
    for (let c = 0; c < cols.length; c++) row.push(placeholder(++k));
    values.push(`(${row.join(',')})`);
  }
  return `insert into "${table}" (${cols.map((c) => `"${c}"`).join(',')}) values ${values.join(',')}`;
}

/**
 * SQLite through its own connection (better-sqlite3, synchronous), with prepared statements.
 * WAL is kept. synchronous = OFF for this connection while it writes: no fsync per commit or
 * checkpoint. Only a crash of the machine during the seed can damage the file, and a seed cut
 * short is redone on a fresh DATA_DIR anyway; the final checkpoint runs under FULL, so the
 * finished seed is durable. The server's own connection keeps the settings of connect.ts.
 */
function sqliteWriter(file: string): Writer {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  const full = new Map<Table, SQLite.Statement>();
  db.exec('begin');
  return {
    async write(table, rows) {
      const per = rowsPerStatement(table);
      let stmt = full.get(table);
      if (!stmt) full.set(table, (stmt = db.prepare(insertSql(table, per, () => '?'))));
      let i = 0;
      for (; i + per <= rows.length; i += per) stmt.run(rows.slice(i, i + per).flat());
      if (i < rows.length) {
        const rest = rows.slice(i);
        db.prepare(insertSql(table, rest.length, () => '?')).run(rest.flat());
      }
    },
    async commit() {
      db.exec('commit');
      db.exec('begin');
    },
    async close(ok) {
      try {
        db.exec(ok ? 'commit' : 'rollback');
        // Fold the write-ahead log into the database file, so the server starts on a small WAL,
        // and make it durable: the checkpoint syncs the file under synchronous = FULL.
        if (ok) {
          db.pragma('synchronous = FULL');
          db.pragma('wal_checkpoint(TRUNCATE)');
        }
      } finally {
        db.close();
      }
    },
  };
}

/**
 * PostgreSQL through its own client: multi-row INSERTs queued on the connection (several in
 * flight while the next rows are generated), synchronous_commit off for this session only
 * (a crash loses the last commits, never consistency). ANALYZE at the end, as autovacuum would.
 */
async function postgresWriter(url: string): Promise<Writer> {
  const pg = lazyRequire<typeof PG>('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('set synchronous_commit = off');
  await client.query('begin');
  let inFlight: Promise<unknown>[] = [];
  let failure: unknown = null;
  const send = async (text: string, values: unknown[]) => {
    const p = client.query(text, values).catch((err: unknown) => {
      failure ??= err;
    });
    inFlight.push(p);
    if (inFlight.length >= 8) await drain();
  };
  const drain = async () => {
    const all = inFlight;
    inFlight = [];
    await Promise.all(all);
    if (failure) throw failure;
  };
  const full = new Map<Table, string>();
  return {
    async write(table, rows) {
      const per = rowsPerStatement(table);
      let text = full.get(table);
      if (!text) full.set(table, (text = insertSql(table, per, (k) => `$${k}`)));
      let i = 0;
      for (; i + per <= rows.length; i += per) await send(text, rows.slice(i, i + per).flat());
      if (i < rows.length) {
        const rest = rows.slice(i);
        await send(
          insertSql(table, rest.length, (k) => `$${k}`),
          rest.flat(),
        );
      }
    },
    async commit() {
      await drain();
      await client.query('commit');
      await client.query('begin');
    },
    async close(ok) {
      try {
        await drain().catch((err: unknown) => {
          ok = false;
          throw err;
        });
        await client.query(ok ? 'commit' : 'rollback');
        if (ok) await client.query('analyze');
      } finally {
        await client.end();
      }
    },
  };
}

function openWriter(config: Pick<Config, 'databaseUrl' | 'dialect'>): Promise<Writer> {
  return config.dialect === 'postgres'
    ? postgresWriter(config.databaseUrl)
    : Promise.resolve(sqliteWriter(config.databaseUrl.slice('sqlite:'.length)));
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface Batch {
  rows: Rows;
  /** Posts generated so far, for the progress display; null before and after the posts. */
  done: number | null;
}

interface Source {
  batches: AsyncIterable<Batch>;
  summary(): SeedSummary;
}

/** Generates on this thread (used where worker threads cannot load TypeScript). */
function inline(input: Omit<WorkerInput, 'queued'>): Source {
  const gen = new OrgGenerator(input.scale, { ...input, now: new Date(input.now) });
  async function* batches(): AsyncGenerator<Batch> {
    for (const rows of gen.setup()) yield { rows, done: null };
    yield* gen.posts();
    yield { rows: gen.finish(), done: null };
  }
  return { batches: batches(), summary: () => gen.getSummary() };
}

/** Generates on a worker thread, so generating and writing share the machine's cores. */
function threaded(input: Omit<WorkerInput, 'queued'>): Source {
  const queued = new Int32Array(new SharedArrayBuffer(4));
  let summary: SeedSummary | null = null;
  async function* batches(): AsyncGenerator<Batch> {
    // The worker loads its TypeScript through tsx, as bin/kantine.js does for the main thread.
    const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const entry = JSON.stringify(new URL('./seed.worker.ts', import.meta.url).href);
    const worker = new Worker(
      `import(${tsx}).then((m) => { m.register(); return import(${entry}); })` +
        '.catch((err) => process.nextTick(() => { throw err; }));',
      { eval: true, workerData: { ...input, queued } satisfies WorkerInput },
    );
    const inbox: WorkerMessage[] = [];
    let failure: Error | null = null;
    let exited = false;
    let wake: (() => void) | null = null;
    const poke = () => {
      wake?.();
      wake = null;
    };
    worker.on('message', (m: WorkerMessage) => {
      inbox.push(m);
      poke();
    });
    worker.on('error', (err) => {
      failure = err;
      poke();
    });
    worker.on('exit', (code) => {
      exited = true;
      if (code !== 0) failure ??= new Error(`the seed's worker thread exited with code ${code}`);
      poke();
    });
    try {
      for (;;) {
        const m = inbox.shift();
        if (m) {
          Atomics.sub(queued, 0, 1);
          Atomics.notify(queued, 0);
          if (m.type === 'end') {
            summary = m.summary;
            return;
          }
          yield { rows: m.rows, done: m.done };
          continue;
        }
        if (failure) throw failure;
        if (exited) throw new Error("the seed's worker thread ended early");
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      await worker.terminate();
    }
  }
  return {
    batches: batches(),
    summary: () => {
      if (!summary) throw new Error('the worker sent no summary');
      return summary;
    },
  };
}

/**
 * Generates an organisation of the given scale into an empty database: people (one password
 * for all), groups with members, follows, and two years of posts with hashtags, mentions,
 * comments, reactions and recent notifications. Progress goes to `progress` (a line per 5 %).
 */
export async function seedOrganisation(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  scaleIn: ScaleName | Scale,
  progress: (line: string) => void = () => {},
  options: { thread?: boolean } = {},
): Promise<SeedInfo> {
  const scale = typeof scaleIn === 'string' ? SCALES[scaleIn] : scaleIn;
  const started = performance.now();
  const now = deps.clock();
  // One hash for everyone: hashing 10,000 passwords at full cost would take an hour.
  const passwordHash = await hashPassword(SEED_PASSWORD, deps.config.passwordCost);
  const input = { scale, now: now.getTime(), passwordHash, timeZone: deps.config.timeZone };
  const source = options.thread === false ? inline(input) : threaded(input);
  const writer = await openWriter(deps.config);
  const counts: Partial<Record<Table, number>> = {};
  let total = 0;
  let sinceCommit = 0;
  const write = async (rows: Rows) => {
    for (const table of TABLE_ORDER) {
      const r = rows[table];
      if (!r || r.length === 0) continue;
      await writer.write(table, r);
      counts[table] = (counts[table] ?? 0) + r.length;
      total += r.length;
      sinceCommit += r.length;
    }
    if (sinceCommit >= ROWS_PER_TRANSACTION) {
      await writer.commit();
      sinceCommit = 0;
    }
  };
  let ok = false;
  try {
    let nextPercent = 5;
    let lastAt = performance.now();
    let lastTotal = total;
    for await (const { rows, done } of source.batches) {
      await write(rows);
      if (done === null) continue;
      const percent = Math.floor((done / scale.posts) * 100);
      if (percent >= nextPercent) {
        const t = performance.now();
        const rate = ((total - lastTotal) / (t - lastAt)) * 1000;
        progress(
          `seed: ${String(percent).padStart(3)} % · ${fmt(done)} posts · ${fmt(total)} rows · ` +
            `${fmt(rate)} rows/s · ${((t - started) / 1000).toFixed(1)} s`,
        );
        lastAt = t;
        lastTotal = total;
        nextPercent = Math.floor(percent / 5) * 5 + 5;
      }
    }
    ok = true;
  } finally {
    await writer.close(ok);
  }
  // Documents with versions and extracted text (no files), once people and groups are in.
  const documents = await seedDocuments(
    deps.db,
    typeof scaleIn === 'string' ? DOCUMENTS_PER_SCALE[scaleIn]! : Math.round(scale.posts / 50),
    now,
    progress,
  );
  Object.assign(counts, documents);
  // The search index, oldest first, in one pass (what the triggers queued is dropped).
  const indexStarted = performance.now();
  const indexed = await rebuildSearchIndex(deps.db, (done, all) => {
    const s = (performance.now() - indexStarted) / 1000;
    progress(
      `seed: search index ${String(Math.floor((done / all) * 100)).padStart(3)} % · ` +
        `${fmt(done)} items · ${fmt(done / s)} items/s · ${s.toFixed(1)} s`,
    );
  });
  Object.assign(counts, { search_items: indexed });
  const info: SeedInfo = {
    scale: typeof scaleIn === 'string' ? scaleIn : 'custom',
    seconds: Math.round((performance.now() - started) / 100) / 10,
    rows: counts,
    at: now.toISOString(),
    ...source.summary(),
  };
  await setSetting(deps.db, 'org.name', SEED_COMPANY.name, now);
  await setSetting(deps.db, 'seed', info, now);
  return info;
}

/** Reads what `kantine seed` recorded, or null when the database was not seeded. */
export async function seedInfo(db: Db): Promise<SeedInfo | null> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'seed')
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as SeedInfo) : null;
}

/** The command's report: totals, time, and how to sign in. */
export function seedReport(info: SeedInfo, baseUrl: string): string {
  const rows = Object.entries(info.rows)
    .map(([t, n]) => `  ${t.padEnd(16)} ${fmt(n).padStart(11)}`)
    .join('\n');
  const sum = Object.values(info.rows).reduce((a, b) => a + b, 0);
  return [
    `Seeded ${SEED_COMPANY.name} (${info.scale}): ${fmt(sum)} rows in ${info.seconds} s ` +
      `(${fmt(sum / Math.max(info.seconds, 0.1))} rows/s).`,
    rows,
    '',
    `Open ${baseUrl} and sign in:`,
    `  as ${info.admin.name} (admin): ${info.admin.email}`,
    `  as ${info.member.name} (a typical member, ${info.member.groups} groups): ${info.member.email}`,
    `  password for everyone: ${SEED_PASSWORD}`,
  ].join('\n');
}

// What the benchmark's scripts share: the server process, signing in, the machine, statistics.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { SETTINGS } from '../src/config.ts';
import { connect } from '../src/db/connect.ts';
import type { SeedInfo } from '../src/features/seed/seed.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'kantine.js');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * The database a benchmark runs on: BENCH_DATABASE_URL when set (a PostgreSQL database the
 * seed was written into, for `bench:analytics`), else the SQLite file in the data directory.
 */
export function benchDatabaseUrl(dataDir: string): string {
  return process.env.BENCH_DATABASE_URL || `sqlite:${path.join(dataDir, 'kantine.db')}`;
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:/.test(url);

/** The environment for a Kantine process on `dataDir`: only the settings given, none inherited. */
export function kantineEnv(dataDir: string, settings: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const s of SETTINGS) delete env[s.env];
  return {
    ...env,
    DATA_DIR: dataDir,
    DATABASE_URL: benchDatabaseUrl(dataDir),
    ...settings,
  };
}

/** Runs `node bin/kantine.js …` to its end; returns stdout, fails with stderr. */
export function kantine(args: string[], dataDir: string): string {
  return execFileSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: kantineEnv(dataDir, { LOG_LEVEL: 'warn' }),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address() as net.AddressInfo;
  srv.close();
  await once(srv, 'close');
  return port;
}

export interface Server {
  url: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

/** `node bin/kantine.js start` on a free port, LOG_LEVEL=warn, ready when /readyz answers. */
export async function startServer(
  dataDir: string,
  opts: { nodeArgs?: string[] } = {},
): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [...(opts.nodeArgs ?? []), BIN, 'start'], {
    cwd: ROOT,
    env: kantineEnv(dataDir, {
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: url,
      LOG_LEVEL: 'warn',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (output += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (output += s));
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Kantine exited before it was ready:\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Kantine was not ready within 120 s:\n${output}`);
    }
    await sleep(200);
  }
  return { url, pid: child.pid!, output: () => output, stop };
}

/** Cookies as a browser keeps them: name → value. */
export type Jar = Map<string, string>;

export function keepCookies(res: Response, jar: Jar): void {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    if (value === '' || /max-age=0|expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name);
    else jar.set(name, value);
  }
}

export const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in through the sign-in form (CSRF token and all); returns the browser's cookies. */
export async function signIn(url: string, email: string, password: string): Promise<Jar> {
  const jar: Jar = new Map();
  const form = await fetch(`${url}/login`, { redirect: 'manual' });
  keepCookies(form, jar);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!csrf) throw new Error('no CSRF token on /login');
  const res = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookieHeader(jar),
    },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  });
  keepCookies(res, jar);
  if (res.status !== 303 || !jar.has('kantine_session')) {
    throw new Error(`signing in as ${email} failed: ${res.status} ${await res.text()}`);
  }
  return jar;
}

/** The server's resident memory in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : 0;
}

/** Samples a process's RSS every 200 ms; `stop` returns the largest value seen. */
export function watchRss(pid: number): { stop(): number } {
  let max = 0;
  const sample = () => {
    try {
      max = Math.max(max, rssMb(pid));
    } catch {
      // the process has gone
    }
  };
  sample();
  const timer = setInterval(sample, 200);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return max;
    },
  };
}

export function sqliteVersion(): string {
  const db = new SQLite(':memory:');
  try {
    return (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
  } finally {
    db.close();
  }
}

export function chromiumVersion(): string {
  try {
    return execFileSync('chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'not found';
  }
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: `${cpus.length} × ${cpus[0]?.model.trim() ?? '?'}`,
    memory: `${fmt(os.totalmem() / 2 ** 30, 1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    sqlite: sqliteVersion(),
    chromium: chromiumVersion(),
  };
}

/**
 * What loading a module costs in resident memory: a fresh node imports it alone (shared
 * dependencies count for each; the figures overlap).
 */
export function moduleWeights(modules: readonly string[]): { module: string; mb: number }[] {
  return modules.map((m) => {
    const code =
      `const before = process.memoryUsage().rss; const x = await import(${JSON.stringify(m)});` +
      `if (typeof x.register === 'function') x.register();` +
      'console.log((process.memoryUsage().rss - before) / 1048576);';
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    return { module: m, mb: Number(out.trim()) };
  });
}

/** The median time of a one-row commit in WAL mode, as Kantine's connection makes it. */
export function commitMs(synchronous: 'FULL' | 'NORMAL'): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kantine-commit-'));
  const db = new SQLite(path.join(dir, 'commit.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.exec('create table t (id integer primary key, v text)');
    const insert = db.prepare('insert into t (v) values (?)');
    const ms: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      insert.run('x'.repeat(500));
      ms.push(performance.now() - t);
    }
    return median(ms);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The 1-minute load average: another busy process on the machine skews every figure. */
export const load = () => os.loadavg()[0]!;

/**
 * The seeded organisation in `dataDir` (what `kantine seed` recorded), seeding a large one first
 * when there is none. Shared by the benchmarks that reuse `npm run bench`'s seed.
 */
export async function seededOrganisation(
  dataDir: string,
  say: (s: string) => void,
): Promise<SeedInfo> {
  const dbFile = path.join(dataDir, 'kantine.db');
  const url = benchDatabaseUrl(dataDir);
  const read = async (): Promise<SeedInfo | null> => {
    if (isPostgresUrl(url)) {
      const db = connect({ databaseUrl: url, dialect: 'postgres' });
      try {
        const row = await db
          .selectFrom('settings')
          .select('value')
          .where('key', '=', 'seed')
          .executeTakeFirst()
          // A database not yet migrated has no settings table: nothing seeded.
          .catch(() => undefined);
        return row ? (JSON.parse(row.value) as SeedInfo) : null;
      } finally {
        await db.destroy();
      }
    }
    if (!existsSync(dbFile)) return null;
    const db = new SQLite(dbFile, { readonly: true });
    try {
      const row = db.prepare("select value from settings where key = 'seed'").get() as
        { value: string } | undefined;
      return row ? (JSON.parse(row.value) as SeedInfo) : null;
    } finally {
      db.close();
    }
  };
  const info = await read();
  if (info) return info;
  mkdirSync(dataDir, { recursive: true });
  say(`seeding large into ${isPostgresUrl(url) ? url : dataDir}`);
  const child = spawn(process.execPath, [BIN, 'seed', '--scale', 'large'], {
    cwd: ROOT,
    env: kantineEnv(dataDir, { LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`kantine seed failed (exit ${code})`);
  return (await read())!;
}

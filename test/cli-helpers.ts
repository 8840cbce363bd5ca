// Runs `node bin/kantine.js …` as a child process, the way an operator does.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect, type Db } from '../src/db/connect.ts';
import type { TestDatabase } from './db.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'kantine.js');

export type Env = Record<string, string>;

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  child: ChildProcess;
  readonly stdout: string;
  readonly stderr: string;
  /** Settles when the process has exited. */
  exited: Promise<CliResult>;
}

const running = new Set<ChildProcess>();

/** Starts the command line; the process is killed by `killAll` if still running. */
export function spawnCli(args: string[], env: Env): CliProcess {
  // Only the settings given, plus what node needs to run: nothing leaks in from the test runner.
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
  };
}

/** Runs a command to its end. */
export async function runCli(args: string[], env: Env, timeoutMs = 60_000): Promise<CliResult> {
  const p = spawnCli(args, env);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), timeoutMs);
  try {
    return await p.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** Kills every child still running and waits for them to go. */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = once(child, 'close');
      child.kill('SIGKILL');
      await gone;
    }),
  );
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The settings every command of a test runs with. */
export async function cliEnv(database: TestDatabase, extra: Env = {}): Promise<Env> {
  return {
    DATA_DIR: database.dataDir,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'warn',
    PASSWORD_COST: '10',
    NODE_ENV: 'test',
    PORT: String(await freePort()),
    ...extra,
  };
}

export const baseUrl = (env: Env): string => `http://127.0.0.1:${env.PORT}`;

/** Polls /readyz until it answers 200; fails early when the process exits first. */
export async function waitReady(p: CliProcess, env: Env, timeoutMs = 60_000): Promise<void> {
  let exited: CliResult | undefined;
  void p.exited.then((r) => (exited = r));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      throw new Error(`kantine exited (${exited.code}) before it was ready:\n${exited.stderr}`);
    }
    try {
      const res = await fetch(`${baseUrl(env)}/readyz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`kantine was not ready in ${timeoutMs} ms:\n${p.stdout}\n${p.stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens the test's database the way the app does; the caller destroys it. */
export function openDb(database: TestDatabase): Db {
  return connect({
    databaseUrl: database.url,
    dialect: database.url.startsWith('postgres') ? 'postgres' : 'sqlite',
  });
}

/** Reads the rows a query selects from the test's database. */
export async function withDb<T>(database: TestDatabase, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = openDb(database);
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** The text of a quoted-printable mail body, soft line breaks joined and bytes decoded. */
export function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

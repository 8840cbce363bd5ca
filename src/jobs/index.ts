import type { Transaction } from 'kysely';
import { isSqlite, type Db } from '../db/connect.ts';
import type { Database } from '../db/database.ts';
import type { Deps } from '../http/app.ts';
import { newId } from '../lib/ids.ts';
import type { Job } from './jobs.table.ts';

export type { Job, JobsTables } from './jobs.table.ts';

/** Runs one job. A thrown error is an attempt that failed: retried later, up to maxAttempts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JobHandler = (payload: any, deps: Deps) => Promise<void>;

interface Definition {
  handler: JobHandler;
  maxAttempts: number;
}

const handlers = new Map<string, Definition>();
const schedules = new Map<string, number>();

/** How long a claimed job is a node's own; a node that dies frees its jobs when this ends. */
export const LEASE_MS = 10 * 60_000;
export const DEFAULT_MAX_ATTEMPTS = 5;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;
const ERROR_MAX = 4_000;

/** The wait before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min, … 1 h. */
export const backoffMs = (attempts: number): number =>
  Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);

const ASAP = new Date(0);
const scheduleKey = (kind: string) => `schedule:${kind}`;

/** Registers the handler of a kind of job, for the whole process (again: replaces it). */
export function defineJob(
  kind: string,
  handler: JobHandler,
  opts: { maxAttempts?: number } = {},
): void {
  handlers.set(kind, {
    handler,
    maxAttempts: Math.max(1, opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
  });
}

/**
 * A recurring job: the worker adds `kind` (with an empty payload) when it is due, once per
 * `everyMs` after the last run ended. One waiting or running job per schedule (its key), so
 * several nodes never run it twice at once.
 */
export function defineSchedule(kind: string, everyMs: number): void {
  if (!(everyMs > 0)) throw new Error(`schedule ${kind}: everyMs must be positive`);
  schedules.set(kind, everyMs);
}

/**
 * Adds a job, due now or at `runAt`. Works inside a transaction (the job exists only if it
 * commits). With `key`, nothing is added while a job with that key waits or runs.
 */
export async function enqueue(
  db: Db | Transaction<Database>,
  kind: string,
  payload: unknown,
  opts: { runAt?: Date; key?: string } = {},
): Promise<void> {
  const now = new Date();
  const insert = db.insertInto('jobs').values({
    id: newId(),
    kind,
    payload: JSON.stringify(payload ?? null),
    // Without `runAt`: due at once, whatever a node's (or a test's) clock says.
    run_at: (opts.runAt ?? ASAP).toISOString(),
    attempts: 0,
    last_error: null,
    locked_until: null,
    failed_at: null,
    created_at: now.toISOString(),
    key: opts.key ?? null,
  });
  // The only unique index besides the (fresh) id is the key's, among jobs not failed.
  await (opts.key ? insert.onConflict((oc) => oc.doNothing()) : insert).execute();
}

/** Adds each schedule's job when none waits or runs (due at once: its first run). */
async function ensureSchedules(deps: Pick<Deps, 'db' | 'clock'>): Promise<void> {
  for (const kind of schedules.keys()) {
    if (!handlers.has(kind)) continue;
    await enqueue(deps.db, kind, {}, { key: scheduleKey(kind), runAt: deps.clock() });
  }
}

/**
 * Claims up to `limit` due jobs of kinds this process knows. PostgreSQL: rows locked with
 * `FOR UPDATE SKIP LOCKED`, so concurrent nodes take different jobs; SQLite: one UPDATE …
 * RETURNING, which SQLite runs alone.
 */
async function claim(deps: Pick<Deps, 'db' | 'clock'>, limit: number): Promise<Job[]> {
  const kinds = [...handlers.keys()];
  if (kinds.length === 0) return [];
  const now = deps.clock();
  const nowIso = now.toISOString();
  const lease = new Date(now.getTime() + LEASE_MS).toISOString();
  const due = (db: Db) =>
    db
      .selectFrom('jobs')
      .select('id')
      .where('failed_at', 'is', null)
      .where('run_at', '<=', nowIso)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso)]))
      .where('kind', 'in', kinds)
      .orderBy('run_at')
      .orderBy('id')
      .limit(limit);
  const take = (db: Db, ids: ReturnType<typeof due> | string[]) =>
    db
      .updateTable('jobs')
      .set((eb) => ({ locked_until: lease, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', ids)
      .returningAll()
      .execute();
  if (isSqlite(deps.db)) return take(deps.db, due(deps.db));
  return deps.db.transaction().execute(async (trx) => {
    const ids = (await due(trx).forUpdate().skipLocked().execute()).map((r) => r.id);
    return ids.length ? take(trx, ids) : [];
  });
}

async function runOne(deps: Deps, job: Job): Promise<void> {
  const def = handlers.get(job.kind)!;
  const every = schedules.get(job.kind);
  let error: unknown = null;
  try {
    await def.handler(JSON.parse(job.payload), deps);
  } catch (err) {
    error = err;
  }
  const now = deps.clock();
  const last = error === null || job.attempts >= def.maxAttempts;
  await deps.db.transaction().execute(async (trx) => {
    if (error === null) {
      await trx.deleteFrom('jobs').where('id', '=', job.id).execute();
    } else {
      const text = (error instanceof Error ? error.stack || error.message : String(error)).slice(
        0,
        ERROR_MAX,
      );
      await trx
        .updateTable('jobs')
        .set(
          last
            ? { failed_at: now.toISOString(), last_error: text, locked_until: null }
            : {
                run_at: new Date(now.getTime() + backoffMs(job.attempts)).toISOString(),
                last_error: text,
                locked_until: null,
              },
        )
        .where('id', '=', job.id)
        .execute();
    }
    // A schedule's next run, counted from the end of this one.
    if (every !== undefined && last && job.key === scheduleKey(job.kind)) {
      await enqueue(
        trx,
        job.kind,
        {},
        {
          key: job.key,
          runAt: new Date(now.getTime() + every),
        },
      );
    }
  });
}

/**
 * Claims the due jobs (by `deps.clock`) and runs them one after another; how many ran,
 * whether they succeeded or not. Tests call this instead of starting the worker.
 */
export async function runDueJobs(deps: Deps, opts: { limit?: number } = {}): Promise<number> {
  await ensureSchedules(deps);
  const jobs = await claim(deps, opts.limit ?? 20);
  for (const job of jobs) await runOne(deps, job);
  return jobs.length;
}

/**
 * Polls for due jobs every `pollMs` (at once again after a full batch) until stopped; `stop`
 * waits for the jobs in hand. `kantine start` runs one unless `JOBS=off`.
 */
export function startWorker(deps: Deps, opts: { pollMs?: number } = {}): { stop(): Promise<void> } {
  const pollMs = opts.pollMs ?? 1_000;
  const limit = 20;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      while (!stopped && (await runDueJobs(deps, { limit })) === limit);
    } catch (err) {
      console.error(`jobs: polling failed: ${(err as Error).message}`);
    }
    if (!stopped) {
      timer = setTimeout(() => (running = tick()), pollMs);
      timer.unref();
    }
  };
  running = tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

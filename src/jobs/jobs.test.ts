import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Deps } from '../http/app.ts';
import { memoryRateLimiter } from '../http/rate-limit.ts';
import { createBus } from '../realtime/bus.ts';
import { localStorage } from '../storage/storage.ts';
import { createTestDatabase, DIALECTS, type Dialect } from '../../test/db.ts';
import {
  backoffMs,
  DEFAULT_MAX_ATTEMPTS,
  defineJob,
  defineSchedule,
  enqueue,
  LEASE_MS,
  runDueJobs,
  startWorker,
} from './index.ts';

/** The dependencies on a fresh database: the jobs subsystem needs no web app. */
async function testDeps(dialect: Dialect, clock: () => Date) {
  const database = await createTestDatabase(dialect);
  const config = loadConfig({
    DATA_DIR: database.dataDir,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    PASSWORD_COST: '10',
    VITEST: 'true',
  });
  const db = connect(config);
  await migrateToLatest(db);
  const bus = createBus({ redisUrl: null });
  const deps: Deps = {
    config,
    db,
    mailer: { send: async () => undefined },
    storage: localStorage(path.join(database.dataDir, 'files')),
    clock,
    limiter: memoryRateLimiter(),
    bus,
  };
  return {
    deps,
    close: async () => {
      await bus.close();
      await db.destroy();
      await database.drop();
    },
  };
}

describe('the JOBS setting', () => {
  it('is on by default; JOBS=off lets a node leave the jobs to others', () => {
    const base = { DATA_DIR: '/tmp/kantine-jobs-setting', SECRET: 'x'.repeat(32), VITEST: 'true' };
    expect(loadConfig(base, { createSecret: false }).jobs).toBe(true);
    expect(loadConfig({ ...base, JOBS: 'off' }, { createSecret: false }).jobs).toBe(false);
    expect(() => loadConfig({ ...base, JOBS: 'sometimes' }, { createSecret: false })).toThrow(
      /JOBS/,
    );
  });
});

describe.each(DIALECTS)('background jobs (%s)', (dialect) => {
  let t: { deps: Deps; close(): Promise<void> };
  let now = Date.parse('2026-11-02T08:00:00Z');
  const tick = (ms: number) => (now += ms);
  const ran: { kind: string; payload: unknown }[] = [];
  let failures = 0;

  beforeAll(async () => {
    t = await testDeps(dialect, () => new Date(now));
    defineJob('test.record', async (payload) => void ran.push({ kind: 'test.record', payload }));
    defineJob(
      'test.flaky',
      async (payload) => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('flaky: not yet');
        }
        ran.push({ kind: 'test.flaky', payload });
      },
      { maxAttempts: 3 },
    );
    defineJob('test.broken', async () => {
      throw new Error('broken for good');
    });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    ran.length = 0;
    failures = 0;
    await t.deps.db.deleteFrom('jobs').execute();
  });

  const rows = () => t.deps.db.selectFrom('jobs').selectAll().orderBy('id').execute();

  it('runs a due job once with its payload, and deletes it when done', async () => {
    await enqueue(t.deps.db, 'test.record', { n: 1, text: 'Grüße' });
    expect(await runDueJobs(t.deps)).toBe(1);
    expect(ran).toEqual([{ kind: 'test.record', payload: { n: 1, text: 'Grüße' } }]);
    expect(await rows()).toEqual([]);
    expect(await runDueJobs(t.deps)).toBe(0);
  });

  it('waits for runAt by the clock', async () => {
    await enqueue(t.deps.db, 'test.record', 'later', { runAt: new Date(now + 60_000) });
    expect(await runDueJobs(t.deps)).toBe(0);
    tick(60_000);
    expect(await runDueJobs(t.deps)).toBe(1);
    expect(ran.map((r) => r.payload)).toEqual(['later']);
  });

  it('is added inside a transaction only if it commits', async () => {
    await t.deps.db
      .transaction()
      .execute(async (trx) => {
        await enqueue(trx, 'test.record', 'rolled back');
        throw new Error('abort');
      })
      .catch(() => undefined);
    await t.deps.db.transaction().execute((trx) => enqueue(trx, 'test.record', 'committed'));
    expect(await runDueJobs(t.deps)).toBe(1);
    expect(ran.map((r) => r.payload)).toEqual(['committed']);
  });

  it('retries a failing job with growing waits, then runs it', async () => {
    failures = 2;
    await enqueue(t.deps.db, 'test.flaky', 'x');
    expect(await runDueJobs(t.deps)).toBe(1);
    let [job] = await rows();
    expect(job).toMatchObject({ attempts: 1, failed_at: null, locked_until: null });
    expect(job!.last_error).toContain('flaky: not yet');
    expect(job!.run_at).toBe(new Date(now + backoffMs(1)).toISOString());
    // Not before its time.
    tick(backoffMs(1) - 1);
    expect(await runDueJobs(t.deps)).toBe(0);
    tick(1);
    expect(await runDueJobs(t.deps)).toBe(1);
    [job] = await rows();
    expect(job).toMatchObject({ attempts: 2 });
    expect(job!.run_at).toBe(new Date(now + backoffMs(2)).toISOString());
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    tick(backoffMs(2));
    expect(await runDueJobs(t.deps)).toBe(1);
    expect(ran.map((r) => r.payload)).toEqual(['x']);
    expect(await rows()).toEqual([]);
  });

  it('keeps a job that failed every attempt, with its error, and runs it no more', async () => {
    await enqueue(t.deps.db, 'test.broken', null);
    for (let i = 0; i < DEFAULT_MAX_ATTEMPTS; i++) {
      expect(await runDueJobs(t.deps)).toBe(1);
      tick(backoffMs(i + 1));
    }
    const [job] = await rows();
    expect(job).toMatchObject({ attempts: DEFAULT_MAX_ATTEMPTS, locked_until: null });
    expect(job!.failed_at).not.toBeNull();
    expect(job!.last_error).toContain('broken for good');
    tick(24 * 3600_000);
    expect(await runDueJobs(t.deps)).toBe(0);
  });

  it('honours a kind’s maxAttempts', async () => {
    failures = 10;
    await enqueue(t.deps.db, 'test.flaky', 'y');
    for (let i = 0; i < 5; i++) {
      await runDueJobs(t.deps);
      tick(backoffMs(i + 1));
    }
    const [job] = await rows();
    expect(job).toMatchObject({ attempts: 3 });
    expect(job!.failed_at).not.toBeNull();
  });

  it('adds no second job with the key of one waiting; a failed one does not block it', async () => {
    await enqueue(t.deps.db, 'test.record', 'first', { key: 'k1' });
    await enqueue(t.deps.db, 'test.record', 'second', { key: 'k1' });
    await enqueue(t.deps.db, 'test.record', 'other', { key: 'k2' });
    expect(await rows()).toHaveLength(2);
    expect(await runDueJobs(t.deps)).toBe(2);
    expect(ran.map((r) => r.payload).sort()).toEqual(['first', 'other']);
    // Done: the key is free again.
    await enqueue(t.deps.db, 'test.record', 'again', { key: 'k1' });
    expect(await rows()).toHaveLength(1);
    await t.deps.db.deleteFrom('jobs').execute();

    await enqueue(t.deps.db, 'test.broken', null, { key: 'k3' });
    for (let i = 0; i < DEFAULT_MAX_ATTEMPTS; i++) {
      await runDueJobs(t.deps);
      tick(backoffMs(i + 1));
    }
    await enqueue(t.deps.db, 'test.broken', null, { key: 'k3' });
    const all = await rows();
    expect(all).toHaveLength(2);
    expect(all.filter((j) => j.failed_at === null)).toHaveLength(1);
  });

  it('the worker polls and runs jobs until stopped; stopping waits for the job in hand', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started = false;
    let finished = false;
    defineJob('test.held', async () => {
      started = true;
      await held;
      finished = true;
    });
    const worker = startWorker(t.deps, { pollMs: 10 });
    await enqueue(t.deps.db, 'test.record', 'polled');
    await enqueue(t.deps.db, 'test.held', null);
    for (let i = 0; i < 500 && !started; i++) await new Promise((r) => setTimeout(r, 10));
    expect(ran.map((r) => r.payload)).toEqual(['polled']);
    const stopping = worker.stop();
    setTimeout(release, 20);
    await stopping;
    expect(finished).toBe(true);
    // Stopped: a new job waits.
    await enqueue(t.deps.db, 'test.record', 'after');
    await new Promise((r) => setTimeout(r, 50));
    expect(ran.map((r) => r.payload)).toEqual(['polled']);
  });

  it('leaves jobs of kinds this process does not know, and takes back a lapsed lease', async () => {
    await enqueue(t.deps.db, 'test.unknown', null);
    expect(await runDueJobs(t.deps)).toBe(0);
    await t.deps.db.deleteFrom('jobs').execute();

    // A node claimed the job and died: once the lease ends, another runs it.
    await enqueue(t.deps.db, 'test.record', 'orphan');
    await t.deps.db
      .updateTable('jobs')
      .set({ locked_until: new Date(now + LEASE_MS).toISOString(), attempts: 1 })
      .execute();
    expect(await runDueJobs(t.deps)).toBe(0);
    tick(LEASE_MS);
    expect(await runDueJobs(t.deps)).toBe(1);
    expect(ran.map((r) => r.payload)).toEqual(['orphan']);
  });

  it('several pollers at once (on PostgreSQL: several nodes) never run the same job twice', async () => {
    const seen: string[] = [];
    defineJob('test.slow', async (p: { i: number }) => {
      seen.push(String(p.i));
      await new Promise((r) => setTimeout(r, 5));
    });
    for (let i = 0; i < 40; i++) await enqueue(t.deps.db, 'test.slow', { i });
    const counts = await Promise.all([
      runDueJobs(t.deps, { limit: 15 }),
      runDueJobs(t.deps, { limit: 15 }),
      runDueJobs(t.deps, { limit: 15 }),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(seen.length);
    expect(new Set(seen).size).toBe(seen.length);
    while ((await runDueJobs(t.deps, { limit: 15 })) > 0);
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
  });
});

// Last: a schedule stays in the process's registry once defined.
describe.each(DIALECTS)('job schedules (%s)', (dialect) => {
  let t: { deps: Deps; close(): Promise<void> };
  let now = Date.parse('2026-11-02T08:00:00Z');
  const tick = (ms: number) => (now += ms);
  beforeAll(async () => {
    t = await testDeps(dialect, () => new Date(now));
  });
  afterAll(async () => t.close());
  const rows = () => t.deps.db.selectFrom('jobs').selectAll().orderBy('id').execute();

  it('runs a schedule when due, then every interval, never twice at once', async () => {
    let runs = 0;
    defineJob('test.every-minute', async () => void (runs += 1));
    defineSchedule('test.every-minute', 60_000);
    try {
      expect(await runDueJobs(t.deps)).toBe(1);
      expect(runs).toBe(1);
      expect(await runDueJobs(t.deps)).toBe(0);
      tick(59_999);
      expect(await runDueJobs(t.deps)).toBe(0);
      tick(1);
      // Two pollers at the same moment: one run.
      const [a, b] = await Promise.all([runDueJobs(t.deps), runDueJobs(t.deps)]);
      expect(a + b).toBe(1);
      expect(runs).toBe(2);
      const pending = await rows();
      expect(pending).toHaveLength(1);
      expect(pending[0]).toMatchObject({
        kind: 'test.every-minute',
        key: 'schedule:test.every-minute',
      });
      expect(pending[0]!.run_at).toBe(new Date(now + 60_000).toISOString());
    } finally {
      await t.deps.db.deleteFrom('jobs').execute();
    }
  });
});

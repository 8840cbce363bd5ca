// The analytics benchmark: on the seeded organisation (the one `npm run bench` seeds and keeps in
// BENCH_DATA_DIR), applies pending migrations (timed: their backfills run over every post,
// comment and reaction), times the daily rollup job, then signs in as the seed's admin and times
// each dashboard page and its API, one request at a time, for the default period (the last 12
// weeks, per week) and for a year per month. Writes the figures into bench/RESULTS.md's
// analytics section.
//
//   npm run bench:analytics -- [--rounds 20] [--warmup 2]
//
// With no seed in BENCH_DATA_DIR, it seeds one first (`kantine seed --scale large`).
//
// On PostgreSQL: BENCH_DATABASE_URL=postgres://…/db names a database to seed into (or that holds
// the seed); the figures go into their own section of RESULTS.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connect } from '../src/db/connect.ts';
import { rollupDays } from '../src/features/analytics/rollup.ts';
import { WARM_BATCH, warmAnswerTimes } from '../src/features/analytics/content.level.ts';
import { SEED_PASSWORD } from '../src/features/seed/seed.ts';
import {
  benchDatabaseUrl,
  cookieHeader,
  fmt,
  isPostgresUrl,
  kantine,
  load,
  median,
  ROOT,
  seededOrganisation,
  signIn,
  startServer,
} from './lib.ts';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '2' },
    out: { type: 'string', default: path.join('bench', 'RESULTS.md') },
  },
});
const ROUNDS = Number(args.rounds);
const WARMUP = Number(args.warmup);
const dataDir = path.resolve(process.env.BENCH_DATA_DIR ?? path.join(ROOT, 'data-bench'));
const databaseUrl = benchDatabaseUrl(dataDir);
const postgres = isPostgresUrl(databaseUrl);
const marker = postgres ? 'analytics-postgres' : 'analytics';
const RESULTS = path.resolve(ROOT, args.out!);
const say = (s: string) => console.error(`bench:analytics: ${s}`);

/** Every dashboard, as a page and as its API. */
const DASHBOARDS = [
  '',
  '/users',
  '/teams',
  '/activity',
  '/content',
  '/value',
  '/goals',
  '/hashtags',
];
const API: Record<string, string> = {
  '': '/api/v1/analytics/overview',
  '/users': '/api/v1/analytics/users',
  '/teams': '/api/v1/analytics/teams',
  '/activity': '/api/v1/analytics/activity',
  '/content': '/api/v1/analytics/content',
  '/value': '/api/v1/analytics/value',
  '/goals': '/api/v1/analytics/goals',
  '/hashtags': '/api/v1/analytics/hashtags',
};

const info = await seededOrganisation(dataDir, say);

say('applying pending migrations');
const m0 = performance.now();
const migrated = kantine(['migrate'], dataDir).trim();
const migrateMs = performance.now() - m0;

const db = connect({ databaseUrl, dialect: postgres ? 'postgres' : 'sqlite' });
const count = async (
  table: 'users' | 'groups' | 'posts' | 'comments' | 'reactions' | 'questions' | 'activity_days',
) =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const rows = {
  people: await count('users'),
  groups: await count('groups'),
  posts: await count('posts'),
  comments: await count('comments'),
  reactions: await count('reactions'),
  questions: await count('questions'),
  'activity days': await count('activity_days'),
};
const { first, last } = (await db
  .selectFrom('activity_days')
  .select((eb) => [eb.fn.min('day').as('first'), eb.fn.max('day').as('last')])
  .executeTakeFirstOrThrow()) as { first: string; last: string };

// The rollup job: the hourly run recomputes today and yesterday; a first run (or a rebuild)
// computes every day. Timed directly against the database, as the job does it.
const now = new Date(`${last}T12:00:00Z`);
const day = (offset: number) =>
  new Date(now.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
const t1 = performance.now();
await rollupDays(db, [day(1), day(0)], now);
const rollupDailyMs = performance.now() - t1;
const allDays: string[] = [];
for (
  let d = first;
  d <= last;
  d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
) {
  allDays.push(d);
}
const t2 = performance.now();
await rollupDays(db, allDays, now);
const rollupAllMs = performance.now() - t2;
// The answer-times job (analytics.answer_times) on a database where no time is cached yet.
const t3 = performance.now();
let warmed = 0;
for (;;) {
  const n = await warmAnswerTimes(db);
  warmed += n;
  if (n < WARM_BATCH) break;
}
const warmMs = performance.now() - t3;
await db.destroy();

const loadAtStart = load();
// A yardstick of the machine's speed at the time: the same fixed computation every run (this
// virtual machine's speed was seen to vary by half within an hour, same code and data).
const yardstick = median(
  Array.from({ length: 5 }, () => {
    const t0 = performance.now();
    let x = 0;
    for (let i = 0; i < 50_000_000; i++) x += i % 7;
    if (x < 0) throw new Error('unreachable');
    return performance.now() - t0;
  }),
);
say(`starting the server on the ${info.scale} seed`);
const server = await startServer(dataDir);
const periods = {
  '12 weeks, per week': '',
  'a year, per month': `?from=${day(364)}&to=${day(0)}&grain=month`,
};
const results: { dashboard: string; period: string; page: number[]; api: number[] }[] = [];
try {
  const jar = await signIn(server.url, info.admin.email, SEED_PASSWORD);
  const headers = { cookie: cookieHeader(jar), 'accept-encoding': 'gzip' };
  const time = async (url: string, json: boolean) => {
    const t0 = performance.now();
    const res = await fetch(`${server.url}${url}`, { headers });
    const body = json ? await res.json() : await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200)
      throw new Error(`${url}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    return ms;
  };
  for (const period of Object.keys(periods)) {
    for (const d of DASHBOARDS) results.push({ dashboard: d, period, page: [], api: [] });
  }
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const r of results) {
      const q = periods[r.period as keyof typeof periods];
      const page = await time(`/analytics${r.dashboard}${q}`, false);
      const api = API[r.dashboard] ? await time(`${API[r.dashboard]}${q}`, true) : null;
      if (round >= WARMUP) {
        r.page.push(page);
        if (api !== null) r.api.push(api);
      }
    }
  }
} finally {
  await server.stop();
}

const worst = Math.max(...results.map((r) => median(r.page)));
const section = `<!-- ${marker}:start -->
## Analytics${postgres ? ' on PostgreSQL' : ''}

Written by \`npm run bench:analytics\` (bench/analytics.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC,
on the ${info.scale} seed (${Object.entries(rows)
  .map(([k, v]) => `${fmt(v)} ${k}`)
  .join(
    ', ',
  )}; activity from ${first} to ${last}), ${postgres ? 'PostgreSQL (on this machine)' : 'SQLite'}, one Kantine process, signed in as
the seed's admin (who sees every group). Each page and API call was timed ${ROUNDS} times after
${WARMUP} warm-up rounds, one request at a time; the time is the whole request as the client sees it.
Load average at the start: ${loadAtStart.toFixed(2)}; the machine's yardstick (a fixed loop of
50 million steps, lower is faster): ${fmt(yardstick, 0)} ms.

| figure | measured | budget | verdict |
| --- | --- | --- | --- |
| slowest dashboard page, median | ${fmt(worst, 1)} ms | ≤ 200 ms | ${worst <= 200 ? 'met' : 'missed'} |
| rollup job, hourly run (yesterday and today) | ${fmt(rollupDailyMs, 0)} ms | — | |
| rollup of every day (${fmt(allDays.length)} days, a first run) | ${fmt(rollupAllMs / 1000, 1)} s | — | |
| answer times of every question in working hours (${fmt(warmed)} questions, a first run) | ${fmt(warmMs / 1000, 1)} s | — | |
| pending migrations with their backfills | ${fmt(migrateMs / 1000, 1)} s | — | ${migrated.split('\n').filter((l) => l.startsWith('Applied')).length} applied |

| dashboard | period | page median | page max | API median | API max |
| --- | --- | --- | --- | --- | --- |
${results
  .map(
    (r) =>
      `| \`/analytics${r.dashboard}\` | ${r.period} | ${fmt(median(r.page), 1)} ms | ${fmt(Math.max(...r.page), 1)} ms | ${r.api.length ? `${fmt(median(r.api), 1)} ms` : '—'} | ${r.api.length ? `${fmt(Math.max(...r.api), 1)} ms` : '—'} |`,
  )
  .join('\n')}
<!-- ${marker}:end -->`;

const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
const kept = new RegExp(`<!-- ${marker}:start -->[\\s\\S]*<!-- ${marker}:end -->`);
const next = kept.test(previous)
  ? previous.replace(kept, () => section)
  : `${previous.trimEnd()}\n\n${section}\n`;
writeFileSync(RESULTS, next);
say(`slowest dashboard ${fmt(worst, 1)} ms; wrote ${path.relative(ROOT, RESULTS)}`);

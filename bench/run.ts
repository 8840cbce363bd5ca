// The benchmark: seeds (or reuses) an organisation, serves it, loads it with autocannon, measures
// first contentful paint under "Slow 3G", profiles, and writes bench/RESULTS.md.
//
//   npm run bench -- [--scale large] [--runs 3] [--duration 20] [--warmup 5]
//
// BENCH_DATA_DIR (default ./data-bench) holds the seeded database; it is reused while it holds the
// same scale. The posts the benchmark writes are deleted again at the end.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Request, type Result } from 'autocannon';
import SQLite from 'better-sqlite3';
import { encodeTime } from 'ulid';
import { isScaleName, SEED_PASSWORD, type SeedInfo } from '../src/features/seed/seed.ts';
import { summarise } from './cpuprofile.ts';
import { measureFcp, type FcpResult } from './fcp.ts';
import {
  BIN,
  cookieHeader,
  fmt,
  kantine,
  kantineEnv,
  load,
  machine,
  median,
  commitMs,
  moduleWeights,
  rssMb,
  ROOT,
  signIn,
  startServer,
  watchRss,
} from './lib.ts';
import { profile, type ProfileReport, type ProfileTarget } from './profile.ts';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'large' },
    runs: { type: 'string', default: '3' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    'skip-fcp': { type: 'boolean', default: false },
    'skip-profile': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join('bench', 'RESULTS.md') },
  },
});
const scale = args.scale!;
if (!isScaleName(scale)) throw new Error('--scale must be small, medium or large');
const RUNS = Number(args.runs);
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const CONNECTIONS = Number(args.connections);
const dataDir = path.resolve(process.env.BENCH_DATA_DIR ?? path.join(ROOT, 'data-bench'));
const dbFile = path.join(dataDir, 'kantine.db');
const RESULTS = path.resolve(ROOT, args.out!);
const say = (s: string) => console.error(`bench: ${s}`);
const started = new Date();
const loadAtStart = load();

// ---------------------------------------------------------------------------------------------
// The data: seeded once per scale, then reused.

function readSeed(): SeedInfo | null {
  const db = new SQLite(dbFile, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("select value from settings where key = 'seed'").get() as
      { value: string } | undefined;
    return row ? (JSON.parse(row.value) as SeedInfo) : null;
  } catch {
    return null;
  } finally {
    db.close();
  }
}

async function seed(): Promise<{ info: SeedInfo; fresh: boolean; wallSeconds: number | null }> {
  if (existsSync(dbFile)) {
    const info = readSeed();
    if (!info)
      throw new Error(`${dataDir} holds a database kantine seed did not make; set BENCH_DATA_DIR`);
    if (info.scale !== scale) {
      throw new Error(
        `${dataDir} holds the ${info.scale} seed; remove it (rm -r ${dataDir}) or set BENCH_DATA_DIR`,
      );
    }
    say(`reusing the ${scale} seed in ${dataDir} (seeded in ${info.seconds} s)`);
    return { info, fresh: false, wallSeconds: null };
  }
  mkdirSync(dataDir, { recursive: true });
  say(`seeding ${scale} into ${dataDir}`);
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'seed', '--scale', scale], {
    cwd: ROOT,
    env: kantineEnv(dataDir, { LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`kantine seed failed (exit ${code})`);
  return {
    info: readSeed()!,
    fresh: true,
    wallSeconds: Math.round((performance.now() - t0) / 100) / 10,
  };
}

/** What the benchmark looks at, picked from the data: a busy post, people to mention. */
function pickTargets() {
  const db = new SQLite(dbFile, { readonly: true });
  try {
    const post = db
      .prepare(
        `select id, comment_count as comments, reaction_count as reactions from posts
         where group_id is null and kind = 'post' and comment_count between 8 and 30
         order by id desc limit 1`,
      )
      .get() as { id: string; comments: number; reactions: number };
    const handles = (
      db
        .prepare("select email from users where role = 'member' order by id limit 3 offset 40")
        .all() as { email: string }[]
    ).map((r) => r.email.split('@')[0]!);
    const tagPosts = (
      db.prepare("select count(*) as n from post_hashtags where tag = 'ärger'").get() as {
        n: number;
      }
    ).n;
    return { post, handles, tagPosts };
  } finally {
    db.close();
  }
}

function userId(email: string): string {
  const db = new SQLite(dbFile, { readonly: true });
  try {
    return (db.prepare('select id from users where email = ?').get(email) as { id: string }).id;
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Load.

interface Target {
  key: string;
  label: string;
  /** The figure's unit: pages or posts per second. */
  unit: string;
  request: Request;
}

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  rssMb: number;
  load: number;
}

async function cannon(url: string, target: Target, seconds: number): Promise<Result> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    // Long enough that a slow answer counts as slow, not as an error.
    timeout: 120,
    requests: [target.request],
  });
  await drained(url);
  return result;
}

/**
 * Waits until the server answers /healthz within 100 ms again: requests autocannon gave up on
 * at the end of a run may still be queued in the server and would slow the next run.
 */
async function drained(url: string): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    const t = performance.now();
    await fetch(`${url}/healthz`);
    if (performance.now() - t < 100) return;
  }
  throw new Error('the server stayed busy for 10 minutes after a run');
}

/** A latency, or Infinity when no request finished within the run. */
const latency = (r: Result, p: number) => (r['2xx'] > 0 ? p : Infinity);
/** Requests per second: two decimals when there are few. */
const rate = (x: number) => fmt(x, x < 10 ? 2 : 1);
const ms = (x: number) =>
  Number.isFinite(x) ? `${fmt(x)} ms` : `> ${fmt(DURATION * 1000)} ms (none finished)`;

async function measure(url: string, pid: number, target: Target): Promise<Run[]> {
  say(`${target.label}: warm-up ${WARMUP} s`);
  await cannon(url, target, WARMUP);
  const runs: Run[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const rss = watchRss(pid);
    const r = await cannon(url, target, DURATION);
    const run: Run = {
      perSecond: r['2xx'] / r.duration,
      p50: latency(r, r.latency.p50),
      p99: latency(r, r.latency.p99),
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      rssMb: rss.stop(),
      load: load(),
    };
    runs.push(run);
    say(
      `${target.label} run ${i}: ${rate(run.perSecond)} ${target.unit}/s, p50 ${ms(run.p50)}, ` +
        `p99 ${ms(run.p99)}, non-2xx ${run.non2xx}, RSS ${fmt(run.rssMb)} MB, load ${run.load.toFixed(1)}`,
    );
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------

const { info, fresh, wallSeconds } = await seed();
const picked = pickTargets();
const member = info.member.email;
const memberId = userId(member);
const token = kantine(['token', 'create', '--email', member, '--name', 'bench'], dataDir).trim();
const [h1, h2] = picked.handles;
let postCounter = 0;
const postBody = () => {
  const n = ++postCounter;
  return {
    body:
      `Lasttest ${n}: Danke @${h1} für die schnelle Hilfe, @${h2} bitte übernehmen. ` +
      `#lasttest #wasderkundefindet`,
  };
};
const benchStart = encodeTime(Date.now(), 10);

let prof: ProfileReport | null = null;
const tagPath = `/hashtags/${encodeURIComponent('ärger')}`;
const postPath = `/posts/${picked.post.id}`;
if (!args['skip-profile']) {
  say('profiling single requests in-process');
  const targets: ProfileTarget[] = [
    { label: 'home feed page', path: '/', explain: 2 },
    { label: 'hashtag page', path: tagPath, explain: 3 },
    { label: 'post page', path: postPath, explain: 1 },
    { label: 'API feed', path: '/api/v1/feed', explain: 0 },
    { label: 'new post (API)', method: 'POST', path: '/api/v1/posts', body: postBody },
  ];
  prof = await profile({ dataDir, email: member, password: SEED_PASSWORD, token, targets });
}
say('starting the server');
const server = await startServer(dataDir);
const idleRss = rssMb(server.pid);
let fcp: FcpResult | null = null;
const results: { target: Target; runs: Run[] }[] = [];
let maxRss = 0;
const cpu: { label: string; perSecond: number; areas: { area: string; percent: number }[] }[] = [];
let cleanupSeconds = 0;
let removedPosts = 0;
try {
  const jar = await signIn(server.url, member, SEED_PASSWORD);
  const browser = {
    cookie: cookieHeader(jar),
    'accept-encoding': 'gzip, deflate, br',
    'accept-language': 'de-DE,de;q=0.9',
  };
  const targets: Target[] = [
    {
      key: 'home',
      label: 'home feed page /',
      unit: 'pages',
      request: { method: 'GET', path: '/', headers: { ...browser, accept: 'text/html' } },
    },
    {
      key: 'hashtag',
      label: `hashtag page ${tagPath}`,
      unit: 'pages',
      request: { method: 'GET', path: tagPath, headers: { ...browser, accept: 'text/html' } },
    },
    {
      key: 'post',
      label: `post page /posts/… (${picked.post.comments} comments)`,
      unit: 'pages',
      request: { method: 'GET', path: postPath, headers: { ...browser, accept: 'text/html' } },
    },
    {
      key: 'api',
      label: 'API feed /api/v1/feed',
      unit: 'responses',
      request: {
        method: 'GET',
        path: '/api/v1/feed',
        headers: { ...browser, accept: 'application/json' },
      },
    },
  ];
  // Each page must answer 200 before it is measured.
  for (const t of targets) {
    const res = await fetch(`${server.url}${t.request.path}`, { headers: t.request.headers });
    if (res.status !== 200) throw new Error(`${t.label} answered ${res.status}`);
  }
  for (const t of targets)
    results.push({ target: t, runs: await measure(server.url, server.pid, t) });

  if (!args['skip-fcp']) {
    say('first contentful paint under Slow 3G');
    fcp = await measureFcp({ url: server.url, email: member, password: SEED_PASSWORD, runs: 3 });
    say(`FCP ${fcp.runs.map((r) => r.fcpMs).join(', ')} ms`);
  }

  // Writing last: the posts it adds are deleted again below.
  const posting: Target = {
    key: 'create',
    label: 'new post POST /api/v1/posts',
    unit: 'posts',
    request: {
      method: 'POST',
      path: '/api/v1/posts',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: JSON.stringify(postBody()) }),
    },
  };
  results.push({ target: posting, runs: await measure(server.url, server.pid, posting) });
  maxRss = Math.max(...results.flatMap((r) => r.runs.map((x) => x.rssMb)));

  // Where the CPU goes: a cheap page (its queries take a few ms) and writing, each on a server
  // started with --cpu-prof, 15 s of load after a 3 s warm-up.
  for (const t of [targets.find((x) => x.key === 'post')!, posting]) {
    say(`CPU profile: ${t.label}`);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kantine-cpu-'));
    const profiled = await startServer(dataDir, {
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    });
    let perSecond = 0;
    try {
      await cannon(profiled.url, t, 3);
      const r = await cannon(profiled.url, t, 15);
      perSecond = r['2xx'] / r.duration;
    } finally {
      await profiled.stop();
    }
    cpu.push({ label: t.label, perSecond, areas: summarise(dir, 15) });
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  await server.stop();
  // Leave the seed as it was: the benchmark's posts (their hashtags, mentions and
  // notifications go with them) and its token.
  const db = new SQLite(dbFile);
  db.pragma('foreign_keys = ON');
  // notifications.post_id has no index, so each deleted post would scan every notification
  // for its cascade (see the analysis); a temporary index makes the clean-up quick.
  const t0 = performance.now();
  db.exec('create index if not exists bench_cleanup_notifications on notifications (post_id)');
  const removed = db
    .prepare('delete from posts where author_id = ? and id >= ?')
    .run(memberId, benchStart).changes;
  removedPosts = removed;
  db.exec('drop index bench_cleanup_notifications');
  cleanupSeconds = (performance.now() - t0) / 1000;
  db.prepare(
    "delete from hashtags where tag = 'lasttest' and not exists (select 1 from post_hashtags where tag = 'lasttest')",
  ).run();
  db.prepare("delete from api_tokens where user_id = ? and name = 'bench'").run(memberId);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  say(`removed the ${fmt(removed)} posts the benchmark wrote in ${cleanupSeconds.toFixed(1)} s`);
}

// ---------------------------------------------------------------------------------------------
// The report.

const byKey = (k: string) => results.find((r) => r.target.key === k)!.runs;
const med = (k: string, f: (r: Run) => number) => median(byKey(k).map(f));
const verdict = (ok: boolean) => (ok ? '✅ met' : '❌ missed');
const m = machine();
const rows = info.rows as Record<string, number>;
const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);

const figures: [string, string, string, boolean | null][] = [
  [
    'home feed page, p99 latency',
    ms(med('home', (r) => r.p99)),
    '≤ 50 ms',
    med('home', (r) => r.p99) <= 50,
  ],
  [
    'home feed page, throughput',
    `${fmt(
      med('home', (r) => r.perSecond),
      1,
    )} pages/s`,
    '≥ 1,500 pages/s',
    med('home', (r) => r.perSecond) >= 1500,
  ],
  [
    'hashtag series page, p99 latency',
    ms(med('hashtag', (r) => r.p99)),
    '≤ 50 ms',
    med('hashtag', (r) => r.p99) <= 50,
  ],
  [
    'new post (hashtags, mentions, events), sustained',
    `${fmt(med('create', (r) => r.perSecond))} posts/s`,
    '≥ 1,000 posts/s',
    med('create', (r) => r.perSecond) >= 1000,
  ],
  ['memory under load (max RSS over all runs)', `${fmt(maxRss)} MB`, '≤ 300 MB', maxRss <= 300],
];
if (fcp) {
  figures.push([
    'feed first contentful paint, Slow 3G, cold cache',
    `${fmt(fcp.medianMs)} ms`,
    '≤ 5,000 ms',
    fcp.medianMs <= 5000,
  ]);
}
const extras: [string, string][] = [
  ['home feed page, p50 latency', ms(med('home', (r) => r.p50))],
  [
    'hashtag series page, throughput / p50',
    `${fmt(
      med('hashtag', (r) => r.perSecond),
      1,
    )} pages/s / ${ms(med('hashtag', (r) => r.p50))}`,
  ],
  [
    'post page (with comments), throughput / p50 / p99',
    `${fmt(
      med('post', (r) => r.perSecond),
      1,
    )} pages/s / ${ms(med('post', (r) => r.p50))} / ${ms(med('post', (r) => r.p99))}`,
  ],
  [
    'API feed, throughput / p50 / p99',
    `${fmt(
      med('api', (r) => r.perSecond),
      1,
    )} responses/s / ${ms(med('api', (r) => r.p50))} / ${ms(med('api', (r) => r.p99))}`,
  ],
  [
    'new post, p50 / p99 latency',
    `${ms(med('create', (r) => r.p50))} / ${ms(med('create', (r) => r.p99))}`,
  ],
];

const runTable = results
  .map(({ target, runs }) =>
    runs
      .map(
        (r, i) =>
          `| ${target.label} | ${i + 1} | ${rate(r.perSecond)} ${target.unit}/s | ${ms(r.p50)} | ${ms(r.p99)} | ${r.non2xx} | ${r.errors} | ${fmt(r.rssMb)} | ${r.load.toFixed(1)} |`,
      )
      .join('\n'),
  )
  .join('\n');

const trim = (sql: string, n = 600) =>
  sql.length > n ? `${sql.slice(0, n)} … (${sql.length} characters)` : sql;
const profileText = prof
  ? [
      '## Profile: one request at a time',
      '',
      `In-process (\`bench/profile.ts\`: the app built as \`kantine start\` builds it, requests through` +
        ` fastify's inject, every SQL query traced), signed in as the same member, before the load.` +
        ' Times are medians of 30 requests, or of as many as fit in 15 s (at least 3) for a slow page.' +
        ` The database has ${prof.hasStats ? '' : '**no** '}planner statistics (\`sqlite_stat1\`)` +
        `${prof.hasStats ? '' : ': Kantine never runs `ANALYZE`'}.`,
      '',
      '| request | status | median time (br / identity) | response bytes (br) | SQL queries | query time | queries after the response |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...prof.pages.map(
        (p) =>
          `| ${p.label} \`${p.method} ${p.path}\` | ${p.status} | ${p.medianMs.toFixed(1)} ms / ${p.medianMsUncompressed.toFixed(1)} ms | ${fmt(p.bytes)} | ${p.queries.length} | ${p.queries.reduce((a, q) => a + q.ms, 0).toFixed(1)} ms | ${p.laterQueries.length} (${p.laterQueries.reduce((a, q) => a + q.ms, 0).toFixed(1)} ms) |`,
      ),
      '',
      ...prof.pages.flatMap((p) => [
        `### ${p.label}: queries of one request, slowest first`,
        '',
        '| ms | SQL |',
        '| --- | --- |',
        ...[...p.queries]
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 8)
          .map((q) => `| ${q.ms.toFixed(2)} | \`${trim(q.sql, 300).replace(/\|/g, '\\|')}\` |`),
        '',
        ...p.plans.flatMap((pl) => [
          `Plan of the ${pl.ms.toFixed(1)} ms query (\`EXPLAIN QUERY PLAN\`):`,
          '',
          '```sql',
          trim(pl.sql, 2000),
          '```',
          '',
          '```',
          pl.plan,
          '```',
          '',
        ]),
      ]),
      ...(prof.analyzed.length
        ? [
            '### The same requests with planner statistics',
            '',
            '`ANALYZE` (analysis_limit 1000) inside a transaction that is rolled back afterwards, so the' +
              ' seeded database is unchanged:',
            '',
            '| request | median time without statistics | with statistics |',
            '| --- | --- | --- |',
            ...prof.analyzed.map((a) => {
              const before = prof!.pages.find((p) => p.label === a.label)!;
              return `| ${a.label} | ${before.medianMs.toFixed(1)} ms | ${a.medianMs.toFixed(1)} ms |`;
            }),
            '',
            ...prof.analyzed.flatMap((a) =>
              a.plans
                .slice(0, 1)
                .flatMap((pl) => [
                  `${a.label}, slowest query, plan with statistics:`,
                  '',
                  '```',
                  pl.plan,
                  '```',
                  '',
                ]),
            ),
          ]
        : []),
    ].join('\n')
  : '';

const weights = moduleWeights(['sharp', 'pg', 'ioredis', 'nodemailer', 'tsx/esm/api']);
const commits = { full: commitMs('FULL'), normal: commitMs('NORMAL') };
const cpuText = cpu.length
  ? [
      '## Server CPU under load',
      '',
      'The server started again with `node --cpu-prof`, 15 s of the same load after a 3 s warm-up;' +
        ' the share of the profile’s samples by the code they were in (native work counts for the' +
        ' JavaScript that called it). One core serves; autocannon uses the other.',
      '',
      ...cpu.flatMap((c) => [
        `### ${c.label} (${rate(c.perSecond)}/s while profiled)`,
        '',
        '| where | share |',
        '| --- | --- |',
        ...c.areas.slice(0, 12).map((a) => `| ${a.area} | ${a.percent.toFixed(1)} % |`),
        '',
      ]),
    ].join('\n')
  : '';
const memoryText = [
  '## Memory',
  '',
  `The server's RSS right after start, before any request: ${fmt(idleRss)} MB. The most under load: ${fmt(maxRss)} MB.`,
  'What some of the modules loaded at start cost on their own (a fresh `node` importing only that module;' +
    ' shared dependencies count for each):',
  '',
  '| module | RSS |',
  '| --- | --- |',
  ...weights.map((w) => `| ${w.module} | +${fmt(w.mb)} MB |`),
  '',
  `A one-row SQLite commit in WAL mode on this disk: ${commits.full.toFixed(3)} ms with` +
    ` \`synchronous = FULL\` (Kantine's setting), ${commits.normal.toFixed(3)} ms with \`NORMAL\` (median of 300).`,
  '',
].join('\n');

// The hand-written analysis survives a new run.
const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
const analysis =
  /<!-- analysis:start -->[\s\S]*<!-- analysis:end -->/.exec(previous)?.[0] ??
  '<!-- analysis:start -->\n## Why, and what would fix it\n\n(to be written after looking at the profile)\n<!-- analysis:end -->';

// So do the sections the other benchmarks write (search, analytics on each database, voice).
const otherSections =
  [...previous.matchAll(/<!-- ([a-z-]+):start -->[\s\S]*?<!-- \1:end -->/g)]
    .filter((m) => m[1] !== 'analysis')
    .map((m) => m[0])
    .join('\n\n') ||
  '(run `npm run bench:search`, `npm run bench:analytics` and `npm run bench:voice` for theirs)';

const report = `# Benchmark results

Written by \`bench/run.ts\` on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC. Budgets from
ARCHITECTURE.md, "Quality budgets". Every figure is the median of ${RUNS} runs of ${DURATION} s at
${CONNECTIONS} connections (autocannon, after a ${WARMUP} s warm-up), SQLite, one Kantine process.

## Verdict

| figure | measured | budget | verdict |
| --- | --- | --- | --- |
${figures.map(([f, v, b, ok]) => `| ${f} | ${v} | ${b} | ${ok === null ? '—' : verdict(ok)} |`).join('\n')}
| feed page weight (HTML + CSS + JS, compressed, no user images) | asserted by \`e2e/weight.e2e.ts\`${fcp ? `; here, Slow 3G run: ${fmt(median(fcp.runs.map((r) => r.bytes)) / 1024, 1)} KB in ${median(fcp.runs.map((r) => r.requests))} requests` : ''} | ≤ 50 KB, ≤ 6 requests | see the test |

Without a budget:

| figure | measured |
| --- | --- |
${extras.map(([f, v]) => `| ${f} | ${v} |`).join('\n')}

${analysis}

${otherSections}

## Machine

| | |
| --- | --- |
| CPUs | ${m.cpus} |
| memory | ${m.memory} |
| OS | ${m.os} |
| Node.js | ${m.node} |
| SQLite (better-sqlite3) | ${m.sqlite} |
| Chromium | ${m.chromium} |
| load average (1 min) at start / end | ${loadAtStart.toFixed(1)} / ${load().toFixed(1)} |

The load generator (autocannon) runs on the same machine as the server and takes one of its
cores; the load average includes both. Anything else running skews the figures: the load column
in "All runs" shows the 1-minute load average after each run (2.0 is the machine fully busy).

## Commands

\`\`\`sh
npm run bench -- --scale ${scale} --runs ${RUNS} --duration ${DURATION} --warmup ${WARMUP}
\`\`\`

which does, in order:

\`\`\`sh
DATA_DIR=${path.relative(ROOT, dataDir) || '.'} node bin/kantine.js seed --scale ${scale}   # only when the directory holds no ${scale} seed
DATA_DIR=${path.relative(ROOT, dataDir) || '.'} node bin/kantine.js token create --email ${member} --name bench
# in-process profile (bench/profile.ts), then:
DATA_DIR=${path.relative(ROOT, dataDir) || '.'} PORT=<free port> LOG_LEVEL=warn node bin/kantine.js start
# sign in as ${member} through /login, then for each of /, ${tagPath}, ${postPath}, /api/v1/feed:
#   autocannon -c ${CONNECTIONS} -d ${WARMUP} (warm-up), then ${RUNS} × autocannon -c ${CONNECTIONS} -d ${DURATION}
#   with the session cookie, Accept-Encoding: gzip, deflate, br and Accept-Language: de
npx tsx bench/fcp.ts --url <server> --email ${member} --password ${SEED_PASSWORD}   # 3 cold loads under Slow 3G
#   autocannon -c ${CONNECTIONS} -d ${DURATION} -m POST /api/v1/posts with the bearer token (warm-up, then ${RUNS} runs),
#   each body different, two @mentions and two #hashtags
# VmRSS of the server process from /proc/<pid>/status every 200 ms during every run
\`\`\`

The browser weight test: \`npx vitest run --config e2e/vitest.config.ts e2e/weight.e2e.ts\`.

## Data

\`kantine seed --scale ${scale}\`: ${fmt(totalRows)} rows, ${fresh ? `seeded by this run in ${info.seconds} s (${wallSeconds} s with process start and migrations)` : `seeded earlier in ${info.seconds} s and reused`}.

| table | rows |
| --- | --- |
${Object.entries(rows)
  .map(([t, n]) => `| ${t} | ${fmt(n)} |`)
  .join('\n')}

Signed in as ${info.member.name} <${member}>, a member of ${info.member.groups} groups who follows
${info.member.follows} groups, people and hashtags. #ärger has ${fmt(picked.tagPosts)} posts;
the post page shows a post with ${picked.post.comments} comments and ${picked.post.reactions}
reactions. Afterwards the ${fmt(removedPosts)} posts the benchmark wrote were deleted again, in
${cleanupSeconds.toFixed(1)} s with a temporary index on \`notifications (post_id)\` (without it,
such a clean-up took about 15 minutes: see the analysis).

## All runs

| target | run | throughput | p50 | p99 | non-2xx | errors | max RSS MB | load |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${runTable}
${fcp ? `\nFirst contentful paint under Slow 3G (latency 2,000 ms, 50,000 bytes/s down and up), cold cache, fresh browser profile each time: ${fcp.runs.map((r) => `${fmt(r.fcpMs)} ms (${fmt(r.bytes / 1024, 1)} KB, ${r.requests} requests)`).join('; ')}.\n` : ''}
${memoryText}
${cpuText}
${profileText}
`;
writeFileSync(RESULTS, report);
say(`wrote ${path.relative(ROOT, RESULTS)}`);

// The customer-voice and pain-point benchmark: on the seeded organisation (the one `npm run
// bench` seeds and keeps in BENCH_DATA_DIR; its #ärger posts make tens of thousands of pain
// points), signs in as the seed's admin and as its typical member and times the pain-point
// board (each sort, a department filter), its API, one pain point's post page with the panel,
// and the satisfaction page, one request at a time. Writes its section of bench/RESULTS.md.
//
//   npm run bench:voice -- [--rounds 20] [--warmup 2]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { SEED_PASSWORD } from '../src/features/seed/seed.ts';
import {
  cookieHeader,
  fmt,
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
const RESULTS = path.resolve(ROOT, args.out!);
const say = (s: string) => console.error(`bench:voice: ${s}`);

const info = await seededOrganisation(dataDir, say);
say(`starting the server on the ${info.scale} seed (it applies pending migrations first)`);
const server = await startServer(dataDir);
const sqlite = new SQLite(path.join(dataDir, 'kantine.db'), { readonly: true });
const one = (q: string) => sqlite.prepare(q).get() as Record<string, string | number>;
const painPoints = Number(one('select count(*) as n from pain_points').n);
const department = String(
  one(`select department from pain_points where department <> ''
       group by department order by count(*) desc limit 1`).department,
);
// An org-wide one, so that both may read it.
const post = String(
  one('select post_id from pain_points where group_id is null order by created_at desc limit 1')
    .post_id,
);
sqlite.close();

const URLS = [
  '/pain-points',
  '/pain-points?sort=oldest',
  '/pain-points?status=all&sort=newest',
  `/pain-points?department=${encodeURIComponent(department)}`,
  '/api/v1/pain-points',
  `/posts/${post}`,
  '/satisfaction',
];
const results: { who: string; url: string; ms: number[] }[] = [];
const loadAtStart = load();
try {
  for (const [who, person] of [
    ['admin', info.admin],
    ['member', info.member],
  ] as const) {
    const jar = await signIn(server.url, person.email, SEED_PASSWORD);
    const headers = { cookie: cookieHeader(jar), 'accept-encoding': 'gzip' };
    for (const url of URLS) {
      const r = { who, url, ms: [] as number[] };
      for (let round = 0; round < WARMUP + ROUNDS; round++) {
        const t0 = performance.now();
        const res = await fetch(`${server.url}${url}`, { headers });
        await res.text();
        // The member may not see customer satisfaction (the default audience): that answer
        // is timed as it is.
        if (res.status !== 200 && !(url === '/satisfaction' && who === 'member'))
          throw new Error(`${url} as ${who}: ${res.status}`);
        if (round >= WARMUP) r.ms.push(performance.now() - t0);
      }
      results.push(r);
    }
  }
} finally {
  await server.stop();
}

const section = `<!-- voice:start -->
## Customer voice and pain points

Written by \`npm run bench:voice\` (bench/voice.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC,
on the ${info.scale} seed (${fmt(painPoints)} pain points from its #ärger posts), SQLite, one
Kantine process. Each request was timed ${ROUNDS} times after ${WARMUP} warm-up rounds, one at a
time, as the client sees it, signed in as the seed's admin and as its typical member. Load
average at the start: ${loadAtStart.toFixed(2)}.

| request | as | median | max |
| --- | --- | --- | --- |
${results
  .map(
    (r) =>
      `| \`${r.url.replace(post, '{id}')}\` | ${r.who} | ${fmt(median(r.ms), 1)} ms | ${fmt(Math.max(...r.ms), 1)} ms |`,
  )
  .join('\n')}
<!-- voice:end -->`;

const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
const next = /<!-- voice:start -->[\s\S]*<!-- voice:end -->/.test(previous)
  ? previous.replace(/<!-- voice:start -->[\s\S]*<!-- voice:end -->/, section)
  : `${previous.trimEnd()}\n\n${section}\n`;
writeFileSync(RESULTS, next);
say(`wrote ${path.relative(ROOT, RESULTS)}`);

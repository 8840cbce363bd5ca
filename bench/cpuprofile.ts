// Where the server's CPU goes under load: a V8 CPU profile (node --cpu-prof) summarised by the
// code that spent it, over the last seconds of the run only (not start-up).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Names the code a sample was in, coarsely: "SQLite: running statements", "i18n", … */
function area(url: string, fn: string): string {
  const u = url.replace(/^file:\/\//, '');
  if (u.includes('better-sqlite3') || u.includes('dialect/sqlite/sqlite-driver'))
    return fn === 'prepare'
      ? 'SQLite: preparing statements (no statement cache)'
      : 'SQLite: running statements';
  if (u.includes('/kysely/')) return 'Kysely: building and compiling queries';
  if (u.startsWith('node:zlib') || u.includes('@fastify/compress')) return 'compression';
  if (u.includes('preact')) return 'preact: rendering HTML';
  if (u.includes('/src/views/i18n')) return 'i18n (src/views/i18n.ts)';
  if (u.includes('markdown-it') || u.includes('linkify')) return 'markdown';
  if (u.includes('/fastify/') || u.includes('@fastify/') || u.includes('find-my-way'))
    return 'fastify and its plugins';
  if (u.includes('/src/'))
    return `app: ${u
      .slice(u.indexOf('/src/') + 1)
      .split('/')
      .slice(0, 3)
      .join('/')}`;
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(idle)' || fn === '(program)') return 'idle / V8 itself';
  if (u.startsWith('node:') || u === '') return 'Node.js core (streams, http, crypto, …)';
  return `other: ${u.split('/node_modules/').pop()?.split('/')[0] ?? u}`;
}

/** Share of the samples in the last `seconds` of the main thread's profile in `dir`, by area. */
export function summarise(dir: string, seconds: number): { area: string; percent: number }[] {
  // The main thread's profile is the largest (tsx's loader thread writes one too).
  const file = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => statSync(a).size - statSync(b).size)
    .pop();
  if (!file) return [];
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const cutoff = p.endTime - seconds * 1e6;
  const totals = new Map<string, number>();
  let t = p.startTime;
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    if (t < cutoff) continue;
    const dt = p.timeDeltas[i + 1] ?? 0;
    const n = byId.get(p.samples[i]!)!;
    const a = area(n.callFrame.url, n.callFrame.functionName);
    totals.set(a, (totals.get(a) ?? 0) + dt);
    total += dt;
  }
  return [...totals]
    .map(([a, us]) => ({ area: a, percent: (100 * us) / Math.max(total, 1) }))
    .sort((a, b) => b.percent - a.percent);
}

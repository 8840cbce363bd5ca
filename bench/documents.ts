// Document upload and text extraction throughput: documents per second for a mix of PDF, DOCX,
// Markdown and plain text, from the upload until each one's text is stored.
//
//   benchDocuments({ url, headers })   against a running server (its job worker extracts)
//   benchDocumentsInProcess()          the use case and the job, without HTTP, on a temporary
//                                      SQLite database (or DATABASE_URL's PostgreSQL)
//
// Run alone: npx tsx bench/documents.ts [--count 200] [--url http://… --token T]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { connect } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createDocument, makeDocx, makePdf } from '../src/features/documents/index.ts';
import type { Deps } from '../src/http/app.ts';
import { memoryRateLimiter } from '../src/http/rate-limit.ts';
import { runDueJobs } from '../src/jobs/index.ts';
import { newId } from '../src/lib/ids.ts';
import { createBus } from '../src/realtime/bus.ts';
import { localStorage } from '../src/storage/storage.ts';

export interface DocumentBenchResult {
  documents: number;
  /** From the first upload until the last text was stored. */
  seconds: number;
  /** Uploads alone. */
  uploadSeconds: number;
  /** Documents uploaded and extracted per second, end to end. */
  perSecond: number;
  uploadsPerSecond: number;
  /** Bytes uploaded. */
  bytes: number;
  byType: Record<string, number>;
  /** Extractions that did not end as `done` (should be 0). */
  notDone: number;
}

const SENTENCES = [
  'Die Kundenzufriedenheit ist im letzten Quartal deutlich gestiegen.',
  'Bitte verwenden Sie für neue Angebote immer die aktuelle Vorlage.',
  'Der Wartungsvertrag umfasst Inspektion, Wartung und Störungsbeseitigung.',
  'Reaktionszeiten: vier Stunden in der Servicestufe Gold, acht Stunden in Silber.',
  'Änderungen gegenüber der letzten Fassung sind markiert.',
  'Im Anhang finden Sie die Preisliste und die Leistungsbeschreibung.',
];

/** The mix: a quarter each of PDF (5 pages), DOCX, Markdown and text, each about 10 KB of text. */
export function sampleFile(i: number): { name: string; data: Buffer; type: string } {
  const line = (k: number) => `${k + 1}. ${SENTENCES[(i + k) % SENTENCES.length]}`;
  const lines = Array.from({ length: 160 }, (_, k) => line(k));
  switch (i % 4) {
    case 0:
      return {
        name: `angebot-${i}.pdf`,
        type: 'pdf',
        data: makePdf(Array.from({ length: 5 }, (_, p) => lines.slice(p * 32, p * 32 + 32))),
      };
    case 1:
      return { name: `vorlage-${i}.docx`, type: 'docx', data: makeDocx(lines) };
    case 2:
      return {
        name: `howto-${i}.md`,
        type: 'md',
        data: Buffer.from(`# How-to ${i}\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`),
      };
    default:
      return { name: `notiz-${i}.txt`, type: 'txt', data: Buffer.from(lines.join('\n')) };
  }
}

const BOUNDARY = '----kantine-bench-documents';
function multipart(fields: Record<string, string>, file: { name: string; data: Buffer }): Buffer {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    file.data,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  );
  return Buffer.concat(parts);
}

async function pool<T>(
  n: number,
  concurrency: number,
  run: (i: number) => Promise<T>,
): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await run(i);
      }
    }),
  );
  return out;
}

const result = (
  count: number,
  started: number,
  uploaded: number,
  ended: number,
  bytes: number,
  byType: Record<string, number>,
  notDone: number,
): DocumentBenchResult => ({
  documents: count,
  seconds: (ended - started) / 1000,
  uploadSeconds: (uploaded - started) / 1000,
  perSecond: count / ((ended - started) / 1000),
  uploadsPerSecond: count / ((uploaded - started) / 1000),
  bytes,
  byType,
  notDone,
});

/**
 * Against a running Kantine (with its job worker on): uploads `count` documents through
 * `POST /api/v1/documents` (`concurrency` at a time) onto the caller's own shelf, waits until
 * every one's text is extracted, then deletes them again. `headers` authenticate: a bearer
 * token, or a session cookie with its `x-csrf-token`.
 */
export async function benchDocuments(opts: {
  url: string;
  headers: Record<string, string>;
  count?: number;
  concurrency?: number;
  timeoutSeconds?: number;
  log?: (line: string) => void;
}): Promise<DocumentBenchResult> {
  const count = opts.count ?? 200;
  const log = opts.log ?? (() => {});
  const byType: Record<string, number> = {};
  let bytes = 0;
  const started = performance.now();
  const ids = await pool(count, opts.concurrency ?? 4, async (i) => {
    const file = sampleFile(i);
    byType[file.type] = (byType[file.type] ?? 0) + 1;
    bytes += file.data.length;
    const res = await fetch(`${opts.url}/api/v1/documents`, {
      method: 'POST',
      headers: { ...opts.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: new Uint8Array(multipart({ title: `Benchmark ${i}`, hashtags: '#benchmark' }, file)),
    });
    if (res.status !== 201) throw new Error(`upload ${i}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  });
  const uploaded = performance.now();
  log(`documents: ${count} uploaded in ${((uploaded - started) / 1000).toFixed(1)} s`);
  const pending = new Set(ids);
  let notDone = 0;
  const deadline = Date.now() + (opts.timeoutSeconds ?? 300) * 1000;
  while (pending.size > 0) {
    if (Date.now() > deadline) throw new Error(`${pending.size} documents still not extracted`);
    for (const id of [...pending]) {
      const res = await fetch(`${opts.url}/api/v1/documents/${id}`, { headers: opts.headers });
      const d = (await res.json()) as { versionList: { extraction: { status: string } }[] };
      const status = d.versionList[0]?.extraction.status;
      if (status !== 'pending') {
        pending.delete(id);
        if (status !== 'done') notDone += 1;
      }
    }
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 100));
  }
  const ended = performance.now();
  await pool(count, 4, async (i) => {
    await fetch(`${opts.url}/api/v1/documents/${ids[i]}`, {
      method: 'DELETE',
      headers: opts.headers,
    });
  });
  return result(count, started, uploaded, ended, bytes, byType, notDone);
}

/**
 * Without HTTP: the upload use case (type check, storage, rows, job) and the extraction job,
 * on a fresh temporary database. `DATABASE_URL` (postgres://…) selects PostgreSQL.
 */
export async function benchDocumentsInProcess(
  opts: { count?: number; log?: (line: string) => void } = {},
): Promise<DocumentBenchResult> {
  const count = opts.count ?? 200;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kantine-bench-docs-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'kantine.db')}`,
    LOG_LEVEL: 'silent',
  });
  const db = connect(config);
  const bus = createBus({ redisUrl: null });
  try {
    await migrateToLatest(db);
    const deps: Deps = {
      config,
      db,
      mailer: { send: async () => undefined },
      storage: localStorage(path.join(dataDir, 'files')),
      clock: () => new Date(),
      limiter: memoryRateLimiter(),
      bus,
    };
    const now = new Date().toISOString();
    const userId = newId();
    await db
      .insertInto('users')
      .values({
        id: userId,
        email: `bench-${userId.toLowerCase()}@example.com`,
        name: 'Bench',
        name_key: 'bench',
        password_hash: 'x',
        role: 'member',
        status: 'active',
        title: '',
        department: '',
        location: '',
        bio: '',
        photo_key: null,
        availability: 'available',
        capacity: 100,
        away_until: null,
        manager_id: null,
        locale: 'en',
        time_zone: 'UTC',
        created_at: now,
        updated_at: now,
        activated_at: now,
        last_seen_at: null,
        deactivated_at: null,
      })
      .execute();
    const user = (await db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()) as Parameters<typeof createDocument>[1];
    const byType: Record<string, number> = {};
    let bytes = 0;
    const files = Array.from({ length: count }, (_, i) => sampleFile(i));
    const started = performance.now();
    for (const [i, file] of files.entries()) {
      byType[file.type] = (byType[file.type] ?? 0) + 1;
      bytes += file.data.length;
      await createDocument(deps, user, {
        title: `Benchmark ${i}`,
        description: '',
        hashtags: '#benchmark',
        file: { name: file.name, data: file.data, truncated: false },
      });
    }
    const uploaded = performance.now();
    while ((await runDueJobs(deps, { limit: 50 })) > 0);
    const ended = performance.now();
    const notDone = await db
      .selectFrom('document_versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('extraction_status', '!=', 'done')
      .executeTakeFirstOrThrow();
    opts.log?.(`documents: ${count} in process, ${((ended - started) / 1000).toFixed(1)} s`);
    return result(count, started, uploaded, ended, bytes, byType, Number(notDone.n));
  } finally {
    await bus.close();
    await db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One line for RESULTS.md. */
export function documentsLine(r: DocumentBenchResult): string {
  const mix = Object.entries(r.byType)
    .map(([t, n]) => `${n} ${t}`)
    .join(', ');
  return (
    `document upload + text extraction: ${r.perSecond.toFixed(1)} documents/s end to end ` +
    `(${r.documents} documents: ${mix}; ${(r.bytes / 1024 / 1024).toFixed(1)} MB; uploads alone ` +
    `${r.uploadsPerSecond.toFixed(1)}/s; not extracted: ${r.notDone})`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '200' },
      url: { type: 'string' },
      token: { type: 'string' },
    },
  });
  const count = Number(values.count);
  const log = (l: string) => console.error(`bench: ${l}`);
  const r = values.url
    ? await benchDocuments({
        url: values.url,
        headers: { authorization: `Bearer ${values.token ?? ''}` },
        count,
        log,
      })
    : await benchDocumentsInProcess({ count, log });
  console.log(documentsLine(r));
}

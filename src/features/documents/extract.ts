import { Worker } from 'node:worker_threads';
import type { Deps } from '../../http/app.ts';
import { defineJob } from '../../jobs/index.ts';
import { EXTRACT_JOB } from './documents.service.ts';

/** At most this many characters of a version's text are stored (about 1 MB). */
export const TEXT_MAX = 1_000_000;
const ERROR_MAX = 500;

/** PDF and DOCX files from this size on are read on a worker thread, with a time limit. */
export const WORKER_MIN_BYTES = 512 * 1024;
export const WORKER_TIMEOUT_MS = 120_000;

/**
 * Reads a large PDF or DOCX on a worker thread: a long document does not stall the node's
 * requests, and one that takes longer than `timeoutMs` (or more memory than allowed) fails.
 */
export function extractOnWorker(
  type: string,
  data: Buffer,
  timeoutMs = WORKER_TIMEOUT_MS,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./extract.worker.js', import.meta.url), {
      workerData: { type, data },
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () => settle(() => reject(new Error(`extraction took longer than ${timeoutMs / 1000} s`))),
      timeoutMs,
    );
    worker.once('message', (m: { ok: boolean; text?: string; error?: string }) =>
      settle(() => (m.ok ? resolve(m.text ?? '') : reject(new Error(m.error ?? 'unreadable')))),
    );
    worker.once('error', (err) => settle(() => reject(err)));
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`extraction stopped (exit code ${code})`))),
    );
  });
}

/** A file's plain text, by its checked type; throws when the file cannot be read. */
export async function extractText(type: string, mime: string, data: Buffer): Promise<string> {
  if ((type === 'pdf' || type === 'docx') && data.length >= WORKER_MIN_BYTES)
    return extractOnWorker(type, data);
  switch (type) {
    case 'pdf': {
      // unpdf bundles a server build of PDF.js: no worker, nothing fetched at run time.
      const { extractText: pdfText, getDocumentProxy } = await import('unpdf');
      const pdf = await getDocumentProxy(new Uint8Array(data));
      try {
        const { text } = await pdfText(pdf, { mergePages: true });
        return text;
      } finally {
        await pdf.destroy();
      }
    }
    case 'docx': {
      const mammoth = (await import('mammoth')).default;
      return (await mammoth.extractRawText({ buffer: data })).value;
    }
    case 'md':
    case 'txt':
    case 'csv': {
      const charset = /charset=([\w-]+)/.exec(mime)?.[1] ?? 'utf-8';
      return new TextDecoder(charset).decode(data);
    }
    default:
      throw new Error(`no text extraction for ${type}`);
  }
}

/** Text as stored: no NUL (PostgreSQL refuses it), runs of blank lines folded, capped. */
export function tidyText(text: string): string {
  const clean = text
    .replace(/\u0000/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (clean.length <= TEXT_MAX) return clean;
  // Never cut a surrogate pair in half.
  const end = /[\uD800-\uDBFF]/.test(clean[TEXT_MAX - 1]!) ? TEXT_MAX - 1 : TEXT_MAX;
  return clean.slice(0, end);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks);
}

/**
 * The job: reads one version's file and stores its text, or why there is none. A file that
 * cannot be read is recorded as failed at once (trying again would not help); only trouble
 * with the database or storage itself makes the job try again.
 */
export async function runExtraction(payload: { versionId: string }, deps: Deps): Promise<void> {
  const v = await deps.db
    .selectFrom('document_versions')
    .select(['id', 'type', 'mime', 'storage_key', 'extraction_status'])
    .where('id', '=', payload.versionId)
    .executeTakeFirst();
  // Deleted meanwhile, or done by another run.
  if (!v || v.extraction_status !== 'pending') return;
  const file = await deps.storage.get(v.storage_key);
  let result: { status: 'done' | 'failed'; text: string | null; error: string | null };
  if (!file) {
    result = { status: 'failed', text: null, error: 'the file is missing from storage' };
  } else {
    const data = await readAll(file.stream);
    try {
      result = {
        status: 'done',
        text: tidyText(await extractText(v.type, v.mime, data)),
        error: null,
      };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      result = { status: 'failed', text: null, error: message.slice(0, ERROR_MAX) || 'unreadable' };
    }
  }
  await deps.db
    .updateTable('document_versions')
    .set({
      extraction_status: result.status,
      extracted_text: result.text,
      extraction_error: result.error,
    })
    .where('id', '=', v.id)
    .execute();
}

defineJob(EXTRACT_JOB, runExtraction, { maxAttempts: 3 });

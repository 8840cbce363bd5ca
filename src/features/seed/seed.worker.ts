import { parentPort, workerData } from 'node:worker_threads';
import { OrgGenerator, type Rows, type Scale } from './seed.generate.ts';

/**
 * Generates the organisation on a second core while the main thread writes: row batches go to
 * the parent as messages. At most MAX_QUEUED batches wait unwritten (the shared counter), so a
 * slow database never makes this thread run ahead and fill the memory.
 */
export interface WorkerInput {
  scale: Scale;
  now: number;
  passwordHash: string;
  timeZone: string;
  /** Batches posted and not yet written; the parent decrements it. */
  queued: Int32Array;
}

export type WorkerMessage =
  | { type: 'rows'; rows: Rows; done: number | null }
  | { type: 'end'; summary: ReturnType<OrgGenerator['getSummary']> };

const MAX_QUEUED = 6;

const input = workerData as WorkerInput;
const port = parentPort!;

function send(message: WorkerMessage): void {
  for (let n = Atomics.load(input.queued, 0); n >= MAX_QUEUED; n = Atomics.load(input.queued, 0)) {
    Atomics.wait(input.queued, 0, n);
  }
  Atomics.add(input.queued, 0, 1);
  port.postMessage(message);
}

const gen = new OrgGenerator(input.scale, {
  now: new Date(input.now),
  passwordHash: input.passwordHash,
  timeZone: input.timeZone,
});
for (const rows of gen.setup()) send({ type: 'rows', rows, done: null });
for (const { rows, done } of gen.posts()) send({ type: 'rows', rows, done });
send({ type: 'rows', rows: gen.finish(), done: null });
send({ type: 'end', summary: gen.getSummary() });

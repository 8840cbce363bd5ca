// Extracts the text of one large file off the main thread (extract.ts), so that a long PDF
// never stalls the requests of the node running the job. Plain JavaScript: a worker thread
// does not get tsx's TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';

const { type, data } = workerData;
try {
  let text;
  if (type === 'pdf') {
    const { extractText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(data));
    text = (await extractText(pdf, { mergePages: true })).text;
    await pdf.destroy();
  } else if (type === 'docx') {
    const mammoth = (await import('mammoth')).default;
    text = (await mammoth.extractRawText({ buffer: Buffer.from(data) })).value;
  } else {
    throw new Error(`no text extraction for ${type} in a worker`);
  }
  parentPort.postMessage({ ok: true, text });
} catch (err) {
  parentPort.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
}

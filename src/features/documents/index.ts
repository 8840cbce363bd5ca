import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { documentsRoutes } from './documents.routes.tsx';
// Registers the text extraction job with the jobs subsystem.
import './extract.ts';

export { documentsApi } from './documents.api.ts';
export { withGroupDocumentsLink } from './documents.routes.tsx';
export { countDocumentsWithTag, documentReadableBy } from './documents.queries.ts';
export {
  addVersion,
  createDocument,
  deleteDocument,
  download,
  editDocument,
  EXTRACT_JOB,
} from './documents.service.ts';
export { extractText, runExtraction, TEXT_MAX } from './extract.ts';
export { makeDocx, makePdf } from './sample-files.ts';
export type { Document, DocumentVersion, ExtractionStatus } from './documents.table.ts';

export async function registerDocuments(app: FastifyInstance, deps: Deps): Promise<void> {
  await documentsRoutes(app, deps);
}

import { recordDownload } from '../analytics/index.ts';
import type { ReadStream } from 'node:fs';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import {
  AppError,
  fieldError,
  forbidden,
  invalid,
  notFound,
  type FieldError,
} from '../../http/errors.ts';
import { enqueue } from '../../jobs/index.ts';
import { newId } from '../../lib/ids.ts';
import { cleanLine, cleanText } from '../../lib/text.ts';
import type { MessageKey, Params } from '../../views/i18n.ts';
import type { User } from '../accounts/accounts.table.ts';
import { loadGroup } from '../groups/index.ts';
import { extractHashtagSpellings, resolveAliases } from '../hashtags/index.ts';
import { cleanFileName } from '../posts/attachments.ts';
import { FILE_TYPES, sniff, type FileTypeName } from '../posts/file-types.ts';
import {
  findReadableDocument,
  findVersion,
  recordReuse,
  setDocumentHashtags,
  shareATeam,
} from './documents.queries.ts';
import type { Document, DocumentVersion, ExtractionStatus } from './documents.table.ts';

type DocDeps = Pick<Deps, 'db' | 'clock' | 'storage' | 'config'>;

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5_000;
export const HASHTAGS_MAX = 500;
export const NOTE_MAX = 1_000;
const MB = 1024 * 1024;

/** The types a shelf takes: documents, never images (those belong in posts). */
export const DOCUMENT_TYPES = [
  'pdf',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
  'txt',
  'csv',
  'md',
  'zip',
] as const satisfies readonly FileTypeName[];
/** The types whose text is extracted for search. */
export const EXTRACTED_TYPES: readonly string[] = ['pdf', 'docx', 'md', 'txt', 'csv'];
export const EXTRACT_JOB = 'documents.extract';

/** A file as sent: its name, its bytes, and whether it was cut off at the size limit. */
export interface DocumentUpload {
  name: string;
  data: Buffer;
  truncated: boolean;
}

const fileError = (
  status: number,
  code: string,
  fieldCode: string,
  message: MessageKey,
  params: Params,
) =>
  new AppError(status, code, `error.${code}` as MessageKey, {}, [
    { field: 'file', code: fieldCode, message, params },
  ]);

/** Checks a file: present, within the size limit, and a document type by its content. */
export function checkFile(
  upload: DocumentUpload | null | undefined,
  maxMb: number,
): { name: string; data: Buffer; type: FileTypeName; mime: string } {
  if (!upload) throw fieldError('file', 'required', 'documents.file_required');
  const name = cleanFileName(upload.name);
  if (upload.truncated || upload.data.length > maxMb * MB)
    throw fileError(413, 'too_large', 'too_large', 'documents.too_large', { name, max: maxMb });
  if (upload.data.length === 0) throw fieldError('file', 'empty', 'attachments.empty', { name });
  const type = sniff(upload.data, name);
  if (!type || !(DOCUMENT_TYPES as readonly string[]).includes(type.type))
    throw fileError(415, 'unsupported_media_type', 'wrong_type', 'documents.wrong_type', {
      name,
      types: DOCUMENT_TYPES.map((t) => FILE_TYPES[t].label).join(', '),
    });
  return { name, data: upload.data, type: type.type, mime: type.mime };
}

export interface DocumentFields {
  title: string;
  description: string;
  /** Hashtags as typed: `#angebot vorlage, Kunde` (the # may be left out). */
  hashtags: string;
}

interface CheckedFields {
  title: string;
  description: string;
  tags: { tag: string; display: string }[];
}

/** The fields checked together, so that a form shows every problem at once. */
async function checkFields(db: Db, input: DocumentFields): Promise<CheckedFields> {
  const title = cleanLine(input.title ?? '');
  const description = cleanText(input.description ?? '');
  const hashtags = cleanLine(input.hashtags ?? '');
  const errors: FieldError[] = [];
  if (title === '')
    errors.push({ field: 'title', code: 'required', message: 'validation.required' });
  else if (title.length > TITLE_MAX)
    errors.push({
      field: 'title',
      code: 'too_long',
      message: 'validation.too_long',
      params: { max: TITLE_MAX },
    });
  if (description.length > DESCRIPTION_MAX)
    errors.push({
      field: 'description',
      code: 'too_long',
      message: 'validation.too_long',
      params: { max: DESCRIPTION_MAX },
    });
  if (hashtags.length > HASHTAGS_MAX)
    errors.push({
      field: 'hashtags',
      code: 'too_long',
      message: 'validation.too_long',
      params: { max: HASHTAGS_MAX },
    });
  if (errors.length) throw invalid(errors);
  return { title, description, tags: await tagsOf(db, hashtags, description) };
}

/** The hashtags field (with or without #) and those written in the description. */
async function tagsOf(db: Db, hashtags: string, description: string) {
  const typed = hashtags
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((w) => (w.startsWith('#') ? w : `#${w}`))
    .join(' ');
  const spellings = [...extractHashtagSpellings(typed), ...extractHashtagSpellings(description)];
  const resolved = await resolveAliases(
    db,
    spellings.map((s) => s.tag),
  );
  const display = new Map<string, string>();
  for (const s of spellings) if (!display.has(s.tag)) display.set(s.tag, s.display);
  return resolved.slice(0, 30).map((tag) => ({ tag, display: display.get(tag) ?? tag }));
}

export const documentPrefix = (documentId: string) => `documents/${documentId}`;
const storageKey = (documentId: string, versionId: string) =>
  `documents/${documentId}/${versionId}`;

const initialStatus = (type: string): ExtractionStatus =>
  EXTRACTED_TYPES.includes(type) ? 'pending' : 'unsupported';

/** Writes a version's row, and its extraction job when its type has text. */
async function insertVersion(
  db: Db,
  v: {
    id: string;
    documentId: string;
    number: number;
    file: ReturnType<typeof checkFile>;
    by: string;
    note: string;
    now: Date;
  },
): Promise<void> {
  const status = initialStatus(v.file.type);
  await db
    .insertInto('document_versions')
    .values({
      id: v.id,
      document_id: v.documentId,
      number: v.number,
      name: v.file.name,
      mime: v.file.mime,
      type: v.file.type,
      size: v.file.data.length,
      storage_key: storageKey(v.documentId, v.id),
      uploaded_by: v.by,
      change_note: v.note,
      created_at: v.now.toISOString(),
      extraction_status: status,
      extraction_error: null,
      extracted_text: null,
    })
    .execute();
  if (status === 'pending')
    await enqueue(db, EXTRACT_JOB, { versionId: v.id }, { key: `${EXTRACT_JOB}:${v.id}` });
}

export interface NewDocument extends DocumentFields {
  groupId?: string | null;
  file: DocumentUpload | null | undefined;
}

/**
 * Uploads a document into a group the person belongs to, or onto their own shelf. The file is
 * stored before the rows that point at it, and removed again if they fail.
 */
export async function createDocument(
  deps: DocDeps,
  actor: User,
  input: NewDocument,
): Promise<Document> {
  let groupId: string | null = null;
  const problems: FieldError[] = [];
  if (input.groupId) {
    const loaded = await loadGroup(deps, actor, input.groupId).catch(() => null);
    if (!loaded)
      problems.push({ field: 'groupId', code: 'unknown_group', message: 'posts.unknown_group' });
    else if (!loaded.rel.role)
      problems.push({ field: 'groupId', code: 'not_member', message: 'documents.members_upload' });
    else groupId = loaded.group.id;
  }
  const fields = await checkFields(deps.db, input).catch((err: unknown) => {
    if (err instanceof AppError && err.fields.length) {
      problems.push(...err.fields);
      return null;
    }
    throw err;
  });
  if (problems.length) throw invalid(problems);
  const file = checkFile(input.file, deps.config.documentMaxMb);
  const now = deps.clock();
  const doc = {
    id: newId(),
    group_id: groupId,
    owner_id: actor.id,
    title: fields!.title,
    description: fields!.description,
    type: file.type,
    current_version_id: newId(),
    version_count: 1,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await deps.storage.put(storageKey(doc.id, doc.current_version_id), file.data);
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx.insertInto('documents').values(doc).execute();
      await insertVersion(trx, {
        id: doc.current_version_id,
        documentId: doc.id,
        number: 1,
        file,
        by: actor.id,
        note: '',
        now,
      });
      await setDocumentHashtags(trx, doc, fields!.tags, now);
    });
  } catch (err) {
    await deps.storage.removePrefix(documentPrefix(doc.id));
    throw err;
  }
  return (await findReadableDocument(deps.db, actor.id, doc.id))!;
}

/** A document the viewer may read; otherwise "not found" (never "forbidden"). */
export async function loadDocument(
  deps: Pick<Deps, 'db'>,
  viewer: User,
  id: string,
): Promise<Document> {
  const doc = await findReadableDocument(deps.db, viewer.id, id);
  if (!doc) throw notFound();
  return doc;
}

/** The uploader, an owner of the document's group, or an admin. */
export async function canEditDocument(
  deps: Pick<Deps, 'db'>,
  actor: User,
  doc: Document,
): Promise<boolean> {
  if (doc.owner_id === actor.id || actor.role === 'admin') return true;
  if (!doc.group_id) return false;
  const { rel } = await loadGroup(deps, actor, doc.group_id);
  return rel.role === 'owner';
}

async function loadEditable(deps: Pick<Deps, 'db'>, actor: User, id: string): Promise<Document> {
  const doc = await loadDocument(deps, actor, id);
  if (!(await canEditDocument(deps, actor, doc))) throw forbidden();
  return doc;
}

/** A new version of the file, with a note on what changed; the older ones stay. */
export async function addVersion(
  deps: DocDeps,
  actor: User,
  id: string,
  input: { changeNote: string; file: DocumentUpload | null | undefined },
): Promise<DocumentVersion> {
  const doc = await loadEditable(deps, actor, id);
  const note = cleanText(input.changeNote ?? '');
  if (note.length > NOTE_MAX)
    throw fieldError('changeNote', 'too_long', 'validation.too_long', { max: NOTE_MAX });
  const file = checkFile(input.file, deps.config.documentMaxMb);
  const now = deps.clock();
  const versionId = newId();
  await deps.storage.put(storageKey(doc.id, versionId), file.data);
  try {
    await deps.db.transaction().execute(async (trx) => {
      // Counting up first locks the document's row: concurrent versions get their own numbers.
      const { version_count } = await trx
        .updateTable('documents')
        .set((eb) => ({
          version_count: eb('version_count', '+', 1),
          current_version_id: versionId,
          type: file.type,
          updated_at: now.toISOString(),
        }))
        .where('id', '=', doc.id)
        .returning('version_count')
        .executeTakeFirstOrThrow();
      await insertVersion(trx, {
        id: versionId,
        documentId: doc.id,
        number: version_count,
        file,
        by: actor.id,
        note,
        now,
      });
    });
  } catch (err) {
    await deps.storage.removePrefix(storageKey(doc.id, versionId));
    throw err;
  }
  return (await deps.db
    .selectFrom('document_versions')
    .selectAll()
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow()) as DocumentVersion;
}

/** Title, description and hashtags. */
export async function editDocument(
  deps: DocDeps,
  actor: User,
  id: string,
  input: DocumentFields,
): Promise<Document> {
  const doc = await loadEditable(deps, actor, id);
  const fields = await checkFields(deps.db, input);
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('documents')
      .set({ title: fields.title, description: fields.description, updated_at: now.toISOString() })
      .where('id', '=', doc.id)
      .execute();
    await setDocumentHashtags(trx, doc, fields.tags, now);
  });
  return (await findReadableDocument(deps.db, actor.id, doc.id))!;
}

/** Deletes the document with every version; the files go after the rows. */
export async function deleteDocument(deps: DocDeps, actor: User, id: string): Promise<Document> {
  const doc = await loadEditable(deps, actor, id);
  await deps.db.deleteFrom('documents').where('id', '=', doc.id).execute();
  await deps.storage.removePrefix(documentPrefix(doc.id));
  return doc;
}

/**
 * A version's file for the viewer, counted: a download of the version and of the document,
 * and a reuse the first time someone from outside the author's teams takes it. A version
 * whose file is missing (the large seed writes rows only) is "not found", and not counted.
 */
export async function download(
  deps: Pick<Deps, 'db' | 'clock' | 'storage'>,
  viewer: User,
  id: string,
  number: number,
): Promise<{ version: DocumentVersion; stream: ReadStream; size: number }> {
  const doc = await loadDocument(deps, viewer, id);
  const version = await findVersion(deps.db, doc.id, number);
  if (!version) throw notFound();
  const file = await deps.storage.get(version.storage_key);
  if (!file) throw new AppError(404, 'file_missing', 'documents.file_missing');
  const now = deps.clock();
  const outsider =
    viewer.id !== doc.owner_id && !(await shareATeam(deps.db, doc.owner_id, viewer.id));
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('document_versions')
      .set((eb) => ({ download_count: eb('download_count', '+', 1) }))
      .where('id', '=', version.id)
      .execute();
    await trx
      .updateTable('documents')
      .set((eb) => ({ download_count: eb('download_count', '+', 1) }))
      .where('id', '=', doc.id)
      .execute();
    if (outsider) await recordReuse(trx, doc.id, `user:${viewer.id}`, now);
    await recordDownload(trx, viewer.id, now);
  });
  return { version: version as DocumentVersion, stream: file.stream, size: file.size };
}

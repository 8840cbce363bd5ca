import { Type, type Static } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Page, problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { requireViewer } from '../../http/context.tsx';
import { AppError, notFound } from '../../http/errors.ts';
import type { User } from '../accounts/accounts.table.ts';
import { canSeeContent, loadGroup } from '../groups/index.ts';
import {
  hashtagsOfDocuments,
  listDocuments,
  versionsOf,
  type VersionRow,
} from './documents.queries.ts';
import {
  discussedIn,
  documentUploadOf,
  readDocumentForm,
  sendDocumentFile,
  shelfFilter,
  SortSchema,
  TypeSchema,
} from './documents.routes.tsx';
import {
  addVersion,
  canEditDocument,
  createDocument,
  deleteDocument,
  DESCRIPTION_MAX,
  download,
  editDocument,
  HASHTAGS_MAX,
  loadDocument,
  NOTE_MAX,
  TITLE_MAX,
} from './documents.service.ts';
import type { Document } from './documents.table.ts';
import { TYPE_LIST } from './documents.views.tsx';

const Person = Type.Object({ id: Type.String(), name: Type.String() });

const VersionJson = Type.Object(
  {
    number: Type.Integer({ minimum: 1 }),
    name: Type.String({ description: 'the file name the uploader gave, cleaned' }),
    mime: Type.String({ description: 'the type of the content, checked by its bytes' }),
    type: Type.String({ description: 'pdf, docx, xlsx, pptx, odt, ods, odp, txt, csv, md or zip' }),
    size: Type.Integer({ description: 'bytes' }),
    changeNote: Type.String(),
    uploadedBy: Person,
    createdAt: Type.String({ format: 'date-time' }),
    downloads: Type.Integer(),
    extraction: Type.Object({
      status: Type.Union(
        [
          Type.Literal('pending'),
          Type.Literal('done'),
          Type.Literal('failed'),
          Type.Literal('unsupported'),
        ],
        { description: 'text extraction for search: pdf, docx, md, txt and csv have text' },
      ),
      error: Type.Union([Type.String(), Type.Null()]),
    }),
    url: Type.String({ description: 'download it (counted) with the same authentication' }),
  },
  { $id: 'DocumentVersion' },
);

const DocumentJson = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    description: Type.String(),
    hashtags: Type.Array(Type.String(), { description: 'normalised' }),
    groupId: Type.Union([Type.String(), Type.Null()], {
      description: 'null: the owner’s own shelf, readable org-wide',
    }),
    owner: Person,
    type: Type.String({ description: 'the current version’s type' }),
    currentVersion: Type.Integer(),
    versions: Type.Integer({ description: 'how many' }),
    counts: Type.Object({
      downloads: Type.Integer({ description: 'every download of every version' }),
      reuse: Type.Integer({
        description:
          'people outside the owner’s teams who downloaded it (each once), and posts in other groups that attach it',
      }),
    }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    url: Type.String({ description: 'its page' }),
  },
  { $id: 'Document' },
);

const DocumentDetail = Type.Object({
  ...DocumentJson.properties,
  canEdit: Type.Boolean(),
  versionList: Type.Array(Type.Ref(VersionJson), { description: 'newest first' }),
  discussedIn: Type.Array(
    Type.Object({
      postId: Type.String(),
      url: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
    }),
    { description: 'posts that attach it and that the caller may read' },
  ),
});

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const FileParams = Type.Object({
  id: Type.String({ maxLength: 40 }),
  number: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
});
const FILE_DESCRIPTION = `one file, at most DOCUMENT_MAX_MB (default 50) MB, of the types ${TYPE_LIST}; checked by its content, which must agree with its name`;
const NewDocumentForm = Type.Object(
  {
    title: Type.String({ maxLength: TITLE_MAX }),
    description: Type.Optional(Type.String({ maxLength: DESCRIPTION_MAX })),
    hashtags: Type.Optional(
      Type.String({
        maxLength: HASHTAGS_MAX,
        description: 'e.g. `#angebot vorlage` (the # may be left out)',
      }),
    ),
    groupId: Type.Optional(
      Type.String({
        maxLength: 40,
        description: 'a group the caller belongs to; none: their own shelf',
      }),
    ),
    // Required; checked by the handler, so that a missing file is named like any other problem.
    file: Type.Optional(Type.String({ format: 'binary', description: FILE_DESCRIPTION })),
  },
  { additionalProperties: false },
);
const NewVersionForm = Type.Object(
  {
    changeNote: Type.Optional(Type.String({ maxLength: NOTE_MAX })),
    // Required; checked by the handler, so that a missing file is named like any other problem.
    file: Type.Optional(Type.String({ format: 'binary', description: FILE_DESCRIPTION })),
  },
  { additionalProperties: false },
);

export function versionJson(documentId: string, v: VersionRow): Static<typeof VersionJson> {
  return {
    number: v.number,
    name: v.name,
    mime: v.mime,
    type: v.type,
    size: v.size,
    changeNote: v.change_note,
    uploadedBy: { id: v.uploaded_by, name: v.uploader_name },
    createdAt: v.created_at,
    downloads: v.download_count,
    extraction: { status: v.extraction_status, error: v.extraction_error },
    url: `/api/v1/documents/${documentId}/versions/${v.number}/file`,
  };
}

function documentJson(
  d: Document & { owner_name: string },
  hashtags: string[],
  currentNumber: number,
): Static<typeof DocumentJson> {
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    hashtags,
    groupId: d.group_id,
    owner: { id: d.owner_id, name: d.owner_name },
    type: d.type,
    currentVersion: currentNumber,
    versions: d.version_count,
    counts: { downloads: d.download_count, reuse: d.reuse_count },
    createdAt: d.created_at,
    updatedAt: d.updated_at,
    url: `/documents/${d.id}`,
  };
}

/** `/api/v1/documents…`: the shelf, upload, one document, versions, downloads. */
export async function documentsApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addSchema(VersionJson);
  app.addSchema(DocumentJson);
  const tags = ['documents'];

  const detail = async (viewer: User, doc: Document) => {
    const [owner, hashtags, versions, discussed, canEdit] = await Promise.all([
      db
        .selectFrom('users')
        .select('name')
        .where('id', '=', doc.owner_id)
        .executeTakeFirstOrThrow(),
      hashtagsOfDocuments(db, [doc.id]),
      versionsOf(db, doc.id),
      discussedIn(db, viewer.id, doc.id),
      canEditDocument(deps, viewer, doc),
    ]);
    const current = versions.find((v) => v.id === doc.current_version_id);
    return {
      ...documentJson(
        { ...doc, owner_name: owner.name },
        hashtags.get(doc.id) ?? [],
        current?.number ?? versions.length,
      ),
      canEdit,
      versionList: versions.map((v) => versionJson(doc.id, v)),
      discussedIn: discussed.map((p) => ({
        postId: p.id,
        url: `/api/v1/posts/${p.id}`,
        createdAt: p.created_at,
      })),
    };
  };
  const multipartOnly = (req: FastifyRequest) => {
    if (!req.isMultipart())
      throw new AppError(415, 'unsupported_media_type', 'error.unsupported_media_type');
  };

  app.get(
    '/documents',
    {
      schema: {
        tags,
        summary: 'Documents the caller may read: newest, most reused or most downloaded first',
        description: 'A group the caller may not read is "not found".',
        querystring: Type.Object({
          groupId: Type.Optional(Type.String({ maxLength: 40 })),
          tag: Type.Optional(Type.String({ maxLength: 200 })),
          type: Type.Optional(TypeSchema),
          sort: Type.Optional(SortSchema),
          cursor: Type.Optional(Type.String({ maxLength: 80 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
        }),
        response: { 200: Page(Type.Ref(DocumentJson)), ...problems(400, 401, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      if (req.query.groupId) {
        const { group, rel } = await loadGroup(deps, viewer, req.query.groupId);
        if (!canSeeContent(viewer, group, rel)) throw notFound();
      }
      const f = await shelfFilter(db, req.query);
      const page = await listDocuments(db, viewer.id, {
        groupId: f.groupId || null,
        tag: f.tag || null,
        type: f.type || null,
        sort: f.sort,
        cursor: req.query.cursor ?? null,
        limit: req.query.limit ?? 20,
      });
      const ids = page.items.map((d) => d.id);
      const [hashtags, numbers] = await Promise.all([
        hashtagsOfDocuments(db, ids),
        ids.length
          ? db
              .selectFrom('document_versions')
              .innerJoin('documents', 'documents.current_version_id', 'document_versions.id')
              .select(['documents.id', 'document_versions.number'])
              .where('documents.id', 'in', ids)
              .execute()
          : [],
      ]);
      const number = new Map(numbers.map((n) => [n.id, n.number]));
      return {
        items: page.items.map((d) =>
          documentJson(d, hashtags.get(d.id) ?? [], number.get(d.id) ?? d.version_count),
        ),
        nextCursor: page.next,
      };
    },
  );

  app.post(
    '/documents',
    {
      preValidation: readDocumentForm(deps),
      schema: {
        tags,
        summary: 'Upload a document into a group one belongs to, or onto one’s own shelf',
        description:
          'multipart/form-data. Too large: 413; a type not taken: 415; both name the `file` field. ' +
          'Its text is extracted in the background (see a version’s `extraction`).',
        body: { content: { 'multipart/form-data': { schema: NewDocumentForm } } },
        response: { 201: DocumentDetail, ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      multipartOnly(req);
      const b = req.body as Partial<Static<typeof NewDocumentForm>>;
      const doc = await createDocument(deps, viewer, {
        title: b.title ?? '',
        description: b.description ?? '',
        hashtags: b.hashtags ?? '',
        groupId: b.groupId || null,
        file: documentUploadOf(req),
      });
      return reply.code(201).send(await detail(viewer, doc));
    },
  );

  app.get(
    '/documents/:id',
    {
      schema: {
        tags,
        summary: 'A document with its versions and where it was discussed',
        params: IdParams,
        response: { 200: DocumentDetail, ...problems(401, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      return detail(viewer, await loadDocument(deps, viewer, req.params.id));
    },
  );

  app.patch(
    '/documents/:id',
    {
      schema: {
        tags,
        summary: 'Change title, description or hashtags (uploader, group owner, admin)',
        params: IdParams,
        body: Type.Object(
          {
            title: Type.Optional(Type.String({ maxLength: TITLE_MAX })),
            description: Type.Optional(Type.String({ maxLength: DESCRIPTION_MAX })),
            hashtags: Type.Optional(
              Type.String({ maxLength: HASHTAGS_MAX, description: 'replaces them all' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: DocumentDetail, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const doc = await loadDocument(deps, viewer, req.params.id);
      const b = req.body;
      const current =
        b.hashtags === undefined
          ? ((await hashtagsOfDocuments(db, [doc.id])).get(doc.id) ?? [])
              .map((t) => `#${t}`)
              .join(' ')
          : b.hashtags;
      const saved = await editDocument(deps, viewer, doc.id, {
        title: b.title ?? doc.title,
        description: b.description ?? doc.description,
        hashtags: current,
      });
      return detail(viewer, saved);
    },
  );

  app.delete(
    '/documents/:id',
    {
      schema: {
        tags,
        summary: 'Delete a document with every version (uploader, group owner, admin)',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await deleteDocument(deps, requireViewer(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/documents/:id/versions',
    {
      schema: {
        tags,
        summary: 'A document’s versions, newest first',
        params: IdParams,
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref(VersionJson)) }),
          ...problems(401, 404),
        },
      },
    },
    async (req) => {
      const doc = await loadDocument(deps, requireViewer(req), req.params.id);
      return { items: (await versionsOf(db, doc.id)).map((v) => versionJson(doc.id, v)) };
    },
  );

  app.post(
    '/documents/:id/versions',
    {
      preValidation: readDocumentForm(deps),
      schema: {
        tags,
        summary: 'Add a version (uploader, group owner, admin); the older ones stay downloadable',
        description: 'multipart/form-data, with the same limits as an upload.',
        params: IdParams,
        body: { content: { 'multipart/form-data': { schema: NewVersionForm } } },
        response: { 201: Type.Ref(VersionJson), ...problems(400, 401, 403, 404, 413, 415) },
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      multipartOnly(req);
      const b = req.body as Partial<Static<typeof NewVersionForm>>;
      const v = await addVersion(deps, viewer, req.params.id, {
        changeNote: b.changeNote ?? '',
        file: documentUploadOf(req),
      });
      const row = (await versionsOf(db, v.document_id)).find((x) => x.id === v.id)!;
      return reply.code(201).send(versionJson(v.document_id, row));
    },
  );

  app.get(
    '/documents/:id/versions/:number/file',
    {
      schema: {
        tags,
        summary:
          'Download a version (counted; a reuse when the caller is outside the owner’s teams)',
        params: FileParams,
        produces: ['application/octet-stream'],
        response: {
          200: Type.String({
            format: 'binary',
            description: 'the file, with its Content-Type and name',
          }),
          ...problems(401, 404),
        },
      },
    },
    async (req, reply) =>
      sendDocumentFile(
        reply,
        await download(deps, requireViewer(req), req.params.id, req.params.number),
      ),
  );
}

import { myGroups } from '../posts/index.ts';
import { Type, type Static } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireViewer, sendPage } from '../../http/context.tsx';
import { AppError, notFound } from '../../http/errors.ts';
import { FormBody, tryForm } from '../../http/forms.ts';
import type { Errors } from '../../views/form.tsx';
import type { PageSection } from '../../views/layout.tsx';
import type { User } from '../accounts/accounts.table.ts';
import { canSeeContent, loadGroup } from '../groups/index.ts';
import { aliasTarget, normaliseTag } from '../hashtags/index.ts';
import { contentDisposition } from '../posts/attachments.ts';
import { readableBy } from '../posts/index.ts';
import {
  countDocumentsWithTag,
  DOCUMENT_SORTS,
  hashtagsOfDocuments,
  listDocuments,
  versionsOf,
  type DocumentSort,
} from './documents.queries.ts';
import {
  addVersion,
  canEditDocument,
  createDocument,
  deleteDocument,
  DESCRIPTION_MAX,
  download,
  DOCUMENT_TYPES,
  editDocument,
  HASHTAGS_MAX,
  loadDocument,
  NOTE_MAX,
  TITLE_MAX,
  type DocumentUpload,
} from './documents.service.ts';
import type { Document } from './documents.table.ts';
import {
  DocumentPage,
  EditDocumentPage,
  ShelfPage,
  UploadPage,
  type ShelfFilter,
} from './documents.views.tsx';

export const SHELF_PAGE = 20;
const MB = 1024 * 1024;
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const FileParams = Type.Object({
  id: Type.String({ maxLength: 40 }),
  number: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
});
export const SortSchema = Type.Union(DOCUMENT_SORTS.map((s) => Type.Literal(s)));
export const TypeSchema = Type.Union(DOCUMENT_TYPES.map((s) => Type.Literal(s)));
const ShelfQuery = Type.Object({
  groupId: Type.Optional(Type.String({ maxLength: 40 })),
  tag: Type.Optional(Type.String({ maxLength: 200 })),
  type: Type.Optional(Type.Union([TypeSchema, Type.Literal('')])),
  sort: Type.Optional(SortSchema),
  cursor: Type.Optional(Type.String({ maxLength: 80 })),
});

const uploadsByRequest = new WeakMap<FastifyRequest, DocumentUpload>();

/** The file a multipart document form or API call sent, if any. */
export const documentUploadOf = (req: FastifyRequest): DocumentUpload | undefined =>
  uploadsByRequest.get(req);

/**
 * A route's preValidation hook for a multipart document form: its fields become the body (so
 * the schema and the CSRF check read them as from any other form); its one `file` is kept for
 * the handler. A file over DOCUMENT_MAX_MB is cut off there and refused with its name.
 */
export function readDocumentForm(deps: Pick<Deps, 'config'>) {
  const options = {
    limits: {
      fileSize: deps.config.documentMaxMb * MB,
      files: 1,
      fields: 20,
      fieldSize: 64 * 1024,
      parts: 22,
    },
    throwFileSizeLimit: false,
  } as Parameters<FastifyRequest['parts']>[0];
  return async (req: FastifyRequest): Promise<void> => {
    if (!req.isMultipart()) return;
    requireViewer(req);
    const fields: Record<string, string> = Object.create(null);
    for await (const part of req.parts(options)) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !(part.fieldname in fields))
          fields[part.fieldname] = part.value;
      } else if (part.fieldname === 'file') {
        const data = await part.toBuffer();
        // A browser sends one empty, nameless file when none was chosen.
        if (data.length === 0 && !part.filename) continue;
        uploadsByRequest.set(req, { name: part.filename, data, truncated: part.file.truncated });
      } else {
        await part.toBuffer();
      }
    }
    req.body = fields;
  };
}

/** The shelf's filter from a query; a hashtag through its alias. */
export async function shelfFilter(
  db: Db,
  q: { groupId?: string; tag?: string; type?: string; sort?: DocumentSort },
): Promise<ShelfFilter> {
  let tag = '';
  if (q.tag?.trim()) {
    const asked = normaliseTag(q.tag.trim().replace(/^#/, ''));
    tag = (await aliasTarget(db, asked)) ?? asked;
  }
  return { groupId: q.groupId ?? '', tag, type: q.type ?? '', sort: q.sort ?? 'newest' };
}

const shelfUrl = (path: string, f: ShelfFilter, cursor: string) => {
  const p = new URLSearchParams();
  if (f.groupId && !path.startsWith('/groups/')) p.set('groupId', f.groupId);
  if (f.tag) p.set('tag', f.tag);
  if (f.type) p.set('type', f.type);
  p.set('sort', f.sort);
  p.set('cursor', cursor);
  return `${path}?${p.toString()}`;
};

/** Posts that attach the document and that the viewer may read. */
export async function discussedIn(db: Db, viewerId: string, documentId: string) {
  return db
    .selectFrom('post_documents')
    .innerJoin('posts', 'posts.id', 'post_documents.post_id')
    .innerJoin('users', 'users.id', 'posts.author_id')
    .leftJoin('groups', 'groups.id', 'posts.group_id')
    .select([
      'posts.id',
      'posts.body',
      'posts.created_at',
      'posts.group_id',
      'users.name as author_name',
      'groups.name as group_name',
    ])
    .where('post_documents.document_id', '=', documentId)
    .where(readableBy(viewerId, db))
    .orderBy('posts.id', 'desc')
    .limit(50)
    .execute();
}

/** Values of a document form as typed, to give back with its errors. */
const typed = (b: unknown, keys: readonly string[]): Record<string, string> => {
  const body = (b ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    keys.map((k) => [k, typeof body[k] === 'string' ? (body[k] as string) : '']),
  );
};

/** Sends a version's file: its checked type, as a download under the person's name. */
export function sendDocumentFile(reply: FastifyReply, r: Awaited<ReturnType<typeof download>>) {
  return reply
    .header('content-type', r.version.mime)
    .header('content-length', r.size)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', contentDisposition('attachment', r.version.name))
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(r.stream);
}

/** Shelf, upload, document page, versions, edit, delete, download. */
export async function documentsRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  const maxMb = deps.config.documentMaxMb;

  const shelf = async (
    req: FastifyRequest,
    reply: FastifyReply,
    viewer: User,
    opts: {
      path: string;
      title: string;
      query: Static<typeof ShelfQuery>;
      group: { id: string; name: string } | null;
    },
  ) => {
    const filter = await shelfFilter(db, opts.query);
    if (opts.group) filter.groupId = opts.group.id;
    const page = await listDocuments(db, viewer.id, {
      groupId: filter.groupId || null,
      tag: filter.tag || null,
      type: filter.type || null,
      sort: filter.sort,
      cursor: opts.query.cursor ?? null,
      limit: SHELF_PAGE,
    });
    const [hashtags, groups, tagCount] = await Promise.all([
      hashtagsOfDocuments(
        db,
        page.items.map((d) => d.id),
      ),
      opts.group ? null : myGroups(db, viewer.id),
      // Counted among the documents the viewer may read only, like everything here.
      filter.tag ? countDocumentsWithTag(db, viewer.id, filter.tag) : null,
    ]);
    return sendPage(req, reply, deps, opts.title, (ctx) => (
      <ShelfPage
        ctx={ctx}
        title={opts.title}
        path={opts.path}
        filter={filter}
        groups={groups}
        items={page.items}
        hashtags={hashtags}
        tagCount={tagCount}
        nextUrl={page.next ? shelfUrl(opts.path, filter, page.next) : null}
        uploadUrl={opts.group ? `/documents/new?groupId=${opts.group.id}` : '/documents/new'}
        context={
          opts.group ? (
            <p>
              <a href={`/groups/${opts.group.id}`}>{opts.group.name}</a>
            </p>
          ) : null
        }
      />
    ));
  };

  app.get('/documents', { schema: { querystring: ShelfQuery } }, async (req, reply) => {
    const viewer = requireViewer(req);
    if (req.query.groupId) {
      // Filtering by a group one may not read is "not found", as its page is.
      const { group, rel } = await loadGroup(deps, viewer, req.query.groupId);
      if (!canSeeContent(viewer, group, rel)) throw notFound();
    }
    return shelf(req, reply, viewer, {
      path: '/documents',
      title: req.i18n.t('documents.shelf'),
      query: req.query,
      group: null,
    });
  });

  app.get(
    '/groups/:id/documents',
    { schema: { params: IdParams, querystring: ShelfQuery } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { group, rel } = await loadGroup(deps, viewer, req.params.id);
      if (!canSeeContent(viewer, group, rel)) throw notFound();
      return shelf(req, reply, viewer, {
        path: `/groups/${group.id}/documents`,
        title: req.i18n.t('documents.in_group', { group: group.name }),
        query: req.query,
        group: { id: group.id, name: group.name },
      });
    },
  );

  const showUpload = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors: Errors,
    status: number,
  ) => {
    const viewer = requireViewer(req);
    const groups = await myGroups(db, viewer.id);
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('documents.upload'),
      (ctx) => (
        <UploadPage ctx={ctx} groups={groups} values={values} errors={errors} maxMb={maxMb} />
      ),
      status,
    );
  };

  app.get(
    '/documents/new',
    {
      schema: {
        querystring: Type.Object({ groupId: Type.Optional(Type.String({ maxLength: 40 })) }),
      },
    },
    async (req, reply) => showUpload(req, reply, { groupId: req.query.groupId ?? '' }, {}, 200),
  );

  const UPLOAD_FIELDS = ['title', 'description', 'hashtags', 'groupId'] as const;
  app.post(
    '/documents',
    {
      preValidation: readDocumentForm(deps),
      schema: {
        body: FormBody({
          title: Type.Optional(Type.String({ maxLength: TITLE_MAX * 2 })),
          description: Type.Optional(Type.String({ maxLength: DESCRIPTION_MAX * 2 })),
          hashtags: Type.Optional(Type.String({ maxLength: HASHTAGS_MAX * 2 })),
          groupId: Type.Optional(Type.String({ maxLength: 40 })),
        }),
      },
      attachValidation: true,
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const values = typed(req.body, UPLOAD_FIELDS);
      const file = documentUploadOf(req);
      const r = req.validationError
        ? { errors: { title: req.i18n.t('validation.invalid_format') } as Errors }
        : await tryForm(req, () =>
            createDocument(deps, viewer, {
              title: values.title ?? '',
              description: values.description ?? '',
              hashtags: values.hashtags ?? '',
              groupId: values.groupId || null,
              file,
            }),
          );
      if ('errors' in r) {
        const status = file?.truncated ? 413 : 400;
        return showUpload(req, reply, { ...values, fileSent: file ? '1' : '' }, r.errors, status);
      }
      return redirectWithFlash(reply, `/documents/${r.ok.id}`, 'success', 'documents.uploaded');
    },
  );

  const showDocument = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: { errors: Errors; values: Record<string, string>; status: number },
  ) => {
    const viewer = requireViewer(req);
    const doc = await loadDocument(deps, viewer, id);
    const [owner, group, tags, versions, discussed, canEdit] = await Promise.all([
      db
        .selectFrom('users')
        .select('name')
        .where('id', '=', doc.owner_id)
        .executeTakeFirstOrThrow(),
      doc.group_id
        ? db
            .selectFrom('groups')
            .select(['id', 'name'])
            .where('id', '=', doc.group_id)
            .executeTakeFirst()
        : null,
      hashtagsOfDocuments(db, [doc.id]),
      versionsOf(db, doc.id),
      discussedIn(db, viewer.id, doc.id),
      canEditDocument(deps, viewer, doc),
    ]);
    return sendPage(
      req,
      reply,
      deps,
      doc.title,
      (ctx) => (
        <DocumentPage
          ctx={ctx}
          doc={doc}
          ownerName={owner.name}
          group={group ?? null}
          hashtags={tags.get(doc.id) ?? []}
          versions={versions}
          discussed={discussed}
          canEdit={canEdit}
          errors={form.errors}
          values={form.values}
          maxMb={maxMb}
        />
      ),
      form.status,
    );
  };

  app.get('/documents/:id', { schema: { params: IdParams } }, async (req, reply) =>
    showDocument(req, reply, req.params.id, { errors: {}, values: {}, status: 200 }),
  );

  app.post(
    '/documents/:id/versions',
    {
      preValidation: readDocumentForm(deps),
      schema: {
        params: IdParams,
        body: FormBody({ changeNote: Type.Optional(Type.String({ maxLength: NOTE_MAX * 2 })) }),
      },
      attachValidation: true,
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { id } = req.params as { id: string };
      const values = typed(req.body, ['changeNote']);
      const file = documentUploadOf(req);
      const r = req.validationError
        ? { errors: { changeNote: req.i18n.t('validation.invalid_format') } as Errors }
        : await tryForm(req, () =>
            addVersion(deps, viewer, id, { changeNote: values.changeNote ?? '', file }),
          );
      if ('errors' in r)
        return showDocument(req, reply, id, {
          errors: r.errors,
          values: { ...values, fileSent: file ? '1' : '' },
          status: file?.truncated ? 413 : 400,
        });
      return redirectWithFlash(
        reply,
        `/documents/${id}#versions`,
        'success',
        'documents.version_added',
        { number: r.ok.number },
      );
    },
  );

  const showEdit = async (
    req: FastifyRequest,
    reply: FastifyReply,
    doc: Document,
    values: Record<string, string>,
    errors: Errors,
    status: number,
  ) =>
    sendPage(
      req,
      reply,
      deps,
      req.i18n.t('documents.edit'),
      (ctx) => <EditDocumentPage ctx={ctx} doc={doc} values={values} errors={errors} />,
      status,
    );

  const editable = async (viewer: User, id: string) => {
    const doc = await loadDocument(deps, viewer, id);
    if (!(await canEditDocument(deps, viewer, doc)))
      throw new AppError(403, 'forbidden', 'error.forbidden');
    return doc;
  };

  app.get('/documents/:id/edit', { schema: { params: IdParams } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const doc = await editable(viewer, req.params.id);
    const tags = (await hashtagsOfDocuments(db, [doc.id])).get(doc.id) ?? [];
    return showEdit(
      req,
      reply,
      doc,
      {
        title: doc.title,
        description: doc.description,
        hashtags: tags.map((t) => `#${t}`).join(' '),
      },
      {},
      200,
    );
  });

  app.post(
    '/documents/:id',
    {
      schema: {
        params: IdParams,
        body: FormBody({
          title: Type.Optional(Type.String({ maxLength: TITLE_MAX * 2 })),
          description: Type.Optional(Type.String({ maxLength: DESCRIPTION_MAX * 2 })),
          hashtags: Type.Optional(Type.String({ maxLength: HASHTAGS_MAX * 2 })),
        }),
      },
      attachValidation: true,
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const doc = await editable(viewer, req.params.id);
      const values = typed(req.body, ['title', 'description', 'hashtags']);
      const r = req.validationError
        ? { errors: { title: req.i18n.t('validation.invalid_format') } as Errors }
        : await tryForm(req, () =>
            editDocument(
              deps,
              viewer,
              doc.id,
              values as { title: string; description: string; hashtags: string },
            ),
          );
      if ('errors' in r) return showEdit(req, reply, doc, values, r.errors, 400);
      return redirectWithFlash(reply, `/documents/${doc.id}`, 'success', 'documents.saved');
    },
  );

  app.post('/documents/:id/delete', { schema: { params: IdParams } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const doc = await deleteDocument(deps, viewer, req.params.id);
    return redirectWithFlash(
      reply,
      doc.group_id ? `/groups/${doc.group_id}/documents` : '/documents',
      'success',
      'documents.deleted',
    );
  });

  app.get(
    '/documents/:id/versions/:number/file',
    { schema: { params: FileParams } },
    async (req, reply) => {
      const viewer = requireViewer(req);
      return sendDocumentFile(
        reply,
        await download(deps, viewer, req.params.id, req.params.number),
      );
    },
  );
}

/** A group page's feed with a link to the group's documents above it (shown to readers only). */
export function withGroupDocumentsLink(feed: PageSection): PageSection {
  return async (req, viewer, groupId) => {
    const inner = await feed(req, viewer, groupId);
    return (ctx) => (
      <>
        <p class="group-documents">
          <a href={`/groups/${groupId}/documents`}>{ctx.i18n.t('documents.group_link')}</a>
        </p>
        {inner(ctx)}
      </>
    );
  };
}

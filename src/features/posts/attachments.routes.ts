import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { requireViewer } from '../../http/context.tsx';
import { notFound } from '../../http/errors.ts';
import {
  ATTACHMENTS_MAX,
  contentDisposition,
  findAttachment,
  removeAttachments,
  thumbKey,
  type Uploads,
} from './attachments.ts';
import type { Attachment } from './attachments.table.ts';
import { loadPost } from './posts.service.ts';

const MB = 1024 * 1024;
const Params = Type.Object({
  id: Type.String({ maxLength: 40 }),
  attachmentId: Type.String({ maxLength: 40 }),
});

export const AttachmentJson = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('image'), Type.Literal('file')]),
  name: Type.String({ description: 'as the person named it, cleaned' }),
  mime: Type.String({ description: 'the type of the content, checked by its bytes' }),
  size: Type.Integer({ description: 'bytes; images as stored (re-encoded)' }),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
  url: Type.String({ description: 'download it with the same authentication' }),
});

const uploadsByRequest = new WeakMap<FastifyRequest, Uploads>();

/** The files a multipart post form sent (readMultipartForm), if it was one. */
export const uploadsOf = (req: FastifyRequest): Uploads | undefined => uploadsByRequest.get(req);

/**
 * A route's preValidation hook for a multipart post form: its fields become the body, so that
 * the route's schema and the CSRF check read them as from any other form; its files are kept
 * for the handler. Files beyond the limit are not read; one over the size limit is cut off
 * and refused with its name (attachments.ts) rather than failing the whole request.
 */
export function readMultipartForm(deps: Pick<Deps, 'config'>) {
  const maxMb = deps.config.attachmentMaxMb;
  const options = {
    limits: {
      fileSize: maxMb * MB,
      files: ATTACHMENTS_MAX,
      fields: 20,
      fieldSize: 256 * 1024,
      parts: ATTACHMENTS_MAX + 20,
    },
    throwFileSizeLimit: false,
  } as Parameters<FastifyRequest['parts']>[0];
  return async (req: FastifyRequest): Promise<void> => {
    if (!req.isMultipart()) return;
    requireViewer(req);
    const fields: Record<string, string | string[]> = Object.create(null);
    const uploads: Uploads = { files: [], tooMany: false, maxMb };
    try {
      for await (const part of req.parts(options)) {
        if (part.type === 'field') {
          if (typeof part.value !== 'string') continue;
          const prev = fields[part.fieldname];
          fields[part.fieldname] = prev === undefined ? part.value : [prev, part.value].flat();
        } else if (part.fieldname === 'files') {
          const data = await part.toBuffer();
          // A browser sends one empty, nameless file when none was chosen.
          if (data.length === 0 && !part.filename) continue;
          uploads.files.push({ name: part.filename, data, truncated: part.file.truncated });
        } else {
          await part.toBuffer();
        }
      }
    } catch (err) {
      if ((err as { code?: string }).code !== 'FST_FILES_LIMIT') throw err;
      uploads.tooMany = true;
    }
    req.body = fields;
    uploadsByRequest.set(req, uploads);
  };
}

/**
 * Sends a stored attachment: its checked type, never sniffed by the browser, images inline and
 * other files as downloads under the person's name, in a sandbox should one be opened anyway.
 */
async function sendAttachment(
  deps: Pick<Deps, 'storage'>,
  reply: FastifyReply,
  a: Attachment,
  thumb: boolean,
) {
  if (thumb && a.kind !== 'image') throw notFound();
  const file = await deps.storage.get(thumb ? thumbKey(a.storage_key) : a.storage_key);
  if (!file) throw notFound();
  return reply
    .header('content-type', a.mime)
    .header('content-length', file.size)
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-disposition',
      contentDisposition(a.kind === 'image' ? 'inline' : 'attachment', a.name),
    )
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
    .header('cache-control', 'private, max-age=86400')
    .send(file.stream);
}

/** Access follows the post exactly: whoever may not read it gets "not found". */
async function load(deps: Deps, req: FastifyRequest, id: string, attachmentId: string) {
  const viewer = requireViewer(req);
  const post = await loadPost(deps, viewer, id);
  const a = await findAttachment(deps.db, post.id, attachmentId);
  if (!a) throw notFound();
  return { viewer, post, a };
}

/** Pages: an attachment and an image's thumbnail, with the session cookie. */
export async function attachmentRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/posts/:id/attachments/:attachmentId',
    { schema: { params: Params } },
    async (req, reply) => {
      const { a } = await load(deps, req, req.params.id, req.params.attachmentId);
      return sendAttachment(deps, reply, a, false);
    },
  );
  app.get(
    '/posts/:id/attachments/:attachmentId/thumb',
    { schema: { params: Params } },
    async (req, reply) => {
      const { a } = await load(deps, req, req.params.id, req.params.attachmentId);
      return sendAttachment(deps, reply, a, true);
    },
  );
}

/** `/api/v1/posts/{id}/attachments/{attachmentId}`: download; the author removes one. */
export async function attachmentsApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['posts'];
  app.get(
    '/posts/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary:
          'Download an attachment of a post (images inline, other files as attachment; ' +
          'readable by whoever may read the post)',
        params: Params,
        produces: ['application/octet-stream'],
        response: {
          200: Type.String({ format: 'binary', description: 'the file, with its Content-Type' }),
          ...problems(401, 404),
        },
      },
    },
    async (req, reply) => {
      const { a } = await load(deps, req, req.params.id, req.params.attachmentId);
      return sendAttachment(deps, reply, a, false);
    },
  );
  app.delete(
    '/posts/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'The author removes an attachment from a post',
        params: Params,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { viewer, post, a } = await load(deps, req, req.params.id, req.params.attachmentId);
      await removeAttachments(deps, viewer, post, [a.id]);
      return reply.code(204).send(null);
    },
  );
}

import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireViewer, sendPage } from '../../http/context.tsx';
import { FormBody, tryForm } from '../../http/forms.ts';
import type { Errors } from '../../views/form.tsx';
import { requireCustomerAdmin } from './customers.access.ts';
import { formText } from './customers.checks.ts';
import { evaluationsCsv } from './evaluations.csv.ts';
import { IMPORT_MAX_BYTES, runImport } from './import.ts';
import { ImportPage, ImportPreviewPage } from './import.views.tsx';
import { loadRound } from './rounds.ts';

// A CSV of 1 MB may triple when a form URL-encodes it (every `;` becomes `%3B`).
const FORM_BODY_LIMIT = 4 * IMPORT_MAX_BYTES;
const CsvBody = FormBody({ csv: Type.Optional(Type.String({ maxLength: 2 * IMPORT_MAX_BYTES })) });

interface Upload {
  text: string | null;
  /** Over the size limit: cut off while reading. */
  truncated: boolean;
  /** Not UTF-8. */
  undecodable: boolean;
}
const uploads = new WeakMap<FastifyRequest, Upload>();
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The import form as multipart (a file, or the text pasted): the fields become the body, so the
 * schema and the CSRF check read them as from any form; the file is kept for the handler.
 */
async function readImportForm(req: FastifyRequest): Promise<void> {
  if (!req.isMultipart()) return;
  requireViewer(req);
  const options = {
    limits: {
      fileSize: IMPORT_MAX_BYTES,
      files: 1,
      fields: 5,
      fieldSize: IMPORT_MAX_BYTES + 1,
      parts: 7,
    },
    throwFileSizeLimit: false,
  } as Parameters<FastifyRequest['parts']>[0];
  const fields: Record<string, string> = Object.create(null);
  const upload: Upload = { text: null, truncated: false, undecodable: false };
  for await (const part of req.parts(options)) {
    if (part.type === 'field') {
      if (typeof part.value !== 'string' || part.fieldname in fields) continue;
      if (part.valueTruncated) upload.truncated = true;
      fields[part.fieldname] = part.value;
    } else if (part.fieldname === 'file') {
      const data = await part.toBuffer();
      // A browser sends one empty, nameless file when none was chosen.
      if (data.length === 0 && !part.filename) continue;
      if (part.file.truncated) upload.truncated = true;
      try {
        upload.text = utf8.decode(data);
      } catch {
        upload.undecodable = true;
      }
    } else {
      await part.toBuffer();
    }
  }
  uploads.set(req, upload);
  req.body = fields;
}

/** Import (admins): upload or paste, preview every row, confirm; and the CSV export. */
export async function importRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  const showUpload = (
    req: FastifyRequest,
    reply: FastifyReply,
    csv: string,
    errors: Errors,
    status = 200,
  ) =>
    sendPage(
      req,
      reply,
      deps,
      req.i18n.t('customers.import.title'),
      (ctx) => <ImportPage ctx={ctx} csv={csv} errors={errors} />,
      status,
    );

  app.get('/customers/import', async (req, reply) => {
    await requireCustomerAdmin(req, db, 'page');
    return showUpload(req, reply, '', {});
  });

  /** Plans (and on confirmation writes) the import; its problems shown on the right page. */
  const importCsv = async (
    req: FastifyRequest,
    reply: FastifyReply,
    csv: string,
    write: boolean,
  ) => {
    const actor = await requireCustomerAdmin(req, db, 'page');
    const r = await tryForm(req, () => runImport(deps, actor, csv, !write));
    if ('errors' in r) {
      // Only the size limits come back as field errors: the whole file is refused.
      return showUpload(req, reply, '', r.errors, 413);
    }
    const { plan, written } = r.ok;
    if (write && plan.ok) {
      return redirectWithFlash(reply, '/customers/rounds', 'success', 'customers.import.done', {
        count: written,
      });
    }
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('customers.import.preview_title'),
      (ctx) => <ImportPreviewPage ctx={ctx} csv={csv} plan={plan} />,
      plan.ok ? 200 : 422,
    );
  };

  app.post(
    '/customers/import',
    { preValidation: readImportForm, bodyLimit: FORM_BODY_LIMIT, schema: { body: CsvBody } },
    async (req, reply) => {
      await requireCustomerAdmin(req, db, 'page');
      const upload = uploads.get(req);
      const { t } = req.i18n;
      if (upload?.truncated) {
        return showUpload(
          req,
          reply,
          '',
          { file: t('customers.import.too_large', { max: '1 MB' }) },
          413,
        );
      }
      if (upload?.undecodable) {
        return showUpload(req, reply, '', { file: t('customers.import.not_utf8') }, 400);
      }
      const csv = upload?.text ?? formText(req.body, 'csv');
      if (csv.trim() === '') {
        return showUpload(req, reply, '', { file: t('customers.import.nothing_sent') }, 400);
      }
      return importCsv(req, reply, csv, false);
    },
  );

  app.post(
    '/customers/import/confirm',
    { bodyLimit: FORM_BODY_LIMIT, schema: { body: CsvBody } },
    async (req, reply) => importCsv(req, reply, formText(req.body, 'csv'), true),
  );

  app.get(
    '/customers/evaluations.csv',
    {
      schema: {
        querystring: Type.Object({ round: Type.Optional(Type.String({ maxLength: 40 })) }),
      },
    },
    async (req, reply) => {
      await requireCustomerAdmin(req, db, 'page');
      const round = req.query.round ? await loadRound(db, req.query.round) : null;
      const csv = await evaluationsCsv(db, req.i18n, round?.id ?? null);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csvFileName(round?.id ?? null)}"`)
        .header('cache-control', 'private, no-store')
        .send(csv);
    },
  );
}

export const csvFileName = (roundId: string | null): string =>
  roundId ? `kantine-evaluations-${roundId}.csv` : 'kantine-evaluations.csv';

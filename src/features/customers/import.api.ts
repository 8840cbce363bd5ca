import { Type, type Static } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import type { I18n } from '../../views/i18n.ts';
import { requireCustomerAdmin } from './customers.access.ts';
import { evaluationsCsv } from './evaluations.csv.ts';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, runImport, type ImportPlan } from './import.ts';
import { csvFileName } from './import.routes.tsx';
import { loadRound } from './rounds.ts';

const RowErrorJson = Type.Object({
  field: Type.String(),
  code: Type.String(),
  message: Type.String(),
});
const RowJson = Type.Object({
  line: Type.Integer({ description: 'the line of the file the row starts on (header: 1)' }),
  action: Type.Union(
    [
      Type.Literal('create'),
      Type.Literal('update'),
      Type.Literal('unchanged'),
      Type.Literal('invalid'),
    ],
    { description: 'what importing does with the row; invalid: it names its errors' },
  ),
  round: Type.String(),
  customer: Type.String(),
  errors: Type.Array(RowErrorJson, {
    description: 'field: the column as written in the file, empty for the whole row',
  }),
});
const ImportResultJson = Type.Object({
  rows: Type.Array(RowJson),
  written: Type.Integer({ description: 'evaluations created or changed; 0 on a dry run' }),
});
const ImportProblemJson = Type.Object(
  {
    type: Type.String(),
    status: Type.Integer(),
    title: Type.String(),
    code: Type.String(),
    errors: Type.Array(RowErrorJson, { description: 'every row error, field "line N: column"' }),
    rows: Type.Array(RowJson),
  },
  { description: 'some rows are bad: nothing was written' },
);

const rowsJson = (i18n: Pick<I18n, 't'>, plan: ImportPlan): Static<typeof RowJson>[] =>
  plan.rows.map((r) => ({
    line: r.line,
    action: r.action,
    round: r.round,
    customer: r.customer,
    errors: r.errors.map((e) => ({
      field: e.field,
      code: e.code,
      message: i18n.t(e.message, e.params),
    })),
  }));

/** `/api/v1/satisfaction/evaluations.csv` and `…/evaluations/import` (admins). */
export async function importApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  const tags = ['customers'];

  app.get(
    '/satisfaction/evaluations.csv',
    {
      schema: {
        tags,
        summary: 'Admin: evaluations as CSV, all or one round’s (the import reads the same)',
        querystring: Type.Object({ round: Type.Optional(Type.String({ maxLength: 40 })) }),
        response: {
          200: Type.String({ description: 'text/csv; UTF-8 with byte order mark' }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      await requireCustomerAdmin(req, db, 'api');
      const round = req.query.round ? await loadRound(db, req.query.round) : null;
      const csv = await evaluationsCsv(db, req.i18n, round?.id ?? null);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csvFileName(round?.id ?? null)}"`)
        .send(csv);
    },
  );

  app.post(
    '/satisfaction/evaluations/import',
    {
      // A CSV of 1 MB grows when written as a JSON string.
      bodyLimit: 4 * IMPORT_MAX_BYTES,
      schema: {
        tags,
        summary:
          'Admin: import evaluations from CSV; a dry run (the default) only names what would happen',
        description:
          `Columns as in the export, by header in English or German or by code. At most 1 MB ` +
          `and ${IMPORT_MAX_ROWS} rows. With dryRun=false every row is written in one ` +
          'transaction, or none when any row is bad (422).',
        querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean({ default: true })) }),
        body: Type.Object(
          { csv: Type.String({ maxLength: 2 * IMPORT_MAX_BYTES }) },
          { additionalProperties: false },
        ),
        response: {
          200: ImportResultJson,
          422: ImportProblemJson,
          ...problems(400, 401, 403, 404, 413),
        },
      },
    },
    async (req, reply) => {
      const actor = await requireCustomerAdmin(req, db, 'api');
      const dryRun = req.query.dryRun ?? true;
      const { plan, written } = await runImport(deps, actor, req.body.csv, dryRun);
      const rows = rowsJson(req.i18n, plan);
      if (!dryRun && !plan.ok) {
        return reply
          .code(422)
          .header('content-type', 'application/problem+json; charset=utf-8')
          .send({
            type: 'about:blank',
            status: 422,
            title: req.i18n.t('customers.import.invalid_title'),
            code: 'import_invalid',
            errors: rows.flatMap((r) =>
              r.errors.map((e) => ({
                ...e,
                field: e.field ? `line ${r.line}: ${e.field}` : `line ${r.line}`,
              })),
            ),
            rows,
          });
      }
      return { rows, written };
    },
  );
}

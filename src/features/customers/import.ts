import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { AppError } from '../../http/errors.ts';
import { foldPlain } from '../../lib/text.ts';
import type { User } from '../accounts/accounts.table.ts';
import { audit } from '../admin/audit.ts';
import { mustManage } from './customers.access.ts';
import { inTransaction } from './customers.checks.ts';
import { customerKey } from './customers.queries.ts';
import { listDimensions } from './dimensions.ts';
import type { FixedColumn } from './evaluations.csv.ts';
import { scoresOf, type EvaluationRecord } from './evaluations.ts';
import {
  checkEvaluation,
  saveEvaluation,
  sameEvaluation,
  scoreOfText,
  type EvaluationInput,
} from './evaluations.save.ts';
import { problem, readHeader, rowProblem, type RowProblem } from './import.columns.ts';
import { cellValue, parseCsv } from './import.parse.ts';

/**
 * The CSV import of evaluations: every row is checked and its outcome named (new evaluation,
 * update, unchanged) before anything is written; while any row is bad nothing is; when all are
 * good they are saved in one transaction through `saveEvaluation`, like the form. Nothing is
 * created on the side: an unknown round or customer is a bad row.
 */
export const IMPORT_MAX_BYTES = 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;

export type ImportAction = 'create' | 'update' | 'unchanged' | 'invalid';

export interface ImportRow {
  line: number;
  action: ImportAction;
  round: string;
  customer: string;
  errors: RowProblem[];
  /** What would be saved, for a good row. */
  save?: { roundId: string; customerId: string; input: EvaluationInput };
}

export interface ImportPlan {
  rows: ImportRow[];
  /** No row is bad: the import may be written. */
  ok: boolean;
}

/** DD.MM.YYYY as spreadsheets in German write dates, turned into YYYY-MM-DD. */
function isoDate(s: string): string {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  return m ? `${m[3]}-${m[2]?.padStart(2, '0')}-${m[1]?.padStart(2, '0')}` : s;
}

/** The evaluations stored for the rounds, by "round|customer". */
async function storedEvaluations(
  db: Db,
  roundIds: string[],
): Promise<Map<string, EvaluationRecord>> {
  if (roundIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('evaluations')
    .selectAll()
    .where('round_id', 'in', roundIds)
    .execute();
  const scores = await scoresOf(
    db,
    rows.map((r) => r.id),
  );
  return new Map(
    rows.map((r) => [`${r.round_id}|${r.customer_id}`, { ...r, scores: scores.get(r.id) ?? {} }]),
  );
}

/** Bytes and rows within the limits, or a 413 that says which. */
export function checkSize(csv: string): void {
  if (Buffer.byteLength(csv, 'utf8') > IMPORT_MAX_BYTES) {
    throw new AppError(413, 'csv_too_large', 'customers.import.too_large', { max: '1 MB' }, [
      {
        field: 'csv',
        code: 'csv_too_large',
        message: 'customers.import.too_large',
        params: { max: '1 MB' },
      },
    ]);
  }
}

/** What importing the CSV would do, row by row. Reads only. */
export async function planImport(db: Db, csv: string): Promise<ImportPlan> {
  checkSize(csv);
  const parsed = parseCsv(csv);
  if (!parsed.ok) {
    const row = { line: parsed.line, round: '', customer: '', action: 'invalid' as const };
    return { ok: false, rows: [{ ...row, errors: [problem('', 'unclosed_quote')] }] };
  }
  const [header, ...records] = parsed.records;
  if (!header || records.length === 0) {
    const row = { line: 1, round: '', customer: '', action: 'invalid' as const };
    return { ok: false, rows: [{ ...row, errors: [problem('', header ? 'no_rows' : 'empty')] }] };
  }
  if (records.length > IMPORT_MAX_ROWS) {
    const params = { max: IMPORT_MAX_ROWS };
    throw new AppError(413, 'too_many_rows', 'customers.import.too_many_rows', params, [
      { field: 'csv', code: 'too_many_rows', message: 'customers.import.too_many_rows', params },
    ]);
  }
  const dims = await listDimensions(db, { archived: true });
  const head = readHeader(
    header.cells,
    records.map((r) => r.cells),
    dims,
  );
  const rounds = new Map(
    (await db.selectFrom('satisfaction_rounds').select(['id', 'name']).execute()).map((r) => [
      foldPlain(r.name),
      r.id,
    ]),
  );
  const customers = new Map(
    (await db.selectFrom('customers').select(['id', 'name_key']).execute()).map((c) => [
      c.name_key,
      c.id,
    ]),
  );
  const stored = await storedEvaluations(db, [...new Set(rounds.values())]);
  const firstLine = new Map<string, number>();
  const rows: ImportRow[] = [];
  if (head.errors.length > 0) {
    rows.push({
      line: header.line,
      round: '',
      customer: '',
      action: 'invalid',
      errors: head.errors,
    });
  }
  for (const rec of records) {
    const errors: RowProblem[] = [];
    const value: Partial<Record<FixedColumn, string>> = {};
    const scores: Record<string, unknown> = {};
    const headerOf = new Map<string, string>();
    const typed = new Map<string, string>();
    const width = head.columns.length;
    if (rec.cells.slice(width).some((c) => cellValue(c) !== '')) {
      errors.push(problem('', 'cell_count', { cells: rec.cells.length, columns: width }));
    }
    head.columns.forEach((col, i) => {
      const v = cellValue(rec.cells[i]);
      if (col.kind === 'fixed') {
        value[col.column] = v;
        headerOf.set(col.column, col.header);
      } else if (col.kind === 'dimension') {
        scores[col.dimension.id] = scoreOfText(v);
        headerOf.set(`scores.${col.dimension.id}`, col.header);
        typed.set(`scores.${col.dimension.id}`, v);
      }
    });
    const roundName = value.round ?? '';
    const customerName = value.customer ?? '';
    const roundId = rounds.get(foldPlain(roundName));
    const customerId = customers.get(customerKey(customerName));
    if (roundName === '') errors.push(problem(headerOf.get('round') ?? '', 'required_round'));
    else if (!roundId)
      errors.push(problem(headerOf.get('round') ?? '', 'unknown_round', { value: roundName }));
    if (customerName === '')
      errors.push(problem(headerOf.get('customer') ?? '', 'required_customer'));
    else if (!customerId)
      errors.push(
        problem(headerOf.get('customer') ?? '', 'unknown_customer', { value: customerName }),
      );
    const existing = roundId && customerId ? stored.get(`${roundId}|${customerId}`) : undefined;
    // A column the file does not have leaves what is stored; an empty cell empties it.
    for (const [id, score] of Object.entries(existing?.scores ?? {})) {
      if (!(id in scores)) scores[id] = score;
    }
    const date = value.conversation_date ?? '';
    const input: EvaluationInput = {
      conversationDate: isoDate(date),
      comment: value.comment ?? existing?.comment ?? '',
      scores,
    };
    const checked = checkEvaluation(input, dims, existing?.scores ?? null);
    for (const e of checked.errors) errors.push(rowProblem(e, headerOf, typed, date));
    if (roundId && customerId) {
      const key = `${roundId}|${customerId}`;
      const first = firstLine.get(key);
      if (first !== undefined) errors.push(problem('', 'duplicate_row', { line: first }));
      else firstLine.set(key, rec.line);
    }
    const base = { line: rec.line, round: roundName, customer: customerName, errors };
    if (errors.length > 0 || !roundId || !customerId) {
      rows.push({ ...base, action: 'invalid' });
    } else {
      const action = !existing
        ? 'create'
        : sameEvaluation(existing, checked.value)
          ? 'unchanged'
          : 'update';
      rows.push({ ...base, action, save: { roundId, customerId, input } });
    }
  }
  return { ok: rows.every((r) => r.action !== 'invalid'), rows };
}

/**
 * Plans the import and, unless `dryRun` or a row is bad, writes every new or changed
 * evaluation in one transaction. Returns the plan and how many evaluations were written.
 */
export async function runImport(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: User,
  csv: string,
  dryRun: boolean,
): Promise<{ plan: ImportPlan; written: number }> {
  mustManage(actor);
  if (dryRun) return { plan: await planImport(deps.db, csv), written: 0 };
  return inTransaction(deps.db, async (trx) => {
    const plan = await planImport(trx, csv);
    if (!plan.ok) return { plan, written: 0 };
    let written = 0;
    for (const row of plan.rows) {
      if (!row.save || row.action === 'unchanged') continue;
      const { roundId, customerId, input } = row.save;
      await saveEvaluation({ db: trx, clock: deps.clock }, actor, customerId, roundId, input);
      written += 1;
    }
    await audit(trx, {
      actorId: actor.id,
      action: 'satisfaction.import',
      targetType: 'evaluations',
      targetId: '',
      data: { rows: plan.rows.length, written },
      now: deps.clock(),
    });
    return { plan, written };
  });
}

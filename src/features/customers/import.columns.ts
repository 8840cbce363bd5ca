import type { FieldError } from '../../http/errors.ts';
import { foldPlain } from '../../lib/text.ts';
import type { MessageKey, Params } from '../../views/i18n.ts';
import type { Dimension } from './customers.table.ts';
import { namesOf } from './dimensions.ts';
import { fixedColumnNames, type FixedColumn } from './evaluations.csv.ts';
import { cellValue } from './import.parse.ts';

/** The import's columns, and how a problem in a row is named. */

/** A problem in a row: the column as written in the file ('' for the whole row). */
export interface RowProblem {
  field: string;
  code: string;
  message: MessageKey;
  params?: Params;
}

export type Column =
  | { kind: 'fixed'; column: FixedColumn; header: string }
  | { kind: 'dimension'; dimension: Dimension; header: string }
  | { kind: 'ignored' };

export const problem = (field: string, code: string, params?: Params): RowProblem => ({
  field,
  code,
  message: `customers.import.${code}` as MessageKey,
  ...(params ? { params } : {}),
});

/** The header's columns, with each unknown, doubled or missing one named on line 1. */
export function readHeader(
  header: string[],
  body: string[][],
  dims: Dimension[],
): { columns: Column[]; errors: RowProblem[] } {
  const fixed = fixedColumnNames();
  const errors: RowProblem[] = [];
  const seen = new Set<string>();
  const columns = header.map((raw, i): Column => {
    const h = cellValue(raw);
    const key = foldPlain(h);
    if (key === '') {
      // Spreadsheets often add separators after the last column; an empty one is harmless.
      if (body.every((cells) => cellValue(cells[i]) === '')) return { kind: 'ignored' };
      errors.push(problem('', 'unknown_column', { number: i + 1 }));
      return { kind: 'ignored' };
    }
    const f = fixed.get(key);
    const d = f ? undefined : dims.find((x) => namesOf(x).has(key));
    const col: Column | null = f
      ? { kind: 'fixed', column: f, header: h }
      : d
        ? { kind: 'dimension', dimension: d, header: h }
        : null;
    const id = f ?? d?.id;
    if (!col || !id) {
      errors.push(problem(h, 'unknown_column', { number: i + 1 }));
      return { kind: 'ignored' };
    }
    if (seen.has(id)) {
      errors.push(problem(h, 'duplicate_column'));
      return { kind: 'ignored' };
    }
    seen.add(id);
    return col;
  });
  for (const required of ['round', 'customer', 'conversation_date'] as const) {
    if (!seen.has(required)) {
      errors.push(problem('', 'missing_column', { column: required }));
    }
  }
  return { columns, errors };
}

/** A use case's field error as a row problem, naming the column and the value in the file. */
export function rowProblem(
  e: FieldError,
  headerOf: Map<string, string>,
  typed: Map<string, string>,
  dateText: string,
): RowProblem {
  if (e.field === 'conversationDate') {
    const column = headerOf.get('conversation_date') ?? '';
    return e.code === 'required'
      ? problem(column, 'required_date')
      : problem(column, 'bad_date', { value: dateText });
  }
  if (e.field.startsWith('scores.')) {
    const column = headerOf.get(e.field) ?? '';
    if (e.code === 'archived_dimension') return problem(column, 'archived_dimension');
    return problem(column, 'bad_score', { value: typed.get(e.field) ?? '' });
  }
  if (e.field === 'scores') return problem('', 'no_scores');
  return {
    field: headerOf.get(e.field) ?? e.field,
    code: e.code,
    message: e.message,
    ...(e.params ? { params: e.params } : {}),
  };
}

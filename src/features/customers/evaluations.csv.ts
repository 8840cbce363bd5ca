import type { Db } from '../../db/connect.ts';
import { foldPlain } from '../../lib/text.ts';
import { i18n as makeI18n, LOCALES, type I18n, type MessageKey } from '../../views/i18n.ts';
import { toCsv, type Cell } from '../analytics/csv.ts';
import { dimensionName, listDimensions } from './dimensions.ts';
import { scoresOf } from './evaluations.ts';

/**
 * The CSV of evaluations: round, customer, industry, owner e-mail, conversation date, one
 * column per dimension (by the name the reader sees), comment. The import reads the same
 * columns, by their header in either language or by their code.
 */
export const FIXED_COLUMNS = [
  'round',
  'customer',
  'industry',
  'owner_email',
  'conversation_date',
  'comment',
] as const;
export type FixedColumn = (typeof FIXED_COLUMNS)[number];

export const columnHeader = (i18n: Pick<I18n, 't'>, c: FixedColumn): string =>
  i18n.t(`customers.csv.${c}` as MessageKey);

/** Every header a fixed column answers to, folded: both languages and the code. */
export function fixedColumnNames(): Map<string, FixedColumn> {
  const out = new Map<string, FixedColumn>();
  for (const c of FIXED_COLUMNS) {
    out.set(foldPlain(c), c);
    out.set(foldPlain(c.replace('_', ' ')), c);
    for (const l of LOCALES) out.set(foldPlain(columnHeader(makeI18n(l, 'UTC'), c)), c);
  }
  return out;
}

/**
 * The CSV of every evaluation, or one round's. Archived dimensions get a column only when an
 * exported evaluation has a score for them.
 */
export async function evaluationsCsv(
  db: Db,
  i18n: Pick<I18n, 't'>,
  roundId: string | null,
): Promise<string> {
  let q = db
    .selectFrom('evaluations as e')
    .innerJoin('satisfaction_rounds as r', 'r.id', 'e.round_id')
    .innerJoin('customers as c', 'c.id', 'e.customer_id')
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .select([
      'e.id',
      'e.conversation_date',
      'e.comment',
      'r.name as round_name',
      'c.name as customer_name',
      'c.industry',
      'u.email as owner_email',
    ]);
  if (roundId) q = q.where('e.round_id', '=', roundId);
  const rows = await q
    .orderBy('r.starts_on')
    .orderBy('r.id')
    .orderBy('c.name_key')
    .orderBy('c.id')
    .execute();
  const scores = await scoresOf(
    db,
    rows.map((r) => r.id),
  );
  const used = new Set<string>();
  for (const s of scores.values()) for (const id of Object.keys(s)) used.add(id);
  const dims = (await listDimensions(db, { archived: true })).filter(
    (d) => d.archived_at === null || used.has(d.id),
  );
  const headers = [
    ...FIXED_COLUMNS.filter((c) => c !== 'comment').map((c) => columnHeader(i18n, c)),
    ...dims.map((d) => dimensionName(i18n, d)),
    columnHeader(i18n, 'comment'),
  ];
  const body: Cell[][] = rows.map((r) => {
    const s = scores.get(r.id) ?? {};
    return [
      r.round_name,
      r.customer_name,
      r.industry,
      r.owner_email ?? '',
      r.conversation_date,
      ...dims.map((d) => s[d.id] ?? null),
      r.comment,
    ];
  });
  return toCsv(headers, body, { bom: true });
}

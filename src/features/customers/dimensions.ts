import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { AppError, invalid, notFound, type FieldError } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { foldPlain } from '../../lib/text.ts';
import { i18n as makeI18n, LOCALES, type I18n, type MessageKey } from '../../views/i18n.ts';
import type { User } from '../accounts/accounts.table.ts';
import { audit } from '../admin/audit.ts';
import { mustManage } from './customers.access.ts';
import { checkText, inTransaction } from './customers.checks.ts';
import { SCORE_MAX, SCORE_MIN, type Dimension } from './customers.table.ts';

/**
 * Dimensions customers are scored on, each with its standard (target and tolerance). The five
 * defaults carry a `code` and an empty name, shown in the reader's language until an admin
 * renames them. A dimension is archived, never deleted: it leaves the forms, its scores stay.
 */
export const DEFAULT_CODES = ['overall', 'quality', 'communication', 'reliability', 'value'];
export const DIMENSION_NAME_MAX = 60;
/** A tolerance reaches at most from the top of the scale to its bottom. */
export const TOLERANCE_MAX = SCORE_MAX - SCORE_MIN;

type Translate = Pick<I18n, 't'>;

/** The name a reader sees: the admin's, or the default one in the reader's language. */
export function dimensionName(i18n: Translate, d: Pick<Dimension, 'code' | 'name'>): string {
  if (d.name !== '') return d.name;
  if (d.code && DEFAULT_CODES.includes(d.code)) {
    return i18n.t(`customers.dimension.${d.code}` as MessageKey);
  }
  return d.code ?? '';
}

export interface NamedDimension extends Dimension {
  displayName: string;
}

/** Dimensions by position; archived ones only when asked. */
export async function listDimensions(
  db: Db,
  opts: { archived?: boolean } = {},
): Promise<Dimension[]> {
  let q = db.selectFrom('satisfaction_dimensions').selectAll();
  if (!opts.archived) q = q.where('archived_at', 'is', null);
  return q.orderBy('position').orderBy('id').execute();
}

/** Active dimensions (or all, with `archived`) with the names the reader sees. */
export async function namedDimensions(
  db: Db,
  i18n: Translate,
  opts: { archived?: boolean } = {},
): Promise<NamedDimension[]> {
  return (await listDimensions(db, opts)).map((d) => ({
    ...d,
    displayName: dimensionName(i18n, d),
  }));
}

export async function loadDimension(db: Db, id: string): Promise<Dimension> {
  const d = await db
    .selectFrom('satisfaction_dimensions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!d) throw notFound();
  return d;
}

/**
 * Every name a dimension answers to, folded: its names in both languages and its code. The
 * CSV import finds a column by any of them, so two dimensions may not share one.
 */
export function namesOf(d: Pick<Dimension, 'code' | 'name'>): Set<string> {
  const names = new Set<string>();
  for (const locale of LOCALES) names.add(foldPlain(dimensionName(makeI18n(locale, 'UTC'), d)));
  if (d.code) names.add(foldPlain(d.code));
  names.delete('');
  return names;
}

export type DimensionInput = Partial<
  Record<'name' | 'target' | 'tolerance' | 'position' | 'archived', unknown>
>;

function checkNumber(
  errors: FieldError[],
  field: 'target' | 'tolerance',
  v: unknown,
  min: number,
  max: number,
): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    errors.push({ field, code: 'not_a_number', message: 'customers.not_a_number' });
    return Number.NaN;
  }
  if (v < min || v > max) {
    errors.push({
      field,
      code: 'out_of_range',
      message: 'customers.number_between',
      params: { min, max },
    });
    return Number.NaN;
  }
  return v;
}

/** The standard and name with every bad field named; `d` is the dimension being changed. */
async function checkDimension(
  db: Db,
  input: DimensionInput,
  d: Dimension | null,
): Promise<{ name: string; target: number; tolerance: number }> {
  const errors: FieldError[] = [];
  // A default dimension may go back to its translated name with an empty one; others need one.
  const name = checkText(errors, 'name', input.name, {
    max: DIMENSION_NAME_MAX,
    required: !d?.code,
  });
  const target = checkNumber(errors, 'target', input.target, SCORE_MIN, SCORE_MAX);
  const tolerance = checkNumber(errors, 'tolerance', input.tolerance, 0, TOLERANCE_MAX);
  if (!errors.some((e) => e.field === 'name')) {
    const mine = namesOf({ code: d?.code ?? null, name });
    const others = (await listDimensions(db, { archived: true })).filter((o) => o.id !== d?.id);
    if (others.some((o) => [...namesOf(o)].some((n) => mine.has(n)))) {
      errors.push({ field: 'name', code: 'name_taken', message: 'customers.dimension_taken' });
    }
  }
  if (errors.length > 0) throw invalid(errors);
  return { name, target, tolerance };
}

type SDeps = Pick<Deps, 'db' | 'clock'>;

export async function createDimension(
  deps: SDeps,
  actor: User,
  input: DimensionInput,
): Promise<Dimension> {
  mustManage(actor);
  const id = newId();
  await inTransaction(deps.db, async (trx) => {
    const f = await checkDimension(trx, input, null);
    const last = await trx
      .selectFrom('satisfaction_dimensions')
      .select((eb) => eb.fn.max('position').as('p'))
      .executeTakeFirst();
    await trx
      .insertInto('satisfaction_dimensions')
      .values({
        id,
        code: null,
        name: f.name,
        position: Number(last?.p ?? 0) + 1,
        target: f.target,
        tolerance: f.tolerance,
        archived_at: null,
        created_at: deps.clock().toISOString(),
      })
      .execute();
    await audit(trx, {
      actorId: actor.id,
      action: 'satisfaction.dimension.create',
      targetType: 'satisfaction_dimension',
      targetId: id,
      data: f,
      now: deps.clock(),
    });
  });
  return loadDimension(deps.db, id);
}

/** Puts the dimension at `position` (1 = first) among the active ones; numbers them anew. */
async function reorder(db: Db, id: string, position: number): Promise<void> {
  const all = await listDimensions(db, { archived: true });
  const active = all.filter((d) => d.archived_at === null && d.id !== id);
  const moved = all.find((d) => d.id === id);
  if (moved && moved.archived_at === null) {
    active.splice(Math.max(0, Math.min(active.length, position - 1)), 0, moved);
  }
  const order = [...active, ...all.filter((d) => d.archived_at !== null)];
  for (const [i, d] of order.entries()) {
    if (d.position !== i + 1) {
      await db
        .updateTable('satisfaction_dimensions')
        .set({ position: i + 1 })
        .where('id', '=', d.id)
        .execute();
    }
  }
}

/** Renames, changes the standard, moves, archives or restores: what is given changes. */
export async function updateDimension(
  deps: SDeps,
  actor: User,
  id: string,
  patch: DimensionInput,
): Promise<Dimension> {
  mustManage(actor);
  await inTransaction(deps.db, async (trx) => {
    const d = await loadDimension(trx, id);
    const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const f = await checkDimension(
      trx,
      { name: d.name, target: d.target, tolerance: d.tolerance, ...given },
      d,
    );
    const errors: FieldError[] = [];
    const { position, archived } = patch;
    if (
      position !== undefined &&
      (typeof position !== 'number' || !Number.isInteger(position) || position < 1)
    ) {
      errors.push({
        field: 'position',
        code: 'invalid_position',
        message: 'customers.bad_position',
      });
    }
    if (archived !== undefined && typeof archived !== 'boolean') {
      errors.push({
        field: 'archived',
        code: 'invalid_type',
        message: 'validation.invalid_type',
        params: { type: 'boolean' },
      });
    }
    if (errors.length > 0) throw invalid(errors);
    const archivedAt =
      archived === undefined
        ? d.archived_at
        : archived
          ? (d.archived_at ?? deps.clock().toISOString())
          : null;
    // Evaluations need at least one dimension to score.
    if (archived === true && d.archived_at === null) {
      const left = (await listDimensions(trx)).filter((o) => o.id !== id);
      if (left.length === 0) {
        throw new AppError(409, 'last_dimension', 'customers.last_dimension', {}, [
          { field: 'archived', code: 'last_dimension', message: 'customers.last_dimension' },
        ]);
      }
    }
    await trx
      .updateTable('satisfaction_dimensions')
      .set({ name: f.name, target: f.target, tolerance: f.tolerance, archived_at: archivedAt })
      .where('id', '=', id)
      .execute();
    const active = await listDimensions(trx);
    const at =
      typeof position === 'number' ? position : active.findIndex((o) => o.id === id) + 1 || 1;
    await reorder(trx, id, at);
    await audit(trx, {
      actorId: actor.id,
      action: 'satisfaction.dimension.update',
      targetType: 'satisfaction_dimension',
      targetId: id,
      data: {
        ...f,
        archived: archivedAt !== null,
        ...(position !== undefined ? { position } : {}),
      },
      now: deps.clock(),
    });
  });
  return loadDimension(deps.db, id);
}

/** One step up or down among the active dimensions. */
export async function moveDimension(
  deps: SDeps,
  actor: User,
  id: string,
  direction: 'up' | 'down',
): Promise<Dimension> {
  const active = await listDimensions(deps.db);
  const i = active.findIndex((d) => d.id === id);
  if (i < 0) throw notFound();
  const to = direction === 'up' ? Math.max(1, i) : Math.min(active.length, i + 2);
  return updateDimension(deps, actor, id, { position: to });
}

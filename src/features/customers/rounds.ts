import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { AppError, invalid, notFound, type FieldError } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { foldPlain } from '../../lib/text.ts';
import type { User } from '../accounts/accounts.table.ts';
import { audit } from '../admin/audit.ts';
import { mustManage } from './customers.access.ts';
import { checkText, inTransaction, isDay } from './customers.checks.ts';
import type { Round } from './customers.table.ts';

/**
 * Evaluation rounds ("H1 2026"): a name unique regardless of case and accents, and the dates
 * it runs. Deleting a round deletes its evaluations. Publishing is satisfaction.ts's.
 */
export const ROUND_NAME_MAX = 60;

export interface RoundRow extends Round {
  /** How many customers were evaluated in it. */
  evaluations: number;
}

export type RoundInput = Partial<Record<'name' | 'startsOn' | 'endsOn', unknown>>;

function withCounts(db: Db) {
  return db
    .selectFrom('satisfaction_rounds')
    .selectAll('satisfaction_rounds')
    .select((eb) =>
      eb
        .selectFrom('evaluations')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('evaluations.round_id', '=', 'satisfaction_rounds.id')
        .as('evaluations'),
    );
}

const rowOf = (r: Round & { evaluations: number | string | null }): RoundRow => ({
  ...r,
  evaluations: Number(r.evaluations ?? 0),
});

/** Every round, newest first. */
export async function listRounds(db: Db): Promise<RoundRow[]> {
  const rows = await withCounts(db)
    .orderBy('satisfaction_rounds.starts_on', 'desc')
    .orderBy('satisfaction_rounds.id', 'desc')
    .execute();
  return rows.map(rowOf);
}

export async function findRound(db: Db, id: string): Promise<RoundRow | undefined> {
  const r = await withCounts(db).where('satisfaction_rounds.id', '=', id).executeTakeFirst();
  return r ? rowOf(r) : undefined;
}

/** The round, or 404. */
export async function loadRound(db: Db, id: string): Promise<RoundRow> {
  const r = await findRound(db, id);
  if (!r) throw notFound();
  return r;
}

async function checkRound(
  db: Db,
  input: RoundInput,
  current: Round | null,
): Promise<{ name: string; startsOn: string; endsOn: string }> {
  const errors: FieldError[] = [];
  const name = checkText(errors, 'name', input.name, { max: ROUND_NAME_MAX, required: true });
  const { startsOn, endsOn } = input;
  if (!isDay(startsOn)) {
    errors.push({ field: 'startsOn', code: 'invalid_date', message: 'validation.invalid_date' });
  }
  if (!isDay(endsOn)) {
    errors.push({ field: 'endsOn', code: 'invalid_date', message: 'validation.invalid_date' });
  } else if (isDay(startsOn) && endsOn < startsOn) {
    errors.push({
      field: 'endsOn',
      code: 'ends_before_start',
      message: 'customers.round_ends_before_start',
    });
  }
  if (name !== '' && !errors.some((e) => e.field === 'name')) {
    // Rounds are few; comparing folded names here keeps "h1 2026" from joining "H1 2026".
    const all = await db.selectFrom('satisfaction_rounds').select(['id', 'name']).execute();
    if (all.some((r) => r.id !== current?.id && foldPlain(r.name) === foldPlain(name))) {
      throw new AppError(409, 'name_taken', 'customers.round_taken', {}, [
        ...errors,
        { field: 'name', code: 'name_taken', message: 'customers.round_taken' },
      ]);
    }
  }
  if (errors.length > 0) throw invalid(errors);
  return { name, startsOn: startsOn as string, endsOn: endsOn as string };
}

type SDeps = Pick<Deps, 'db' | 'clock'>;

export async function createRound(deps: SDeps, actor: User, input: RoundInput): Promise<RoundRow> {
  mustManage(actor);
  const id = newId();
  await inTransaction(deps.db, async (trx) => {
    const f = await checkRound(trx, input, null);
    await trx
      .insertInto('satisfaction_rounds')
      .values({
        id,
        name: f.name,
        starts_on: f.startsOn,
        ends_on: f.endsOn,
        published_at: null,
        published_post_id: null,
        created_at: deps.clock().toISOString(),
      })
      .execute();
    await audit(trx, {
      actorId: actor.id,
      action: 'satisfaction.round.create',
      targetType: 'satisfaction_round',
      targetId: id,
      data: f,
      now: deps.clock(),
    });
  });
  return loadRound(deps.db, id);
}

export async function updateRound(
  deps: SDeps,
  actor: User,
  id: string,
  patch: RoundInput,
): Promise<RoundRow> {
  mustManage(actor);
  await inTransaction(deps.db, async (trx) => {
    const r = await loadRound(trx, id);
    const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const f = await checkRound(
      trx,
      { name: r.name, startsOn: r.starts_on, endsOn: r.ends_on, ...given },
      r,
    );
    await trx
      .updateTable('satisfaction_rounds')
      .set({ name: f.name, starts_on: f.startsOn, ends_on: f.endsOn })
      .where('id', '=', id)
      .execute();
    await audit(trx, {
      actorId: actor.id,
      action: 'satisfaction.round.update',
      targetType: 'satisfaction_round',
      targetId: id,
      data: f,
      now: deps.clock(),
    });
  });
  return loadRound(deps.db, id);
}

/** Deletes the round with every evaluation in it and their scores. */
export async function deleteRound(deps: SDeps, actor: User, id: string): Promise<RoundRow> {
  mustManage(actor);
  return inTransaction(deps.db, async (trx) => {
    const r = await loadRound(trx, id);
    const evaluations = trx.selectFrom('evaluations').select('id').where('round_id', '=', id);
    await trx.deleteFrom('evaluation_scores').where('evaluation_id', 'in', evaluations).execute();
    await trx.deleteFrom('evaluations').where('round_id', '=', id).execute();
    await trx.deleteFrom('satisfaction_rounds').where('id', '=', id).execute();
    await audit(trx, {
      actorId: actor.id,
      action: 'satisfaction.round.delete',
      targetType: 'satisfaction_round',
      targetId: id,
      data: { name: r.name, evaluations: r.evaluations },
      now: deps.clock(),
    });
    return r;
  });
}

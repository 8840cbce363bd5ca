import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { AppError, invalid, notFound, type FieldError } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { User } from '../accounts/accounts.table.ts';
import { checkText, inTransaction, isDay } from './customers.checks.ts';
import { canEvaluate } from './customers.policy.ts';
import { loadCustomer } from './customers.queries.ts';
import { SCORE_MAX, SCORE_MIN, type Dimension } from './customers.table.ts';
import { listDimensions } from './dimensions.ts';
import { findEvaluation, type EvaluationRecord, type Scores } from './evaluations.ts';
import { loadRound } from './rounds.ts';

/**
 * Entering an evaluation: the date of the conversation, a whole-number score from 1 to 10 per
 * active dimension (empty: not discussed; at least one), and a confidential comment. The page,
 * the API and the CSV import all save through `saveEvaluation`, so they accept the same.
 *
 * An archived dimension is out of the forms, but its scores stay: saving leaves them as they
 * are, and a value sent for one is accepted only when it is the score already stored.
 */
export const COMMENT_MAX = 5000;

export interface EvaluationInput {
  conversationDate?: unknown;
  comment?: unknown;
  /** By dimension id: a score, or null / '' / undefined for "not scored". */
  scores?: Record<string, unknown>;
}

export interface CheckedEvaluation {
  conversationDate: string;
  comment: string;
  /** The scores after saving: active dimensions as given, archived ones as they were. */
  scores: Scores;
}

/** A score as typed: '' is "not scored", digits a number, anything else NaN (named bad). */
export function scoreOfText(text: string | undefined): number | null {
  const s = (text ?? '').trim();
  if (s === '') return null;
  return /^[+-]?\d+([.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : Number.NaN;
}

const isWholeScore = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= SCORE_MIN && v <= SCORE_MAX;

/**
 * The evaluation with every bad field named (`scores.<dimension id>` for a score), checked
 * against all dimensions (archived ones too) and the evaluation stored now, if any. Pure, so
 * the import's preview names each bad row without writing.
 */
export function checkEvaluation(
  input: EvaluationInput,
  dimensions: readonly Dimension[],
  existing: Scores | null,
): { value: CheckedEvaluation; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const date = input.conversationDate;
  if (date === undefined || date === null || date === '') {
    errors.push({ field: 'conversationDate', code: 'required', message: 'validation.required' });
  } else if (!isDay(date)) {
    errors.push({
      field: 'conversationDate',
      code: 'invalid_date',
      message: 'validation.invalid_date',
    });
  }
  const comment = checkText(errors, 'comment', input.comment, {
    max: COMMENT_MAX,
    multiline: true,
  });
  const dims = new Map(dimensions.map((d) => [d.id, d]));
  const scores: Scores = {};
  // Archived scores stay whatever is sent.
  for (const [id, score] of Object.entries(existing ?? {})) {
    if (dims.get(id)?.archived_at) scores[id] = score;
  }
  for (const [id, raw] of Object.entries(input.scores ?? {})) {
    const field = `scores.${id}`;
    const d = dims.get(id);
    const empty = raw === undefined || raw === null || raw === '';
    if (!d) {
      errors.push({ field, code: 'unknown_dimension', message: 'customers.unknown_dimension' });
    } else if (d.archived_at) {
      if (!empty && raw !== existing?.[id]) {
        errors.push({ field, code: 'archived_dimension', message: 'customers.archived_dimension' });
      }
    } else if (!empty) {
      if (isWholeScore(raw)) scores[id] = raw;
      else
        errors.push({
          field,
          code: 'invalid_score',
          message: 'customers.invalid_score',
          params: { min: SCORE_MIN, max: SCORE_MAX },
        });
    }
  }
  const bad = errors.some((e) => e.field.startsWith('scores.'));
  if (!bad && Object.keys(scores).length === 0) {
    errors.push({ field: 'scores', code: 'no_scores', message: 'customers.no_scores' });
  }
  return {
    value: { conversationDate: typeof date === 'string' ? date : '', comment, scores },
    errors,
  };
}

/** Whether saving would change nothing (the import's "unchanged"). */
export function sameEvaluation(stored: EvaluationRecord, next: CheckedEvaluation): boolean {
  const a = stored.scores;
  const b = next.scores;
  return (
    stored.conversation_date === next.conversationDate &&
    stored.comment === next.comment &&
    Object.keys(a).length === Object.keys(b).length &&
    Object.entries(a).every(([id, s]) => b[id] === s)
  );
}

type SDeps = Pick<Deps, 'db' | 'clock'>;

async function writeScores(db: Db, evaluationId: string, scores: Scores): Promise<void> {
  await db.deleteFrom('evaluation_scores').where('evaluation_id', '=', evaluationId).execute();
  const rows = Object.entries(scores).map(([dimension_id, score]) => ({
    evaluation_id: evaluationId,
    dimension_id,
    score,
  }));
  if (rows.length > 0) await db.insertInto('evaluation_scores').values(rows).execute();
}

/**
 * Creates or replaces the customer's evaluation in the round, for those who may evaluate the
 * customer (admins and its account owner). `deps.db` may be a transaction (the import's).
 */
export async function saveEvaluation(
  deps: SDeps,
  actor: User,
  customerId: string,
  roundId: string,
  input: EvaluationInput,
): Promise<{ evaluation: EvaluationRecord; created: boolean }> {
  return inTransaction(deps.db, async (trx) => {
    const customer = await loadCustomer(trx, customerId);
    await loadRound(trx, roundId);
    if (!canEvaluate(actor, customer)) throw new AppError(403, 'forbidden', 'error.forbidden');
    const existing = await findEvaluation(trx, customerId, roundId);
    const dimensions = await listDimensions(trx, { archived: true });
    const { value, errors } = checkEvaluation(input, dimensions, existing?.scores ?? null);
    if (errors.length > 0) throw invalid(errors);
    const now = deps.clock().toISOString();
    const id = existing?.id ?? newId();
    if (existing) {
      await trx
        .updateTable('evaluations')
        .set({ conversation_date: value.conversationDate, comment: value.comment, updated_at: now })
        .where('id', '=', id)
        .execute();
    } else {
      await trx
        .insertInto('evaluations')
        .values({
          id,
          round_id: roundId,
          customer_id: customerId,
          conversation_date: value.conversationDate,
          comment: value.comment,
          created_by: actor.id,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await writeScores(trx, id, value.scores);
    const evaluation = await findEvaluation(trx, customerId, roundId);
    if (!evaluation) throw notFound();
    return { evaluation, created: !existing };
  });
}

/** Deletes the customer's evaluation in the round (404 if there is none). */
export async function deleteEvaluation(
  deps: SDeps,
  actor: User,
  customerId: string,
  roundId: string,
): Promise<EvaluationRecord> {
  return inTransaction(deps.db, async (trx) => {
    const customer = await loadCustomer(trx, customerId);
    await loadRound(trx, roundId);
    if (!canEvaluate(actor, customer)) throw new AppError(403, 'forbidden', 'error.forbidden');
    const e = await findEvaluation(trx, customerId, roundId);
    if (!e) throw notFound();
    await trx.deleteFrom('evaluation_scores').where('evaluation_id', '=', e.id).execute();
    await trx.deleteFrom('evaluations').where('id', '=', e.id).execute();
    return e;
  });
}

import type { Db } from '../../db/connect.ts';
import type { Dimension, Evaluation, Round } from './customers.table.ts';
import { rate, type Rating } from './standards.ts';

/**
 * Reading evaluations: one per customer and round, a whole-number score per dimension, and how
 * a mean is rated. Writing them is evaluations.save.ts.
 */

/** Scores by dimension id. */
export type Scores = Record<string, number>;

export interface EvaluationRecord extends Evaluation {
  scores: Scores;
}

// Parameters per statement stay well under the limits of both databases.
const CHUNK = 500;

/** The scores of the evaluations, by evaluation id. */
export async function scoresOf(
  db: Db,
  evaluationIds: readonly string[],
): Promise<Map<string, Scores>> {
  const out = new Map<string, Scores>(evaluationIds.map((id) => [id, {}]));
  for (let i = 0; i < evaluationIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('evaluation_scores')
      .select(['evaluation_id', 'dimension_id', 'score'])
      .where('evaluation_id', 'in', evaluationIds.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) {
      const s = out.get(r.evaluation_id);
      if (s) s[r.dimension_id] = Number(r.score);
    }
  }
  return out;
}

async function withScores<T extends Evaluation>(
  db: Db,
  rows: T[],
): Promise<(T & { scores: Scores })[]> {
  const scores = await scoresOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, scores: scores.get(r.id) ?? {} }));
}

export async function findEvaluation(
  db: Db,
  customerId: string,
  roundId: string,
): Promise<EvaluationRecord | undefined> {
  const row = await db
    .selectFrom('evaluations')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  return row ? (await withScores(db, [row]))[0] : undefined;
}

export interface CustomerEvaluation extends EvaluationRecord {
  round: Round;
}

/** A customer's evaluations, newest round first. */
export async function evaluationsOfCustomer(
  db: Db,
  customerId: string,
): Promise<CustomerEvaluation[]> {
  const rows = await db
    .selectFrom('evaluations')
    .innerJoin('satisfaction_rounds as r', 'r.id', 'evaluations.round_id')
    .selectAll('evaluations')
    .select([
      'r.name as r_name',
      'r.starts_on as r_starts_on',
      'r.ends_on as r_ends_on',
      'r.published_at as r_published_at',
      'r.published_post_id as r_published_post_id',
      'r.created_at as r_created_at',
    ])
    .where('evaluations.customer_id', '=', customerId)
    .orderBy('r.starts_on', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  return (await withScores(db, rows)).map((r) => ({
    id: r.id,
    round_id: r.round_id,
    customer_id: r.customer_id,
    conversation_date: r.conversation_date,
    comment: r.comment,
    created_by: r.created_by,
    created_at: r.created_at,
    updated_at: r.updated_at,
    scores: r.scores,
    round: {
      id: r.round_id,
      name: r.r_name,
      starts_on: r.r_starts_on,
      ends_on: r.r_ends_on,
      published_at: r.r_published_at,
      published_post_id: r.r_published_post_id,
      created_at: r.r_created_at,
    },
  }));
}

export interface RoundEvaluation extends EvaluationRecord {
  customer_name: string;
  customer_owner_id: string | null;
}

/** A round's evaluations, by customer name. */
export async function evaluationsOfRound(db: Db, roundId: string): Promise<RoundEvaluation[]> {
  const rows = await db
    .selectFrom('evaluations')
    .innerJoin('customers as c', 'c.id', 'evaluations.customer_id')
    .selectAll('evaluations')
    .select(['c.name as customer_name', 'c.owner_id as customer_owner_id'])
    .where('evaluations.round_id', '=', roundId)
    .orderBy('c.name_key')
    .orderBy('c.id')
    .execute();
  return withScores(db, rows);
}

export interface LatestEvaluation extends EvaluationRecord {
  round_name: string;
  round_starts_on: string;
}

/**
 * Each customer's evaluation in the latest round they were evaluated in (rounds ordered by
 * their start), for the given customers (all when omitted).
 */
export async function latestEvaluations(
  db: Db,
  customerIds?: readonly string[],
): Promise<Map<string, LatestEvaluation>> {
  const latest = new Map<string, LatestEvaluation>();
  const ids = customerIds ?? null;
  const chunks: (readonly string[] | null)[] = ids === null ? [null] : [];
  if (ids) for (let i = 0; i < ids.length; i += CHUNK) chunks.push(ids.slice(i, i + CHUNK));
  for (const chunk of chunks) {
    let q = db
      .selectFrom('evaluations')
      .innerJoin('satisfaction_rounds as r', 'r.id', 'evaluations.round_id')
      .selectAll('evaluations')
      .select(['r.name as round_name', 'r.starts_on as round_starts_on']);
    if (chunk) q = q.where('evaluations.customer_id', 'in', chunk);
    const rows = await q.orderBy('r.starts_on', 'desc').orderBy('r.id', 'desc').execute();
    const firsts = new Map<string, (typeof rows)[number]>();
    for (const r of rows) if (!firsts.has(r.customer_id)) firsts.set(r.customer_id, r);
    for (const e of await withScores(db, [...firsts.values()])) latest.set(e.customer_id, e);
  }
  return latest;
}

/** A mean of scores and the standard it is rated against. */
export interface Scored {
  mean: number;
  /** How many scores it averages. */
  count: number;
  target: number;
  tolerance: number;
  rating: Rating;
}

/**
 * The mean of scores, rated against the mean standard of the dimensions those scores belong
 * to: a customer's mean over its dimensions, a round's over everything scored in it. With one
 * dimension this is that dimension's own standard. Scores of unknown dimensions are left out.
 */
export function scoredMean(
  pairs: readonly { score: number; dimensionId: string }[],
  dims: ReadonlyMap<string, Pick<Dimension, 'target' | 'tolerance'>>,
): Scored | null {
  let sum = 0;
  let target = 0;
  let tolerance = 0;
  let count = 0;
  for (const p of pairs) {
    const d = dims.get(p.dimensionId);
    if (!d) continue;
    sum += p.score;
    target += d.target;
    tolerance += d.tolerance;
    count += 1;
  }
  if (count === 0) return null;
  const s = { target: target / count, tolerance: tolerance / count };
  const mean = sum / count;
  return { mean, count, ...s, rating: rate(mean, s) as Rating };
}

/** The pairs of an evaluation's scores. */
export const pairsOf = (scores: Scores) =>
  Object.entries(scores).map(([dimensionId, score]) => ({ dimensionId, score }));

/** A customer's mean in one evaluation. */
export const evaluationMean = (
  e: { scores: Scores },
  dims: ReadonlyMap<string, Pick<Dimension, 'target' | 'tolerance'>>,
): Scored | null => scoredMean(pairsOf(e.scores), dims);

/** Per dimension, the mean of the evaluations' scores and its rating. */
export function dimensionMeans(
  evaluations: readonly { scores: Scores }[],
  dims: ReadonlyMap<string, Pick<Dimension, 'target' | 'tolerance'>>,
): Map<string, Scored> {
  const out = new Map<string, Scored>();
  for (const id of dims.keys()) {
    const pairs = evaluations
      .filter((e) => e.scores[id] !== undefined)
      .map((e) => ({ dimensionId: id, score: e.scores[id] as number }));
    const s = scoredMean(pairs, dims);
    if (s) out.set(id, s);
  }
  return out;
}

/** Dimensions by id. */
export const byId = <T extends { id: string }>(xs: readonly T[]): Map<string, T> =>
  new Map(xs.map((x) => [x.id, x]));

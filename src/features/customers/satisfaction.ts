import type { Db } from '../../db/connect.ts';
import { invalid, type FieldError } from '../../http/errors.ts';
import type { Dimension, Round } from './customers.table.ts';
import { rate, shortfall, type Rating, type Standard } from './standards.ts';

/**
 * The figures of the satisfaction widget (PRODUCT §8): each active dimension's mean against its
 * standard, the overall index, the trend over rounds and the customers furthest below standard.
 * Means are kept exact here; they are rounded only where they are shown (satisfaction.format.ts).
 */

export interface SatisfactionFilter {
  roundId?: string | null;
  industry?: string | null;
  ownerId?: string | null;
}

export interface Figure {
  mean: number | null;
  /** How many evaluations the mean is over. */
  n: number;
  standard: Standard;
  rating: Rating | null;
}

export interface DimensionFigure extends Figure {
  dimension: Dimension;
}

export interface TrendRound {
  round: Round;
  index: number | null;
  /** Mean per dimension id; null when nobody scored it in that round. */
  dimensions: Record<string, number | null>;
}

export interface BelowCustomer {
  customerId: string;
  name: string;
  /** Sum of the shortfalls of its scores below their targets. */
  shortfall: number;
  /** Its scores rated amber or red, in dimension order. */
  dimensions: { dimension: Dimension; score: number; rating: 'amber' | 'red' }[];
}

export interface Satisfaction {
  filter: { roundId: string | null; industry: string | null; ownerId: string | null };
  /** The round shown: the one asked for, else the latest with evaluations; null if none. */
  round: Round | null;
  dimensions: DimensionFigure[];
  index: Figure;
  trend: TrendRound[];
  /** The top five customers furthest below standard. */
  below: BelowCustomer[];
  /** How many customers are below standard in all (the top five are a part of them). */
  belowCount: number;
}

/** One score of an evaluation, with what the figures need of its round and customer. */
export interface ScoreRow {
  evaluation_id: string;
  round_id: string;
  customer_id: string;
  customer_name: string;
  customer_key: string;
  dimension_id: string;
  score: number;
}

export const BELOW_TOP = 5;

const mean = (xs: readonly number[]): number | null =>
  xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;

/**
 * The index's standard, measured as the index is: each evaluation's mean score is held against
 * the mean target and tolerance of the dimensions it scored, and the index's standard is the
 * mean of those, so that an index of scores all on target is on target even when some
 * dimensions went unscored. Without evaluations: the mean over the active dimensions.
 */
export function indexStandard(
  dims: readonly Dimension[],
  evaluations: Iterable<{ scores: Map<string, number> }> = [],
): Standard {
  const byId = new Map(dims.map((d) => [d.id, d]));
  const targets: number[] = [];
  const tolerances: number[] = [];
  for (const e of evaluations) {
    const scored = [...e.scores.keys()].flatMap((id) => byId.get(id) ?? []);
    if (scored.length === 0) continue;
    targets.push(mean(scored.map((d) => d.target))!);
    tolerances.push(mean(scored.map((d) => d.tolerance))!);
  }
  if (targets.length === 0) {
    targets.push(...dims.map((d) => d.target));
    tolerances.push(...dims.map((d) => d.tolerance));
  }
  return { target: mean(targets) ?? 0, tolerance: mean(tolerances) ?? 0 };
}

interface EvaluationScores {
  customerId: string;
  name: string;
  key: string;
  scores: Map<string, number>;
}

function byEvaluation(rows: readonly ScoreRow[]): Map<string, EvaluationScores> {
  const out = new Map<string, EvaluationScores>();
  for (const r of rows) {
    let e = out.get(r.evaluation_id);
    if (!e) {
      e = {
        customerId: r.customer_id,
        name: r.customer_name,
        key: r.customer_key,
        scores: new Map(),
      };
      out.set(r.evaluation_id, e);
    }
    e.scores.set(r.dimension_id, Number(r.score));
  }
  return out;
}

/** The index of a set of evaluations: the mean of each evaluation's mean score. */
function indexOf(evaluations: Iterable<EvaluationScores>): { value: number | null; n: number } {
  const means: number[] = [];
  for (const e of evaluations) {
    const m = mean([...e.scores.values()]);
    if (m !== null) means.push(m);
  }
  return { value: mean(means), n: means.length };
}

function belowOf(evaluations: readonly EvaluationScores[], dims: readonly Dimension[]) {
  const all: BelowCustomer[] = [];
  for (const e of evaluations) {
    let total = 0;
    const rated: BelowCustomer['dimensions'] = [];
    for (const d of dims) {
      const score = e.scores.get(d.id);
      if (score === undefined) continue;
      total += shortfall(score, d);
      const rating = rate(score, d);
      if (rating === 'amber' || rating === 'red') rated.push({ dimension: d, score, rating });
    }
    // Shortfalls are whole hundredths; summing floats must not make 0.1 + 0.2 rank oddly.
    total = Math.round(total * 100) / 100;
    if (total > 0)
      all.push({ customerId: e.customerId, name: e.name, shortfall: total, dimensions: rated });
  }
  const keys = new Map(evaluations.map((e) => [e.customerId, e.key]));
  all.sort(
    (a, b) =>
      b.shortfall - a.shortfall ||
      (keys.get(a.customerId) ?? '').localeCompare(keys.get(b.customerId) ?? ''),
  );
  return { below: all.slice(0, BELOW_TOP), belowCount: all.length };
}

/**
 * The figures from the loaded rows (scores of active dimensions only, already filtered by
 * industry and owner). `roundId` null: the latest round that has evaluations.
 */
export function computeSatisfaction(
  dims: readonly Dimension[],
  rounds: readonly Round[],
  rows: readonly ScoreRow[],
  filter: SatisfactionFilter,
): Satisfaction {
  const perRound = new Map<string, ScoreRow[]>();
  for (const r of rows) {
    const list = perRound.get(r.round_id) ?? [];
    list.push(r);
    perRound.set(r.round_id, list);
  }
  const round = filter.roundId
    ? (rounds.find((r) => r.id === filter.roundId) ?? null)
    : ([...rounds].reverse().find((r) => perRound.has(r.id)) ?? null);

  const trend: TrendRound[] = rounds.map((r) => {
    const its = perRound.get(r.id) ?? [];
    return {
      round: r,
      index: indexOf(byEvaluation(its).values()).value,
      dimensions: Object.fromEntries(
        dims.map((d) => [
          d.id,
          mean(its.filter((x) => x.dimension_id === d.id).map((x) => Number(x.score))),
        ]),
      ),
    };
  });

  const current = round ? (perRound.get(round.id) ?? []) : [];
  const evaluations = byEvaluation(current);
  const dimensions = dims.map((d) => {
    const scores = current.filter((x) => x.dimension_id === d.id).map((x) => Number(x.score));
    const m = mean(scores);
    const standard = { target: d.target, tolerance: d.tolerance };
    return { dimension: d, mean: m, n: scores.length, standard, rating: rate(m, standard) };
  });
  const idx = indexOf(evaluations.values());
  const standard = indexStandard(dims, evaluations.values());
  return {
    filter: {
      roundId: filter.roundId ?? null,
      industry: filter.industry ?? null,
      ownerId: filter.ownerId ?? null,
    },
    round,
    dimensions,
    index: { mean: idx.value, n: idx.n, standard, rating: rate(idx.value, standard) },
    trend,
    ...belowOf([...evaluations.values()], dims),
  };
}

/** The dimensions scores are counted on: not archived, in their order. */
export const activeDimensions = (db: Db): Promise<Dimension[]> =>
  db
    .selectFrom('satisfaction_dimensions')
    .selectAll()
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();

/** Every round, oldest first. */
export const allRounds = (db: Db): Promise<Round[]> =>
  db.selectFrom('satisfaction_rounds').selectAll().orderBy('starts_on').orderBy('name').execute();

/** Scores of active dimensions of the customers the filter keeps, in every round. */
export function scoreRows(db: Db, filter: SatisfactionFilter): Promise<ScoreRow[]> {
  let q = db
    .selectFrom('evaluation_scores as s')
    .innerJoin('satisfaction_dimensions as d', 'd.id', 's.dimension_id')
    .innerJoin('evaluations as e', 'e.id', 's.evaluation_id')
    .innerJoin('customers as c', 'c.id', 'e.customer_id')
    .select([
      's.evaluation_id',
      'e.round_id',
      'e.customer_id',
      'c.name as customer_name',
      'c.name_key as customer_key',
      's.dimension_id',
      's.score',
    ])
    .where('d.archived_at', 'is', null);
  if (filter.industry) q = q.where('c.industry', '=', filter.industry);
  if (filter.ownerId) q = q.where('c.owner_id', '=', filter.ownerId);
  return q.execute();
}

/** A filter's round and owner must exist; each unknown one is named (400). */
export async function checkFilter(db: Db, filter: SatisfactionFilter): Promise<void> {
  const errors: FieldError[] = [];
  if (filter.roundId) {
    const r = await db
      .selectFrom('satisfaction_rounds')
      .select('id')
      .where('id', '=', filter.roundId)
      .executeTakeFirst();
    if (!r)
      errors.push({
        field: 'roundId',
        code: 'unknown_round',
        message: 'satisfaction.unknown_round',
      });
  }
  if (filter.ownerId) {
    const u = await db
      .selectFrom('users')
      .select('id')
      .where('id', '=', filter.ownerId)
      .executeTakeFirst();
    if (!u)
      errors.push({
        field: 'ownerId',
        code: 'unknown_owner',
        message: 'satisfaction.unknown_owner',
      });
  }
  if (errors.length) throw invalid(errors);
}

/** The satisfaction figures for a filter (checked first: see checkFilter). */
export async function loadSatisfaction(db: Db, filter: SatisfactionFilter): Promise<Satisfaction> {
  const [dims, rounds, rows] = await Promise.all([
    activeDimensions(db),
    allRounds(db),
    scoreRows(db, filter),
  ]);
  return computeSatisfaction(dims, rounds, rows, filter);
}

/** Whether any evaluation exists at all (the home page's panel waits for the first). */
export async function anyEvaluation(db: Db): Promise<boolean> {
  const row = await db.selectFrom('evaluations').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The index's change from the latest earlier round that has one (the trend "versus before"). */
export function indexChange(s: Satisfaction): { previous: TrendRound; change: number } | null {
  const at = s.trend.findIndex((x) => x.round.id === s.round?.id);
  const current = s.trend[at]?.index;
  if (at < 0 || current === null || current === undefined) return null;
  const previous = s.trend
    .slice(0, at)
    .reverse()
    .find((x) => x.index !== null);
  return previous ? { previous, change: current - previous.index! } : null;
}

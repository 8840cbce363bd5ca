import type { Db } from '../../db/connect.ts';
import { newId } from '../../lib/ids.ts';
import { customerKey } from './customers.queries.ts';

/**
 * Test data for the satisfaction figures, written straight into the tables (the customers,
 * rounds and evaluations use cases belong to their own files). The figures of `seedFigures`
 * are worked out by hand in satisfaction.test.ts.
 */
const STAMP = '2026-01-01T00:00:00.000Z';

export async function insertCustomer(
  db: Db,
  c: { name: string; industry?: string; ownerId?: string | null },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('customers')
    .values({
      id,
      name: c.name,
      name_key: customerKey(c.name),
      industry: c.industry ?? '',
      owner_id: c.ownerId ?? null,
      status: 'active',
      created_at: STAMP,
      updated_at: STAMP,
    })
    .execute();
  return id;
}

export async function insertRound(db: Db, name: string, startsOn: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('satisfaction_rounds')
    .values({
      id,
      name,
      starts_on: startsOn,
      ends_on: startsOn,
      published_at: null,
      published_post_id: null,
      created_at: STAMP,
    })
    .execute();
  return id;
}

/** An evaluation with its scores by dimension id (`dim_overall`, …). */
export async function insertEvaluation(
  db: Db,
  e: { roundId: string; customerId: string; scores: Record<string, number>; comment?: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('evaluations')
    .values({
      id,
      round_id: e.roundId,
      customer_id: e.customerId,
      conversation_date: '2026-01-15',
      comment: e.comment ?? '',
      created_by: null,
      created_at: STAMP,
      updated_at: STAMP,
    })
    .execute();
  const scores = Object.entries(e.scores);
  if (scores.length)
    await db
      .insertInto('evaluation_scores')
      .values(scores.map(([dimension_id, score]) => ({ evaluation_id: id, dimension_id, score })))
      .execute();
  return id;
}

export const score = (
  overall: number,
  quality: number,
  communication?: number,
  reliability?: number,
  value?: number,
) => ({
  dim_overall: overall,
  dim_quality: quality,
  ...(communication === undefined ? {} : { dim_communication: communication }),
  ...(reliability === undefined ? {} : { dim_reliability: reliability }),
  ...(value === undefined ? {} : { dim_value: value }),
});

export interface Figures {
  rounds: { r1: string; r2: string; r3: string };
  customers: { a: string; b: string; c: string };
}

/**
 * Quality's standard is 7 ± 1.5, the others 8 ± 1; "value" is archived (its scores never count).
 * Customers A (Bau, owner 1), B (Bau, owner 2), C (Handel, owner 1); round H1 2026 has none.
 *
 * | round   | customer | overall | quality | communication | reliability | value |
 * | H1 2025 | A        | 7       | 7       | 7             | 7           |       |
 * | H1 2025 | B        | 8       | 8       | 9             | 9           |       |
 * | H2 2025 | A        | 9       | 6       | 8             | 7           | 2     |
 * | H2 2025 | B        | 6       | 7       | 5             |             |       |
 * | H2 2025 | C        | 8       | 8       | 8             | 8           |       |
 */
export async function seedFigures(db: Db, owner1: string, owner2: string): Promise<Figures> {
  await db
    .updateTable('satisfaction_dimensions')
    .set({ target: 7, tolerance: 1.5 })
    .where('id', '=', 'dim_quality')
    .execute();
  await db
    .updateTable('satisfaction_dimensions')
    .set({ archived_at: STAMP })
    .where('id', '=', 'dim_value')
    .execute();
  const a = await insertCustomer(db, { name: 'Alpenbau AG', industry: 'Bau', ownerId: owner1 });
  const b = await insertCustomer(db, {
    name: 'Brückner & Söhne',
    industry: 'Bau',
    ownerId: owner2,
  });
  const c = await insertCustomer(db, {
    name: 'Cityhandel GmbH',
    industry: 'Handel',
    ownerId: owner1,
  });
  // Made out of order: rounds are ordered by their start, not by when they were entered.
  const r3 = await insertRound(db, 'H1 2026', '2026-01-01');
  const r2 = await insertRound(db, 'H2 2025', '2025-07-01');
  const r1 = await insertRound(db, 'H1 2025', '2025-01-01');
  await insertEvaluation(db, { roundId: r1, customerId: a, scores: score(7, 7, 7, 7) });
  await insertEvaluation(db, { roundId: r1, customerId: b, scores: score(8, 8, 9, 9) });
  await insertEvaluation(db, {
    roundId: r2,
    customerId: a,
    scores: score(9, 6, 8, 7, 2),
    comment: 'Vertraulich: Lieferung kam zu spät, @chef fragen #ärger',
  });
  await insertEvaluation(db, {
    roundId: r2,
    customerId: b,
    scores: score(6, 7, 5),
    comment: 'Kommunikation *sehr* schwach',
  });
  await insertEvaluation(db, { roundId: r2, customerId: c, scores: score(8, 8, 8, 8) });
  return { rounds: { r1, r2, r3 }, customers: { a, b, c } };
}

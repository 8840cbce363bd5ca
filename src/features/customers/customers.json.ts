import { Type, type Static } from '@sinclair/typebox';
import type { User } from '../accounts/accounts.table.ts';
import { canEvaluate } from './customers.policy.ts';
import type { CustomerRow } from './customers.queries.ts';
import { CUSTOMER_STATUSES, type Dimension } from './customers.table.ts';
import { evaluationMean, type EvaluationRecord, type Scored } from './evaluations.ts';
import { rate, type Rating } from './standards.ts';

/** The JSON shapes of customers and evaluations, shared by the customer and round API. */
export const RatingJson = Type.Union(
  [Type.Literal('green'), Type.Literal('amber'), Type.Literal('red')],
  {
    description:
      'green: at or above the target; amber: below it by at most the tolerance; red: further below',
  },
);

export const StatusJson = Type.Union(CUSTOMER_STATUSES.map((s) => Type.Literal(s)));

const MeanJson = Type.Union([
  Type.Object({
    mean: Type.Number({ description: 'mean of the scores' }),
    target: Type.Number({ description: 'mean target of the dimensions scored' }),
    tolerance: Type.Number({ description: 'mean tolerance of the dimensions scored' }),
    rating: RatingJson,
  }),
  Type.Null(),
]);

export const CustomerJson = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    industry: Type.String(),
    status: StatusJson,
    owner: Type.Union([
      Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() }),
      Type.Null(),
    ]),
    latest: Type.Union(
      [
        Type.Object({
          roundId: Type.String(),
          roundName: Type.String(),
          score: MeanJson,
        }),
        Type.Null(),
      ],
      { description: 'the latest round the customer was evaluated in, with its mean' },
    ),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Customer' },
);

const meanJson = (s: Scored | null): Static<typeof MeanJson> =>
  s ? { mean: s.mean, target: s.target, tolerance: s.tolerance, rating: s.rating } : null;

export function customerJson(
  c: CustomerRow,
  latest: (EvaluationRecord & { round_name: string }) | undefined,
  dims: ReadonlyMap<string, Dimension>,
): Static<typeof CustomerJson> {
  return {
    id: c.id,
    name: c.name,
    industry: c.industry,
    status: c.status,
    owner: c.owner_id
      ? { id: c.owner_id, name: c.owner_name ?? '', email: c.owner_email ?? '' }
      : null,
    latest: latest
      ? {
          roundId: latest.round_id,
          roundName: latest.round_name,
          score: meanJson(evaluationMean(latest, dims)),
        }
      : null,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export const evaluationFields = {
  id: Type.String(),
  roundId: Type.String(),
  customerId: Type.String(),
  conversationDate: Type.String({ format: 'date' }),
  comment: Type.Union([Type.String(), Type.Null()], {
    description: 'confidential: null unless the caller may evaluate the customer',
  }),
  scores: Type.Record(Type.String(), Type.Integer({ minimum: 1, maximum: 10 }), {
    description: 'by dimension id; a dimension not scored is left out',
  }),
  ratings: Type.Record(Type.String(), RatingJson, {
    description: 'each score against its dimension’s standard',
  }),
  score: MeanJson,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};
export const EvaluationJson = Type.Object(evaluationFields, { $id: 'CustomerEvaluation' });

export function evaluationJson(
  e: EvaluationRecord,
  customer: { owner_id: string | null },
  viewer: User,
  dims: ReadonlyMap<string, Dimension>,
): Static<typeof EvaluationJson> {
  const ratings: Record<string, Rating> = {};
  for (const [id, s] of Object.entries(e.scores)) {
    const d = dims.get(id);
    const r = d ? rate(s, d) : null;
    if (r) ratings[id] = r;
  }
  return {
    id: e.id,
    roundId: e.round_id,
    customerId: e.customer_id,
    conversationDate: e.conversation_date,
    comment: canEvaluate(viewer, customer) ? e.comment : null,
    scores: e.scores,
    ratings,
    score: meanJson(evaluationMean(e, dims)),
    createdAt: e.created_at,
    updatedAt: e.updated_at,
  };
}

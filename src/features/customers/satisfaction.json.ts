import { Type, type Static } from '@sinclair/typebox';
import type { I18n } from '../../views/i18n.ts';
import type { Satisfaction } from './satisfaction.ts';
import { dimensionName, ratingLabel, shown, standardShown } from './satisfaction.format.ts';
import { RATING_SYMBOL, type Rating } from './standards.ts';

/**
 * The satisfaction figures as JSON: the same figures, rounded the same way, as the page shows
 * (the API, the widget's JSON). Ratings carry their symbol and word in the reader's language.
 */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(
  t: T,
  opts: { description?: string } = {},
) => Type.Union([t, Type.Null()], opts);

const RatingJson = Nullable(
  Type.Union([Type.Literal('green'), Type.Literal('amber'), Type.Literal('red')], {
    description: 'green: at or above target; amber: below it by at most the tolerance; red: below',
  }),
);

const rated = {
  rating: RatingJson,
  symbol: Nullable(Type.String({ description: '● green, ▲ amber, ✖ red' })),
  label: Nullable(Type.String({ description: 'the rating in words, in the reader’s language' })),
};

const FigureFields = {
  mean: Nullable(
    Type.Number({ description: 'one decimal (two where one would cross a boundary)' }),
  ),
  n: Type.Integer({ description: 'evaluations the mean is over' }),
  target: Type.Number(),
  tolerance: Type.Number(),
  ...rated,
};

export const SatisfactionJson = Type.Object(
  {
    filter: Type.Object({
      roundId: Nullable(Type.String()),
      industry: Nullable(Type.String()),
      ownerId: Nullable(Type.String()),
    }),
    round: Nullable(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        startsOn: Type.String({ format: 'date' }),
        endsOn: Type.String({ format: 'date' }),
      }),
    ),
    index: Type.Object(FigureFields, {
      description: 'mean over evaluations of each one’s mean score; standard: mean of the targets',
    }),
    dimensions: Type.Array(
      Type.Object({
        id: Type.String(),
        code: Nullable(Type.String()),
        name: Type.String(),
        ...FigureFields,
      }),
    ),
    trend: Type.Array(
      Type.Object({
        roundId: Type.String(),
        roundName: Type.String(),
        startsOn: Type.String({ format: 'date' }),
        index: Nullable(Type.Number()),
        dimensions: Type.Array(Type.Object({ id: Type.String(), mean: Nullable(Type.Number()) })),
      }),
      { description: 'every round, oldest first' },
    ),
    belowStandard: Type.Object({
      count: Type.Integer({ description: 'customers with any score below its target' }),
      customers: Nullable(
        Type.Array(
          Type.Object({
            id: Type.Optional(Type.String()),
            name: Type.String(),
            shortfall: Type.Number({ description: 'sum of the scores’ distances below target' }),
            dimensions: Type.Array(
              Type.Object({
                id: Type.String(),
                name: Type.String(),
                score: Type.Number(),
                ...rated,
              }),
            ),
          }),
        ),
        { description: 'the top five; null where names are not shown' },
      ),
    }),
  },
  { $id: 'Satisfaction' },
);
export type SatisfactionJsonType = Static<typeof SatisfactionJson>;

const ratedJson = (t: I18n['t'], r: Rating | null) => ({
  rating: r,
  symbol: r ? RATING_SYMBOL[r] : null,
  label: r ? ratingLabel(t, r) : null,
});

const round1 = (v: number | null) => (v === null ? null : shown(v));

export function satisfactionJson(
  i18n: I18n,
  s: Satisfaction,
  opts: { customers: 'ids' | 'names' | 'count' },
): SatisfactionJsonType {
  const { t } = i18n;
  return {
    filter: s.filter,
    round: s.round
      ? { id: s.round.id, name: s.round.name, startsOn: s.round.starts_on, endsOn: s.round.ends_on }
      : null,
    index: {
      mean: s.index.mean === null ? null : shown(s.index.mean, s.index.standard),
      n: s.index.n,
      target: standardShown(s.index.standard.target),
      tolerance: standardShown(s.index.standard.tolerance),
      ...ratedJson(t, s.index.rating),
    },
    dimensions: s.dimensions.map((d) => ({
      id: d.dimension.id,
      code: d.dimension.code,
      name: dimensionName(t, d.dimension),
      mean: d.mean === null ? null : shown(d.mean, d.standard),
      n: d.n,
      target: standardShown(d.standard.target),
      tolerance: standardShown(d.standard.tolerance),
      ...ratedJson(t, d.rating),
    })),
    trend: s.trend.map((r) => ({
      roundId: r.round.id,
      roundName: r.round.name,
      startsOn: r.round.starts_on,
      index: round1(r.index),
      dimensions: s.dimensions.map((d) => ({
        id: d.dimension.id,
        mean: round1(r.dimensions[d.dimension.id] ?? null),
      })),
    })),
    belowStandard: {
      count: s.belowCount,
      customers:
        opts.customers === 'count'
          ? null
          : s.below.map((c) => ({
              ...(opts.customers === 'ids' ? { id: c.customerId } : {}),
              name: c.name,
              shortfall: shown(c.shortfall),
              dimensions: c.dimensions.map((d) => ({
                id: d.dimension.id,
                name: dimensionName(t, d.dimension),
                score: d.score,
                ...ratedJson(t, d.rating),
              })),
            })),
    },
  };
}

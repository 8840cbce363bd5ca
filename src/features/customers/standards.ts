/**
 * The colour rule of customer satisfaction: a score (or a mean of scores) against its
 * dimension's standard. Green at or above the target; amber below it by at most the tolerance;
 * red further below. Colour is never the only signal: each rating has a symbol and a word.
 */
export type Rating = 'green' | 'amber' | 'red';

export interface Standard {
  target: number;
  tolerance: number;
}

/**
 * Means are compared after rounding to two decimals, so 7.999999999 (a mean of floats) is 8.00
 * and a boundary means what the legend says.
 */
const round2 = (x: number) => Math.round(x * 100) / 100;

export function rate(score: number | null | undefined, s: Standard): Rating | null {
  if (score === null || score === undefined || !Number.isFinite(score)) return null;
  const v = round2(score);
  if (v >= round2(s.target)) return 'green';
  if (v >= round2(s.target - s.tolerance)) return 'amber';
  return 'red';
}

/** How far below its target a value is (0 when at or above it). */
export const shortfall = (score: number, s: Standard): number =>
  Math.max(0, round2(s.target - score));

/** The symbol beside each colour: ● on target, ▲ watch, ✖ below tolerance. */
export const RATING_SYMBOL: Record<Rating, string> = { green: '●', amber: '▲', red: '✖' };

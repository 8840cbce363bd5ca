import type { I18n } from '../../views/i18n.ts';
import { dimensionName as namedDimension } from './dimensions.ts';
import type { Dimension } from './customers.table.ts';
import { rate, RATING_SYMBOL, type Rating, type Standard } from './standards.ts';

/** A dimension's name: the one an admin gave, else the default for its code in the language. */
export const dimensionName = (t: I18n['t'], dim: Pick<Dimension, 'name' | 'code'>): string =>
  namedDimension({ t }, dim);

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * A mean as shown: one decimal, or two where one decimal would put it on the other side of a
 * boundary of its standard (7.95 against a target of 8 is shown as 7.95, not as an amber 8.0).
 */
export function shown(v: number, s?: Standard): number {
  const one = round1(v);
  return !s || rate(one, s) === rate(v, s) ? one : round2(v);
}

/** A standard's numbers keep their two decimals: they are the boundaries the legend states. */
export const standardShown = (v: number): number => round2(v);

/** A shown figure in the reader's language: at least one decimal, "7.0", "7.95". */
export const formatFigure = (i18n: Pick<I18n, 'number'>, v: number): string =>
  i18n.number(v, { minimumFractionDigits: 1, maximumFractionDigits: 2 });

export const ratingLabel = (t: I18n['t'], r: Rating): string => t(`satisfaction.rating.${r}`);

/** A rating as plain text: the symbol and the word, for posts, CSV and JSON. */
export const ratingText = (t: I18n['t'], r: Rating): string =>
  `${RATING_SYMBOL[r]} ${ratingLabel(t, r)}`;

import { describe, expect, it } from 'vitest';
import { rate, RATING_SYMBOL, shortfall } from './standards.ts';

describe('the colour rule of a score against its standard', () => {
  const s = { target: 8, tolerance: 1.5 };

  it('is green exactly at the target and above it', () => {
    expect(rate(8, s)).toBe('green');
    expect(rate(10, s)).toBe('green');
  });

  it('is amber just below the target and exactly at target − tolerance', () => {
    expect(rate(7.99, s)).toBe('amber');
    expect(rate(6.5, s)).toBe('amber');
  });

  it('is red just below target − tolerance', () => {
    expect(rate(6.49, s)).toBe('red');
    expect(rate(1, s)).toBe('red');
  });

  it('has no amber when the tolerance is 0', () => {
    expect(rate(7, { target: 7, tolerance: 0 })).toBe('green');
    expect(rate(6.99, { target: 7, tolerance: 0 })).toBe('red');
  });

  it('rates a mean at two decimals, so a float sum on the boundary counts as on it', () => {
    // A mean such as (8.1 + 7.9 + 8) / 3 may come out a hair off in floating point.
    expect(rate(7.999999999, { target: 8, tolerance: 1 })).toBe('green');
    expect(rate(7.994, { target: 8, tolerance: 1 })).toBe('amber');
    expect(rate(6.996, { target: 8, tolerance: 1 })).toBe('amber');
    expect(rate(6.994, { target: 8, tolerance: 1 })).toBe('red');
  });

  it('rates nothing without a score', () => {
    expect(rate(null, s)).toBeNull();
    expect(rate(undefined, s)).toBeNull();
    expect(rate(Number.NaN, s)).toBeNull();
  });

  it('has a symbol for each colour and measures the shortfall', () => {
    expect(RATING_SYMBOL).toEqual({ green: '●', amber: '▲', red: '✖' });
    expect(shortfall(6, s)).toBe(2);
    expect(shortfall(9, s)).toBe(0);
  });
});

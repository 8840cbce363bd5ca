import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createUser } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { i18n } from '../../views/i18n.ts';
import {
  insertEvaluation,
  insertRound,
  score,
  seedFigures,
  type Figures,
} from './satisfaction.fixtures.ts';
import { satisfactionCsvRows } from './satisfaction.csv.ts';
import { shown } from './satisfaction.format.ts';
import { satisfactionJson } from './satisfaction.json.ts';
import { indexChange, loadSatisfaction, type Satisfaction } from './satisfaction.ts';

const NOW = new Date('2026-11-28T10:00:00Z');
const en = i18n('en', 'Europe/Berlin');

/** Figures to two decimals, so that the hand-computed thirds compare exactly. */
const r2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
const dims = (s: Satisfaction) =>
  s.dimensions.map((d) => [d.dimension.id, r2(d.mean), d.n, d.rating]);

describe('shown figures', () => {
  it('rounds to one decimal, or two where one would cross a boundary', () => {
    expect(shown(23 / 3, { target: 8, tolerance: 1 })).toBe(7.7);
    expect(shown(7.95, { target: 8, tolerance: 1 })).toBe(7.95);
    expect(shown(8.04, { target: 8, tolerance: 1 })).toBe(8);
    expect(shown(6.96, { target: 8, tolerance: 1 })).toBe(6.96);
    expect(shown(7.25)).toBe(7.3);
  });
});

describe.each(DIALECTS)('satisfaction figures (%s)', (dialect) => {
  let t: TestApp;
  let f: Figures;
  let owner1 = '';
  let owner2 = '';

  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    owner1 = (await createUser(t.deps, { name: 'Olga Owner' })).id;
    owner2 = (await createUser(t.deps, { name: 'Otto Owner' })).id;
    f = await seedFigures(t.deps.db, owner1, owner2);
  });
  afterAll(async () => t.close());

  it('defaults to the latest round that has evaluations, with each dimension against its standard', async () => {
    const s = await loadSatisfaction(t.deps.db, {});
    expect(s.round?.name).toBe('H2 2025');
    // Archived "value" is not a dimension of the figures; its score (2) counts nowhere.
    expect(dims(s)).toEqual([
      ['dim_overall', 7.67, 3, 'amber'],
      // 7 is quality's target (7 ± 1.5): green at the boundary.
      ['dim_quality', 7, 3, 'green'],
      // 7 is communication's target minus tolerance (8 − 1): amber at the boundary.
      ['dim_communication', 7, 3, 'amber'],
      ['dim_reliability', 7.5, 2, 'amber'],
    ]);
    // A (9+6+8+7)/4 = 7.5, B (6+7+5)/3 = 6, C 8 → 21.5/3. Each evaluation's standard is that
    // of the dimensions it scored: A and C 7.75 ± 1.125 (all four), B (8+7+8)/3 ± (1+1.5+1)/3
    // (no reliability); the index's is their mean, 23.1667/3 = 7.7222 ± 3.4167/3 = 1.1389.
    expect(r2(s.index.mean)).toBe(7.17);
    expect(s.index.n).toBe(3);
    expect(s.index.standard.target).toBeCloseTo(7.7222, 4);
    expect(s.index.standard.tolerance).toBeCloseTo(1.1389, 4);
    expect(s.index.rating).toBe('amber');
  });

  it('ranks the customers furthest below standard by the sum of their shortfalls', async () => {
    const s = await loadSatisfaction(t.deps.db, {});
    expect(s.belowCount).toBe(2);
    expect(
      s.below.map((c) => [
        c.name,
        c.shortfall,
        c.dimensions.map((d) => [d.dimension.id, d.score, d.rating]),
      ]),
    ).toEqual([
      [
        'Brückner & Söhne',
        5,
        [
          ['dim_overall', 6, 'red'],
          ['dim_communication', 5, 'red'],
        ],
      ],
      [
        'Alpenbau AG',
        2,
        [
          ['dim_quality', 6, 'amber'],
          ['dim_reliability', 7, 'amber'],
        ],
      ],
    ]);
  });

  it('gives the trend over every round in order of start, with gaps for rounds without evaluations', async () => {
    const s = await loadSatisfaction(t.deps.db, {});
    expect(
      s.trend.map((r) => [
        r.round.name,
        r2(r.index),
        r2(r.dimensions.dim_overall ?? null),
        r2(r.dimensions.dim_communication ?? null),
      ]),
    ).toEqual([
      ['H1 2025', 7.75, 7.5, 8],
      ['H2 2025', 7.17, 7.67, 7],
      ['H1 2026', null, null, null],
    ]);
    const change = indexChange(s);
    expect(change?.previous.round.name).toBe('H1 2025');
    expect(r2(change?.change ?? null)).toBe(-0.58);
  });

  it('rates an index exactly at the mean target green', async () => {
    const s = await loadSatisfaction(t.deps.db, { roundId: f.rounds.r1 });
    // A 7, B (8+8+9+9)/4 = 8.5 → 7.75, the mean of the targets.
    expect(s.index.mean).toBe(7.75);
    expect(s.index.rating).toBe('green');
    expect(dims(s)).toEqual([
      ['dim_overall', 7.5, 2, 'amber'],
      ['dim_quality', 7.5, 2, 'green'],
      ['dim_communication', 8, 2, 'green'],
      ['dim_reliability', 8, 2, 'green'],
    ]);
    expect(s.belowCount).toBe(1);
    expect(s.below[0]?.name).toBe('Alpenbau AG');
    // overall 1 + communication 1 + reliability 1 (quality 7 meets its target of 7).
    expect(s.below[0]?.shortfall).toBe(3);
    expect(indexChange(s)).toBeNull();
  });

  it('holds the index against the dimensions each evaluation scored', async () => {
    // Reliability's target is raised to 9: evaluations that score only overall and quality on
    // target must still give an index on target.
    await t.deps.db
      .updateTable('satisfaction_dimensions')
      .set({ target: 9 })
      .where('id', '=', 'dim_reliability')
      .execute();
    const r = await insertRound(t.deps.db, 'Sonderrunde', '2027-01-01');
    await insertEvaluation(t.deps.db, {
      roundId: r,
      customerId: f.customers.a,
      scores: score(8, 7),
    });
    await insertEvaluation(t.deps.db, {
      roundId: r,
      customerId: f.customers.c,
      scores: score(8, 7),
    });
    const s = await loadSatisfaction(t.deps.db, { roundId: r });
    expect(dims(s).slice(0, 2)).toEqual([
      ['dim_overall', 8, 2, 'green'],
      ['dim_quality', 7, 2, 'green'],
    ]);
    expect(s.index.mean).toBe(7.5);
    expect(s.index.standard).toEqual({ target: 7.5, tolerance: 1.25 });
    expect(s.index.rating).toBe('green');
    await t.deps.db.deleteFrom('satisfaction_rounds').where('id', '=', r).execute();
    await t.deps.db
      .updateTable('satisfaction_dimensions')
      .set({ target: 8 })
      .where('id', '=', 'dim_reliability')
      .execute();
  });

  it('filters by industry and by account owner, the trend too', async () => {
    const bau = await loadSatisfaction(t.deps.db, { industry: 'Bau' });
    expect(bau.round?.name).toBe('H2 2025');
    expect(dims(bau)).toEqual([
      ['dim_overall', 7.5, 2, 'amber'],
      ['dim_quality', 6.5, 2, 'amber'],
      ['dim_communication', 6.5, 2, 'red'],
      ['dim_reliability', 7, 1, 'amber'],
    ]);
    expect(bau.index.mean).toBe(6.75);
    expect(bau.index.rating).toBe('amber');
    expect(bau.trend.map((r) => r2(r.index))).toEqual([7.75, 6.75, null]);

    const olga = await loadSatisfaction(t.deps.db, { ownerId: owner1 });
    expect(olga.index.mean).toBe(7.75);
    expect(olga.index.rating).toBe('green');
    expect(olga.below.map((c) => c.name)).toEqual(['Alpenbau AG']);
    expect(olga.trend.map((r) => r2(r.index))).toEqual([7, 7.75, null]);

    const otto = await loadSatisfaction(t.deps.db, { ownerId: owner2 });
    // B alone: (6+7+5)/3 = 6, below its own standard's floor (8+7+8)/3 − (1+1.5+1)/3 = 6.5: red.
    expect(otto.index.mean).toBe(6);
    expect(otto.index.rating).toBe('red');
    expect(dims(otto)).toEqual([
      ['dim_overall', 6, 1, 'red'],
      ['dim_quality', 7, 1, 'green'],
      ['dim_communication', 5, 1, 'red'],
      ['dim_reliability', null, 0, null],
    ]);

    const none = await loadSatisfaction(t.deps.db, { industry: 'Luftfahrt' });
    expect(none.round).toBeNull();
    expect(none.index).toMatchObject({ mean: null, n: 0, rating: null });
    expect(none.below).toEqual([]);
  });

  it('shows an empty round as such when it is asked for', async () => {
    const s = await loadSatisfaction(t.deps.db, { roundId: f.rounds.r3 });
    expect(s.round?.name).toBe('H1 2026');
    expect(s.index.mean).toBeNull();
    expect(s.dimensions.every((d) => d.mean === null && d.n === 0)).toBe(true);
  });

  it('serialises the shown figures, without customers where they are only counted', async () => {
    const s = await loadSatisfaction(t.deps.db, {});
    const json = satisfactionJson(en, s, { customers: 'count' });
    expect(json.index).toEqual({
      mean: 7.2,
      n: 3,
      target: 7.72,
      tolerance: 1.14,
      rating: 'amber',
      symbol: '▲',
      label: 'Within tolerance',
    });
    expect(json.dimensions.map((d) => [d.name, d.mean, d.rating])).toEqual([
      ['Overall satisfaction', 7.7, 'amber'],
      ['Quality', 7, 'green'],
      ['Communication', 7, 'amber'],
      ['Reliability', 7.5, 'amber'],
    ]);
    expect(json.trend.map((r) => [r.roundName, r.index])).toEqual([
      ['H1 2025', 7.8],
      ['H2 2025', 7.2],
      ['H1 2026', null],
    ]);
    expect(json.belowStandard).toEqual({ count: 2, customers: null });
    const rows = satisfactionCsvRows(en, satisfactionJson(en, s, { customers: 'names' }));
    expect(rows[0]).toEqual([
      'index',
      'H2 2025',
      'Satisfaction index',
      7.2,
      3,
      7.72,
      1.14,
      'amber',
      '',
    ]);
    expect(rows.at(-1)).toEqual([
      'below_standard',
      'H2 2025',
      'Alpenbau AG',
      2,
      null,
      null,
      null,
      null,
      'Quality: 6 (amber); Reliability: 7 (amber)',
    ]);
  });
});

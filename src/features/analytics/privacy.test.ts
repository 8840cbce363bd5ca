import { describe, expect, it } from 'vitest';
import {
  checkK,
  DEFAULT_K,
  MIN_K,
  suppress,
  type Breakdown,
  type Cell,
  type Shown,
  type ShownBreakdown,
} from './privacy.ts';

const cell = (people: number, value = people * 2): Cell => ({ people, value });
const few: Shown = { kind: 'suppressed', reason: 'few' };
const derivable: Shown = { kind: 'suppressed', reason: 'derivable' };
const shown = (value: number): Shown => ({ kind: 'value', value });

const sum = (cells: Cell[]): Cell => ({
  people: cells.reduce((s, c) => s + c.people, 0),
  value: cells.reduce((s, c) => s + c.value, 0),
});

/** A table with every total, people counted as if nobody appears in two cells. */
function withTotals(rows: Cell[][]): Required<Breakdown> {
  const columns = rows[0]!.map((_, j) => rows.map((row) => row[j]!));
  return {
    rows,
    rowTotals: rows.map(sum),
    columnTotals: columns.map(sum),
    grandTotal: sum(rows.flat()),
  };
}

const symbol = (s: Shown | undefined) =>
  s === undefined ? ' ' : s.kind === 'value' ? '.' : s.reason === 'few' ? 'F' : 'D';

/** The outcome as a picture: '.' shown, 'F' fewer than k, 'D' hidden because derivable. */
function pattern(out: ShownBreakdown): string[] {
  const lines = out.rows.map((row, i) =>
    [row.map(symbol).join(' '), out.rowTotals ? `| ${symbol(out.rowTotals[i])}` : '']
      .join(' ')
      .trimEnd(),
  );
  if (out.columnTotals || out.grandTotal) {
    const totals = out.columnTotals?.map(symbol).join(' ') ?? out.rows[0]!.map(() => ' ').join(' ');
    lines.push(`${totals} | ${symbol(out.grandTotal)}`.trimEnd());
  }
  return lines;
}

/**
 * Which hidden figures can be calculated exactly from the shown ones: linear algebra over the
 * equations "a row's cells add up to its total" and "a column's cells add up to its total",
 * including the totals row and column, with totals not passed in counted as unknown.
 * Independent of how `suppress` reasons (it searches bridges in a graph).
 */
function derivableCells(table: Breakdown, out: ShownBreakdown): string[] {
  const m = table.rows.length;
  const n = table.rows[0]?.length ?? table.columnTotals?.length ?? 0;
  const outAt = (i: number, j: number): Shown | undefined => {
    if (i < m && j < n) return out.rows[i]![j];
    if (i < m) return out.rowTotals?.[i];
    if (j < n) return out.columnTotals?.[j];
    return out.grandTotal;
  };
  const label = (i: number, j: number) =>
    i < m && j < n ? `r${i}c${j}` : i < m ? `rowTotal${i}` : j < n ? `columnTotal${j}` : 'grand';
  const unknowns: [number, number][] = [];
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j <= n; j++) if (outAt(i, j)?.kind !== 'value') unknowns.push([i, j]);
  }
  const index = new Map(unknowns.map(([i, j], x) => [`${i},${j}`, x]));
  const equations: number[][] = [];
  const equation = (terms: [number, number, number][]) => {
    const row = new Array<number>(unknowns.length).fill(0);
    for (const [i, j, sign] of terms) {
      const x = index.get(`${i},${j}`);
      if (x !== undefined) row[x] = sign;
    }
    equations.push(row);
  };
  for (let i = 0; i <= m; i++) {
    equation([
      ...Array.from({ length: n }, (_, j) => [i, j, 1] as [number, number, number]),
      [i, n, -1],
    ]);
  }
  for (let j = 0; j <= n; j++) {
    equation([
      ...Array.from({ length: m }, (_, i) => [i, j, 1] as [number, number, number]),
      [m, j, -1],
    ]);
  }
  const pivotRow = new Map<number, number>();
  let r = 0;
  for (let col = 0; col < unknowns.length && r < equations.length; col++) {
    const p = equations.findIndex((row, x) => x >= r && Math.abs(row[col]!) > 1e-9);
    if (p < 0) continue;
    [equations[r], equations[p]] = [equations[p]!, equations[r]!];
    const pivot = equations[r]!;
    const scale = pivot[col]!;
    for (let c = 0; c < pivot.length; c++) pivot[c]! /= scale;
    for (const [x, row] of equations.entries()) {
      const factor = row[col]!;
      if (x === r || Math.abs(factor) < 1e-9) continue;
      for (let c = 0; c < row.length; c++) row[c]! -= factor * pivot[c]!;
    }
    pivotRow.set(col, r++);
  }
  return unknowns.flatMap(([i, j], col) => {
    if (outAt(i, j) === undefined) return [];
    const p = pivotRow.get(col);
    if (p === undefined) return [];
    const alone = equations[p]!.every((a, c) => c === col || Math.abs(a) < 1e-9);
    return alone ? [label(i, j)] : [];
  });
}

describe('the threshold k', () => {
  it('defaults to 5 and is never below 3', () => {
    expect(DEFAULT_K).toBe(5);
    expect(MIN_K).toBe(3);
    expect(checkK(3)).toBe(3);
    expect(checkK(DEFAULT_K)).toBe(5);
    expect(checkK(12)).toBe(12);
  });

  it('refuses k below the minimum or not a whole number', () => {
    for (const k of [2, 1, 0, -5, 4.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => checkK(k)).toThrow(RangeError);
      expect(() => suppress({ rows: [[cell(10)]] }, k)).toThrow(RangeError);
    }
  });
});

describe('primary suppression: too few people', () => {
  it('hides a cell just below k and shows one exactly at k', () => {
    const out = suppress(
      {
        rows: [
          [cell(4, 11), cell(5, 12)],
          [cell(6, 13), cell(100, 14)],
        ],
      },
      5,
    );
    expect(out.rows).toEqual([
      [few, shown(12)],
      [shown(13), shown(14)],
    ]);
    const atThree = suppress({ rows: [[cell(2, 7), cell(3, 8)]] }, 3);
    expect(atThree.rows).toEqual([[few, shown(8)]]);
  });

  it('hides totals over too few people as well', () => {
    const table = withTotals([
      [cell(1), cell(1)],
      [cell(1), cell(1)],
    ]);
    const out = suppress(table, 5);
    expect(pattern(out)).toEqual(['F F | F', 'F F | F', 'F F | F']);
    expect(out.rows.flat().every((s) => s.kind === 'suppressed' && s.reason === 'few')).toBe(true);

    // The same table with the grand total at k: only the grand total can be shown.
    const out5 = suppress({ ...table, grandTotal: cell(5, 8) }, 5);
    expect(out5.grandTotal).toEqual(shown(8));
    expect(derivableCells({ ...table, grandTotal: cell(5, 8) }, out5)).toEqual([]);
  });

  it('shows a cell about nobody as 0 but hides a value that has no people behind it', () => {
    const out = suppress({ rows: [[cell(0, 0), cell(0, 7), cell(9, 9)]] }, 5);
    expect(out.rows).toEqual([[shown(0), few, shown(9)]]);
  });

  it('hides only the cells below k when no totals are given', () => {
    const rows = [
      [cell(2), cell(9), cell(1)],
      [cell(8), cell(4), cell(9)],
      [cell(7), cell(8), cell(9)],
    ];
    const out = suppress({ rows }, 5);
    expect(pattern(out)).toEqual(['F . F', '. F .', '. . .']);
    expect(derivableCells({ rows }, out)).toEqual([]);
  });
});

describe('complementary suppression: no working back from totals', () => {
  it('a lone hidden cell in a row with a shown total forces a second one in that row', () => {
    const table = { rows: [[cell(2), cell(9), cell(6), cell(7)]], rowTotals: [cell(24)] };
    const out = suppress(table, 5);
    expect(out.rows).toEqual([[few, shown(18), derivable, shown(14)]]);
    expect(out.rowTotals).toEqual([shown(48)]);
    expect(derivableCells(table, out)).toEqual([]);
  });

  it('picks the second cell by fewest people, then smallest value, then position', () => {
    const byPeople = {
      rows: [[cell(2, 1), cell(6, 20), cell(5, 99), cell(6, 10)]],
      rowTotals: [cell(19, 130)],
    };
    expect(suppress(byPeople, 5).rows[0]).toEqual([few, shown(20), derivable, shown(10)]);
    const byValueThenPosition = {
      rows: [[cell(2, 1), cell(6, 20), cell(6, 10), cell(6, 10)]],
      rowTotals: [cell(20, 41)],
    };
    expect(suppress(byValueThenPosition, 5).rows[0]).toEqual([
      few,
      shown(20),
      derivable,
      shown(10),
    ]);
  });

  it('settles a cascade from a row into a column and on into another row', () => {
    // (0,0) is too few; its row gives up (0,1), its column (2,0), and the two new hidden
    // cells are paired by (2,1), closing a rectangle no total can open.
    const table = withTotals([
      [cell(2), cell(6), cell(9)],
      [cell(8), cell(7), cell(9)],
      [cell(5), cell(9), cell(9)],
    ]);
    const out = suppress(table, 5);
    expect(pattern(out)).toEqual(['F D . | .', '. . . | .', 'D D . | .', '. . . | .']);
    expect(derivableCells(table, out)).toEqual([]);
  });

  it('uses a second cell below k as part of the protection', () => {
    const table = withTotals([
      [cell(2), cell(9), cell(9)],
      [cell(9), cell(3), cell(9)],
      [cell(9), cell(9), cell(9)],
    ]);
    const out = suppress(table, 5);
    expect(pattern(out)).toEqual(['F D . | .', 'D F . | .', '. . . | .', '. . . | .']);
    expect(derivableCells(table, out)).toEqual([]);
  });

  it('hides the total of a one-cell row whose cell is hidden', () => {
    const table = { rows: [[cell(2, 4)]], rowTotals: [cell(7, 9)] };
    const out = suppress(table, 5);
    expect(out).toEqual({ rows: [[few]], rowTotals: [derivable] });
  });

  it('protects a one-column table through the row totals', () => {
    const table = withTotals([[cell(2)], [cell(9)], [cell(8)]]);
    const out = suppress(table, 5);
    expect(pattern(out)).toEqual(['F | F', '. | .', 'D | D', '. | .']);
    expect(derivableCells(table, out)).toEqual([]);
  });

  it('protects against a grand total alone, where no row or column total is shown', () => {
    const table = {
      rows: [
        [cell(2), cell(9)],
        [cell(8), cell(9)],
      ],
      grandTotal: cell(28),
    };
    const out = suppress(table, 5);
    expect(out.rows).toEqual([
      [few, shown(18)],
      [derivable, shown(18)],
    ]);
    expect(out.grandTotal).toEqual(shown(56));
    expect(derivableCells(table, out)).toEqual([]);
  });

  it('protects through column totals when rows have none', () => {
    const table = {
      rows: [
        [cell(2), cell(9)],
        [cell(8), cell(9)],
        [cell(6), cell(9)],
      ],
      columnTotals: [cell(16), cell(27)],
    };
    const out = suppress(table, 5);
    expect(pattern(out)).toEqual(['F .', '. .', 'D .', '. . |']);
    expect(derivableCells(table, out)).toEqual([]);
  });

  it('the check of derivable cells finds a cell left open by primary suppression alone', () => {
    const table = withTotals([
      [cell(2), cell(9)],
      [cell(9), cell(9)],
    ]);
    const primaryOnly: ShownBreakdown = {
      rows: [
        [few, shown(18)],
        [shown(18), shown(18)],
      ],
      rowTotals: [shown(22), shown(36)],
      columnTotals: [shown(22), shown(36)],
      grandTotal: shown(58),
    };
    expect(derivableCells(table, primaryOnly)).toEqual(['r0c0']);
  });
});

describe('shape and determinism', () => {
  it('refuses a ragged table or totals that do not match it', () => {
    expect(() => suppress({ rows: [[cell(9)], [cell(9), cell(9)]] }, 5)).toThrow(RangeError);
    expect(() => suppress({ rows: [[cell(9)]], rowTotals: [] }, 5)).toThrow(RangeError);
    expect(() => suppress({ rows: [[cell(9)]], columnTotals: [cell(9), cell(9)] }, 5)).toThrow(
      RangeError,
    );
    expect(() => suppress({ rows: [[{ people: Number.NaN, value: 1 }]] }, 5)).toThrow(RangeError);
    expect(() => suppress({ rows: [[{ people: 2.5, value: 1 }]] }, 5)).toThrow(RangeError);
  });

  it('accepts an empty breakdown', () => {
    expect(suppress({ rows: [] }, 5)).toEqual({ rows: [] });
    expect(suppress({ rows: [], grandTotal: cell(0, 0) }, 5)).toEqual({
      rows: [],
      grandTotal: shown(0),
    });
  });

  it('gives the same output for the same input and leaves the input alone', () => {
    const table = withTotals([
      [cell(2), cell(6), cell(9), cell(1)],
      [cell(8), cell(7), cell(9), cell(6)],
      [cell(5), cell(9), cell(3), cell(9)],
    ]);
    const copy = structuredClone(table);
    const first = suppress(table, 5);
    expect(table).toEqual(copy);
    expect(suppress(copy, 5)).toEqual(first);
  });
});

/** A small seeded generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomTable(next: () => number, maxRows: number, maxColumns: number): Breakdown {
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const m = int(1, maxRows);
  const n = int(1, maxColumns);
  const rows = Array.from({ length: m }, () =>
    Array.from({ length: n }, () => {
      if (next() < 0.15) return cell(0, 0);
      const people = int(1, 9);
      return { people, value: people + int(0, people * 3) };
    }),
  );
  // Distinct people over several cells lie between the largest cell and the sum.
  const total = (cells: Cell[]): Cell => {
    const { people, value } = sum(cells);
    const most = Math.max(...cells.map((c) => c.people));
    return { value, people: int(most, people) };
  };
  const table: Breakdown = { rows };
  if (next() < 0.7) table.rowTotals = rows.map(total);
  if (next() < 0.7) table.columnTotals = rows[0]!.map((_, j) => total(rows.map((r) => r[j]!)));
  if (next() < 0.6) table.grandTotal = total(rows.flat());
  return table;
}

function published(table: Breakdown, out: ShownBreakdown): [Cell, Shown][] {
  return [
    ...table.rows.flatMap((row, i) => row.map((c, j): [Cell, Shown] => [c, out.rows[i]![j]!])),
    ...(table.rowTotals ?? []).map((c, i): [Cell, Shown] => [c, out.rowTotals![i]!]),
    ...(table.columnTotals ?? []).map((c, j): [Cell, Shown] => [c, out.columnTotals![j]!]),
    ...(table.grandTotal ? [[table.grandTotal, out.grandTotal!] as [Cell, Shown]] : []),
  ];
}

const hiddenCount = (shownCells: Shown[]) => shownCells.filter((s) => s.kind !== 'value').length;

function checkProperties(table: Breakdown, k: number): ShownBreakdown {
  const out = suppress(table, k);
  expect(out.rowTotals === undefined).toBe(table.rowTotals === undefined);
  expect(out.columnTotals === undefined).toBe(table.columnTotals === undefined);
  expect(out.grandTotal === undefined).toBe(table.grandTotal === undefined);
  for (const [c, s] of published(table, out)) {
    const tooFew = c.people < k && !(c.people === 0 && c.value === 0);
    if (tooFew) expect(s).toEqual(few);
    else if (s.kind === 'value') expect(s.value).toBe(c.value);
    else expect(s).toEqual(derivable);
  }
  table.rows.forEach((_, i) => {
    if (out.rowTotals?.[i]?.kind === 'value') expect(hiddenCount(out.rows[i]!)).not.toBe(1);
  });
  table.rows[0]!.forEach((_, j) => {
    if (out.columnTotals?.[j]?.kind === 'value') {
      expect(hiddenCount(out.rows.map((row) => row[j]!))).not.toBe(1);
    }
  });
  if (out.grandTotal?.kind === 'value') {
    if (out.rowTotals) expect(hiddenCount(out.rowTotals)).not.toBe(1);
    if (out.columnTotals) expect(hiddenCount(out.columnTotals)).not.toBe(1);
  }
  expect(derivableCells(table, out)).toEqual([]);
  expect(suppress(structuredClone(table), k)).toEqual(out);
  return out;
}

describe('properties over random tables', () => {
  it('never leaves a lone hidden cell beside a shown total, nor any derivable cell', () => {
    const next = random(20261128);
    let complementary = 0;
    for (let run = 0; run < 400; run++) {
      const table = randomTable(next, 4, 4);
      const k = 3 + Math.floor(next() * 3);
      const out = checkProperties(table, k);
      if (
        published(table, out).some(([, s]) => s.kind === 'suppressed' && s.reason === 'derivable')
      ) {
        complementary++;
      }
    }
    // The sample really exercises complementary suppression.
    expect(complementary).toBeGreaterThan(100);
  });

  it('holds on larger tables as well', () => {
    const next = random(7);
    for (let run = 0; run < 20; run++) checkProperties(randomTable(next, 14, 10), 5);
  });
});

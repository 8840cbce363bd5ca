/**
 * The privacy threshold for analytics breakdowns: which figures a table may show.
 *
 * A breakdown is a table of figures (for example departments by month). Each figure comes
 * with the number of different people behind it. Rows and columns may have totals, and there
 * may be a grand total. The rules:
 *
 * 1. Too few people. A figure resting on fewer than k different people is not shown; the
 *    table says "fewer than k" instead. This holds for every figure, totals included. k is 5
 *    unless the organisation chooses another value, and it can never be set below 3. A figure
 *    about nobody (0 people and the value 0) is shown as 0: that nothing happened points at no
 *    one. A non-zero value with 0 people behind it is treated as too few.
 *
 * 2. No working back. A total is the sum of the figures in its row or column. If a hidden
 *    figure could be calculated from the shown ones, for example a row total minus the other
 *    figures in that row, one more figure is hidden as well, and this is repeated until no
 *    hidden figure can be calculated exactly. The check covers all rows and columns together,
 *    the totals themselves (row totals add up to the grand total), and totals that are not
 *    displayed but still follow from what is (a grand total alone also lets one work back).
 *    The extra figure is chosen to lose as little as possible: where it helps, one in the same
 *    row or column; among those, the one resting on the fewest people, then the smallest value,
 *    then the first in reading order (figures row by row, then row totals, column totals and
 *    the grand total). A 0 about nobody is used only when nothing else is left, because hiding
 *    a figure everyone can guess protects no one. When a row has no other figure to hide, its
 *    total is hidden instead.
 *
 * 3. Same figures, same table. The outcome depends only on the figures and k, never on the
 *    time, on chance or on who is looking.
 *
 * What the rules do not promise: a hidden figure can still be narrowed down to a range (it
 * lies between 0 and what the shown figures leave over); only its exact value is protected.
 * The threshold counts the people behind a figure, not the size of the group it describes.
 * Where a total is not a plain sum (distinct people over several months, say), the rules still
 * treat it as one, which hides more than strictly needed.
 */

export const MIN_K = 3;
export const DEFAULT_K = 5;

export interface Cell {
  value: number;
  /** Distinct persons behind the cell. */
  people: number;
}

export type Shown =
  { kind: 'value'; value: number } | { kind: 'suppressed'; reason: 'few' | 'derivable' };

export interface Breakdown {
  rows: Cell[][];
  rowTotals?: Cell[];
  columnTotals?: Cell[];
  grandTotal?: Cell;
}

export interface ShownBreakdown {
  rows: Shown[][];
  rowTotals?: Shown[];
  columnTotals?: Shown[];
  grandTotal?: Shown;
}

/** Returns k when it is an allowed threshold (an integer of at least MIN_K); throws otherwise. */
export function checkK(k: number): number {
  if (!Number.isInteger(k) || k < MIN_K) {
    throw new RangeError(`k must be an integer of at least ${MIN_K}, got ${k}`);
  }
  return k;
}

type State = 'shown' | 'few' | 'derivable' | 'unpublished';

/**
 * The table extended by one row (column totals) and one column (row totals), so that the grand
 * total sits at (m, n). Every line of it sums: the cells of a row add up to its last cell, the
 * cells of a column to its last cell. A cell the caller did not pass still has a value in the
 * world, just an unknown one, so it takes part as 'unpublished'.
 *
 * Seen as a graph with one vertex per row and per column and one edge per unknown cell, a
 * hidden cell can be calculated exactly if and only if its edge lies on no cycle (a bridge):
 * the unknown values consistent with the shown ones differ by circulations along cycles.
 */
interface Grid {
  m: number;
  n: number;
  cells: (Cell | undefined)[];
  state: State[];
  /** Published cells in reading order; the index is the position used to break ties. */
  order: number[];
  rank: number[];
}

export function suppress(table: Breakdown, k: number): ShownBreakdown {
  checkK(k);
  const grid = buildGrid(table);
  for (const e of grid.order) grid.state[e] = tooFew(grid.cells[e]!, k) ? 'few' : 'shown';
  for (;;) {
    const target = firstDerivable(grid);
    if (target === undefined) break;
    const extra = chooseExtra(grid, target);
    if (extra === undefined) break;
    grid.state[extra] = 'derivable';
  }
  return present(table, grid);
}

function tooFew(cell: Cell, k: number): boolean {
  if (cell.people === 0 && cell.value === 0) return false;
  return cell.people < k;
}

function isNobody(cell: Cell): boolean {
  return cell.people === 0 && cell.value === 0;
}

function buildGrid(table: Breakdown): Grid {
  const m = table.rows.length;
  const n = table.rows[0]?.length ?? table.columnTotals?.length ?? 0;
  if (table.rows.some((row) => row.length !== n)) {
    throw new RangeError('every row of a breakdown needs the same number of cells');
  }
  if (table.rowTotals && table.rowTotals.length !== m) {
    throw new RangeError('a breakdown needs one row total per row');
  }
  if (table.columnTotals && table.columnTotals.length !== n) {
    throw new RangeError('a breakdown needs one column total per column');
  }
  const w = n + 1;
  const size = (m + 1) * w;
  const cells: (Cell | undefined)[] = new Array<Cell | undefined>(size).fill(undefined);
  const order: number[] = [];
  const put = (i: number, j: number, cell: Cell | undefined) => {
    if (!cell) return;
    if (!Number.isInteger(cell.people) || cell.people < 0 || !Number.isFinite(cell.value)) {
      throw new RangeError('a breakdown cell needs a finite value and a whole number of people');
    }
    cells[i * w + j] = cell;
    order.push(i * w + j);
  };
  table.rows.forEach((row, i) => row.forEach((cell, j) => put(i, j, cell)));
  table.rowTotals?.forEach((cell, i) => put(i, n, cell));
  table.columnTotals?.forEach((cell, j) => put(m, j, cell));
  put(m, n, table.grandTotal);
  const rank = new Array<number>(size).fill(size);
  order.forEach((e, position) => (rank[e] = position));
  return { m, n, cells, state: cells.map(() => 'unpublished'), order, rank };
}

/** Graph vertices: rows 0..m, then columns as m + 1 + j. */
function ends(grid: Grid, e: number): [number, number] {
  const w = grid.n + 1;
  return [Math.floor(e / w), grid.m + 1 + (e % w)];
}

function unknown(grid: Grid, e: number): boolean {
  return grid.state[e] !== 'shown';
}

function adjacency(grid: Grid, skip = -1): number[][] {
  const adj: number[][] = Array.from({ length: grid.m + grid.n + 2 }, () => []);
  for (let e = 0; e < grid.state.length; e++) {
    if (e === skip || !unknown(grid, e)) continue;
    const [a, b] = ends(grid, e);
    adj[a]!.push(e);
    adj[b]!.push(e);
  }
  return adj;
}

/** The first hidden published cell, in reading order, that the shown cells determine. */
function firstDerivable(grid: Grid): number | undefined {
  const found = bridges(grid);
  return grid.order.find((e) => grid.state[e] !== 'shown' && found.has(e));
}

/** Tarjan's bridge search over the unknown cells, without recursion. */
function bridges(grid: Grid): Set<number> {
  const adj = adjacency(grid);
  const discovered = new Array<number>(adj.length).fill(-1);
  const low = new Array<number>(adj.length).fill(0);
  const found = new Set<number>();
  let time = 0;
  for (let root = 0; root < adj.length; root++) {
    if (discovered[root] !== -1) continue;
    discovered[root] = low[root] = time++;
    const stack = [{ v: root, via: -1, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edges = adj[top.v]!;
      if (top.next < edges.length) {
        const e = edges[top.next++]!;
        if (e === top.via) continue;
        const [a, b] = ends(grid, e);
        const u = a === top.v ? b : a;
        if (discovered[u] === -1) {
          discovered[u] = low[u] = time++;
          stack.push({ v: u, via: e, next: 0 });
        } else {
          low[top.v] = Math.min(low[top.v]!, discovered[u]!);
        }
        continue;
      }
      stack.pop();
      const parent = stack[stack.length - 1];
      if (!parent) continue;
      low[parent.v] = Math.min(low[parent.v]!, low[top.v]!);
      if (low[top.v]! > discovered[parent.v]!) found.add(top.via);
    }
  }
  return found;
}

function reachable(adj: number[][], grid: Grid, from: number): boolean[] {
  const seen = new Array<boolean>(adj.length).fill(false);
  seen[from] = true;
  const queue = [from];
  while (queue.length > 0) {
    const v = queue.pop()!;
    for (const e of adj[v]!) {
      const [a, b] = ends(grid, e);
      const u = a === v ? b : a;
      if (!seen[u]) {
        seen[u] = true;
        queue.push(u);
      }
    }
  }
  return seen;
}

/**
 * The shown cell to hide next so that `target` stops being derivable. Without `target`, its
 * row and column fall apart into two sides; a shown cell joining the sides closes a cycle
 * through it. Preference: such a cell in the target's own row or column, then such a cell
 * elsewhere, then a cell in a row or column where the target is the only unknown (this
 * widens the sides; later rounds close the cycle), then any shown cell. Cells about nobody
 * come after the others of the first three kinds; then fewest people, smallest value,
 * position.
 */
function chooseExtra(grid: Grid, target: number): number | undefined {
  const [row, column] = ends(grid, target);
  const adj = adjacency(grid, target);
  const rowSide = reachable(adj, grid, row);
  const columnSide = reachable(adj, grid, column);
  const lonely = (v: number) => adj[v]!.length === 0;
  let best: number | undefined;
  let bestKey: number[] = [];
  for (const e of grid.order) {
    if (grid.state[e] !== 'shown') continue;
    const [a, b] = ends(grid, e);
    const crosses = (rowSide[a]! && columnSide[b]!) || (columnSide[a]! && rowSide[b]!);
    const inLine = a === row || b === column;
    const inLonelyLine = (a === row && lonely(row)) || (b === column && lonely(column));
    const tier = crosses ? (inLine ? 0 : 1) : inLonelyLine ? 2 : 3;
    const cell = grid.cells[e]!;
    const key = [
      tier === 3 ? 1 : 0,
      isNobody(cell) ? 1 : 0,
      tier,
      cell.people,
      cell.value,
      grid.rank[e]!,
    ];
    if (best === undefined || compare(key, bestKey) < 0) {
      best = e;
      bestKey = key;
    }
  }
  return best;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return 0;
}

function present(table: Breakdown, grid: Grid): ShownBreakdown {
  const { m, n } = grid;
  const w = n + 1;
  const show = (e: number): Shown => {
    const state = grid.state[e];
    if (state === 'few' || state === 'derivable') return { kind: 'suppressed', reason: state };
    return { kind: 'value', value: grid.cells[e]!.value };
  };
  const out: ShownBreakdown = {
    rows: table.rows.map((row, i) => row.map((_, j) => show(i * w + j))),
  };
  if (table.rowTotals) out.rowTotals = table.rowTotals.map((_, i) => show(i * w + n));
  if (table.columnTotals) out.columnTotals = table.columnTotals.map((_, j) => show(m * w + j));
  if (table.grandTotal) out.grandTotal = show(m * w + n);
  return out;
}

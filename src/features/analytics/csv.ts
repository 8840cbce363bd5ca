import { stringify } from 'csv-stringify/sync';

/** One figure over time. `y: null` means "not shown": suppressed for privacy (fewer than k people). */
export interface Point {
  x: string;
  y: number | null;
}

/** A named line or bar group; `x` is a period label such as '2026-11', '2026-W47' or '2026-11-28'. */
export interface Series {
  label: string;
  points: Point[];
}

export type Cell = string | number | null;

/** The periods of all series in order of first appearance (series normally share them). */
export function periodsOf(series: readonly Series[]): string[] {
  const seen = new Set<string>();
  for (const s of series) for (const p of s.points) seen.add(p.x);
  return [...seen];
}

/**
 * The figures behind a chart as rows: one per period, one column per series. The data table and
 * the CSV download are both built from this, so they show exactly the same figures. A period a
 * series lacks counts as not shown.
 */
export function seriesRows(
  series: readonly Series[],
  periodHeader: string,
): { headers: string[]; rows: Cell[][] } {
  const lookups = series.map((s) => new Map(s.points.map((p) => [p.x, p.y])));
  return {
    headers: [periodHeader, ...series.map((s) => s.label)],
    rows: periodsOf(series).map((x) => [x, ...lookups.map((m) => m.get(x) ?? null)]),
  };
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so that Excel reads umlauts correctly. */
  bom?: boolean;
  /** What a null (suppressed) cell becomes; empty by default. */
  nullAs?: string;
}

// Cells that a spreadsheet would run as a formula (OWASP "CSV Injection"), including the
// full-width forms that Apple Numbers normalises.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * RFC 4180 CSV (CRLF line ends, quotes doubled, fields with separators, quotes or line breaks
 * quoted). A text cell that starts like a formula gets an apostrophe in front and is quoted;
 * numbers stay numbers, so -3 remains -3.
 */
export function toCsv(headers: string[], rows: Cell[][], options: CsvOptions = {}): string {
  const nullAs = options.nullAs ?? '';
  const records = [headers, ...rows.map((row) => row.map((cell) => cell ?? nullAs))];
  return stringify(records, {
    bom: options.bom ?? false,
    record_delimiter: '\r\n',
    // With a custom record delimiter the library would otherwise leave a lone \n or \r unquoted.
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: {
      string: (value) => (FORMULA_START.test(value) ? { value, quoted: true } : value),
      number: (value) => (Number.isFinite(value) ? String(value) : ''),
    },
  });
}

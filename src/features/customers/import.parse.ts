import { CsvError, parse, type Options } from 'csv-parse/sync';

/** A record as csv-parse gives it with `info: true`. */
interface Row {
  record: string[];
  info: { lines: number };
}

/**
 * Reading CSV (RFC 4180 as spreadsheets write it) with csv-parse: `,` or `;` between cells,
 * chosen by which occurs more often in the header line; cells in double quotes may hold
 * separators, doubled quotes and line breaks; CRLF, LF or CR line ends; a UTF-8 byte order mark
 * is dropped. Each record keeps the line it starts on, to name bad rows by line.
 */
export interface CsvRecord {
  /** The line of the file the record starts on (the header is line 1). */
  line: number;
  cells: string[];
}

export type CsvParse =
  | { ok: true; delimiter: ',' | ';'; records: CsvRecord[] }
  | { ok: false; code: 'unclosed_quote'; line: number };

/** `,` unless the first line (outside quotes) has more `;`. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas += 1;
    else if (!quoted && ch === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

const newlines = (s: string) => s.split('\n').length - 1;

/** The records of a CSV text; blank lines are skipped. */
export function parseCsv(input: string): CsvParse {
  // One kind of line end, so that csv-parse's line count is the file's (it counts a CRLF
  // inside quotes twice otherwise); a line break inside a cell becomes LF.
  const text = (input.startsWith('\uFEFF') ? input.slice(1) : input).replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  let lastEnd = 0;
  try {
    const options: Options = {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      on_record: (r) => {
        lastEnd = (r as unknown as Row).info.lines;
        return r;
      },
    };
    const rows = parse(text, options) as unknown as Row[];
    return {
      ok: true,
      delimiter,
      records: rows.map(({ record, info }) => ({
        // csv-parse gives the line a record ends on; line breaks inside its cells come before.
        line: info.lines - record.reduce((n, cell) => n + newlines(cell), 0),
        cells: record,
      })),
    };
  } catch (err) {
    if (err instanceof CsvError && err.code === 'CSV_QUOTE_NOT_CLOSED') {
      // The record that never ends starts on the first non-blank line after the last one read.
      const lines = text.split('\n');
      let line = lastEnd + 1;
      while (line <= lines.length && lines[line - 1]!.trim() === '') line += 1;
      return { ok: false, code: 'unclosed_quote', line };
    }
    throw err;
  }
}

// What csv-stringify's escape_formulas puts before a cell a spreadsheet would run as a formula
// (see analytics/csv.ts); taken off again so an exported file imports as it was.
const ESCAPED_FORMULA = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A cell's value: trimmed, with the export's formula guard taken off. */
export function cellValue(raw: string | undefined): string {
  const s = (raw ?? '').trim();
  return ESCAPED_FORMULA.test(s) ? s.slice(1) : s;
}

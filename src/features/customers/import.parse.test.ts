import { describe, expect, it } from 'vitest';
import { cellValue, detectDelimiter, parseCsv } from './import.parse.ts';

describe('reading CSV for the import', () => {
  it('reads commas, quotes, doubled quotes and line breaks in cells, with each record’s line', () => {
    const r = parseCsv('a,b,c\r\n1,"x, ""y""",3\n2,"two\nlines",4\r\n\r\n5,,6');
    expect(r).toEqual({
      ok: true,
      delimiter: ',',
      records: [
        { line: 1, cells: ['a', 'b', 'c'] },
        { line: 2, cells: ['1', 'x, "y"', '3'] },
        { line: 3, cells: ['2', 'two\nlines', '4'] },
        { line: 6, cells: ['5', '', '6'] },
      ],
    });
  });

  it('takes semicolons when the header has more of them, and drops a byte order mark', () => {
    expect(detectDelimiter('a;b;c,d\n1,2,3')).toBe(';');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    const r = parseCsv('\uFEFFRunde;Kunde\rH1;"Müller; Söhne"\r');
    expect(r).toEqual({
      ok: true,
      delimiter: ';',
      records: [
        { line: 1, cells: ['Runde', 'Kunde'] },
        { line: 2, cells: ['H1', 'Müller; Söhne'] },
      ],
    });
  });

  it('names the line of a quote that is never closed', () => {
    expect(parseCsv('a,b\n1,2\n3,"open\n4,5\n')).toEqual({
      ok: false,
      code: 'unclosed_quote',
      line: 3,
    });
  });

  it('takes the export’s formula guard off a cell and trims it', () => {
    expect(cellValue(" '=SUM(A1) ")).toBe('=SUM(A1)');
    expect(cellValue("'-great")).toBe('-great');
    expect(cellValue("it's")).toBe("it's");
    expect(cellValue(undefined)).toBe('');
  });
});

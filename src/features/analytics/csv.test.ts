import { describe, expect, it } from 'vitest';
import { periodsOf, seriesRows, toCsv, type Series } from './csv.ts';

describe('toCsv', () => {
  it('ends every record with CRLF and leaves plain cells unquoted', () => {
    expect(
      toCsv(
        ['Month', 'Posts'],
        [
          ['2026-11', 12],
          ['2026-12', 3.5],
        ],
      ),
    ).toBe('Month,Posts\r\n2026-11,12\r\n2026-12,3.5\r\n');
  });

  it('quotes cells with separators, quotes and line breaks and doubles the quotes (RFC 4180)', () => {
    const csv = toCsv(
      ['a'],
      [['x,y'], ['say "hi"'], ['two\nlines'], ['cr\rhere'], ['crlf\r\nhere']],
    );
    expect(csv).toBe(
      'a\r\n"x,y"\r\n"say ""hi"""\r\n"two\nlines"\r\n"cr\rhere"\r\n"crlf\r\nhere"\r\n',
    );
  });

  it.each([
    ['=HYPERLINK("http://evil")', '"\'=HYPERLINK(""http://evil"")"'],
    ['+1+2', `"'+1+2"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
    ['\uFF1D1+1', `"'\uFF1D1+1"`],
  ])('defuses a text cell that starts like a formula: %j', (cell, expected) => {
    expect(toCsv(['h'], [[cell]])).toBe(`h\r\n${expected}\r\n`);
  });

  it('defuses formulas in headers too, but leaves negative numbers numeric', () => {
    expect(toCsv(['=cmd', 'Change'], [['2026-11', -3]])).toBe(`"'=cmd",Change\r\n2026-11,-3\r\n`);
  });

  it('does not touch a formula character that is not at the start', () => {
    expect(toCsv(['h'], [['a=b'], ['2026-11']])).toBe('h\r\na=b\r\n2026-11\r\n');
  });

  it('writes suppressed cells as empty, or as the given marker', () => {
    const rows = [['2026-11', null, 4]];
    expect(toCsv(['Month', 'A', 'B'], rows)).toBe('Month,A,B\r\n2026-11,,4\r\n');
    expect(toCsv(['Month', 'A', 'B'], rows, { nullAs: '<5' })).toBe(
      'Month,A,B\r\n2026-11,<5,4\r\n',
    );
  });

  it('starts with a UTF-8 byte order mark only when asked (for Excel)', () => {
    const withBom = toCsv(['Größe'], [['Zürich']], { bom: true });
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(withBom, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(withBom.slice(1)).toBe('Größe\r\nZürich\r\n');
    expect(toCsv(['Größe'], [['Zürich']]).charCodeAt(0)).toBe('G'.charCodeAt(0));
  });

  it('writes only the header line when there are no rows', () => {
    expect(toCsv(['Month', 'Posts'], [])).toBe('Month,Posts\r\n');
  });
});

describe('seriesRows', () => {
  const series: Series[] = [
    {
      label: 'Posts',
      points: [
        { x: '2026-10', y: 4 },
        { x: '2026-11', y: null },
      ],
    },
    {
      label: 'Comments',
      points: [
        { x: '2026-10', y: 9 },
        { x: '2026-12', y: 2 },
      ],
    },
  ];

  it('puts each period in a row and each series in a column; a missing period is not shown', () => {
    expect(periodsOf(series)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(seriesRows(series, 'Month')).toEqual({
      headers: ['Month', 'Posts', 'Comments'],
      rows: [
        ['2026-10', 4, 9],
        ['2026-11', null, null],
        ['2026-12', null, 2],
      ],
    });
  });

  it('exports a chart’s figures as CSV', () => {
    const { headers, rows } = seriesRows(series, 'Month');
    expect(toCsv(headers, rows, { nullAs: 'fewer than 5' })).toBe(
      'Month,Posts,Comments\r\n2026-10,4,9\r\n2026-11,fewer than 5,fewer than 5\r\n2026-12,fewer than 5,2\r\n',
    );
  });
});

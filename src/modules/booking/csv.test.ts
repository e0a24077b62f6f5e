import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvCell, parseCsv, toCsv } from './csv.js';

describe('writing CSV', () => {
  it('quotes cells with commas, quotes or line breaks, and doubles the quotes', () => {
    expect(csvCell('王五')).toBe('王五');
    expect(csvCell('张,三')).toBe('"张,三"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
  });

  it('keeps a cell that looks like a formula as text', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+86')).toBe("'+86");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@sum')).toBe("'@sum");
  });

  it('ends every row with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['c,d', ''],
      ]),
    ).toBe('a,b\r\n"c,d",\r\n');
  });
});

describe('reading CSV', () => {
  it('reads what it writes', () => {
    const rows = [
      ['姓名', '身份证号'],
      ['张,三', 'a "quoted" word'],
      ['multi\nline', ''],
    ];
    expect(parseCsv(toCsv(rows)).map((r) => r.cells)).toEqual(rows);
  });

  it('strips a byte-order mark, accepts LF or CRLF, skips blank lines and numbers the lines', () => {
    const records = parseCsv('\uFEFFname,idNo\n\n"a\nb",1\r\nc,2\n');
    expect(records).toEqual([
      { line: 1, cells: ['name', 'idNo'] },
      { line: 3, cells: ['a\nb', '1'] },
      { line: 5, cells: ['c', '2'] },
    ]);
  });

  it('keeps a last row without a line end, and empty cells', () => {
    expect(parseCsv('a,,c').map((r) => r.cells)).toEqual([['a', '', 'c']]);
    expect(parseCsv('""').map((r) => r.cells)).toEqual([['']]);
  });

  it('refuses a quote that never closes, naming its line', () => {
    expect(() => parseCsv('a,b\n"open,c\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n"open,c\n');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(2);
    }
  });
});

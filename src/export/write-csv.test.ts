import { describe, expect, it } from 'vitest';
import { guardCell } from './cell-guard.ts';
import { csvLine, writeCsv } from './write-csv.ts';

describe('formula guard', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['＝HYPERLINK("http://x")', `'＝HYPERLINK("http://x")`],
    ['＋1', "'＋1"],
    ['－2', "'－2"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['张三', '张三'],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, out) => expect(guardCell(input)).toBe(out));
});

describe('writeCsv', () => {
  it('writes a BOM, CRLF, quotes and keeps numbers numeric', () => {
    const bytes = writeCsv(
      ['id', 'name', 'amount'],
      [
        ['C1', 'a,"b"', -12.5],
        ['C2', '=1+1', null],
      ],
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toBe('\uFEFFid,name,amount\r\nC1,"a,""b""",-12.5\r\nC2,\'=1+1,\r\n');
  });
  it('quotes line breaks', () => expect(csvLine(['a\nb'])).toBe('"a\nb"'));
  it('drops binary noise from sums', () =>
    expect(csvLine([3549709.3200000003, 0.1 + 0.2])).toBe('3549709.32,0.3'));
});

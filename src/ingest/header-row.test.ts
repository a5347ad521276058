import { describe, expect, it } from 'vitest';
import { findHeaderRow, isSummaryRow, trailingSummaryRows, uniqueHeaderNames } from './header-row.ts';
import { sniffDelimiter, splitDelimitedRows } from './delimited-text.ts';
import { detectEncoding, detectFormat } from './detect-format.ts';

describe('findHeaderRow', () => {
  it.each([
    [
      'header on the first row',
      [
        ['id', 'name', 'amount'],
        ['1', 'a', '2'],
      ],
      0,
    ],
    [
      'title, export time and a blank row above',
      [
        ['订单报表 2024-01'],
        ['导出时间：2024-02-01'],
        [],
        ['客户ID', '订单号', '金额'],
        ['C1', '1', '2'],
        ['C2', '2', '3'],
      ],
      3,
    ],
    [
      'key-value preamble narrower than half the table',
      [
        ['店铺', '旗舰店'],
        ['a', 'b', 'c', 'd', 'e'],
        ['1', '2', '3', '4', '5'],
      ],
      1,
    ],
    ['nothing wide enough', [['only'], ['one'], ['column']], 0],
    ['empty sample', [], 0],
  ])('%s', (_name, rows, expected) => {
    expect(findHeaderRow(rows)).toBe(expected);
  });
});

describe('summary rows', () => {
  it.each([
    [['合计', '', '15.5'], true],
    [['', '总计：', '1'], true],
    [['Grand Total', '9'], true],
    [['合计金额（元）', '9'], true],
    [['合作客户', '9'], false],
    [['C1', '合计'], false],
    [[], false],
  ])('%j → %s', (row, expected) => expect(isSummaryRow(row)).toBe(expected));

  it('drops trailing totals and the blank rows around them, nothing above', () => {
    const rows = [['id', 'v'], ['a', '1'], ['小计', '1'], [], ['合计', '1'], ['', '']];
    expect(trailingSummaryRows(rows)).toEqual({ drop: 4, summaryRows: 2, sample: '小计 | 1' });
    expect(trailingSummaryRows([['a', '1']])).toEqual({ drop: 0, summaryRows: 0, sample: '' });
  });
});

describe('uniqueHeaderNames', () => {
  it('trims, names blanks by position and suffixes duplicates (case-insensitively)', () => {
    expect(uniqueHeaderNames([' 分销员 ', '分销员', '', null, 'ID', 'id'])).toEqual([
      '分销员',
      '分销员_2',
      'column3',
      'column4',
      'ID',
      'id_2',
    ]);
  });
});

describe('delimited text', () => {
  it('splits quoted cells with delimiters, doubled quotes and newlines; records line numbers', () => {
    const rows = splitDelimitedRows('a,b\r\n"x, ""y""","1\n2"\nz,3\n', ',', 10, true);
    expect(rows).toEqual([
      { cells: ['a', 'b'], line: 0 },
      { cells: ['x, "y"', '1\n2'], line: 1 },
      { cells: ['z', '3'], line: 3 },
    ]);
  });

  it('drops the cut last row of a sample', () => {
    expect(splitDelimitedRows('a,b\n1,2\n3,', ',', 10, false).length).toBe(2);
  });

  it.each([
    ['comma', 'a,b,c\n1,2,3\n', ','],
    ['tab', 'a\tb\tc\n1\t2,5\t3\n', '\t'],
    ['semicolon with decimal commas', 'a;b;c\n1,5;2;x\n2;3,25;y\n', ';'],
    ['pipe', 'a|b\n1|2\n', '|'],
    ['title row above a semicolon table', '报表, 2024\na;b;c\n1;2;3\n4;5;6\n', ';'],
    ['one column falls back to comma', 'name\nx\ny\n', ','],
  ])('%s', (_name, text, expected) => expect(sniffDelimiter(text, true)).toBe(expected));
});

describe('detectEncoding / detectFormat', () => {
  const gb = new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0xbd, 0xf0, 0xb6, 0xee, 0x0a]); // 客户,金额
  const big5 = new Uint8Array([0xab, 0xc8, 0xa4, 0xe1, 0x2c, 0xaa, 0xf7, 0xc3, 0x42, 0x0a]); // 客戶,金額
  it.each([
    ['UTF-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'utf-8', 'bom'],
    ['UTF-16LE BOM', new Uint8Array([0xff, 0xfe, 0x61, 0]), 'utf-16le', 'bom'],
    ['UTF-16BE BOM', new Uint8Array([0xfe, 0xff, 0, 0x61]), 'utf-16be', 'bom'],
    ['plain UTF-8', new TextEncoder().encode('客户,金额\n'), 'utf-8', 'valid-utf8'],
    ['GBK', gb, 'gb18030', 'cjk-score'],
    ['Big5', big5, 'big5', 'cjk-score'],
  ])('%s', (_name, bytes, encoding, evidence) => {
    expect(detectEncoding(bytes, false)).toMatchObject({ encoding, evidence });
  });

  it('a UTF-8 character cut at the end of the sample is still UTF-8', () => {
    expect(detectEncoding(new TextEncoder().encode('客户').subarray(0, 4), true).encoding).toBe('utf-8');
  });

  it.each([
    ['a.csv', [], 'empty'],
    ['a.xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'xls'],
    ['a.gz', [0x1f, 0x8b, 8], 'gzip'],
    ['a.bin', [0x50, 0x41, 0x52, 0x31], 'parquet'],
    ['a.txt', [...new TextEncoder().encode('{"a":1}\n')], 'json'],
    ['a.xls', [...new TextEncoder().encode('  <table><tr><td>1</td></tr></table>')], 'xls'],
    ['a.csv', [...new TextEncoder().encode('[a],b\n')], 'csv'],
  ])('%s %j → %s', (name, bytes, format) => expect(detectFormat(name, new Uint8Array(bytes))).toBe(format));

  // Issue 12: noise passes as a legacy encoding, a program's tables as UTF-16 by their NUL pattern.
  it.each([
    [
      'noise → binary',
      'photo.csv',
      Array.from({ length: 2048 }, (_, i) => (i * 2654435761) >>> 24),
      'binary',
    ],
    [
      'UTF-16 pattern of control codes → binary',
      'prog.csv',
      Array.from({ length: 512 }, (_, i) => (i % 2 === 0 ? ((i >> 1) % 7) + 1 : 0)),
      'binary',
    ],
    [
      'UTF-16LE text without BOM → csv',
      'utf16.csv',
      [...new TextEncoder().encode('id,amount\nA,1\n')].flatMap((b) => [b, 0]),
      'csv',
    ],
  ])('%s', (_label, name, bytes, format) => expect(detectFormat(name, new Uint8Array(bytes))).toBe(format));
});

/**
 * Table-driven format tests: { name, input bytes, expected format/encoding/delimiter/header row,
 * columns with types, first rows, notes } — one real DuckDB (wasm) for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync, zipSync, strToU8 } from 'fflate';
import { utils, write, type CellObject, type WorkSheet } from '@e965/xlsx';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { openNodeDb } from '../../src/engine/node-db.ts';
import type { DbPort } from '../../src/engine/db-port.ts';
import { loadSource, type TableProfile } from '../../src/engine/readers/load-source.ts';
import type { IngestNoteKind, LoadOptions } from '../../src/engine/readers/load-types.ts';
import { bytesSourceFile } from '../../src/engine/source-file.ts';
import { decodeIpc } from '../../src/client/decode.ts';
import { encodeLatin1, encodeLegacy, encodeUtf16 } from './support/legacy-encoding.ts';

let db: DbPort;
let n = 0;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
};

const ORDERS_ZH = [
  '订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间',
  '4197010032432749218,张三,128.50,交易成功,2024-01-05 10:20:30',
  '4197010032432749219,李四,66.00,交易关闭,2024-01-06 11:00:00',
].join('\r\n');
const ORDERS_ZH_COLUMNS: [string, string][] = [
  ['订单编号', 'VARCHAR'],
  ['买家会员名', 'VARCHAR'],
  ['买家实际支付金额', 'DECIMAL(18, 2)'],
  ['订单状态', 'VARCHAR'],
  ['订单创建时间', 'TIMESTAMP'],
];
const ORDERS_ZH_ROW = { 订单编号: '4197010032432749218', 买家会员名: '张三', 买家实际支付金额: 128.5 };

const BIG5_TEXT = [
  '訂單編號,會員名稱,實付金額,訂單狀態,建立時間',
  'A001,陳大文,128.50,交易成功,2024-01-05 10:20:30',
  'A002,林小美,66.00,已關閉,2024-01-06 11:00:00',
].join('\n');

function sheetBytes(ws: WorkSheet, bookType: 'xlsx' | 'biff8' = 'xlsx', name = 'Orders'): Uint8Array {
  const wb = utils.book_new();
  utils.book_append_sheet(wb, ws, name);
  return new Uint8Array(write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

/** A Chinese back-end style sheet: merged title, export time, blank row, header, serial dates, total. */
function reportSheet(): WorkSheet {
  const date = (v: number): CellObject => ({ t: 'n', v, z: 'yyyy-mm-dd hh:mm:ss' });
  const ws = utils.aoa_to_sheet([
    ['订单报表 2024-01'],
    ['导出时间：2024-02-01'],
    [],
    ['客户ID', '订单号', '下单时间', '金额', '付款日'],
    ['00123', '4197010032432749218', 45384.5, 12.5, 45384],
    ['C2', '4197010032432749219', 35796.25, 3, 61],
    ['合计', null, null, 15.5, null],
  ]);
  ws['C5'] = date(45384.5);
  ws['C6'] = date(35796.25);
  ws['E5'] = { t: 'n', v: 45384, z: 'yyyy"年"m"月"d"日"' };
  ws['E6'] = { t: 'n', v: 61, z: 'yyyy-mm-dd' };
  ws['!merges'] = [utils.decode_range('A1:E1')];
  return ws;
}

function twoLevelSheet(): WorkSheet {
  const ws = utils.aoa_to_sheet([
    ['客户', null, '订单', null],
    ['ID', '姓名', '金额', '件数'],
    ['A1', '张三', 10, 1],
    ['A2', '李四', 20, 2],
  ]);
  ws['!merges'] = [utils.decode_range('A1:B1'), utils.decode_range('C1:D1')];
  return ws;
}

function parquetBytes(): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'customer_id', data: ['007', 'C2', null] },
      { name: 'amount', data: [12.5, 3, 4.25], type: 'DOUBLE' },
      { name: 'orders', data: [1n, 2n, 3n], type: 'INT64' },
      {
        name: 'paid_at',
        data: [new Date(Date.UTC(2024, 4, 10, 9, 5, 0)), new Date(Date.UTC(2024, 4, 11)), null],
        type: 'TIMESTAMP',
      },
      { name: 'vip', data: [true, false, true], type: 'BOOLEAN' },
    ],
  });
  return new Uint8Array(buffer);
}

interface Case {
  name: string;
  file: string;
  bytes: () => Uint8Array;
  options?: Partial<LoadOptions>;
  format: TableProfile['format'];
  encoding?: TableProfile['encoding'];
  evidence?: TableProfile['encodingEvidence'];
  delimiter?: string;
  headerRow?: number;
  columns: [string, string][];
  rows?: Record<string, unknown>[];
  rowCount: number;
  notes?: IngestNoteKind[];
}

const cases: Case[] = [
  {
    name: 'UTF-8 comma CSV, CRLF',
    file: 'orders.csv',
    bytes: () => utf8(ORDERS_ZH),
    format: 'csv',
    encoding: 'utf-8',
    evidence: 'valid-utf8',
    delimiter: ',',
    headerRow: 0,
    columns: ORDERS_ZH_COLUMNS,
    rows: [ORDERS_ZH_ROW],
    rowCount: 2,
  },
  {
    name: 'UTF-8 with BOM, semicolon, decimal commas stay text',
    file: 'eu.csv',
    bytes: () =>
      concat(
        new Uint8Array([0xef, 0xbb, 0xbf]),
        utf8('Kunde;Betrag;Datum\nMüller;1,50;2024-05-10\nSchmidt;2,00;2024-05-11\n'),
      ),
    format: 'csv',
    encoding: 'utf-8',
    evidence: 'bom',
    delimiter: ';',
    columns: [
      ['Kunde', 'VARCHAR'],
      ['Betrag', 'VARCHAR'],
      ['Datum', 'DATE'],
    ],
    rows: [{ Kunde: 'Müller', Betrag: '1,50', Datum: '2024-05-10' }],
    rowCount: 2,
  },
  {
    name: 'TSV',
    file: 'orders.tsv',
    bytes: () => utf8('id\tname\tamount\n1\tA, B\t1.5\n2\tC\t2.5\n'),
    format: 'csv',
    delimiter: '\t',
    columns: [
      ['id', 'BIGINT'],
      ['name', 'VARCHAR'],
      ['amount', 'DECIMAL(18, 1)'],
    ],
    rows: [{ id: 1, name: 'A, B', amount: 1.5 }],
    rowCount: 2,
  },
  {
    name: 'pipe-delimited with a quoted pipe',
    file: 'orders.txt',
    bytes: () => utf8('a|b|c\n1|"x|y"|3\n4|z|6\n'),
    format: 'csv',
    delimiter: '|',
    columns: [
      ['a', 'BIGINT'],
      ['b', 'VARCHAR'],
      ['c', 'BIGINT'],
    ],
    rows: [{ a: 1, b: 'x|y', c: 3 }],
    rowCount: 2,
  },
  {
    name: 'multi-line quoted cells',
    file: 'notes.csv',
    bytes: () => utf8('id,备注,amount\n1,"第一行\n第二行, 含逗号",10\n2,"说 ""你好""",20\n'),
    format: 'csv',
    delimiter: ',',
    columns: [
      ['id', 'BIGINT'],
      ['备注', 'VARCHAR'],
      ['amount', 'BIGINT'],
    ],
    rows: [
      { id: 1, 备注: '第一行\n第二行, 含逗号', amount: 10 },
      { id: 2, 备注: '说 "你好"', amount: 20 },
    ],
    rowCount: 2,
  },
  {
    name: 'Excel "Unicode text": UTF-16LE with BOM, tab-separated',
    file: 'export.txt',
    bytes: () => encodeUtf16(ORDERS_ZH.replaceAll(',', '\t'), true, true),
    format: 'csv',
    encoding: 'utf-16le',
    evidence: 'bom',
    delimiter: '\t',
    columns: ORDERS_ZH_COLUMNS,
    rows: [ORDERS_ZH_ROW],
    rowCount: 2,
  },
  {
    name: 'UTF-16LE without BOM',
    file: 'export.txt',
    bytes: () => encodeUtf16(ORDERS_ZH.replaceAll(',', '\t'), true, false),
    format: 'csv',
    encoding: 'utf-16le',
    evidence: 'utf16-pattern',
    delimiter: '\t',
    columns: ORDERS_ZH_COLUMNS,
    rowCount: 2,
  },
  {
    name: 'UTF-16BE with BOM',
    file: 'export.csv',
    bytes: () => encodeUtf16(ORDERS_ZH, false, true),
    format: 'csv',
    encoding: 'utf-16be',
    evidence: 'bom',
    columns: ORDERS_ZH_COLUMNS,
    rows: [ORDERS_ZH_ROW],
    rowCount: 2,
  },
  {
    name: 'GB18030 (Chinese Excel "save as CSV")',
    file: 'taobao.csv',
    bytes: () => encodeLegacy(ORDERS_ZH, 'gb18030'),
    format: 'csv',
    encoding: 'gb18030',
    evidence: 'cjk-score',
    delimiter: ',',
    columns: ORDERS_ZH_COLUMNS,
    rows: [ORDERS_ZH_ROW],
    rowCount: 2,
  },
  {
    name: 'Big5 (traditional Chinese)',
    file: 'tw.csv',
    bytes: () => encodeLegacy(BIG5_TEXT, 'big5'),
    format: 'csv',
    encoding: 'big5',
    evidence: 'cjk-score',
    columns: [
      ['訂單編號', 'VARCHAR'],
      ['會員名稱', 'VARCHAR'],
      ['實付金額', 'DECIMAL(18, 2)'],
      ['訂單狀態', 'VARCHAR'],
      ['建立時間', 'TIMESTAMP'],
    ],
    rows: [{ 訂單編號: 'A001', 會員名稱: '陳大文', 訂單狀態: '交易成功' }],
    rowCount: 2,
  },
  {
    name: 'Windows-1252 (European Excel)',
    file: 'de.csv',
    bytes: () => encodeLatin1('Kunde;Straße\nMüller;Hauptstraße 1\nCafé Noir;Rue 2\n'),
    format: 'csv',
    encoding: 'windows-1252',
    delimiter: ';',
    columns: [
      ['Kunde', 'VARCHAR'],
      ['Straße', 'VARCHAR'],
    ],
    rows: [{ Kunde: 'Müller', Straße: 'Hauptstraße 1' }],
    rowCount: 2,
  },
  {
    name: 'encoding forced by the user',
    file: 'taobao.csv',
    bytes: () => encodeLegacy(ORDERS_ZH, 'gb18030'),
    options: { encoding: 'gb18030' },
    format: 'csv',
    encoding: 'gb18030',
    evidence: 'user',
    columns: ORDERS_ZH_COLUMNS,
    rowCount: 2,
  },
  {
    name: 'title rows above the header and a total row below (CSV)',
    file: 'report.csv',
    bytes: () =>
      utf8(
        '订单报表 2024-01\n导出时间：2024-02-01 10:00\n\n客户ID,订单号,金额\nC1,1001,10.50\nC2,1002,5.00\n\n合计,,15.50\n',
      ),
    format: 'csv',
    delimiter: ',',
    headerRow: 3,
    columns: [
      ['客户ID', 'VARCHAR'],
      ['订单号', 'BIGINT'],
      ['金额', 'DECIMAL(18, 2)'],
    ],
    rows: [{ 客户ID: 'C1', 订单号: 1001, 金额: 10.5 }],
    rowCount: 2,
    notes: ['title_rows_skipped', 'summary_rows_dropped'],
  },
  {
    name: 'delimiter forced by the user',
    file: 'odd.csv',
    bytes: () => utf8('a;b,c\n1;2,3\n'),
    options: { delimiter: ';' },
    format: 'csv',
    delimiter: ';',
    columns: [
      ['a', 'BIGINT'],
      ['b,c', 'VARCHAR'],
    ],
    rowCount: 1,
  },
  {
    name: 'xlsx report: title, merged title, serial dates (incl. 1900 quirk), text ids, total row',
    file: 'report.xlsx',
    bytes: () => sheetBytes(reportSheet()),
    format: 'xlsx',
    headerRow: 3,
    columns: [
      ['客户ID', 'VARCHAR'],
      ['订单号', 'VARCHAR'],
      ['下单时间', 'TIMESTAMP'],
      ['金额', 'DECIMAL(18, 1)'],
      ['付款日', 'DATE'],
    ],
    rows: [
      {
        客户ID: '00123',
        订单号: '4197010032432749218',
        下单时间: '2024-04-02 12:00:00',
        金额: 12.5,
        付款日: '2024-04-02',
      },
      { 客户ID: 'C2', 下单时间: '1998-01-01 06:00:00', 付款日: '1900-03-01' },
    ],
    rowCount: 2,
    notes: ['merged_cells_filled', 'title_rows_skipped', 'summary_rows_dropped'],
  },
  {
    name: 'xlsx two-level merged header',
    file: 'two.xlsx',
    bytes: () => sheetBytes(twoLevelSheet()),
    format: 'xlsx',
    headerRow: 1,
    columns: [
      ['客户_ID', 'VARCHAR'],
      ['客户_姓名', 'VARCHAR'],
      ['订单_金额', 'BIGINT'],
      ['订单_件数', 'BIGINT'],
    ],
    rows: [{ 客户_ID: 'A1', 客户_姓名: '张三', 订单_金额: 10 }],
    rowCount: 2,
    notes: ['merged_cells_filled', 'two_level_header'],
  },
  {
    name: 'xls (BIFF8) through SheetJS',
    file: 'old.xls',
    bytes: () => sheetBytes(reportSheet(), 'biff8'),
    format: 'xls',
    headerRow: 3,
    columns: [
      ['客户ID', 'VARCHAR'],
      ['订单号', 'VARCHAR'],
      ['下单时间', 'TIMESTAMP'],
      ['金额', 'DECIMAL(18, 1)'],
      ['付款日', 'DATE'],
    ],
    rows: [{ 客户ID: '00123', 下单时间: '2024-04-02 12:00:00' }],
    rowCount: 2,
    notes: ['merged_cells_filled', 'title_rows_skipped', 'summary_rows_dropped'],
  },
  {
    name: 'HTML table named .xls (Chinese PHP back-ends)',
    file: 'export.xls',
    bytes: () =>
      utf8(
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table>' +
          '<tr><td>订单号</td><td>金额</td></tr><tr><td>A1</td><td>12.5</td></tr><tr><td>A2</td><td>3</td></tr>' +
          '</table></body></html>',
      ),
    format: 'xls',
    columns: [
      ['订单号', 'VARCHAR'],
      ['金额', 'DECIMAL(18, 1)'],
    ],
    rows: [{ 订单号: 'A1', 金额: 12.5 }],
    rowCount: 2,
  },
  {
    name: 'Parquet through hyparquet',
    file: 'orders.parquet',
    bytes: parquetBytes,
    format: 'parquet',
    columns: [
      ['customer_id', 'VARCHAR'],
      ['amount', 'DECIMAL(18, 2)'],
      ['orders', 'BIGINT'],
      ['paid_at', 'TIMESTAMP'],
      ['vip', 'BOOLEAN'],
    ],
    rows: [
      { customer_id: '007', amount: 12.5, orders: 1, paid_at: '2024-05-10 09:05:00', vip: true },
      { customer_id: 'C2', paid_at: '2024-05-11 00:00:00' },
      { customer_id: null, paid_at: null },
    ],
    rowCount: 3,
  },
  {
    name: 'newline-delimited JSON',
    file: 'events.ndjson',
    bytes: () =>
      utf8(
        '{"id":"007","amount":12.5,"tags":["a"]}\n\n{"id":"C2","amount":3,"extra":true}\n{"id":"C3","amount":null}\n',
      ),
    format: 'json',
    columns: [
      ['id', 'VARCHAR'],
      ['amount', 'DECIMAL(18, 1)'],
      ['tags', 'VARCHAR'],
      ['extra', 'BOOLEAN'],
    ],
    rows: [
      { id: '007', amount: 12.5, tags: '["a"]', extra: null },
      { id: 'C2', amount: 3, tags: null, extra: true },
    ],
    rowCount: 3,
  },
  {
    name: 'JSON array of objects',
    file: 'rows.json',
    bytes: () => utf8('[{"a":1,"b":"x"},{"a":2,"b":"y"}]'),
    format: 'json',
    columns: [
      ['a', 'BIGINT'],
      ['b', 'VARCHAR'],
    ],
    rowCount: 2,
  },
  {
    name: '.csv.gz holding a GB18030 CSV',
    file: 'orders.csv.gz',
    bytes: () => gzipSync(encodeLegacy(ORDERS_ZH, 'gb18030')),
    format: 'csv',
    encoding: 'gb18030',
    columns: ORDERS_ZH_COLUMNS,
    rows: [ORDERS_ZH_ROW],
    rowCount: 2,
    notes: ['archive_entry'],
  },
  {
    name: '.zip holding one CSV (plus macOS litter)',
    file: 'orders.zip',
    bytes: () =>
      zipSync({
        'export/orders.csv': utf8(ORDERS_ZH),
        '__MACOSX/export/._orders.csv': strToU8('x'),
        'export/': {},
      }),
    format: 'csv',
    encoding: 'utf-8',
    columns: ORDERS_ZH_COLUMNS,
    rows: [ORDERS_ZH_ROW],
    rowCount: 2,
    notes: ['archive_entry'],
  },
];

describe('formats', () => {
  it.each(cases)('$name', async (c) => {
    const p = await loadSource(db, bytesSourceFile(c.file, c.bytes()), { table: `f${++n}`, ...c.options });
    expect(p.format).toBe(c.format);
    if (c.encoding !== undefined) expect(p.encoding).toBe(c.encoding);
    if (c.evidence !== undefined) expect(p.encodingEvidence).toBe(c.evidence);
    if (c.delimiter !== undefined) expect(p.delimiter).toBe(c.delimiter);
    if (c.headerRow !== undefined) expect(p.headerRow).toBe(c.headerRow);
    expect(p.columns.map((col) => [col.name, col.type])).toEqual(c.columns);
    expect(p.rowCount).toBe(c.rowCount);
    const rows = decodeIpc(p.preview).rows;
    (c.rows ?? []).forEach((row, i) => expect(rows[i]).toMatchObject(row));
    expect(p.notes.map((note) => note.kind).sort()).toEqual([...(c.notes ?? [])].sort());
  });
});

describe('what the profile reports', () => {
  it('lists every sheet with its row count and loads the one picked', async () => {
    const wb = utils.book_new();
    utils.book_append_sheet(wb, utils.aoa_to_sheet([]), '说明');
    utils.book_append_sheet(wb, reportSheet(), '订单');
    utils.book_append_sheet(wb, utils.aoa_to_sheet([['a'], ['x'], ['y']]), 'Other');
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const first = await loadSource(db, bytesSourceFile('multi.xlsx', bytes), { table: `f${++n}` });
    expect(first.sheets).toEqual([
      { name: '说明', rows: 0 },
      { name: '订单', rows: 7 },
      { name: 'Other', rows: 3 },
    ]);
    expect(first.sheet).toBe('订单');
    const other = await loadSource(db, bytesSourceFile('multi.xlsx', bytes), {
      table: `f${++n}`,
      sheet: 'Other',
    });
    expect(other.sheet).toBe('Other');
    expect(other.rowCount).toBe(2);
  });

  it('reports the dropped total row with its cells', async () => {
    const p = await loadSource(db, bytesSourceFile('report.xlsx', sheetBytes(reportSheet())), {
      table: `f${++n}`,
    });
    expect(p.notes).toContainEqual({ kind: 'summary_rows_dropped', count: 1, sample: '合计 | 15.5' });
    expect(p.notes).toContainEqual({ kind: 'title_rows_skipped', count: 3, sample: '订单报表 2024-01' });
  });

  it('reports the quote character DuckDB detected', async () => {
    const p = await loadSource(db, bytesSourceFile('q.csv', utf8('a,b\n"x, y",2\n')), { table: `f${++n}` });
    expect(p.quote).toBe('"');
    const plain = await loadSource(db, bytesSourceFile('p.csv', utf8('a,b\nx,2\n')), { table: `f${++n}` });
    expect(plain.quote).toBeNull();
  });
});

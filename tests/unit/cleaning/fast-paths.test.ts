/**
 * Issue 7: the fast paths of runCleaning (text profile, typed columns, single-line orders, constant
 * versions, unmapped roles) give exactly what the full repairs give.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../src/engine/node-db.ts';
import type { DbPort } from '../../../src/engine/db-port.ts';
import { runCleaning, type CleanSourceOptions } from '../../../src/engine/clean-source.ts';
import { buildTextProfileSql, cleanText, readTextProfile } from '../../../src/ingest/repair/text-profile.ts';
import { makeTable, query, type Cell } from './fixtures.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

const TODAY = '2024-06-30';
type Input = Awaited<ReturnType<typeof makeTable>>;

/** Everything cleaning produces: the report, orders_clean (values and types), set_aside. */
async function outcome(input: Input, options: CleanSourceOptions) {
  const report = await runCleaning(db, input, { today: TODAY, ...options });
  return {
    report,
    clean: await query(db, 'SELECT * FROM orders_clean ORDER BY order_id, order_time'),
    types: await query(db, 'SELECT column_name, column_type FROM (DESCRIBE orders_clean)'),
    aside: await query(db, 'SELECT * FROM set_aside ORDER BY source_row'),
  };
}

async function expectSameBothWays(input: Input, options: CleanSourceOptions) {
  const fast = await outcome(input, options);
  const slow = await outcome(input, { ...options, fastPaths: false });
  expect(fast).toEqual(slow);
  return fast;
}

const header = ['oid', 'cust', 'time', 'amount', 'qty', 'cat', 'status', 'addr', 'product'];
// Clean text (no guards, placeholders or full-width characters) that still needs parsing.
// prettier-ignore
const cleanRows: Cell[][] = [
  ['1001', 'C1', '2023/5/10 9:05', '¥1,234.50', '1', '手机', '交易成功', '浙江省 杭州市 西湖区', 'A'],
  ['1002.0', 'C2', '10/05/2023', '(10.00)', '2', '耳机', '交易关闭', '北京市海淀区', 'B'],
  ['1.23457E+17', 'C3', '2023年5月11日', '1.3万', '1', '手机', '交易成功', '上海', 'C'],
  ['1004', 'C4', '20230512', '69.20(折扣)', '3', '数据线', '等待买家付款', 'California', 'D'],
  ['1005', 'C5', '2023-05-13T10:00:00+08:00', 'abc', '1', '手机', '交易成功', '广西壮族自治区南宁市', 'E'],
  ['1006', 'C6', 'yesterday', '12', '1', '手机', '交易成功', '浙江省', 'F'],
  ['1006', 'C6', '2023-05-14 10:00:00', '12', '1', '手机', '交易成功', '浙江省', 'F'],
  ['1007', 'C7', '2023-05-15 10:00:00', '30', '1', '手机', '交易成功', '浙江省', 'G'],
  ['1007', 'C7', '2023-05-15 10:00:00', '30', '1', '手机', '交易成功', '浙江省', 'G'],
  [null, 'C8', '2023-05-16 10:00:00', '40', '1', '耳机', '交易成功', null, 'H'],
];
const mapping = {
  order_id: 'oid',
  customer_id: 'cust',
  order_time: 'time',
  amount: 'amount',
  quantity: 'qty',
  category: 'cat',
  status: 'status',
  region: 'addr',
  product: 'product',
};

describe('text profile', () => {
  it.each([
    ['plain', ['a', 'b.c', 'E1'], { marked: false, placeholder: false, dot: true, exp: true }, true],
    ['guard', ['="1"'], { marked: true, placeholder: false, dot: false, exp: false }, false],
    ['quote', ['"1"'], { marked: true, placeholder: false, dot: false, exp: false }, false],
    ['apostrophe', ["'1"], { marked: true, placeholder: false, dot: false, exp: false }, false],
    ['leading space', [' 1'], { marked: true, placeholder: false, dot: false, exp: false }, false],
    ['trailing space', ['1 '], { marked: true, placeholder: false, dot: false, exp: false }, false],
    ['inner tab', ['a\tb'], { marked: true, placeholder: false, dot: false, exp: false }, false],
    ['full-width digit', ['１'], { marked: true, placeholder: false, dot: false, exp: false }, false],
    ['full-width yen', ['￥1'], { marked: true, placeholder: false, dot: false, exp: false }, false],
    ['ideographic space', ['a\u3000b'], { marked: true, placeholder: false, dot: false, exp: false }, false],
    ['placeholder', ['x', 'N/A'], { marked: false, placeholder: true, dot: false, exp: false }, false],
    ['empty string', [''], { marked: false, placeholder: true, dot: false, exp: false }, false],
    [
      'half-width yen and CJK',
      ['¥1', '浙江省'],
      { marked: false, placeholder: false, dot: false, exp: false },
      true,
    ],
    ['only NULL', [null], { marked: false, placeholder: false, dot: false, exp: false }, true],
  ] as const)('%s', async (_, values, profile, clean) => {
    const t = await makeTable(
      db,
      'prof',
      ['v'],
      values.map((v) => [v]),
    );
    const row = (await query(db, buildTextProfileSql(t.table, t.columns)))[0]!;
    expect(readTextProfile(row, 0)).toEqual(profile);
    expect(cleanText(readTextProfile(row, 0)) !== null).toBe(clean);
  });
});

describe('fast paths give the full repairs’ results', () => {
  it('clean text columns: same values, reasons and repair counts', async () => {
    const input = await makeTable(db, 'fp_clean', header, cleanRows);
    const r = await expectSameBothWays(input, { mapping });
    expect(r.report.repairs).toMatchObject({
      id_float_suffix: 1,
      id_scientific: 1,
      amount_symbol: 1,
      amount_negative_parentheses: 1,
      amount_unit: 1,
      amount_note_dropped: 1,
      amount_unparseable: 1,
      date_reformatted: 1,
      date_day_month: 1,
      date_chinese: 1,
      date_compact: 1,
      date_offset_dropped: 1,
      date_unparseable: 1,
      region_from_address: 4,
    });
    expect(r.report.questions).toHaveLength(1); // 10/05/2023 decides nothing
  });

  it('guarded, full-width and placeholder columns next to clean ones', async () => {
    const rows = cleanRows.map((r, i) =>
      i === 0
        ? ['="1001"', 'C１', ' 2023/5/10 9:05', '￥1,234.50', '-', '--', '交易成功', '\t浙江省', 'A']
        : r,
    );
    const input = await makeTable(db, 'fp_dirty', header, rows);
    const r = await expectSameBothWays(input, {
      mapping,
      cleaning: { categorySynonyms: { 手机: '智能手机' } },
    });
    expect(r.report.repairs.text_guard).toBeGreaterThan(0);
    expect(r.report.repairs.category_standardised).toBeGreaterThan(0);
  });

  it.each(['auto', 'order_rows', 'first_row', 'repeated_total', 'line_sum'] as const)(
    'granularity %s, with and without repeated order ids',
    async (granularity) => {
      const priced = cleanRows.map((r, i) => [...r, String(i + 1), i % 3 === 0 ? '1' : null]);
      const unique = priced.filter((_, i) => i !== 6 && i !== 8);
      for (const [name, rows] of [
        ['fp_multi', priced],
        ['fp_unique', unique],
      ] as const) {
        const input = await makeTable(db, name, [...header, 'price', 'refund'], rows);
        await expectSameBothWays(input, { mapping, cleaning: { granularity, dateOrder: 'dmy' } });
        const withPrice = { ...mapping, unit_price: 'price', refund: 'refund' };
        await expectSameBothWays(input, { mapping: withPrice, cleaning: { granularity } });
      }
    },
  );

  it('an order id that looks like a synthesised one (row-<n>) keeps the grouped path', async () => {
    const rows: Cell[][] = [
      ['row-2', 'C1', '2023-05-10 10:00:00', '10', '1', 'a', '交易成功', null, 'A'],
      [null, 'C2', '2023-05-11 10:00:00', '20', '1', 'a', '交易成功', null, 'B'],
    ];
    const input = await makeTable(db, 'fp_rowlike', header, rows);
    const r = await expectSameBothWays(input, { mapping });
    expect(r.clean.map((x) => x.order_id)).toEqual(['row-2']);
    expect(r.report.reasons).toEqual({ duplicate_order_id: 1 });
  });

  it('typed columns and the same values as text give the same orders_clean and report', async () => {
    // prettier-ignore
    const rows: Cell[][] = [
      ['1', 'C1', '2023-05-10 09:05:00', '1234.50', '1', '手机', '2023-05-10'],
      ['2', 'C2', '2023-05-11 00:00:00', '-10.00', '2', '耳机', '2023-05-11'],
      ['3', 'C3', '2099-01-01 00:00:00', '5.00', '1', '手机', '2099-01-01'],
      ['3', 'C3', '2023-05-12 00:00:00', '5.00', '1', '手机', '2023-05-12'],
      ['4', null, '2023-05-12 00:00:00', '7.00', '1', null, null],
      ['5', 'C5', null, null, null, '手机', null],
    ];
    const h = ['oid', 'cust', 'time', 'amount', 'qty', 'cat', 'paid'];
    const typed = await makeTable(db, 'fp_typed', h, rows, {
      oid: 'BIGINT',
      time: 'TIMESTAMP',
      amount: 'DECIMAL(18,2)',
      qty: 'BIGINT',
      paid: 'DATE',
    });
    const text = await makeTable(db, 'fp_text', h, rows);
    const m = {
      order_id: 'oid',
      customer_id: 'cust',
      order_time: 'time',
      amount: 'amount',
      quantity: 'qty',
      category: 'cat',
      paid_time: 'paid',
    };
    const a = await expectSameBothWays(typed, { mapping: m });
    const b = await expectSameBothWays(text, { mapping: m });
    const strip = (x: typeof a) => ({ ...x, aside: x.aside.map((r) => r.reason) });
    expect(strip(a)).toEqual(strip(b));
    // order 3's latest version is in the future; order 2 (−10.00) is a credit note (issue 12, item 2)
    expect(a.report.rowsUsed).toBe(2);
    expect(a.report.repairs).toEqual({});
  });
});

/**
 * Issue 12 item 5: an amount or quantity that cannot be read as a finite number is never read as 0
 * (the order used to count for F with M 0); scientific notation as Excel writes it is read; the
 * absurd-amount guard applies to the parsed value (`1e15` used to slip past it as NULL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../src/engine/node-db.ts';
import { openNativeDb } from '../../../src/engine/native-db.ts';
import type { DbPort } from '../../../src/engine/db-port.ts';
import { runCleaning } from '../../../src/engine/clean-source.ts';
import { makeTable, plain, query } from './fixtures.ts';

let db: DbPort;
let native: DbPort;
beforeAll(async () => {
  [db, native] = await Promise.all([openNodeDb(), openNativeDb({ threads: 1 })]);
});
afterAll(async () => {
  await db.close();
  await native.close();
});

const TODAY = '2024-06-30';
const header = ['客户ID', '订单号', '下单时间', '实付金额', '数量'];
const mapping = {
  customer_id: '客户ID',
  order_id: '订单号',
  order_time: '下单时间',
  amount: '实付金额',
  quantity: '数量',
};
// Hand-checked: 12 rows; 3 used (C1 100 + 1500, C2 123000), 3 absurd, 6 unparseable.
// prettier-ignore
const rows = [
  ['C1', 'O1', '2024-01-05 10:00:00', '100', '1'], // used: 100
  ['C1', 'O2', '2024-01-06 10:00:00', '1.5E3', '1'], // used: 1500 (Excel's scientific notation)
  ['C2', 'O3', '2024-01-07 10:00:00', '1.23E+05', '1'], // used: 123000
  ['C3', 'O4', '2024-01-08 10:00:00', '1e15', '1'], // absurd_amount (parsed, then guarded)
  ['C4', 'O5', '2024-01-09 10:00:00', '1e308', '1'], // absurd_amount (too large to store)
  ['C5', 'O6', '2024-01-10 10:00:00', 'inf', '1'], // unparseable_amount
  ['C6', 'O7', '2024-01-11 10:00:00', 'NaN', '1'], // unparseable_amount
  ['C7', 'O8', '2024-01-12 10:00:00', '0x10', '1'], // unparseable_amount
  ['C8', 'O9', '2024-01-13 10:00:00', '12345678901234567890', '1'], // absurd_amount (20 digits)
  ['C9', 'O10', '2024-01-14 10:00:00', '20', 'abc'], // unparseable_amount (the quantity)
  ['C10', 'O11', '2024-01-15 10:00:00', '30', '1'], // unparseable_amount: its other line…
  ['C10', 'O11', '2024-01-15 10:00:00', '#VALUE!', '1'], // …cannot be read, the whole order goes
];

describe('unreadable amounts are set aside with a reason, never read as 0', () => {
  it.each([true, false])('fast paths %s: counts, reasons and the purchases', async (fastPaths) => {
    const t = await makeTable(db, 'amounts', header, rows);
    const report = await runCleaning(db, t, { mapping, today: TODAY, fastPaths });
    expect(report.rowsRead).toBe(12);
    expect(report.rowsUsed).toBe(3);
    expect(report.rowsSetAside).toBe(9);
    expect(report.reasons).toEqual({ absurd_amount: 3, unparseable_amount: 6 });
    expect(report.repairs.amount_scientific).toBe(3); // 1.5E3, 1.23E+05, 1e15 (1e308 does not fit)
    expect(
      plain(
        await query(
          db,
          `SELECT customer_id, count(*) AS orders, sum(gross_amount) AS m FROM purchases GROUP BY 1 ORDER BY 1`,
        ),
      ),
    ).toEqual([
      { customer_id: 'C1', orders: 2, m: 1600 },
      { customer_id: 'C2', orders: 1, m: 123000 },
    ]);
    const aside = await query(
      db,
      `SELECT reason, "实付金额" AS a, "数量" AS q FROM set_aside ORDER BY source_row`,
    );
    expect(aside.map((r) => [r.reason, r.a, r.q])).toEqual([
      ['absurd_amount', '1e15', '1'],
      ['absurd_amount', '1e308', '1'],
      ['unparseable_amount', 'inf', '1'],
      ['unparseable_amount', 'NaN', '1'],
      ['unparseable_amount', '0x10', '1'],
      ['absurd_amount', '12345678901234567890', '1'],
      ['unparseable_amount', '20', 'abc'],
      ['unparseable_amount', '30', '1'],
      ['unparseable_amount', '#VALUE!', '1'],
    ]);
  });

  it('keeps a large amount when impossible values are kept, but never one it cannot store', async () => {
    const t = await makeTable(db, 'amounts_keep', header, rows);
    const report = await runCleaning(db, t, {
      mapping,
      today: TODAY,
      cleaning: { dropImpossibleValues: false },
    });
    expect(report.reasons).toEqual({ absurd_amount: 2, unparseable_amount: 6 });
    expect(
      await query(db, `SELECT CAST(gross_amount AS VARCHAR) AS m FROM purchases WHERE customer_id = 'C3'`),
    ).toEqual([{ m: '1000000000000000.00' }]);
  });

  it('sets aside NaN and infinities of a typed number column too', async () => {
    const t = await makeTable(
      db,
      'amounts_typed',
      ['客户ID', '下单时间', '实付金额'],
      [
        ['C1', '2024-01-05 10:00:00', 10.5],
        ['C2', '2024-01-06 10:00:00', 'NaN'],
        ['C3', '2024-01-07 10:00:00', 'inf'],
        ['C4', '2024-01-08 10:00:00', 1e300],
      ],
      { 实付金额: 'DOUBLE' },
    );
    const report = await runCleaning(db, t, {
      mapping: { customer_id: '客户ID', order_time: '下单时间', amount: '实付金额' },
      today: TODAY,
    });
    expect(report.reasons).toEqual({ unparseable_amount: 2, absurd_amount: 1 });
    expect(report.rowsUsed).toBe(1);
  });

  it('gives the same reasons on the native engine (CLI --engine native)', async () => {
    const t = await makeTable(native, 'amounts', header, rows);
    const report = await runCleaning(native, t, { mapping, today: TODAY });
    expect(report.reasons).toEqual({ absurd_amount: 3, unparseable_amount: 6 });
    expect(report.rowsUsed).toBe(3);
  });
});

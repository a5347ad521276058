/**
 * Issue 12, items 2 and 4: credit notes are netted against revenue (not dropped), a customer whose
 * returns cancel every purchase is not a purchaser, and an order whose lines name different
 * customers is set aside. Hand-checked fixtures in the Online Retail shape (invoice, quantity × price).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../src/engine/node-db.ts';
import type { DbPort } from '../../../src/engine/db-port.ts';
import { runCleaning } from '../../../src/engine/clean-source.ts';
import { toCleaningJson } from '../../../src/ingest/cleaning/report.ts';
import { buildRevenueByPeriodSql } from '../../../src/analyses/revenue/build-revenue-by-period-sql.ts';
import { buildRfmSql } from '../../../src/analyses/rfm/build-rfm-sql.ts';
import { parseRfmConfig } from '../../../src/analyses/rfm/rfm-config.ts';
import { makeTable, plain, query } from './fixtures.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

const TODAY = '2024-06-30';
const header = ['InvoiceNo', 'CustomerID', 'InvoiceDate', 'Quantity', 'UnitPrice'];
const mapping = {
  order_id: 'InvoiceNo',
  customer_id: 'CustomerID',
  order_time: 'InvoiceDate',
  quantity: 'Quantity',
  unit_price: 'UnitPrice',
};
const types = { Quantity: 'BIGINT', UnitPrice: 'DECIMAL(18,2)' };
// prettier-ignore
const rows = [
  ['100', 'a', '2024-01-10 10:00:00', 2, 10], //   a buys 20
  ['C100', 'a', '2024-01-12 10:00:00', -1, 10], // a returns 10 of order 100 (matched by id)
  ['200', 'b', '2024-01-15 10:00:00', 1, 50], //   b buys 50
  ['C900', 'b', '2024-02-03 10:00:00', -1, 20], // b returns 20 (no order C900 → 900: unmatched)
  ['300', 'c', '2024-01-20 10:00:00', 3, 10], //   c buys 30
  ['C901', 'c', '2024-01-20 11:00:00', -3, 10], // … and returns all of it the same day (like 12346)
  ['400', 'd', '2024-02-10 10:00:00', 1, 5], //    d buys 5
  ['C902', 'e', '2024-02-11 10:00:00', -1, 8], //  e only returns 8 (bought before the data)
];

describe('returns and credit notes (issue 12, item 2)', () => {
  it('nets credit notes: matched to their order, else on their own date; counts add up', async () => {
    const t = await makeTable(db, 'ret', header, rows, types);
    const report = await runCleaning(db, t, { mapping, today: TODAY });
    expect(report.granularity.mode).toBe('line_sum');
    expect([report.rowsRead, report.rowsUsed, report.rowsSetAside]).toEqual([8, 8, 0]);
    expect(report.reasons).toEqual({});
    expect(report.returns).toEqual({
      creditNotes: 4,
      rows: 4,
      matched: 1,
      amount: 10 + 20 + 30 + 8,
      customersFullyReturned: 2, // c (30 − 30) and e (−8)
    });
    expect(report.orders).toEqual({ total: 4, purchases: 3 });
    expect(
      plain(
        await query(
          db,
          'SELECT order_id, customer_id, gross_amount, refund_amount, net_amount FROM purchases ORDER BY 1',
        ),
      ),
    ).toEqual([
      { order_id: '100', customer_id: 'a', gross_amount: 20, refund_amount: 10, net_amount: 10 },
      { order_id: '200', customer_id: 'b', gross_amount: 50, refund_amount: 0, net_amount: 50 },
      { order_id: '400', customer_id: 'd', gross_amount: 5, refund_amount: 0, net_amount: 5 },
    ]);
    expect(
      plain(
        await query(
          db,
          'SELECT order_id, customer_id, order_date, gross_amount, refund_amount, net_amount, is_return FROM purchases__returns ORDER BY 1',
        ),
      ),
    ).toEqual([
      {
        order_id: '300',
        customer_id: 'c',
        order_date: '2024-01-20',
        gross_amount: 30,
        refund_amount: 0,
        net_amount: 30,
        is_return: false,
      },
      {
        order_id: 'C900',
        customer_id: 'b',
        order_date: '2024-02-03',
        gross_amount: 0,
        refund_amount: 20,
        net_amount: -20,
        is_return: true,
      },
      {
        order_id: 'C901',
        customer_id: 'c',
        order_date: '2024-01-20',
        gross_amount: 0,
        refund_amount: 30,
        net_amount: -30,
        is_return: true,
      },
      {
        order_id: 'C902',
        customer_id: 'e',
        order_date: '2024-02-11',
        gross_amount: 0,
        refund_amount: 8,
        net_amount: -8,
        is_return: true,
      },
    ]);
    expect(toCleaningJson(report, { encoding: null, platform: null, mapping })).toMatchObject({
      rows_used: 8,
      returns: { credit_notes: 4, rows: 4, matched_to_order: 1, amount: 68, customers_fully_returned: 2 },
    });
  });

  it('reports refunds in the periods and net revenue equal to every line summed', async () => {
    const t = await makeTable(db, 'ret', header, rows, types);
    await runCleaning(db, t, { mapping, today: TODAY });
    const periods = plain(
      await query(
        db,
        `SELECT period_start, revenue, gross_revenue, refunds, orders, customers FROM (${buildRevenueByPeriodSql({ purchases: 'purchases', returns: 'purchases__returns', grain: 'month' })})`,
      ),
    );
    expect(periods).toEqual([
      // January: 100 (20 − 10), 200 (50), 300 (30) and its credit note C901 (−30)
      { period_start: '2024-01-01', revenue: 60, gross_revenue: 100, refunds: 40, orders: 2, customers: 2 },
      // February: 400 (5), C900 (−20), C902 (−8)
      { period_start: '2024-02-01', revenue: -23, gross_revenue: 5, refunds: 28, orders: 1, customers: 1 },
    ]);
    const independent = rows.reduce((sum, r) => sum + (r[3] as number) * (r[4] as number), 0);
    expect(periods.reduce((sum, p) => sum + (p.revenue as number), 0)).toBe(independent); // 37
  });

  it('scores monetary net of returns and leaves out customers whose returns cancel every purchase', async () => {
    const t = await makeTable(db, 'ret', header, rows, types);
    await runCleaning(db, t, { mapping, today: TODAY });
    const parsed = parseRfmConfig({});
    if (!parsed.ok) throw new Error(parsed.issues.join('; '));
    const plan = buildRfmSql(parsed.value, { purchases: 'purchases', returns: 'purchases__returns' });
    for (const sql of plan.statements) await db.exec(sql);
    expect(
      plain(await query(db, 'SELECT customer_id, frequency, monetary FROM rfm_customers ORDER BY 1')),
    ).toEqual([
      { customer_id: 'a', frequency: 1, monetary: 10 },
      { customer_id: 'b', frequency: 1, monetary: 30 }, // 50 − the unmatched 20
      { customer_id: 'd', frequency: 1, monetary: 5 },
    ]);
  });

  it('sets credit notes aside when the user chooses to ignore returns', async () => {
    const t = await makeTable(db, 'ret', header, rows, types);
    const report = await runCleaning(db, t, { mapping, today: TODAY, cleaning: { returns: 'ignore' } });
    expect([report.rowsUsed, report.rowsSetAside]).toEqual([4, 4]);
    expect(report.reasons).toEqual({ return_ignored: 4 });
    expect(report.returns.creditNotes).toBe(0);
    expect(
      plain(await query(db, 'SELECT order_id, net_amount FROM purchases ORDER BY 1')).map(
        (r) => r.net_amount,
      ),
    ).toEqual([20, 50, 30, 5]);
    expect(await query(db, 'SELECT count(*) AS n FROM purchases__returns')).toEqual([{ n: 0 }]);
  });
});

describe('conflicting customer ids inside one order (issue 12, item 4)', () => {
  it.each(['auto', 'line_sum', 'first_row'] as const)(
    'sets the order aside instead of crediting one customer (granularity %s)',
    async (granularity) => {
      const t = await makeTable(
        db,
        'conflict',
        ['order', 'customer', 'time', 'amount'],
        [
          ['o1', 'c1', '2024-01-05', '10.00'],
          ['o1', 'c2', '2024-01-05', '5.00'], // another customer under order o1
          ['o2', 'c1', '2024-02-01', '20.00'],
          ['o3', 'c3', '2024-02-03', '7.00'],
        ],
      );
      const report = await runCleaning(db, t, {
        mapping: { order_id: 'order', customer_id: 'customer', order_time: 'time', amount: 'amount' },
        today: TODAY,
        cleaning: { granularity },
      });
      expect([report.rowsRead, report.rowsUsed, report.rowsSetAside]).toEqual([4, 2, 2]);
      expect(report.reasons).toEqual({ conflicting_customer_ids: 2 });
      expect(
        plain(await query(db, 'SELECT customer_id, order_id, net_amount FROM purchases ORDER BY 1, 2')),
      ).toEqual([
        { customer_id: 'c1', order_id: 'o2', net_amount: 20 },
        { customer_id: 'c3', order_id: 'o3', net_amount: 7 },
      ]);
      expect(plain(await query(db, 'SELECT source_row, reason, customer FROM set_aside ORDER BY 1'))).toEqual(
        [
          { source_row: 1, reason: 'conflicting_customer_ids', customer: 'c1' },
          { source_row: 2, reason: 'conflicting_customer_ids', customer: 'c2' },
        ],
      );
    },
  );
});

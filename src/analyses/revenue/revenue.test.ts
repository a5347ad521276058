import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { decodeIpc } from '../../client/decode.ts';
import { createPurchases, rounded } from '../behaviour/testing/purchases-fixture.ts';
import { buildRevenueByPeriodSql } from './build-revenue-by-period-sql.ts';
import { buildCategorySegmentMatrixSql } from './build-category-segment-matrix-sql.ts';
import { buildPeriodsCsvSql, PERIODS_CSV_COLUMNS } from './build-periods-csv-sql.ts';

let db: DbPort;
const rowsOf = async (_db: DbPort, sql: string) =>
  decodeIpc(await _db.queryIpc(sql)).rows.map((r) => ({ ...r }));
beforeAll(async () => {
  db = await openNodeDb();
  await createPurchases(db, 'purchases', [
    { customer_id: 'A', time: '2023-01-15', net: 100, channel: 'app', category: 'food' },
    { customer_id: 'B', time: '2023-03-01', net: 50, channel: 'web', category: 'toys' },
    { customer_id: 'A', time: '2024-01-10', gross: 250, refund: 50, channel: 'app', category: 'food' },
    { customer_id: 'C', time: '2024-01-20', net: 100, channel: 'web' },
    { customer_id: 'A', time: '2024-03-05', net: 300, channel: 'web', category: 'toys' },
  ]);
  await db.exec(
    `CREATE TABLE rfm_customers AS SELECT * FROM (VALUES ('A', 'X'), ('B', 'Y')) t(customer_id, segment)`,
  );
  await createPurchases(db, 'empty', []);
});
afterAll(async () => db.close());

describe('revenue by period', () => {
  it('fills every month and computes period-over-period and year-over-year change', async () => {
    const rows = rounded(
      await rowsOf(db, buildRevenueByPeriodSql({ purchases: 'purchases', grain: 'month' })),
    );
    expect(rows).toHaveLength(15); // 2023-01 … 2024-03
    const at = (d: string) => rows.find((r) => r.period_start === d)!;
    expect(at('2024-01-01')).toEqual({
      period_start: '2024-01-01',
      group_key: null,
      revenue: 300,
      gross_revenue: 350,
      refunds: 50,
      orders: 2,
      customers: 2,
      aov: 150,
      new_customers: 1,
      new_customer_revenue: 100,
      returning_customer_revenue: 200,
      revenue_prev_period: 0,
      revenue_pop_change: null,
      orders_pop_change: null,
      customers_pop_change: null,
      aov_pop_change: null,
      revenue_prev_year: 100,
      revenue_yoy_change: 2,
      orders_yoy_change: 1,
      customers_yoy_change: 1,
      aov_yoy_change: 0.5,
    });
    expect([at('2024-02-01').revenue, at('2024-02-01').aov, at('2024-02-01').revenue_pop_change]).toEqual([
      0,
      null,
      -1,
    ]);
    expect([at('2024-02-01').revenue_prev_year, at('2024-02-01').revenue_yoy_change]).toEqual([0, null]);
    expect([at('2024-03-01').revenue_pop_change, at('2024-03-01').revenue_yoy_change]).toEqual([null, 5]);
    expect(at('2023-01-01').revenue_prev_year).toBeNull(); // before the data
  });

  it('uses Monday weeks with 52-week year-ago, quarters and days', async () => {
    const weeks = await rowsOf(db, buildRevenueByPeriodSql({ purchases: 'purchases', grain: 'week' }));
    const w = weeks.find((r) => r.period_start === '2024-01-08')!; // Wednesday 01-10 → Monday 01-08
    expect([w.revenue, w.revenue_prev_year, w.revenue_yoy_change]).toEqual([200, 100, 1]); // 2023-01-09
    expect(weeks[0]!.period_start).toBe('2023-01-09'); // Sunday 2023-01-15 belongs to the week of Monday 01-09
    const quarters = await rowsOf(db, buildRevenueByPeriodSql({ purchases: 'purchases', grain: 'quarter' }));
    expect(quarters.map((r) => [r.period_start, r.revenue])).toEqual([
      ['2023-01-01', 150],
      ['2023-04-01', 0],
      ['2023-07-01', 0],
      ['2023-10-01', 0],
      ['2024-01-01', 600],
    ]);
    expect(quarters[4]!.revenue_yoy_change).toBe(3);
    const days = await rowsOf(db, buildRevenueByPeriodSql({ purchases: 'purchases', grain: 'day' }));
    expect(days).toHaveLength(416);
  });

  it('splits by channel and by segment (customers without a segment under NULL)', async () => {
    const byChannel = await rowsOf(
      db,
      buildRevenueByPeriodSql({ purchases: 'purchases', grain: 'quarter', splitBy: 'channel' }),
    );
    expect(
      byChannel
        .filter((r) => r.period_start === '2024-01-01')
        .map((r) => [r.group_key, r.revenue, r.revenue_yoy_change]),
    ).toEqual([
      ['app', 200, 1],
      ['web', 400, 7],
    ]);
    const bySegment = await rowsOf(
      db,
      buildRevenueByPeriodSql({
        purchases: 'purchases',
        grain: 'quarter',
        splitBy: 'segment',
        segments: 'rfm_customers',
      }),
    );
    expect(
      bySegment
        .filter((r) => r.period_start === '2024-01-01')
        .map((r) => [r.group_key, r.revenue, r.new_customers]),
    ).toEqual([
      [null, 100, 1],
      ['X', 500, 0],
      ['Y', 0, 0],
    ]);
  });

  it('writes periods.csv columns and handles empty input', async () => {
    const rows = await rowsOf(db, buildPeriodsCsvSql({ purchases: 'purchases', grain: 'quarter' }));
    expect(Object.keys(rows[0]!)).toEqual([...PERIODS_CSV_COLUMNS]);
    expect(rows.map((r) => r.revenue)).toEqual([150, 0, 0, 0, 600]);
    expect(await rowsOf(db, buildPeriodsCsvSql({ purchases: 'empty', grain: 'month' }))).toEqual([]);
  });
});

describe('category × segment matrix', () => {
  it('sums revenue per cell with overall and per-segment shares', async () => {
    const rows = rounded(
      await rowsOf(db, buildCategorySegmentMatrixSql({ purchases: 'purchases', segments: 'rfm_customers' })),
    );
    expect(rows).toEqual([
      {
        category: 'food',
        segment: 'X',
        revenue: 300,
        orders: 2,
        customers: 1,
        revenue_share: 0.4,
        segment_revenue_share: 0.5,
      },
      {
        category: 'toys',
        segment: 'X',
        revenue: 300,
        orders: 1,
        customers: 1,
        revenue_share: 0.4,
        segment_revenue_share: 0.5,
      },
      {
        category: 'toys',
        segment: 'Y',
        revenue: 50,
        orders: 1,
        customers: 1,
        revenue_share: 0.0667,
        segment_revenue_share: 1,
      },
      {
        category: null,
        segment: null,
        revenue: 100,
        orders: 1,
        customers: 1,
        revenue_share: 0.1333,
        segment_revenue_share: 1,
      },
    ]);
  });
});

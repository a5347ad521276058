import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { decodeIpc } from '../../client/decode.ts';
import { createPurchases, rounded, type FixtureOrder } from '../behaviour/testing/purchases-fixture.ts';
import { buildLifecycleSql, buildLostByChannelSql, channelLosses } from './build-lifecycle-sql.ts';
import { buildCohortsSql } from './build-cohorts-sql.ts';
import { buildCohortsCsvSql } from './build-cohorts-csv-sql.ts';
import { buildChurnWarningsSql, buildEarlyChurnReturnsSql } from './build-churn-warnings-sql.ts';
import { buildChurnCsvSql } from './build-churn-csv-sql.ts';

/**
 * 2024 (leap year). A: 01-05, 01-20, 02-10 (app), 04-15 · B: 01-31 (web) · C: 02-01, 03-02 (two
 * orders: app 09:00, store 20:00) · D: 03-31 (web) · E: 04-01.
 */
const LIFECYCLE: FixtureOrder[] = [
  { customer_id: 'A', time: '2024-01-05', net: 100 },
  { customer_id: 'A', time: '2024-01-20', net: 100 },
  { customer_id: 'A', time: '2024-02-10', net: 100, channel: 'app' },
  { customer_id: 'A', time: '2024-04-15', net: 100 },
  { customer_id: 'B', time: '2024-01-31', net: 50, channel: 'web' },
  { customer_id: 'C', time: '2024-02-01', net: 100 },
  { customer_id: 'C', order_id: 'c2', time: '2024-03-02 09:00:00', net: 30, channel: 'app' },
  { customer_id: 'C', order_id: 'c3', time: '2024-03-02 20:00:00', net: 70, channel: 'store' },
  { customer_id: 'D', time: '2024-03-31', net: 200, channel: 'web' },
  { customer_id: 'E', time: '2024-04-01', net: 10 },
];

let db: DbPort;
const rowsOf = async (_db: DbPort, sql: string) =>
  decodeIpc(await _db.queryIpc(sql)).rows.map((r) => ({ ...r }));
beforeAll(async () => {
  db = await openNodeDb();
  await createPurchases(db, 'purchases', LIFECYCLE);
  await createPurchases(db, 'purchases_churn', [
    ...LIFECYCLE,
    // F: intervals 10, 10, idle 100 · G: intervals 10, 5 · H: intervals 10, 10, idle exactly 15 = 10 × 1.5.
    ...['2024-01-01', '2024-01-11', '2024-01-21'].map((time) => ({ customer_id: 'F', time })),
    ...['2024-04-10', '2024-04-20', '2024-04-25'].map((time) => ({ customer_id: 'G', time })),
    ...['2024-03-26', '2024-04-05', '2024-04-15'].map((time) => ({ customer_id: 'H', time })),
  ]);
  await createPurchases(db, 'empty', []);
  // RFM segment and scores of two churn customers (issue 12 item 8).
  await db.exec(`CREATE OR REPLACE TABLE churn_rfm AS SELECT * FROM (VALUES
      ('F', 'at_risk', '流失风险', 155, 1, 5, 5), ('B', 'new', '新客户', 211, 2, 1, 1))
      t(customer_id, segment, segment_label, rfm_code, r_score, f_score, m_score)`);
});
afterAll(async () => db.close());

describe('lifecycle per period', () => {
  it('classifies new, returning, reactivated and lost with N = 30 (boundaries on both sides)', async () => {
    const rows = await rowsOf(
      db,
      buildLifecycleSql({ purchases: 'purchases', grain: 'month', lostDays: 30, asOf: '2024-04-30' }),
    );
    // Lost: B 03-01 (01-31 + 30), A 03-11 (gap 02-10 → 04-15 is 64), C 04-01, D 04-30 (= as-of).
    // C's gap of exactly 30 days (02-01 → 03-02) is returning, not lost. A reactivates on 04-15.
    expect(rows).toEqual([
      {
        period_start: '2024-01-01',
        period_end: '2024-01-31',
        active_customers: 2,
        new_customers: 2,
        returning_customers: 0,
        reactivated_customers: 0,
        lost_customers: 0,
        net_change: 2,
        active_base: 2,
      },
      {
        period_start: '2024-02-01',
        period_end: '2024-02-29',
        active_customers: 2,
        new_customers: 1,
        returning_customers: 1,
        reactivated_customers: 0,
        lost_customers: 0,
        net_change: 1,
        active_base: 3,
      },
      {
        period_start: '2024-03-01',
        period_end: '2024-03-31',
        active_customers: 2,
        new_customers: 1,
        returning_customers: 1,
        reactivated_customers: 0,
        lost_customers: 2,
        net_change: -1,
        active_base: 2,
      },
      {
        period_start: '2024-04-01',
        period_end: '2024-04-30',
        active_customers: 2,
        new_customers: 1,
        returning_customers: 0,
        reactivated_customers: 1,
        lost_customers: 2,
        net_change: 0,
        active_base: 2,
      },
    ]);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.active_base).toBe(
        (rows[i - 1]!.active_base as number) + (rows[i]!.net_change as number),
      );
    }
  });

  it('does not count a loss one day before it happens, and ends the last period at as-of', async () => {
    const rows = await rowsOf(
      db,
      buildLifecycleSql({ purchases: 'purchases', grain: 'month', lostDays: 30, asOf: '2024-04-29' }),
    );
    expect(rows.at(-1)).toMatchObject({ period_end: '2024-04-29', lost_customers: 1, active_base: 3 }); // D still active
  });

  it('uses the default N = 90 and the last order date as as-of', async () => {
    const rows = await rowsOf(db, buildLifecycleSql({ purchases: 'purchases', grain: 'quarter' }));
    expect(rows).toEqual([
      {
        period_start: '2024-01-01',
        period_end: '2024-03-31',
        active_customers: 4,
        new_customers: 4,
        returning_customers: 0,
        reactivated_customers: 0,
        lost_customers: 0,
        net_change: 4,
        active_base: 4,
      },
      {
        period_start: '2024-04-01',
        period_end: '2024-04-15',
        active_customers: 2,
        new_customers: 1,
        returning_customers: 1,
        reactivated_customers: 0,
        lost_customers: 0,
        net_change: 1,
        active_base: 5,
      },
    ]);
    expect(await rowsOf(db, buildLifecycleSql({ purchases: 'empty', grain: 'month' }))).toEqual([]);
  });

  it('attributes losses to the channel of the last order before the loss', async () => {
    const rows = await rowsOf(
      db,
      buildLostByChannelSql({ purchases: 'purchases', grain: 'month', lostDays: 30, asOf: '2024-04-30' }),
    );
    expect(rows).toEqual([
      { period_start: '2024-03-01', channel: 'app', lost_customers: 1 },
      { period_start: '2024-03-01', channel: 'web', lost_customers: 1 },
      { period_start: '2024-04-01', channel: 'store', lost_customers: 1 }, // C's 20:00 order
      { period_start: '2024-04-01', channel: 'web', lost_customers: 1 },
    ]);
    expect(channelLosses(rows as { channel: string | null; lost_customers: number }[])).toEqual([
      { channel: 'web', lost_customers: 2 },
      { channel: 'app', lost_customers: 1 },
      { channel: 'store', lost_customers: 1 },
    ]);
  });
});

describe('cohorts', () => {
  it('retains cohorts by first-purchase month with cumulative revenue per customer', async () => {
    const rows = rounded(await rowsOf(db, buildCohortsSql({ purchases: 'purchases' })));
    const r = (
      cohort: string,
      cohort_size: number,
      period_index: number,
      customers: number,
      revenue: number,
      cum: number,
    ) => ({
      cohort,
      cohort_size,
      period_index,
      customers,
      retention: Math.round((customers / cohort_size) * 1e4) / 1e4,
      revenue,
      cumulative_revenue: cum,
      cumulative_revenue_per_customer: Math.round((cum / cohort_size) * 1e4) / 1e4,
    });
    expect(rows).toEqual([
      r('2024-01-01', 2, 0, 2, 250, 250),
      r('2024-01-01', 2, 1, 1, 100, 350),
      r('2024-01-01', 2, 2, 0, 0, 350),
      r('2024-01-01', 2, 3, 1, 100, 450),
      r('2024-02-01', 1, 0, 1, 100, 100),
      r('2024-02-01', 1, 1, 1, 100, 200),
      r('2024-02-01', 1, 2, 0, 0, 200),
      r('2024-03-01', 1, 0, 1, 200, 200),
      r('2024-03-01', 1, 1, 0, 0, 200),
      r('2024-04-01', 1, 0, 1, 10, 10),
    ]);
    const csv = await rowsOf(db, buildCohortsCsvSql({ purchases: 'purchases' }));
    expect(Object.keys(csv[0]!)).toEqual(['cohort', 'period_index', 'customers', 'retention', 'revenue']);
    expect(csv).toHaveLength(10);
  });

  // Issue 12 item 2: unmatched credit notes (the returns view) are subtracted from their cohort's
  // revenue in the period of their date. Cohort 2024-01 = A, B. B −30 on 03-05 → period 2; A −5 on
  // 2023-12-20 (before A's first purchase) → period 0; A −8 on 05-01 is after as-of (04-15, the last
  // purchase); C's FALSE row is not a credit note; Z bought nothing, so has no cohort.
  it('subtracts unmatched credit notes from the cohort revenue of their period', async () => {
    await db.exec(`CREATE OR REPLACE TABLE cohort_returns AS SELECT * FROM (VALUES
        ('B', DATE '2024-03-05', -30.00, TRUE), ('A', DATE '2023-12-20', -5.00, TRUE),
        ('A', DATE '2024-05-01', -8.00, TRUE), ('C', DATE '2024-03-01', -999.00, FALSE),
        ('Z', DATE '2024-02-01', -7.00, TRUE))
        t(customer_id, order_date, net_amount, is_return)`);
    const rows = rounded(
      await rowsOf(db, buildCohortsSql({ purchases: 'purchases', returns: 'cohort_returns' })),
    );
    const jan = rows.filter((x) => x.cohort === '2024-01-01');
    expect(jan.map((x) => [x.period_index, x.revenue, x.cumulative_revenue])).toEqual([
      [0, 245, 245],
      [1, 100, 345],
      [2, -30, 315],
      [3, 100, 415],
    ]);
    expect(jan.map((x) => x.customers)).toEqual([2, 1, 0, 1]); // credit notes never add a customer
    const plain = rounded(await rowsOf(db, buildCohortsSql({ purchases: 'purchases' })));
    expect(rows.filter((x) => x.cohort !== '2024-01-01')).toEqual(
      plain.filter((x) => x.cohort !== '2024-01-01'),
    );
  });

  it('uses Monday weeks for weekly cohorts', async () => {
    const rows = await rowsOf(
      db,
      buildCohortsSql({ purchases: 'purchases', grain: 'week', asOf: '2024-02-11' }),
    );
    // A's first purchase (Friday 01-05) → week of 01-01; 01-20 (Saturday) → week of 01-15 = index 2;
    // 02-10 (Saturday) → week of 02-05 = index 5. B (Wednesday 01-31) → week of 01-29.
    const a = rows.filter((x) => x.cohort === '2024-01-01');
    expect(a.map((x) => x.customers)).toEqual([1, 0, 1, 0, 0, 1]);
    expect(rows.filter((x) => x.cohort === '2024-01-29').map((x) => [x.period_index, x.customers])).toEqual([
      [0, 2], // B and C (Thursday 02-01)
      [1, 0],
    ]);
  });
});

describe('churn warnings', () => {
  it('lists idle, early churn and overdue customers with boundaries at as-of 04-30', async () => {
    const rows = await rowsOf(
      db,
      buildChurnWarningsSql({
        purchases: 'purchases_churn',
        idleDays: 30,
        earlyChurnDays: 30,
        asOf: '2024-04-30',
      }),
    );
    // idle ≥ 30: F 100, B 90, C 59, D exactly 30; E (29) is not. early churn: first ≤ 03-31 without a
    // second purchase within 30 days: B, D (first exactly 30 days before); C's second comes on day 30.
    // overdue: F 100 > 10 × 1.5; H idle 15 = 15 is not; A 15 < 21 × 1.5.
    expect(rows).toHaveLength(7);
    expect(rows).toMatchObject([
      {
        customer_id: 'F',
        rule: 'idle',
        days_idle: 100,
        last_purchase: '2024-01-21',
        threshold_days: 30,
        detail: 'last_purchase=2024-01-21',
      },
      {
        customer_id: 'B',
        rule: 'idle',
        days_idle: 90,
        last_purchase: '2024-01-31',
        threshold_days: 30,
        detail: 'last_purchase=2024-01-31',
      },
      {
        customer_id: 'C',
        rule: 'idle',
        days_idle: 59,
        last_purchase: '2024-03-02',
        threshold_days: 30,
        detail: 'last_purchase=2024-03-02',
      },
      {
        customer_id: 'D',
        rule: 'idle',
        days_idle: 30,
        last_purchase: '2024-03-31',
        threshold_days: 30,
        detail: 'last_purchase=2024-03-31',
      },
      {
        customer_id: 'B',
        rule: 'early_churn',
        days_idle: 90,
        last_purchase: '2024-01-31',
        threshold_days: 30,
        detail: 'first_purchase=2024-01-31;second_purchase=none',
      },
      {
        customer_id: 'D',
        rule: 'early_churn',
        days_idle: 30,
        last_purchase: '2024-03-31',
        threshold_days: 30,
        detail: 'first_purchase=2024-03-31;second_purchase=none',
      },
      {
        customer_id: 'F',
        rule: 'overdue',
        days_idle: 100,
        last_purchase: '2024-01-21',
        threshold_days: 15,
        detail: 'median_interval_days=10.0;factor=1.5',
      },
    ]);
  });

  it('moves across the boundaries a day later, with default idle 90 days', async () => {
    const rows = await rowsOf(
      db,
      buildChurnWarningsSql({ purchases: 'purchases_churn', asOf: '2024-05-01' }),
    );
    // idle ≥ 90: F 101, B 91; early churn (30): first ≤ 04-01 → B, D, E; overdue: F and now H (16 > 15).
    expect(rows.map((r) => [r.rule, r.customer_id, r.days_idle])).toEqual([
      ['idle', 'F', 101],
      ['idle', 'B', 91],
      ['early_churn', 'B', 91],
      ['early_churn', 'D', 31],
      ['early_churn', 'E', 30],
      ['overdue', 'F', 101],
      ['overdue', 'H', 16],
    ]);
  });

  // Issue 12 item 8: the warning lists customers at risk now. A customer who came back after the
  // early-churn window (Online Retail's 12347: 7 orders, idle 2 days) is not at risk as an early
  // churner; the returns statistic counts them instead.
  it('does not list an early churner who came back; counts them as returned', async () => {
    await createPurchases(db, 'late', [
      { customer_id: 'L', time: '2024-01-01' },
      { customer_id: 'L', time: '2024-02-01' },
      { customer_id: 'L', time: '2024-04-28' },
      { customer_id: 'M', time: '2024-01-10' },
      { customer_id: 'N', time: '2024-04-01' },
      { customer_id: 'N', time: '2024-04-20' },
    ]);
    const options = { purchases: 'late', asOf: '2024-04-30', earlyChurnDays: 30 };
    const rows = await rowsOf(db, buildChurnWarningsSql({ ...options, rules: ['early_churn'] }));
    expect(rows.map((r) => [r.customer_id, r.rule, r.detail])).toEqual([
      ['M', 'early_churn', 'first_purchase=2024-01-10;second_purchase=none'],
    ]);
    // L: second purchase 31 days after the first (an early churner then) and back since; M never back;
    // N's second purchase came within 30 days (never an early churner).
    expect(await rowsOf(db, buildEarlyChurnReturnsSql(options))).toEqual([
      { early_churners: 2, returned: 1, not_returned: 1, returned_share: 0.5 },
    ]);
    expect(await rowsOf(db, buildEarlyChurnReturnsSql({ purchases: 'empty' }))).toEqual([
      { early_churners: 0, returned: 0, not_returned: 0, returned_share: null },
    ]);
    expect(await rowsOf(db, buildChurnWarningsSql({ purchases: 'empty' }))).toEqual([]);
    expect(() => buildChurnWarningsSql({ purchases: 'late', idleDays: 0 })).toThrow(/idleDays/);
    expect(() => buildChurnWarningsSql({ purchases: 'late', segment: 'x' })).toThrow(/segments table/);
  });

  it('carries spend, orders, segment and RFM scores, and filters one segment', async () => {
    const options = { purchases: 'purchases_churn', idleDays: 30, asOf: '2024-04-30' };
    const rows = await rowsOf(
      db,
      buildChurnWarningsSql({ ...options, rules: ['idle'], segments: 'churn_rfm' }),
    );
    // F: 3 orders of 100; B: one of 50; C: 3 orders (100 + 30 + 70), not in the RFM table.
    expect(
      rows.map((r) => [
        r.customer_id,
        r.orders,
        r.spend,
        r.segment,
        r.segment_label,
        r.rfm_code,
        r.r_score,
        r.f_score,
        r.m_score,
      ]),
    ).toEqual([
      ['F', 3, 300, 'at_risk', '流失风险', 155, 1, 5, 5],
      ['B', 1, 50, 'new', '新客户', 211, 2, 1, 1],
      ['C', 3, 200, null, null, null, null, null, null],
      ['D', 1, 200, null, null, null, null, null, null],
    ]);
    const atRisk = await rowsOf(
      db,
      buildChurnWarningsSql({ ...options, segments: 'churn_rfm', segment: 'at_risk' }),
    );
    expect(atRisk.map((r) => [r.rule, r.customer_id])).toEqual([
      ['idle', 'F'],
      ['overdue', 'F'],
    ]);
    const plain = await rowsOf(db, buildChurnWarningsSql({ ...options, rules: ['idle'] }));
    expect(plain[0]).toMatchObject({ customer_id: 'F', spend: 300, segment: null, rfm_code: null });
  });

  // Issue 12 item 2: an unmatched credit note (its own date, in the returns view) is subtracted from
  // the customer's spend; one after as-of is not. F: 3 × 100 − 40 (02-01) = 260 (−25 on 05-10 is
  // after as-of); B: 50 − 50 = 0; C, D: untouched.
  it('subtracts unmatched credit notes up to as-of from spend', async () => {
    await db.exec(`CREATE OR REPLACE TABLE churn_returns AS SELECT * FROM (VALUES
        ('F', DATE '2024-02-01', -40.00, TRUE), ('F', DATE '2024-05-10', -25.00, TRUE),
        ('B', DATE '2024-02-15', -50.00, TRUE), ('C', DATE '2024-03-01', -999.00, FALSE))
        t(customer_id, order_date, net_amount, is_return)`);
    const options = { purchases: 'purchases_churn', idleDays: 30, asOf: '2024-04-30' };
    const rows = await rowsOf(
      db,
      buildChurnWarningsSql({ ...options, rules: ['idle'], returns: 'churn_returns' }),
    );
    expect(rows.map((r) => [r.customer_id, r.orders, r.spend])).toEqual([
      ['F', 3, 260],
      ['B', 1, 0],
      ['C', 3, 200],
      ['D', 1, 200],
    ]);
    const csv = await rowsOf(db, buildChurnCsvSql({ ...options, returns: 'churn_returns' }));
    expect(csv.find((r) => r.customer_id === 'F')?.spend).toBe(260);
  });

  it('writes churn.csv: customer_id, rule, days_idle, then the value columns', async () => {
    const rows = await rowsOf(
      db,
      buildChurnCsvSql({
        purchases: 'purchases_churn',
        idleDays: 30,
        asOf: '2024-04-30',
        segments: 'churn_rfm',
      }),
    );
    expect(rows.slice(0, 2)).toEqual([
      {
        customer_id: 'F',
        rule: 'idle',
        days_idle: 100,
        orders: 3,
        spend: 300,
        segment: 'at_risk',
        segment_label: '流失风险',
        rfm_code: 155,
        r_score: 1,
        f_score: 5,
        m_score: 5,
      },
      expect.objectContaining({ customer_id: 'B', rule: 'idle', days_idle: 90, spend: 50 }),
    ]);
    expect(rows).toHaveLength(7);
  });
});

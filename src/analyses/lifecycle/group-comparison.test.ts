import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { decodeIpc } from '../../client/decode.ts';
import { createPurchases, rounded } from '../behaviour/testing/purchases-fixture.ts';
import { buildGroupComparisonSql, COMPARISON_METRICS } from './build-group-comparison-sql.ts';
import { comparisonP, readComparison } from './comparison-results.ts';

let db: DbPort;
const rowsOf = async (_db: DbPort, sql: string) =>
  decodeIpc(await _db.queryIpc(sql)).rows.map((r) => ({ ...r }));
beforeAll(async () => {
  db = await openNodeDb();
  // Segment X: P (two purchase days, 10 apart), R (one order of 200). Segment Y: Q (days 1, 2, 4).
  await createPurchases(db, 'purchases', [
    { customer_id: 'P', time: '2024-01-01', net: 100, list: 200, channel: 'app' },
    { customer_id: 'P', time: '2024-01-11', net: 100, list: 100, channel: 'web' },
    { customer_id: 'R', time: '2024-01-05', net: 200, channel: 'web' },
    { customer_id: 'Q', time: '2024-01-01', net: 50, channel: 'app' },
    { customer_id: 'Q', time: '2024-01-02', net: 50, channel: 'app' },
    { customer_id: 'Q', time: '2024-01-04', net: 50, channel: 'app' },
  ]);
  await createPurchases(db, 'panel', [{ customer_id: 'Z', time: '2024-04-30', net: 80 }]);
  await db.exec(
    `CREATE TABLE rfm_customers AS SELECT * FROM (VALUES ('P', 'X'), ('R', 'X'), ('Q', 'Y')) t(customer_id, segment)`,
  );
  await db.exec(
    `CREATE TABLE tags AS SELECT * FROM (VALUES ('P', 'gold'), ('Q', 'gold'), ('R', 'silver')) t(customer_id, "tier ""x""")`,
  );
});
afterAll(async () => db.close());

describe('group comparison', () => {
  it('puts two segments side by side with differences and flags', async () => {
    const rows = rounded(
      await rowsOf(
        db,
        buildGroupComparisonSql({
          a: { purchases: 'purchases', filter: { kind: 'segment', table: 'rfm_customers', value: 'X' } },
          b: { purchases: 'purchases', filter: { kind: 'segment', table: 'rfm_customers', value: 'Y' } },
          asOf: '2024-04-10',
        }),
      ),
    );
    expect(rows.map((r) => r.metric)).toEqual([...COMPARISON_METRICS]);
    const m = Object.fromEntries(
      rows.map((r) => [r.metric, [r.value_a, r.value_b, r.diff_abs, r.diff_rel, r.flagged]]),
    );
    expect(m).toEqual({
      customers: [2, 1, -1, -0.5, true],
      orders: [3, 3, 0, 0, false],
      revenue: [400, 150, -250, -0.625, true],
      aov: [133.3333, 50, -83.3333, -0.625, true],
      orders_per_customer: [1.5, 3, 1.5, 1, true],
      revenue_per_customer: [200, 150, -50, -0.25, true],
      repurchase_rate: [0.5, 1, 0.5, 1, true],
      avg_interval_days: [10, 1.5, -8.5, -0.85, true],
      median_interval_days: [10, 1.5, -8.5, -0.85, true],
      // X: P's ratios 0.5 and 1 (R unknown); Y has no price information → no flag.
      avg_discount_rate: [0.75, null, null, null, false],
      promo_order_share: [0.5, null, null, null, false],
      // as-of 04-10, 90 days: P idle 90 (boundary, idle), R 96; Q 97.
      idle_share: [1, 1, 0, 0, false],
    });
  });

  it('filters by channel, by a tag column and compares two purchases tables', async () => {
    const byChannel = await rowsOf(
      db,
      buildGroupComparisonSql({
        a: { purchases: 'purchases', filter: { kind: 'channel', value: 'app' } },
        b: { purchases: 'purchases', filter: { kind: 'channel', value: 'web' } },
      }),
    );
    // app: P's first order and Q's three → 2 customers, 4 orders; web: P's second and R → 2, 2.
    expect(byChannel.slice(0, 2).map((r) => [r.metric, r.value_a, r.value_b])).toEqual([
      ['customers', 2, 2],
      ['orders', 4, 2],
    ]);
    const byTag = await rowsOf(
      db,
      buildGroupComparisonSql({
        a: {
          purchases: 'purchases',
          filter: { kind: 'tag', table: 'tags', column: 'tier "x"', value: 'gold' },
        },
        b: {
          purchases: 'purchases',
          filter: { kind: 'tag', table: 'tags', column: 'tier "x"', value: "silver' OR 1=1 --" },
        },
      }),
    );
    expect(byTag[0]).toMatchObject({ metric: 'customers', value_a: 2, value_b: 0, flagged: true });
    const tables = await rowsOf(
      db,
      buildGroupComparisonSql({
        a: { purchases: 'purchases' },
        b: { purchases: 'panel' },
        flagThreshold: 0.9,
      }),
    );
    // as-of = latest over both (04-30): every own customer is idle ≥ 90 days, the panel one is not.
    expect(tables.find((r) => r.metric === 'idle_share')).toMatchObject({
      value_a: 1,
      value_b: 0,
      diff_rel: -1,
      flagged: true,
    });
    expect(tables.find((r) => r.metric === 'customers')).toMatchObject({
      value_a: 3,
      value_b: 1,
      flagged: false,
    });
  });

  it('tests each mean with Welch t and each share with a two-proportion z test; totals untested', async () => {
    const sql = buildGroupComparisonSql({
      a: { purchases: 'purchases', filter: { kind: 'segment', table: 'rfm_customers', value: 'X' } },
      b: { purchases: 'purchases', filter: { kind: 'segment', table: 'rfm_customers', value: 'Y' } },
      asOf: '2024-04-10',
    });
    const rows = readComparison({ comparison: await rowsOf(db, sql) });
    const m = Object.fromEntries(rows.map((r) => [r.metric, r]));
    // AOV: X's orders 100, 100, 200 vs Y's 50, 50, 50. R: t.test(c(100,100,200), c(50,50,50)) →
    // t = 2.5, df = 2, p-value = 0.1296: a 62 % difference that is not significant.
    expect(m.aov).toMatchObject({ test: 'welch', flagged: true, significant: false });
    expect(m.aov!.p_value).toBeCloseTo(0.1296, 4);
    // Repurchase rate 1 of 2 vs 1 of 1: pooled 2/3, z = −0.866, p = 0.386.
    expect(m.repurchase_rate!.test).toBe('two_proportion');
    expect(m.repurchase_rate!.p_value).toBeCloseTo(0.3865, 4);
    // One customer in Y: no variance of orders per customer → no p-value rather than a guess.
    expect(m.orders_per_customer).toMatchObject({ test: 'welch', p_value: null, significant: false });
    for (const metric of ['customers', 'orders', 'revenue', 'median_interval_days'] as const)
      expect(m[metric]).toMatchObject({ test: null, p_value: null, significant: false });
  });

  it('reproduces R for larger samples (t.test and prop.test without continuity correction)', () => {
    // t.test(1:5, 6:10): t = −5, df = 8, p-value = 0.001053.
    const sd = Math.sqrt(2.5);
    const w = comparisonP('welch', { value_a: 3, value_b: 8, n_a: 5, n_b: 5, sd_a: sd, sd_b: sd });
    expect(w).toBeCloseTo(0.001053, 6);
    // prop.test(c(30, 45), c(100, 100), correct = FALSE): X-squared = 4.8, p-value = 0.02846.
    const z = comparisonP('two_proportion', {
      value_a: 0.3,
      value_b: 0.45,
      n_a: 100,
      n_b: 100,
      sd_a: null,
      sd_b: null,
    });
    expect(z).toBeCloseTo(0.02846, 5);
  });
});

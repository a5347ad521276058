/**
 * Golden tests for issue 12 item 7 on a small hand-checked fixture: value5 over the whole history
 * leaves 低价值 (R 1, F 1, M 1) empty, because F 1 means 0 orders in the period; with a 6- or
 * 12-month period earlier buyers get F = 0 and M = 0 (R from their last purchase ever) and it fills.
 * As of 2024-06-30, 近 6 个月 = order dates after 2023-12-30, 近 12 个月 = after 2023-06-30.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbPort } from '../../engine/db-port.ts';
import { openNodeDb } from '../../engine/node-db.ts';
import { buildRfmSql } from './build-rfm-sql.ts';
import { buildSegmentSummarySql } from './build-rfm-views-sql.ts';
import { parseRfmConfig, type RfmWindow } from './rfm-config.ts';
import { segmentHealth } from './segment-health.ts';
import { createPurchases, rowsOf, runPlan } from './testing/rfm-fixture.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
  await createPurchases(db, 'purchases', [
    // A: 10 orders in the last two weeks, 12,000 → 555 high_value in every period.
    ...Array.from({ length: 10 }, (_, i) => ({
      customer: 'A',
      date: `2024-06-${String(16 + i).padStart(2, '0')}`,
      net: 1200,
    })),
    { customer: 'B', date: '2023-12-13', net: 300 }, // 200 days: in 12 months, not in 6
    { customer: 'C', date: '2023-05-24', net: 300 }, // 3 orders ~400 days ago: in neither period
    { customer: 'C', date: '2023-05-25', net: 300 },
    { customer: 'C', date: '2023-05-26', net: 300 },
    { customer: 'D', date: '2024-03-21', net: 300 }, // 101 and 100 days: 222 general
    { customer: 'D', date: '2024-03-22', net: 300 },
    { customer: 'E', date: '2024-06-10', net: 3000 }, // 20 days: R 5 → mid_potential
    { customer: 'F', date: '2023-12-31', net: 800 }, // 182 days: R 1, inside 6 months by one day
    { customer: 'G', date: '2023-12-30', net: 800 }, // 183 days: on the 6-month boundary, outside
    { customer: 'H', date: '2024-01-31', net: 100 }, // 151 days, 1 order, 100 → 221: other
  ]);
});
afterAll(async () => db.close());

async function run(window: RfmWindow) {
  const parsed = parseRfmConfig({ asOf: '2024-06-30', window });
  if (!parsed.ok) throw new Error(parsed.issues.join('; '));
  const config = parsed.value;
  await runPlan(db, buildRfmSql(config, { purchases: 'purchases', locale: 'zh-CN' }));
  const rows = await rowsOf(
    db,
    'SELECT customer_id, recency_days, frequency, monetary, rfm_code, segment FROM rfm_customers ORDER BY customer_id',
  );
  const summary = await rowsOf(db, buildSegmentSummarySql(config.segments, { locale: 'zh-CN' }));
  const counts = Object.fromEntries(summary.map((r) => [r.segment, r.customers]));
  const health = segmentHealth(
    config,
    summary.map((r) => ({ segment: String(r.segment), customers: Number(r.customers) })),
  );
  return { rows: rows.map((r) => Object.values(r)), counts, health };
}

describe('value5 with a statistical period (issue 12 item 7)', () => {
  it('whole history (default): 低价值 is empty by construction and 其他 is above 10 %', async () => {
    const { rows, counts, health } = await run({ kind: 'all' });
    expect(rows).toEqual([
      ['A', 5, 10, 12000, 555, 'high_value'],
      ['B', 200, 1, 300, 121, 'churn_risk'],
      ['C', 401, 3, 900, 132, 'churn_risk'],
      ['D', 100, 2, 600, 222, 'general'],
      ['E', 20, 1, 3000, 523, 'mid_potential'],
      ['F', 182, 1, 800, 122, 'churn_risk'],
      ['G', 183, 1, 800, 122, 'churn_risk'],
      ['H', 151, 1, 100, 221, 'other'],
    ]);
    expect(counts).toEqual({
      high_value: 1,
      churn_risk: 4,
      mid_potential: 1,
      general: 1,
      low_value: 0,
      other: 1,
    });
    expect(health).toEqual([
      { kind: 'needs_period', segment: 'low_value' },
      { kind: 'other_high', share: 1 / 8 },
    ]);
  });

  it('近 6 个月: earlier buyers get F 0 and M 0 with R from their last purchase, and 低价值 fills', async () => {
    const { rows, counts, health } = await run({ kind: 'lastMonths', months: 6 });
    expect(rows).toEqual([
      ['A', 5, 10, 12000, 555, 'high_value'],
      ['B', 200, 0, 0, 111, 'low_value'],
      ['C', 401, 0, 0, 111, 'low_value'],
      ['D', 100, 2, 600, 222, 'general'],
      ['E', 20, 1, 3000, 523, 'mid_potential'],
      ['F', 182, 1, 800, 122, 'churn_risk'],
      ['G', 183, 0, 0, 111, 'low_value'],
      ['H', 151, 1, 100, 221, 'other'],
    ]);
    expect(counts).toEqual({
      high_value: 1,
      churn_risk: 1,
      mid_potential: 1,
      general: 1,
      low_value: 3,
      other: 1,
    });
    expect(health).toEqual([{ kind: 'other_high', share: 1 / 8 }]);
  });

  it('近 12 个月: only the customer gone for over a year is 低价值', async () => {
    const { rows, counts } = await run({ kind: 'lastMonths', months: 12 });
    expect(rows.map((r) => [r[0], r[2], r[4], r[5]])).toEqual([
      ['A', 10, 555, 'high_value'],
      ['B', 1, 121, 'churn_risk'],
      ['C', 0, 111, 'low_value'],
      ['D', 2, 222, 'general'],
      ['E', 1, 523, 'mid_potential'],
      ['F', 1, 122, 'churn_risk'],
      ['G', 1, 122, 'churn_risk'],
      ['H', 1, 221, 'other'],
    ]);
    expect(counts).toEqual({
      high_value: 1,
      churn_risk: 3,
      mid_potential: 1,
      general: 1,
      low_value: 1,
      other: 1,
    });
  });
});

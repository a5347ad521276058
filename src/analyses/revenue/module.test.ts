import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import type { PlanContext } from '../contract.ts';
import { BehaviourConfigSchema } from '../behaviour/behaviour-config.ts';
import { createPurchases, rounded } from '../behaviour/testing/purchases-fixture.ts';
import { explainPlan, runPart, runPlan } from '../../../tests/unit/support/run-module.ts';
import { periodsExport, revenueModule, type PeriodsParams, type RevenueSplit } from './module.ts';
import { PERIODS_CSV_COLUMNS } from './build-periods-csv-sql.ts';

let db: DbPort;
const config = { ...v.parse(BehaviourConfigSchema, {}), periodGrain: 'quarter' as const };
const ctx: PlanContext = { locale: 'en', purchases: 'purchases' };
const { parts } = revenueModule;

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
});
afterAll(async () => db.close());

describe('revenue module', () => {
  it('reads totals by period at the config grain, and the split rows', async () => {
    const none = await runPart(db, parts.periods, config, ctx, { split: 'none', segmentsAvailable: true });
    expect(none.split).toBe('none');
    expect(none.totals.map((r) => [r.period_start, r.revenue])).toEqual([
      ['2023-01-01', 150],
      ['2023-04-01', 0],
      ['2023-07-01', 0],
      ['2023-10-01', 0],
      ['2024-01-01', 600],
    ]);
    expect(none.rows).toBe(none.totals);
    expect(none.totals.at(-1)!.revenue_yoy_change).toBe(3);

    const byChannel = await runPart(db, parts.periods, config, ctx, {
      split: 'channel',
      segmentsAvailable: false,
    });
    expect(byChannel.totals).toEqual(none.totals);
    expect(
      byChannel.rows
        .filter((r) => r.period_start === '2024-01-01')
        .map((r) => [r.group_key, r.revenue, r.revenue_yoy_change]),
    ).toEqual([
      ['app', 200, 1],
      ['web', 400, 7],
    ]);

    const bySegment = await runPart(db, parts.periods, config, ctx, {
      split: 'segment',
      segmentsAvailable: true,
    });
    expect(
      bySegment.rows
        .filter((r) => r.period_start === '2024-01-01')
        .map((r) => [r.group_key, r.revenue, r.new_customers]),
    ).toEqual([
      [null, 100, 1],
      ['X', 500, 0],
      ['Y', 0, 0],
    ]);
  });

  it('falls back to no split when a segment split is asked for without segments', async () => {
    const p: PeriodsParams = { split: 'segment', segmentsAvailable: false };
    expect(Object.keys(parts.periods.plan(config, ctx, p).queries)).toEqual(['totals']);
    const result = await runPart(db, parts.periods, config, ctx, p);
    expect(result.split).toBe('none');
    expect(result.rows).toBe(result.totals);
  });

  it('reads the category × segment matrix', async () => {
    const cells = await runPart(db, parts.matrix, config, ctx, undefined);
    expect(rounded(cells)[0]).toEqual({
      category: 'food',
      segment: 'X',
      revenue: 300,
      orders: 2,
      customers: 1,
      segment_revenue_share: 0.5,
    });
  });

  it('exports periods.csv at the config grain', async () => {
    expect(revenueModule.exports.map((e) => [e.id, e.file, e.cli])).toEqual([
      ['periods', 'periods.csv', true],
    ]);
    const plan = periodsExport.plan(config, ctx, undefined);
    const rows = (await runPlan(db, { statements: plan.statements, queries: { csv: plan.query } })).csv!;
    expect(Object.keys(rows[0]!)).toEqual([...PERIODS_CSV_COLUMNS]);
    expect(rows.map((r) => r.revenue)).toEqual([150, 0, 0, 0, 600]);
    expect(revenueModule.section).toBeNull();
  });

  it('binds every part and export on the fixture schema (EXPLAIN)', async () => {
    const splits: RevenueSplit[] = ['none', 'channel', 'category', 'segment'];
    const explained: string[] = [];
    for (const split of splits) {
      const plan = parts.periods.plan(config, ctx, { split, segmentsAvailable: true });
      explained.push(...(await explainPlan(db, plan)).map((q) => `periods.${split}.${q}`));
    }
    explained.push(
      ...(await explainPlan(db, parts.matrix.plan(config, ctx, undefined))).map((q) => `matrix.${q}`),
    );
    for (const spec of revenueModule.exports) {
      await explainPlan(db, spec.plan(config, ctx, undefined));
      explained.push(`export.${spec.id}`);
    }
    expect(explained).toEqual([
      'periods.none.totals',
      'periods.channel.totals',
      'periods.channel.split',
      'periods.category.totals',
      'periods.category.split',
      'periods.segment.totals',
      'periods.segment.split',
      'matrix.cells',
      'export.periods',
    ]);
  });
});

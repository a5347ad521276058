import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import type { PlanContext } from '../contract.ts';
import { BehaviourConfigSchema } from './behaviour-config.ts';
import { behaviourExport, behaviourModule, CUSTOMER_FEATURE_COLUMNS, FEATURES_TABLE } from './module.ts';
import type { IntervalParams } from './module.ts';
import { createPurchases, rounded } from './testing/purchases-fixture.ts';
import { BEHAVIOUR_ORDERS, BEHAVIOUR_SEGMENTS } from './testing/behaviour-fixture.ts';
import { explainPlan, runPart, runPlan } from '../../../tests/unit/support/run-module.ts';

let db: DbPort;
const config = v.parse(BehaviourConfigSchema, {});
const ctx: PlanContext = { locale: 'en', purchases: 'purchases' };
const { parts } = behaviourModule;

beforeAll(async () => {
  db = await openNodeDb();
  await createPurchases(db, 'purchases', BEHAVIOUR_ORDERS);
});
afterAll(async () => db.close());

const segmentTable = () =>
  db.exec(
    `CREATE OR REPLACE TABLE rfm_customers AS SELECT * FROM (VALUES ${BEHAVIOUR_SEGMENTS.map(
      ([c, s]) => `('${c}', '${s}', '${s} label')`,
    ).join(', ')}) t(customer_id, segment, segment_label)`,
  );

describe('behaviour module', () => {
  it('sees the segment table only once it exists, then reads its labels', async () => {
    expect(await runPart(db, parts.segmentTable, null, ctx, undefined)).toBe(false);
    await segmentTable();
    expect(await runPart(db, parts.segmentTable, null, ctx, undefined)).toBe(true);
    expect(await runPart(db, parts.segments, null, ctx, undefined)).toEqual([
      { segment: 'X', segment_label: 'X label', customers: 2 },
      { segment: 'Y', segment_label: 'Y label', customers: 1 },
    ]);
  });

  it('reads intervals overall and per segment, histogram in the config bins', async () => {
    const overall = await runPart(db, parts.intervals, config, ctx, { grouping: 'overall' });
    expect(rounded(overall.stats)).toEqual([
      {
        group_key: null,
        customers: 3,
        intervals: 5,
        avg_interval_days: 18.8,
        p25_days: 3,
        median_days: 10,
        p75_days: 20,
        p90_days: 44,
      },
    ]);
    expect(overall.histogram.map((b) => b.bin_lower)).toEqual(config.intervalBins);
    expect(overall.histogram.reduce((s, b) => s + b.intervals, 0)).toBe(5);
    const bySegment = await runPart(db, parts.intervals, config, ctx, { grouping: 'segment' });
    expect(bySegment.stats.map((s) => [s.group_key, s.customers, s.intervals, s.median_days])).toEqual([
      ['X', 2, 3, 20],
      ['Y', 1, 2, 2],
    ]);
  });

  it('reads repurchase, preferences, price, AOV bands and the time grid', async () => {
    const repurchase = await runPart(db, parts.repurchase, config, ctx, undefined);
    expect(repurchase.rate).toEqual({ customers: 5, repeat_customers: 3, repurchase_rate: 0.6 });
    expect(repurchase.second.map((s) => [s.within_days, s.eligible_customers, s.second_purchasers])).toEqual([
      [30, 5, 2],
      [60, 3, 2],
      [90, 0, 0],
    ]);
    expect(repurchase.second[2]!.second_purchase_rate).toBeNull();

    const preferences = await runPart(db, parts.preferences, config, ctx, undefined);
    expect(preferences.category.map((r) => [r.value, r.orders, r.preferring_customers])).toEqual([
      ['food', 8, 3],
      ['toys', 4, 2],
    ]);
    expect(preferences.channel.map((r) => [r.value, r.orders, r.preferring_customers])).toEqual([
      ['app', 5, 2],
      ['web', 5, 2],
      ['store', 1, 1],
    ]);
    expect(Object.keys(preferences)).toEqual(['category', 'channel', 'payment_method']);

    const price = await runPart(db, parts.price, config, ctx, undefined);
    expect(price && rounded([price])[0]).toEqual({
      orders: 12,
      priced_orders: 6,
      avg_discount_rate: 0.8333,
      promo_orders: 3,
      promo_order_share: 0.5,
      revenue: 1390,
      aov: 115.83,
    });
    const bands = await runPart(db, parts.aovBands, config, ctx, undefined);
    expect(bands.map((b) => [b.band_lower, b.band_upper, b.customers, b.revenue])).toEqual([
      [0, 100, 3, 640],
      [100, 500, 2, 750],
      [500, null, 0, 0],
    ]);

    const cells = await runPart(db, parts.time, config, ctx, undefined);
    expect(cells).toHaveLength(168);
    expect(cells.find((c) => c.weekday === 1 && c.hour === 12)).toEqual({
      weekday: 1,
      hour: 12,
      orders: 1,
      revenue: 600,
    });
  });

  it('builds customer_features and reads its rows with every feature column', async () => {
    const features = await runPart(db, parts.features, { ...config, aovBands: [0, 200] }, ctx, undefined);
    expect(features.map((f) => [f.customer_id, f.aov_band])).toEqual([
      ['A', '0–200'],
      ['B', '0–200'],
      ['C', '0–200'],
      ['D', '200+'],
      ['S', '0–200'],
    ]);
    expect(Object.keys(features[0]!)).toEqual([...CUSTOMER_FEATURE_COLUMNS]);
    expect(features[0]).toMatchObject({ orders: 4, first_purchase: '2024-01-01', peak_hour: 9 });
    expect(
      await runPlan(db, { statements: [], queries: { n: `SELECT count(*) AS n FROM ${FEATURES_TABLE}` } }),
    ).toEqual({ n: [{ n: 5 }] });
  });

  it('exports behaviour.csv for the CLI and the features card alike', async () => {
    expect(behaviourModule.exports.map((e) => [e.id, e.file, e.cli])).toEqual([
      ['behaviour', 'behaviour.csv', true],
    ]);
    const plan = behaviourExport.plan({ ...config, aovBands: [0, 200] }, ctx, undefined);
    const rows = (await runPlan(db, { statements: plan.statements, queries: { csv: plan.query } })).csv!;
    expect(Object.keys(rows[0]!)).toEqual([...CUSTOMER_FEATURE_COLUMNS]);
    expect(rows.map((r) => r.aov_band)).toEqual(['0–200', '0–200', '0–200', '200+', '0–200']);
  });

  it('binds every part and export on the fixture schema (EXPLAIN)', async () => {
    await segmentTable();
    const groupings: IntervalParams[] = [
      { grouping: 'overall' },
      { grouping: 'category' },
      { grouping: 'segment' },
    ];
    const explained: string[] = [];
    for (const [name, part] of Object.entries(parts)) {
      const variants: unknown[] = name === 'intervals' ? groupings : [undefined];
      for (const params of variants) {
        const plan = (
          part.plan as (c: unknown, x: PlanContext, p: unknown) => Parameters<typeof explainPlan>[1]
        )(config, ctx, params);
        explained.push(...(await explainPlan(db, plan)).map((q) => `${name}.${q}`));
      }
    }
    for (const spec of behaviourModule.exports) {
      await explainPlan(db, spec.plan(config, ctx, undefined));
      explained.push(`export.${spec.id}`);
    }
    expect(new Set(explained)).toEqual(
      new Set([
        'segmentTable.tables',
        'segments.segments',
        'intervals.stats',
        'intervals.histogram',
        'repurchase.rate',
        'repurchase.second',
        'preferences.mix_category',
        'preferences.mix_channel',
        'preferences.mix_payment_method',
        'price.price',
        'aovBands.bands',
        'time.cells',
        'features.features',
        'export.behaviour',
      ]),
    );
    expect(behaviourModule.prepare(config, ctx)).toEqual([]);
    // The check has teeth: a query over a missing table does not bind.
    await expect(
      explainPlan(db, parts.time.plan(config, { ...ctx, purchases: 'no_such_table' }, undefined)),
    ).rejects.toThrow(/no_such_table/);
  });
});

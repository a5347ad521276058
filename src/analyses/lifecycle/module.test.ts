/**
 * lifecycleModule and comparisonModule (issue 11): each part's plan run on real duckdb-wasm and read
 * into its typed result (values as in lifecycle.test.ts / group-comparison.test.ts), the exports are
 * the CLI's SQL, and every query binds (EXPLAIN) against the fixture schema.
 */
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { decodeIpc } from '../../client/decode.ts';
import type { ModulePlan, Part, PlanContext, QueryRows } from '../contract.ts';
import { createPurchases, rounded } from '../behaviour/testing/purchases-fixture.ts';
import { LifecycleConfigSchema, type LifecycleConfig } from './lifecycle-config.ts';
import { churnListExport, churnListFile, lifecycleModule } from './module.ts';
import { comparisonModule } from './comparison-module.ts';
import { buildCohortsCsvSql } from './build-cohorts-csv-sql.ts';
import { buildChurnCsvSql } from './build-churn-csv-sql.ts';
import type { GroupChoice } from './comparison-results.ts';

let db: DbPort;

async function rowsOfPlan(plan: ModulePlan): Promise<QueryRows> {
  for (const s of plan.statements) await db.exec(s);
  const rows: Record<string, QueryRows[string]> = {};
  for (const [name, sql] of Object.entries(plan.queries))
    rows[name] = decodeIpc(await db.queryIpc(sql)).rows.map((r) => ({ ...r }));
  return rows;
}

async function run<P, R>(
  part: Part<LifecycleConfig, P, R>,
  config: LifecycleConfig,
  ctx: PlanContext,
  params: P,
) {
  return part.read(await rowsOfPlan(part.plan(config, ctx, params)), params, config);
}

const config = (patch: Partial<LifecycleConfig> = {}) => v.parse(LifecycleConfigSchema, patch);
const ctx = (purchases: string, asOf?: string): PlanContext => ({ locale: 'en', purchases, asOf });

beforeAll(async () => {
  db = await openNodeDb();
  // lifecycle.test.ts's fixture: A 01-05, 01-20, 02-10 (app), 04-15 · B 01-31 (web) · C 02-01,
  // 03-02 (app 09:00, store 20:00) · D 03-31 (web) · E 04-01; F, G, H only in purchases_churn.
  const lifecycle = [
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
  await createPurchases(db, 'purchases', lifecycle);
  await createPurchases(db, 'purchases_churn', [
    ...lifecycle,
    ...['2024-01-01', '2024-01-11', '2024-01-21'].map((time) => ({ customer_id: 'F', time })),
    ...['2024-04-10', '2024-04-20', '2024-04-25'].map((time) => ({ customer_id: 'G', time })),
    ...['2024-03-26', '2024-04-05', '2024-04-15'].map((time) => ({ customer_id: 'H', time })),
  ]);
  // group-comparison.test.ts's fixture: segment X = P, R; Y = Q; a panel dataset with Z.
  await createPurchases(db, 'groups', [
    { customer_id: 'P', time: '2024-01-01', net: 100, list: 200, channel: 'app' },
    { customer_id: 'P', time: '2024-01-11', net: 100, list: 100, channel: 'web' },
    { customer_id: 'R', time: '2024-01-05', net: 200, channel: 'web' },
    { customer_id: 'Q', time: '2024-01-01', net: 50, channel: 'app' },
    { customer_id: 'Q', time: '2024-01-02', net: 50, channel: 'app' },
    { customer_id: 'Q', time: '2024-01-04', net: 50, channel: 'app' },
  ]);
  await createPurchases(db, 'compare_purchases', [
    { customer_id: 'Z', time: '2024-04-30', net: 80, channel: 'shop' },
  ]);
  await db.exec(`CREATE TABLE rfm_customers AS SELECT * FROM (VALUES
    ('P', 'X', 'Ex', 344, 3, 4, 4), ('R', 'X', 'Ex', 355, 3, 5, 5), ('Q', 'Y', 'Why', 211, 2, 1, 1))
    t(customer_id, segment, segment_label, rfm_code, r_score, f_score, m_score)`);
  await db.exec(`CREATE TABLE customers_clean AS SELECT * FROM (VALUES
    ('P', '金卡', '女', 'north', 'VIP,复购'), ('Q', '金卡', '男', 'south', 'VIP'),
    ('R', '银卡', '女', 'north', NULL)) t(customer_id, member_level, gender, region, tags)`);
});
afterAll(async () => db.close());

describe('lifecycle module', () => {
  it('reads periods by status and the lost customers per channel', async () => {
    const result = await run(
      lifecycleModule.parts.periods,
      config({ lostDays: 30 }),
      ctx('purchases', '2024-04-30'),
      undefined,
    );
    expect(
      result.periods.map((p) => [p.period_start, p.period_end, p.new_customers, p.lost_customers]),
    ).toEqual([
      ['2024-01-01', '2024-01-31', 2, 0],
      ['2024-02-01', '2024-02-29', 1, 0],
      ['2024-03-01', '2024-03-31', 1, 2],
      ['2024-04-01', '2024-04-30', 1, 2],
    ]);
    expect(result.periods[3]).toMatchObject({ reactivated_customers: 1, net_change: 0, active_base: 2 });
    expect(result.lostByChannel).toEqual([
      { channel: 'web', lost_customers: 2 },
      { channel: 'app', lost_customers: 1 },
      { channel: 'store', lost_customers: 1 },
    ]);
  });

  it('reads cohorts by first-purchase month', async () => {
    const rows = await run(lifecycleModule.parts.cohorts, config(), ctx('purchases'), undefined);
    expect(rows).toHaveLength(10);
    expect(rounded(rows.slice(0, 2))).toEqual([
      {
        cohort: '2024-01-01',
        cohort_size: 2,
        period_index: 0,
        customers: 2,
        retention: 1,
        revenue: 250,
        cumulative_revenue: 250,
        cumulative_revenue_per_customer: 125,
      },
      {
        cohort: '2024-01-01',
        cohort_size: 2,
        period_index: 1,
        customers: 1,
        retention: 0.5,
        revenue: 100,
        cumulative_revenue: 350,
        cumulative_revenue_per_customer: 175,
      },
    ]);
  });

  it('splits churn warnings into one list per rule, and filters rules', async () => {
    const c = config({ lostDays: 30, earlyChurnDays: 30 });
    const lists = await run(lifecycleModule.parts.churn, c, ctx('purchases_churn', '2024-04-30'), {});
    expect(lists.idle.map((r) => [r.customer_id, r.days_idle])).toEqual([
      ['F', 100],
      ['B', 90],
      ['C', 59],
      ['D', 30],
    ]);
    expect(lists.early_churn.map((r) => r.customer_id)).toEqual(['B', 'D']);
    expect(lists.overdue).toEqual([
      {
        customer_id: 'F',
        rule: 'overdue',
        days_idle: 100,
        last_purchase: '2024-01-21',
        threshold_days: 15,
        detail: 'median_interval_days=10.0;factor=1.5',
        orders: 3,
        spend: 300,
        segment: null,
        segment_label: null,
        rfm_code: null,
        r_score: null,
        f_score: null,
        m_score: null,
      },
    ]);
    const early = await run(lifecycleModule.parts.churn, c, ctx('purchases_churn', '2024-04-30'), {
      rules: ['early_churn'],
    });
    expect([early.idle.length, early.early_churn.length, early.overdue.length]).toEqual([0, 2, 0]);
    // With the RFM table: its segment and scores (P, Q, R are in it; the churn customers are not).
    const joined = await run(lifecycleModule.parts.churn, c, ctx('groups', '2024-04-30'), {
      segments: true,
      rules: ['idle'],
    });
    expect(joined.idle.map((r) => [r.customer_id, r.segment, r.segment_label, r.rfm_code])).toEqual([
      ['Q', 'Y', 'Why', 211],
      ['R', 'X', 'Ex', 355],
      ['P', 'X', 'Ex', 344],
    ]);
  });

  it('counts past early churners who came back', async () => {
    const c = config({ earlyChurnDays: 30 });
    // A: second purchase 15 days after the first; C: 30 days (inclusive); B, D one day only.
    expect(
      await run(lifecycleModule.parts.earlyReturns, c, ctx('purchases_churn', '2024-04-30'), undefined),
    ).toEqual({
      early_churners: 2,
      returned: 0,
      not_returned: 2,
      returned_share: 0,
    });
  });

  it('finds the RFM segments with their labels', async () => {
    const c = config();
    expect(await run(lifecycleModule.parts.segmentTable, c, ctx('purchases'), undefined)).toBe(true);
    expect(lifecycleModule.parts.segmentTable.read({ tables: [{ name: 'purchases' }] })).toBe(false);
    expect(await run(lifecycleModule.parts.segments, c, ctx('purchases'), undefined)).toEqual([
      { segment: 'X', segment_label: 'Ex', customers: 2 },
      { segment: 'Y', segment_label: 'Why', customers: 1 },
    ]);
  });

  it('exports the CLI files with the CLI SQL, and one warning list under its old name', async () => {
    const c = config({ lostDays: 30, earlyChurnDays: 30 });
    const at = ctx('purchases_churn', '2024-04-30');
    const [cohorts, churn] = lifecycleModule.exports;
    expect(lifecycleModule.exports.map((e) => [e.file, e.cli])).toEqual([
      ['cohorts.csv', true],
      ['churn.csv', true],
    ]);
    expect(cohorts!.plan(c, at).query).toBe(
      buildCohortsCsvSql({ purchases: 'purchases_churn', grain: 'month', asOf: '2024-04-30' }),
    );
    expect(churn!.plan(c, at).query).toBe(
      buildChurnCsvSql({
        purchases: 'purchases_churn',
        idleDays: 30,
        earlyChurnDays: 30,
        overdueFactor: 1.5,
        overdueMinPurchases: 3,
        asOf: '2024-04-30',
        segments: 'rfm_customers',
      }),
    );
    const rows = await rowsOfPlan({ statements: [], queries: { churn: churn!.plan(c, at).query } });
    expect(rows.churn).toHaveLength(7);
    const list = await rowsOfPlan({
      statements: [],
      queries: { list: churnListExport.plan(c, at, { rule: 'overdue' }).query },
    });
    expect(list.list!.map((r) => r.customer_id)).toEqual(['F']);
    const segmentList = await rowsOfPlan({
      statements: [],
      queries: {
        list: churnListExport.plan(c, ctx('groups', '2024-04-30'), {
          rule: 'idle',
          segments: true,
          segment: 'Y',
        }).query,
      },
    });
    expect(segmentList.list!.map((r) => [r.customer_id, r.segment])).toEqual([['Q', 'Y']]);
    expect(churnListFile('early_churn', 'xlsx')).toBe('churn-early-churn.xlsx');
    expect(churnListFile('idle', 'csv')).toBe('churn-idle.csv');
  });
});

const choice = (key: string, kind: GroupChoice['kind'], value = '', attribute?: string): GroupChoice => ({
  key,
  kind,
  value,
  ...(attribute ? { attribute } : {}),
});

describe('comparison module', () => {
  const parts = comparisonModule.parts;

  it('offers channels of either dataset and the customer attributes', async () => {
    const c = config();
    expect(await run(parts.channels, c, ctx('groups'), {})).toEqual(['app', 'web']);
    expect(await run(parts.channels, c, ctx('groups'), { purchases: 'compare_purchases' })).toEqual(['shop']);
    expect(await run(parts.customerTable, c, ctx('groups'), undefined)).toBe(true);
    expect(parts.customerTable.read({ relations: [] })).toBe(false);
    const attributes = await run(parts.attributes, c, ctx('groups'), undefined);
    expect(attributes.filter((a) => a.attribute === 'tags')).toEqual([
      { attribute: 'tags', value: 'VIP', customers: 2 },
      { attribute: 'tags', value: '复购', customers: 1 },
    ]);
    expect(attributes[0]).toEqual({ attribute: 'member_level', value: '金卡', customers: 2 });
  });

  it('compares two segments with differences and flags', async () => {
    const rows = await run(parts.compare, config(), ctx('groups', '2024-04-10'), {
      a: choice('segment:X', 'segment', 'X'),
      b: choice('segment:Y', 'segment', 'Y'),
      comparisonPurchases: 'compare_purchases',
    });
    const m = Object.fromEntries(
      rounded(rows.map((r) => ({ ...r }))).map((r) => [
        r.metric,
        [r.value_a, r.value_b, r.diff_abs, r.diff_rel, r.flagged],
      ]),
    );
    expect(m.customers).toEqual([2, 1, -1, -0.5, true]);
    expect(m.revenue).toEqual([400, 150, -250, -0.625, true]);
    expect(m.avg_discount_rate).toEqual([0.75, null, null, null, false]);
    expect(m.idle_share).toEqual([1, 1, 0, 0, false]);
  });

  it('compares a tag group with the second dataset, using the config threshold', async () => {
    const rows = await run(parts.compare, config({ comparisonFlagThreshold: 0.9 }), ctx('groups'), {
      a: choice('attr:tags:VIP', 'attribute', 'VIP', 'tags'),
      b: choice('dataset:compare', 'dataset'),
      comparisonPurchases: 'compare_purchases',
    });
    expect(rows[0]).toMatchObject({ metric: 'customers', value_a: 2, value_b: 1, flagged: false });
    const byChannel = await run(parts.compare, config(), ctx('groups'), {
      a: choice('channel:web', 'channel', 'web'),
      b: choice('compare-channel:shop', 'compare-channel', 'shop'),
      comparisonPurchases: 'compare_purchases',
    });
    expect(byChannel.slice(0, 2).map((r) => [r.metric, r.value_a, r.value_b])).toEqual([
      ['customers', 2, 1],
      ['orders', 2, 1],
    ]);
  });
});

describe('every query binds', () => {
  const c = config();
  const at = ctx('groups', '2024-04-30');
  const l = lifecycleModule.parts;
  const p = comparisonModule.parts;
  const plans: [string, ModulePlan][] = [
    ['lifecycle.periods', l.periods.plan(c, at, undefined)],
    ['lifecycle.cohorts', l.cohorts.plan(c, at, undefined)],
    ['lifecycle.churn', l.churn.plan(c, at, {})],
    ['lifecycle.segmentTable', l.segmentTable.plan(c, at, undefined)],
    ['lifecycle.segments', l.segments.plan(c, at, undefined)],
    ['comparison.channels', p.channels.plan(c, at, {})],
    ['comparison.customerTable', p.customerTable.plan(c, at, undefined)],
    ['comparison.attributes', p.attributes.plan(c, at, undefined)],
    [
      'comparison.compare',
      p.compare.plan(c, at, {
        a: choice('attr:region:north', 'attribute', 'north', 'region'),
        b: choice('compare-channel:shop', 'compare-channel', 'shop'),
        comparisonPurchases: 'compare_purchases',
      }),
    ],
    ...lifecycleModule.exports.map((e): [string, ModulePlan] => {
      const { statements, query } = e.plan(c, at);
      return [`export ${e.file}`, { statements, queries: { export: query } }];
    }),
    [
      'export churn-list',
      { statements: [], queries: { export: churnListExport.plan(c, at, { rule: 'early_churn' }).query } },
    ],
  ];

  it.each(plans)('%s', async (_name, plan) => {
    expect(plan.statements).toEqual([]);
    for (const sql of Object.values(plan.queries))
      await expect(db.queryIpc(`EXPLAIN ${sql}`)).resolves.toBeDefined();
  });
});

/**
 * The basket module on real duckdb-wasm (issue 15): baskets from orders (per order, per customer) and
 * from a basket file's table, the rules model step, the explosion estimate, the rules table filters,
 * rules.csv and recommendations.csv (with "because").
 *
 * Orders by category (one category per order): P1 food, P2 toys, Q1 food, Q2 toys, R1 food, T1 books.
 * Per customer: P {food, toys}, Q {food, toys}, R {food}, T {books}: N = 4; food 3, toys 2, food+toys 2.
 * Rules at support 0.5, confidence 0.5: toys => food (conf 1, lift 4/3), food => toys (conf 2/3, lift 4/3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import type { PlanContext } from '../contract.ts';
import { decodeIpc } from '../../client/decode.ts';
import { BasketConfigSchema } from './basket-config.ts';
import { basketModule } from './module.ts';
import { createPurchases } from '../behaviour/testing/purchases-fixture.ts';
import { runPart, runPlan } from '../../../tests/unit/support/run-module.ts';

let db: DbPort;
const ctx: PlanContext = { locale: 'zh-CN', purchases: 'purchases' };
const config = v.parse(BasketConfigSchema, {
  level: 'category',
  unit: 'customer',
  minSupport: 0.5,
  minConfidence: 0.5,
});
const page = { item: '', sort: 'lift' as const, limit: 100 };

beforeAll(async () => {
  db = await openNodeDb();
  await createPurchases(db, 'purchases', [
    { customer_id: 'P', order_id: 'P1', time: '2024-01-01', category: 'food' },
    { customer_id: 'P', order_id: 'P2', time: '2024-01-02', category: 'toys' },
    { customer_id: 'Q', order_id: 'Q1', time: '2024-01-01', category: 'food' },
    { customer_id: 'Q', order_id: 'Q2', time: '2024-01-03', category: 'toys' },
    { customer_id: 'R', order_id: 'R1', time: '2024-01-04', category: 'food' },
    { customer_id: 'T', order_id: 'T1', time: '2024-01-05', category: 'books' },
    { customer_id: 'U', order_id: 'U1', time: '2024-01-05', category: null },
  ]);
  await db.exec(
    `CREATE OR REPLACE TABLE rfm_customers AS SELECT * FROM (VALUES ('P', 'a', 'A 组'), ('Q', 'a', 'A 组'), ('R', 'a', 'A 组'), ('T', 'b', 'B 组')) t(customer_id, segment, segment_label)`,
  );
});
afterAll(async () => db.close());

const rows = async (sql: string) => decodeIpc(await db.queryIpc(sql)).rows;

describe('basket module', () => {
  it('estimates the itemsets before mining', async () => {
    const e = await runPart(db, basketModule.parts.estimate, config, ctx, undefined);
    expect(e).toEqual({ transactions: 4, items: 3, itemsets: 3, askAbove: 200_000 });
  });

  it('mines rules from customer baskets, with the baskets read and used', async () => {
    const r = await runPart(db, basketModule.parts.rules, config, ctx, page);
    expect(r.summary).toMatchObject({ transactions: 4, itemsets: 3, rules: 2, capped: false });
    // U's order has no category: U is read but not a basket.
    expect(r.sources).toEqual({ read: 5, used: 4 });
    expect(r.rules.map((x) => `${x.antecedent} => ${x.consequent}`)).toEqual([
      'toys => food',
      'food => toys',
    ]);
    expect(r.rules[0]).toMatchObject({ support: 0.5, confidence: 1, count: 2, conviction: null });
    expect(r.rules[0]!.lift).toBeCloseTo(4 / 3, 12);
    const filtered = await runPart(db, basketModule.parts.page, config, ctx, {
      ...page,
      item: 'TOY',
      sort: 'confidence',
    });
    expect(filtered.map((x) => x.rule_id)).toEqual([1, 2]);
    expect(await runPart(db, basketModule.parts.page, config, ctx, { ...page, item: 'books' })).toEqual([]);
  });

  it('one order = one basket: single-category orders give no rule', async () => {
    const r = await runPart(db, basketModule.parts.rules, { ...config, unit: 'order' }, ctx, page);
    expect(r.summary).toMatchObject({ transactions: 6, rules: 0 });
    expect(r.sources).toEqual({ read: 7, used: 6 });
  });

  it('rules.csv and recommendations.csv, with the reason in the run’s language', async () => {
    const [rulesCsv, recsCsv] = basketModule.exports;
    const p1 = rulesCsv!.plan(config, ctx, undefined);
    await runPlan(db, { statements: p1.statements, queries: {}, models: p1.models ?? [] });
    expect(await rows(p1.query)).toEqual([
      { antecedent: 'toys', consequent: 'food', support: 0.5, confidence: 1, lift: 4 / 3, count: 2 },
      { antecedent: 'food', consequent: 'toys', support: 0.5, confidence: 2 / 3, lift: 4 / 3, count: 2 },
    ]);
    const p2 = recsCsv!.plan(config, ctx, undefined);
    await runPlan(db, { statements: p2.statements, queries: {}, models: p2.models ?? [] });
    const recs = await rows(p2.query);
    expect(Object.keys(recs[0]!)).toEqual(['customer_id', 'rank', 'item', 'score', 'because']);
    // R bought food: toys by food => toys (2/3 × 4/3); then A 组's popular item not bought: none left
    // (food, toys only); T (B 组) has nothing to learn from rules or its segment.
    expect(recs.filter((r) => r.customer_id === 'R')).toEqual([
      { customer_id: 'R', rank: 1, item: 'toys', score: (2 / 3) * (4 / 3), because: '因为购买了 food' },
    ]);
    expect(recs.filter((r) => r.customer_id === 'T')).toEqual([]);
  });

  it('reads a basket file’s table when one is loaded', async () => {
    await db.exec(
      `CREATE OR REPLACE TABLE baskets_clean AS SELECT * FROM (VALUES (1, NULL, 'milk'), (1, NULL, 'bread'), (2, NULL, 'milk'), (3, NULL, 'milk'), (3, NULL, 'bread')) t(basket_id, customer_id, item)`,
    );
    const r = await runPart(
      db,
      basketModule.parts.rules,
      { ...config, minConfidence: 0.9 },
      { ...ctx, baskets: 'baskets_clean' },
      page,
    );
    expect(r.summary).toMatchObject({ transactions: 3, rules: 1 });
    expect(r.rules.map((x) => `${x.antecedent} => ${x.consequent}`)).toEqual(['bread => milk']);
  });
});

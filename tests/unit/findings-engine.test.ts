/**
 * Findings on the engine (issue 17): on a small hand-made purchases table (real duckdb in Node) the
 * RFM rules and the repurchase comparison fire with their sentences, and each finding's group query
 * returns as many customers as the finding says. (findings.json: cli.test.ts and the CLI golden.)
 *
 * Fixture (as of 2026-03-31): 20 big spenders (v00–v19) bought three times ten days apart in June 2025
 * (overdue: ~283 days idle against a 10-day habit); c000–c119 bought in December 2025 and February 2026,
 * c120–c199 in February only (February: 120 of 200 buyers returning, 60 %); in March 60 of them come
 * back with 100 new customers (60 of 160 returning, 37.5 %): a drop a two-proportion test supports.
 */
import { describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/engine/node-db.ts';
import { createPurchases, rowsOf } from '../../src/analyses/rfm/testing/rfm-fixture.ts';
import { findingModules, findingsPlan } from '../../src/analyses/findings/collect.ts';
import { defaultConfig } from '../../src/config/parse-config.ts';
import type { PlanContext } from '../../src/analyses/contract.ts';
import * as v from 'valibot';
import { RfmConfigSchema } from '../../src/analyses/rfm/rfm-config.ts';

interface Order {
  customer: string;
  date: string;
  net: number;
}
const orders: Order[] = [];
const id = (i: number) => `c${String(i).padStart(3, '0')}`;
for (let i = 0; i < 20; i++)
  for (const date of ['2025-06-01', '2025-06-11', '2025-06-21'])
    orders.push({ customer: `v${String(i).padStart(2, '0')}`, date, net: 5000 });
for (let i = 0; i < 200; i++) {
  if (i < 120) orders.push({ customer: id(i), date: '2025-12-01', net: 100 });
  orders.push({ customer: id(i), date: '2026-02-10', net: 100 });
  if (i < 60) orders.push({ customer: id(i), date: '2026-03-15', net: 100 });
}
for (let i = 200; i < 300; i++) orders.push({ customer: id(i), date: '2026-03-20', net: 100 });

// The v customers are also the churn-risk segment's revenue: 20 of 320 customers, 88 % of revenue.
const EXPECTED_IDS = [
  'rfm.overdue',
  'rfm.top-share',
  'rfm.segment-value.churn_risk',
  'behaviour.repurchase',
  'lifecycle.churn-risk', // v00–v19: three purchase days each, idle far beyond 1.5 × their 10-day gap
];

describe('findings on the engine', () => {
  it('each finding group query lists as many customers as the finding says', async () => {
    const db = await openNodeDb();
    try {
      await createPurchases(db, 'purchases', orders);
      const ctx: PlanContext = { locale: 'en', purchases: 'purchases', asOf: '2026-03-31', currency: 'CNY' };
      const config = defaultConfig() as unknown as Record<string, unknown>;
      const ids: string[] = [];
      for (const m of findingModules(['orders'])) {
        const cfg = config[m.configKey];
        const plan = findingsPlan(m, cfg, ctx);
        expect(plan.models ?? []).toEqual(m.id === 'basket' ? plan.models : []);
        if (plan.models?.length) continue; // basket: no product column in this fixture
        for (const sql of plan.statements) await db.exec(sql);
        const rows = Object.fromEntries(
          await Promise.all(
            Object.entries(plan.queries).map(async ([q, sql]) => [q, await rowsOf(db, sql)] as const),
          ),
        );
        for (const f of m.findings.read(rows, cfg, ctx)) {
          ids.push(f.id);
          if (f.id === 'rfm.overdue') {
            expect(f.text['zh-CN']).toMatch(
              /^20 位高消费老客户（消费前 20%）已超过其平均复购周期 2 倍未购买：平均 283 天未购，而他们通常 10 天买一次/,
            );
            expect(f).toMatchObject({ kind: 'risk', period: { from: '2025-06-01', to: '2026-03-31' } });
          }
          if (f.id === 'rfm.segment-value.churn_risk')
            expect(f.text.en).toMatch(/^“Churn risk” are only 6% of customers \(20\)/);
          if (f.id === 'behaviour.repurchase') {
            expect(f.text.en).toMatch(
              /^Returning customers were 37\.5% of buyers in March 2026, down 22\.5 points from 60\.0% in February 2026 \(160 vs 200 buyers, p /,
            );
            expect(f.numbers).toMatchObject({
              buyers: 160,
              returning: 60,
              buyers_before: 200,
              returning_before: 120,
            });
          }
          if (f.group) expect(await rowsOf(db, f.group.query), f.id).toHaveLength(f.group.size);
        }
      }
      expect(ids.sort()).toEqual([...EXPECTED_IDS].sort());
    } finally {
      await db.close();
    }
  });
});

/**
 * `rfm.segment-shrank` on the engine: one custom segment “Active” (bought in the last 30 days). On
 * 2026-02-28: a00–a99 bought on 02-20 (active, ¥200 each), b00–b99 on 2026-01-01 (not active, ¥100):
 * 100 of 200 active. On 2026-03-31: a00–a39 bought again on 03-25, n00–n19 are new (03-20): 60 of 220
 * active (27.3 %); a40–a99 (60) have left the segment.
 */
describe('segment shrank vs a month before, on the engine', () => {
  it('scores the customers on both dates with the same rules and lists those who left', async () => {
    const db = await openNodeDb();
    try {
      const two = (i: number) => String(i).padStart(2, '0');
      const rows: Order[] = [];
      for (let i = 0; i < 100; i++) {
        rows.push({ customer: `a${two(i)}`, date: '2026-02-20', net: 200 });
        rows.push({ customer: `b${two(i)}`, date: '2026-01-01', net: 100 });
        if (i < 40) rows.push({ customer: `a${two(i)}`, date: '2026-03-25', net: 200 });
        if (i < 20) rows.push({ customer: `n${two(i)}`, date: '2026-03-20', net: 100 });
      }
      await createPurchases(db, 'purchases', rows);
      const ctx: PlanContext = { locale: 'en', purchases: 'purchases', asOf: '2026-03-31', currency: 'CNY' };
      const rfm = v.parse(RfmConfigSchema, {
        preset: 'custom',
        cuts: {
          r: { source: 'fixed', points: [31] },
          f: { source: 'fixed', points: [1] },
          m: { source: 'fixed', points: [500] },
        },
        segments: [
          {
            id: 'active',
            label: { 'zh-CN': '活跃客户', en: 'Active' },
            rule: { ranges: { r: [2, 2], f: [1, 2], m: [1, 2] }, any: false },
          },
        ],
      });
      const rfmFindingsModule = findingModules(['orders']).find((m) => m.id === 'rfm')!;
      const plan = findingsPlan(rfmFindingsModule, rfm, ctx);
      for (const sql of plan.statements) await db.exec(sql);
      const got = Object.fromEntries(
        await Promise.all(
          Object.entries(plan.queries).map(async ([q, sql]) => [q, await rowsOf(db, sql)] as const),
        ),
      );
      const f = rfmFindingsModule.findings
        .read(got, rfm, ctx)
        .find((x) => x.id.startsWith('rfm.segment-shrank'))!;
      expect(f.id).toBe('rfm.segment-shrank.active');
      expect(f.numbers).toMatchObject({ customers_before: 100, customers: 60, moved_out: 60, fall: 0.4 });
      expect(f.text.en).toMatch(
        /^“Active” has 40 fewer customers than on 2026-02-28 \(100 → 60, down 40%\); its share of customers fell from 50\.0% to 27\.3% \(p < 0\.001\)\. It brought in 67% of revenue then; 60 of its customers/,
      );
      expect(f.period?.compareTo).toBe('2026-02-28');
      const group = await rowsOf(db, f.group!.query);
      expect(group).toHaveLength(60);
      expect(new Set(group.map((r) => String(r.customer_id).slice(0, 1)))).toEqual(new Set(['a']));
      expect(group.every((r) => r.segment_label_before === 'Active' && r.segment_label === 'Other')).toBe(
        true,
      );
    } finally {
      await db.close();
    }
  }, 60_000);
});

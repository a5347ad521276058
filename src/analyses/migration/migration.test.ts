/**
 * Segment migration goldens (issue 14): a hand-checked fixture with fixed cuts (every segment worked
 * out by hand below), and the reference checks on a larger generated history with the value5 preset:
 * the counts summed over "to" equal each period's segment sizes, and the last period equals the RFM
 * section's own result for the same as-of date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { createPurchases, rowsOf, type Order } from '../rfm/testing/rfm-fixture.ts';
import { explainPlan, runPart } from '../../../tests/unit/support/run-module.ts';
import { rfmModule } from '../rfm/module.ts';
import type { RfmConfig } from '../rfm/rfm-config.ts';
import { defaultConfig } from '../../config/parse-config.ts';
import {
  migrationCellExport,
  migrationCsvExport,
  migrationHeadlines,
  migrationModule,
  NOT_YET,
} from './module.ts';
import type { MigrationConfig } from './migration-config.ts';

let db: DbPort;
const ctx = { locale: 'zh-CN' as const, purchases: 'purchases' };
const monthly: MigrationConfig = { period: 'month', periods: 12 };

// R: recency ≥ 31 days → 1, else 2; F: ≥ 2 orders → 2; M: one level in practice.
const SIMPLE: RfmConfig = {
  ...defaultConfig().rfm,
  preset: 'custom',
  cuts: {
    r: { source: 'fixed', points: [31] },
    f: { source: 'fixed', points: [2] },
    m: { source: 'fixed', points: [1e6] },
  },
  segments: [
    {
      id: 'loyal',
      label: { 'zh-CN': '忠诚', en: 'Loyal' },
      rule: { ranges: { r: [2, 2], f: [2, 2] }, any: false },
      action: { 'zh-CN': '', en: '' },
    },
    {
      id: 'active',
      label: { 'zh-CN': '活跃', en: 'Active' },
      rule: { ranges: { r: [2, 2] }, any: false },
      action: { 'zh-CN': '', en: '' },
    },
    {
      id: 'lapsed',
      label: { 'zh-CN': '流失', en: 'Lapsed' },
      rule: { ranges: { r: [1, 1] }, any: false },
      action: { 'zh-CN': '', en: '' },
    },
  ],
};

const ORDERS: Order[] = [
  { customer: 'A', date: '2024-01-10', net: 10 },
  { customer: 'A', date: '2024-02-15', net: 10 },
  { customer: 'B', date: '2024-01-20', net: 10 },
  { customer: 'C', date: '2024-02-28', net: 10 },
  { customer: 'D', date: '2024-03-05', net: 10 },
  { customer: 'D', date: '2024-03-20', net: 10 },
];

beforeAll(async () => {
  db = await openNodeDb();
  await createPurchases(db, 'purchases', ORDERS);
});
afterAll(async () => db?.close());

describe('migration (hand-checked)', () => {
  it('ends each month before the as-of date, then at the as-of date (the last purchase)', async () => {
    const ends = await runPart(db, migrationModule.parts.periods, monthly, ctx, { rfm: SIMPLE });
    expect(ends).toEqual(['2024-01-31', '2024-02-29', '2024-03-20']);
    expect(
      await runPart(db, migrationModule.parts.periods, { ...monthly, periods: 2 }, ctx, { rfm: SIMPLE }),
    ).toEqual(['2024-02-29', '2024-03-20']);
    // one quarter of data: only the as-of date (the screen says two periods are needed)
    expect(
      await runPart(db, migrationModule.parts.periods, { ...monthly, period: 'quarter' }, ctx, {
        rfm: SIMPLE,
      }),
    ).toEqual(['2024-03-20']);
    // --as-of wins; a month end equal to it is not repeated
    expect(
      await runPart(
        db,
        migrationModule.parts.periods,
        monthly,
        { ...ctx, asOf: '2024-02-29' },
        { rfm: SIMPLE },
      ),
    ).toEqual(['2024-01-31', '2024-02-29']);
  });

  it('re-scores at each end with only the purchases up to it', async () => {
    const ends = ['2024-01-31', '2024-02-29', '2024-03-20'];
    const r = await runPart(db, migrationModule.parts.scores, monthly, ctx, { rfm: SIMPLE, ends });
    // 01-31: A (last 01-10, 21 d) and B (01-20, 11 d) active; C, D not yet customers.
    // 02-29: A 2 orders, 14 d → loyal; B 40 d → lapsed; C 1 d → active.
    // 03-20: A 34 d → lapsed; B lapsed; C 21 d → active; D 2 orders, 0 d → loyal.
    expect(r.sizes.map((s) => [s.period, s.segment, s.customers])).toEqual([
      [1, 'active', 2],
      [2, 'active', 1],
      [2, 'lapsed', 1],
      [2, 'loyal', 1],
      [3, 'lapsed', 2],
      [3, 'active', 1],
      [3, 'loyal', 1],
    ]);
    expect(r.flows.map((f) => [f.period_end, f.from_segment, f.to_segment, f.customers])).toEqual([
      ['2024-02-29', NOT_YET, 'active', 1], // C
      ['2024-02-29', 'active', 'lapsed', 1], // B
      ['2024-02-29', 'active', 'loyal', 1], // A
      ['2024-03-20', NOT_YET, 'loyal', 1], // D
      ['2024-03-20', 'active', 'active', 1], // C
      ['2024-03-20', 'lapsed', 'lapsed', 1], // B
      ['2024-03-20', 'loyal', 'lapsed', 1], // A
    ]);
    expect(r.flows[0]!.from_label).toBe('尚未成为客户');
  });

  it('gives the matrix between two chosen periods with row shares, and headline sentences', async () => {
    const rows = await runPart(db, migrationModule.parts.matrix, monthly, ctx, { from: 1, to: 3 });
    expect(rows.map((m) => [m.from_segment, m.to_segment, m.customers, m.row_share])).toEqual([
      ['active', 'lapsed', 2, 1], // A, B
      [NOT_YET, 'active', 1, 0.5], // C
      [NOT_YET, 'loyal', 1, 0.5], // D
    ]);
    expect(migrationHeadlines(rows, '2024-01-31')).toEqual([
      { key: 'migration.headline.moved', params: { n: 2, from: '活跃', to: '流失', since: '2024-01-31' } },
      { key: 'migration.headline.new', params: { n: 2, to: '活跃', since: '2024-01-31' } },
      { key: 'migration.headline.stayed', params: { share: 0, since: '2024-01-31' } },
    ]);
  });

  it('exports a cell’s customers and migration.csv', async () => {
    const cell = migrationCellExport.plan(monthly, ctx, {
      from: 1,
      to: 3,
      fromSegment: 'active',
      toSegment: 'lapsed',
      mask: true,
    });
    expect(await rowsOf(db, cell.query)).toEqual([
      {
        customer_id: 'A',
        from_segment: '活跃',
        to_segment: '流失',
        from_period_end: '2024-01-31',
        to_period_end: '2024-03-20',
      },
      {
        customer_id: 'B',
        from_segment: '活跃',
        to_segment: '流失',
        from_period_end: '2024-01-31',
        to_period_end: '2024-03-20',
      },
    ]);
    const csv = migrationCsvExport.plan(
      monthly,
      { ...ctx, locale: 'en' },
      { rfm: SIMPLE, ends: ['2024-02-29', '2024-03-20'] },
    );
    for (const s of csv.statements) await db.exec(s);
    expect(await rowsOf(db, csv.query)).toEqual([
      { period_end: '2024-03-20', from_segment: 'Not yet a customer', to_segment: 'Loyal', customers: 1 },
      { period_end: '2024-03-20', from_segment: 'Active', to_segment: 'Active', customers: 1 },
      { period_end: '2024-03-20', from_segment: 'Lapsed', to_segment: 'Lapsed', customers: 1 },
      { period_end: '2024-03-20', from_segment: 'Loyal', to_segment: 'Lapsed', customers: 1 },
    ]);
  });

  it('binds every query (EXPLAIN) and refuses unordered ends', async () => {
    expect(
      await explainPlan(db, migrationModule.parts.matrix.plan(monthly, ctx, { from: 1, to: 2 })),
    ).toEqual(['rows']);
    expect(() =>
      migrationModule.parts.scores.plan(monthly, ctx, { rfm: SIMPLE, ends: ['2024-03-01', '2024-02-01'] }),
    ).toThrow();
  });
});

describe('migration reference checks (value5 preset, generated history)', () => {
  it('sums over “to” equal each period’s sizes; the last period equals the RFM section', async () => {
    // 120 customers, 1–6 orders each over 2023, amounts and dates from a fixed LCG
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const orders: Order[] = [];
    for (let c = 0; c < 120; c++) {
      const n = 1 + Math.floor(rnd() * 6);
      for (let k = 0; k < n; k++) {
        const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(rnd() * 365) * 86400000)
          .toISOString()
          .slice(0, 10);
        orders.push({ customer: `c${c}`, date: day, net: Math.round(rnd() * 50000) / 100 });
      }
    }
    await createPurchases(db, 'ref_purchases', orders);
    const rctx = { locale: 'zh-CN' as const, purchases: 'ref_purchases' };
    const rfm = defaultConfig().rfm;
    const ends = await runPart(db, migrationModule.parts.periods, monthly, rctx, { rfm });
    expect(ends).toHaveLength(12);
    const r = await runPart(db, migrationModule.parts.scores, monthly, rctx, { rfm, ends });
    for (const period of [2, ends.length]) {
      const flows = r.flows.filter((f) => f.period === period);
      const bySize = (p: number) =>
        Object.fromEntries(r.sizes.filter((s) => s.period === p).map((s) => [s.segment, s.customers]));
      const sum = (key: 'from_segment' | 'to_segment') => {
        const out: Record<string, number> = {};
        for (const f of flows) if (f[key] !== NOT_YET) out[f[key]] = (out[f[key]] ?? 0) + f.customers;
        return out;
      };
      expect(sum('from_segment')).toEqual(bySize(period - 1));
      expect(sum('to_segment')).toEqual(bySize(period));
    }
    // the matrix between any two periods adds up the same way
    const m = await runPart(db, migrationModule.parts.matrix, monthly, rctx, { from: 1, to: ends.length });
    const firstSizes = r.sizes.filter((s) => s.period === 1);
    for (const s of firstSizes)
      expect(m.filter((x) => x.from_segment === s.segment).reduce((a, x) => a + x.customers, 0)).toBe(
        s.customers,
      );
    // the RFM section at the same (default) as-of date
    for (const sql of rfmModule.prepare(rfm, rctx)) await db.exec(sql);
    const diff = await rowsOf(
      db,
      `SELECT count(*) AS n FROM (
        (SELECT customer_id, segment FROM rfm_customers EXCEPT SELECT customer_id, segment FROM migration_scores WHERE period = ${ends.length})
        UNION ALL
        (SELECT customer_id, segment FROM migration_scores WHERE period = ${ends.length} EXCEPT SELECT customer_id, segment FROM rfm_customers))`,
    );
    expect(diff[0]!.n).toBe(0);
    const counts = await rowsOf(
      db,
      `SELECT (SELECT count(*) FROM rfm_customers) AS a, (SELECT count(*) FROM migration_scores WHERE period = ${ends.length}) AS b`,
    );
    expect(counts[0]!.a).toBe(120);
    expect(counts[0]!.b).toBe(120);
    // and the last end is the RFM as-of
    const asOf = await rowsOf(db, 'SELECT CAST(max(as_of) AS VARCHAR) AS d FROM rfm_customers');
    expect(ends.at(-1)).toBe(asOf[0]!.d);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbPort } from '../../engine/db-port.ts';
import { openNodeDb } from '../../engine/node-db.ts';
import { buildRfmSql } from './build-rfm-sql.ts';
import {
  buildCodeCountsSql,
  buildConcentrationSql,
  buildDistributionSql,
  buildOtherCountSql,
  buildParetoSql,
  buildRfHeatmapSql,
  buildSegmentSummarySql,
} from './build-rfm-views-sql.ts';
import {
  buildSegmentCustomersCountSql,
  buildSegmentCustomersPageSql,
  buildSegmentExportSql,
  escapeLike,
  HIGH_VALUE_AT_RISK,
  highValueAtRiskBand,
} from './build-segment-customers-sql.ts';
import { parseRfmConfig, type ResolvedRfmConfig as RfmConfig } from './rfm-config.ts';
import { segmentCountsFromCells, type CellCount } from './segment-rules.ts';
import { createPurchases, rowsOf, runPlan, type Order } from './testing/rfm-fixture.ts';

let db: DbPort;
let cfg: RfmConfig;
// value5 on 2024-06-30: A high_value (revenue 10000), B high_value (5000), C mid_potential (400),
// D churn_risk (100), E other (400), 'x_%' other (100).
const ORDERS: Order[] = [
  ...Array.from({ length: 10 }, (_, i) => ({
    customer: 'A',
    date: `2024-06-${String(21 + i).padStart(2, '0')}`,
    net: 1000,
  })),
  ...Array.from({ length: 5 }, (_, i) => ({ customer: 'B', date: `2024-06-0${i + 1}`, net: 1000 })),
  { customer: 'C', date: '2024-06-10', net: 400 },
  { customer: 'D', date: '2023-06-10', net: 50 },
  { customer: 'D', date: '2023-06-11', net: 50 },
  { customer: 'E', date: '2024-03-01', net: 400 },
  { customer: 'x_%', date: '2024-03-01', net: 100 },
];

beforeAll(async () => {
  db = await openNodeDb();
  await createPurchases(db, 'purchases', ORDERS);
  const r = parseRfmConfig({ preset: 'value5' });
  if (!r.ok) throw new Error(r.issues.join());
  cfg = r.value;
  await runPlan(db, buildRfmSql(cfg, { purchases: 'purchases' }));
});
afterAll(async () => db.close());

describe('overview queries', () => {
  it('segment summary lists every segment in rule order, other last, with shares', async () => {
    const rows = await rowsOf(db, buildSegmentSummarySql(cfg.segments, { locale: 'en' }));
    expect(
      rows.map((r) => [
        r.segment,
        r.segment_label,
        r.customers,
        r.orders,
        r.revenue,
        r.customer_share,
        r.revenue_share,
        r.aov,
      ]),
    ).toEqual([
      ['high_value', 'High value', 2, 15, 15000, 2 / 6, 15000 / 16000, 1000],
      ['churn_risk', 'Churn risk', 1, 2, 100, 1 / 6, 100 / 16000, 50],
      ['mid_potential', 'Mid potential', 1, 1, 400, 1 / 6, 400 / 16000, 400],
      ['general', 'General', 0, 0, 0, 0, 0, null],
      ['low_value', 'Low value', 0, 0, 0, 0, 0, null],
      ['other', 'Other', 2, 2, 500, 2 / 6, 500 / 16000, 250],
    ]);
    expect(await rowsOf(db, buildOtherCountSql())).toEqual([
      { customers: 6, other_customers: 2, other_share: 2 / 6 },
    ]);
  });

  it('R×F heatmap and code counts; live counts from cells equal the SQL segments', async () => {
    const heat = await rowsOf(db, buildRfHeatmapSql());
    expect(heat.map((r) => [r.r_score, r.f_score, r.customers, r.avg_monetary])).toEqual([
      [1, 2, 1, 100],
      [2, 2, 2, 250],
      [5, 2, 1, 400], // C: 20 days
      [5, 4, 1, 5000],
      [5, 5, 1, 10000],
    ]);
    const cells = (await rowsOf(db, buildCodeCountsSql())).map((r): CellCount => ({
      r: Number(r.r_score),
      f: Number(r.f_score),
      m: Number(r.m_score),
      customers: Number(r.customers),
      orders: Number(r.orders),
      revenue: Number(r.revenue),
    }));
    const summary = await rowsOf(db, buildSegmentSummarySql(cfg.segments));
    expect(segmentCountsFromCells(cfg.segments, cells)).toEqual(
      summary.map((r) => ({
        segment: r.segment,
        customers: r.customers,
        orders: r.orders,
        revenue: r.revenue,
      })),
    );
  });

  it('distributions: integer bins for F, open last bin when clipped', async () => {
    const f = await rowsOf(db, buildDistributionSql('f', { bins: 5, clip: 1 }));
    // F values 1,1,1,2,5,10; width ceil(10/5) = 2 → [1,3) [3,5) [5,7) [9,11)
    expect(f.map((r) => [r.bin_index, r.bin_lower, r.bin_upper, r.open_ended, r.customers])).toEqual([
      [0, 1, 3, false, 4],
      [2, 5, 7, false, 1],
      [4, 9, 11, false, 1],
    ]);
    const m = await rowsOf(db, buildDistributionSql('m', { bins: 2, clip: 0.5 }));
    // M 100,100,400,400,5000,10000; hi = quantile_disc(0.5) = 400; width 150; last bin open.
    expect(m.map((r) => [r.bin_index, r.bin_lower, r.bin_upper, r.open_ended, r.customers])).toEqual([
      [0, 100, 250, false, 2],
      [1, 250, 400, true, 4],
    ]);
  });

  it('Pareto curve starts at 0, ends at 1, is sampled, and concentration reads it', async () => {
    const all = await rowsOf(db, buildParetoSql());
    expect(
      all.map((r) => [r.point, r.customer_share, Math.round(Number(r.revenue_share) * 1e6) / 1e6]),
    ).toEqual([
      [0, 0, 0],
      [1, 1 / 6, 0.625],
      [2, 2 / 6, 0.9375],
      [3, 3 / 6, 0.9625],
      [4, 4 / 6, 0.9875],
      [5, 5 / 6, 0.99375],
      [6, 1, 1],
    ]);
    const sampled = await rowsOf(db, buildParetoSql({ maxPoints: 4 }));
    expect(sampled.map((r) => r.point)).toEqual([0, 2, 4, 6]);
    expect(await rowsOf(db, buildConcentrationSql())).toEqual([
      { revenue_share_target: 0.5, customers_needed: 1, customer_share: 1 / 6 },
      { revenue_share_target: 0.8, customers_needed: 2, customer_share: 2 / 6 },
    ]);
  });
});

describe('high value at risk (issue 18)', () => {
  it('takes the lowest recency and highest money scores of any scale', () => {
    expect(highValueAtRiskBand({ r: 5, m: 5 })).toEqual({ maxR: 2, minM: 4 });
    expect(highValueAtRiskBand({ r: 2, m: 2 })).toEqual({ maxR: 1, minM: 2 });
    expect(highValueAtRiskBand({ r: 3, m: 4 })).toEqual({ maxR: 1, minM: 3 });
  });

  it('lists exactly the customers in the band, and needs a whole-number band', async () => {
    const all = await rowsOf(db, buildSegmentExportSql({}));
    // A customer in the band on this fixture: a big spender who stopped buying.
    await db.exec(`UPDATE rfm_customers SET r_score = 1, m_score = 5 WHERE customer_id = 'E'`);
    try {
      const band = { maxR: 2, minM: 4 };
      const listed = await rowsOf(db, buildSegmentExportSql({ segment: HIGH_VALUE_AT_RISK, band }));
      const expected = (await rowsOf(db, buildSegmentExportSql({})))
        .filter((r) => Number(r.r_score) <= 2 && Number(r.m_score) >= 4)
        .map((r) => r.customer_id);
      expect(listed.map((r) => r.customer_id)).toEqual(expected);
      expect(expected).toContain('E');
      expect(expected.length).toBeLessThan(all.length);
      const count = await rowsOf(db, buildSegmentCustomersCountSql({ segment: HIGH_VALUE_AT_RISK, band }));
      expect(count).toEqual([{ total: expected.length }]);
    } finally {
      await runPlan(db, buildRfmSql(cfg, { purchases: 'purchases' }));
    }
    expect(() =>
      buildSegmentCustomersCountSql({ segment: HIGH_VALUE_AT_RISK, band: { maxR: 1.5, minM: 4 } }),
    ).toThrow(/bad score band/);
    expect(() => buildSegmentCustomersCountSql({ segment: HIGH_VALUE_AT_RISK })).toThrow(/bad score band/);
  });
});

describe('drill-down and export', () => {
  it('pages a segment sorted by a whitelisted column, ties by customer_id', async () => {
    const page = await rowsOf(
      db,
      buildSegmentCustomersPageSql({
        segment: 'other',
        sort: { column: 'recency_days', direction: 'asc' },
        limit: 1,
        offset: 1,
      }),
    );
    expect(page.map((r) => r.customer_id)).toEqual(['x_%']);
    expect(await rowsOf(db, buildSegmentCustomersCountSql({ segment: 'other' }))).toEqual([{ total: 2 }]);
  });

  it('search is literal: % and _ match only themselves', async () => {
    expect(escapeLike('a%b_c\\')).toBe('a\\%b\\_c\\\\');
    const hit = await rowsOf(db, buildSegmentCustomersPageSql({ search: '_%', limit: 10, offset: 0 }));
    expect(hit.map((r) => r.customer_id)).toEqual(['x_%']);
    const none = await rowsOf(db, buildSegmentCustomersCountSql({ search: "%' OR 1=1 --" }));
    expect(none).toEqual([{ total: 0 }]);
    const lower = await rowsOf(db, buildSegmentCustomersCountSql({ search: 'a' }));
    expect(lower).toEqual([{ total: 1 }]);
  });

  it('rejects sort columns outside the whitelist and bad segment ids', () => {
    expect(() =>
      buildSegmentCustomersPageSql({
        sort: { column: 'customer_id; DROP' as 'customer_id', direction: 'asc' },
        limit: 1,
        offset: 0,
      }),
    ).toThrow(/cannot sort/);
    expect(() => buildSegmentCustomersCountSql({ segment: "x' OR '1" })).toThrow(/bad segment id/);
    expect(() => buildSegmentCustomersPageSql({ limit: -1, offset: 0 })).toThrow(/bad limit/);
  });

  it('export has exactly the customers.csv columns', async () => {
    const rows = await rowsOf(db, buildSegmentExportSql({ segment: 'high_value' }));
    expect(rows).toEqual([
      {
        customer_id: 'A',
        recency_days: 0,
        frequency: 10,
        monetary: 10000,
        r_score: 5,
        f_score: 5,
        m_score: 5,
        rfm_code: 555,
        segment: 'high_value',
        segment_label: '高价值客户',
      },
      {
        customer_id: 'B',
        recency_days: 25,
        frequency: 5,
        monetary: 5000,
        r_score: 5,
        f_score: 4,
        m_score: 4,
        rfm_code: 544,
        segment: 'high_value',
        segment_label: '高价值客户',
      },
    ]);
  });
});

describe('export with actions and contact columns (issue 18)', () => {
  it('adds the recommended action and masked contacts; unmasked only when asked', async () => {
    await db.exec(`CREATE OR REPLACE TABLE contacts_t AS SELECT * FROM (VALUES
      ('A', '张三明', '13812340001', 'zhang@mail.com'),
      ('D', 'Li Lei', '+86 139 0000 0000', NULL)) AS t(customer_id, name, phone, email)`);
    const actions = cfg.segments.map((s) => ({ id: s.id, action: s.action['zh-CN'] }));
    const masked = await rowsOf(
      db,
      buildSegmentExportSql({ actions, contacts: { table: 'contacts_t', mask: true } }),
    );
    expect(Object.keys(masked[0]!)).toEqual([
      'customer_id',
      'recency_days',
      'frequency',
      'monetary',
      'r_score',
      'f_score',
      'm_score',
      'rfm_code',
      'segment',
      'segment_label',
      'segment_action',
      'contact_name',
      'phone',
      'email',
    ]);
    const byId = new Map(masked.map((r) => [r.customer_id, r]));
    expect(byId.get('A')).toMatchObject({
      contact_name: '张*明',
      phone: '138****0001',
      email: 'z***@mail.com',
      segment_action: cfg.segments.find((s) => s.id === 'high_value')!.action['zh-CN'],
    });
    expect(String(byId.get('A')!.segment_action)).not.toBe('');
    expect(byId.get('D')).toMatchObject({ contact_name: 'L*** L***', phone: '139****0000', email: null });
    // No profile: empty contact cells, the customer kept.
    expect(byId.get('C')).toMatchObject({ contact_name: null, phone: null, email: null });
    expect(masked).toHaveLength(6);
    const open = await rowsOf(
      db,
      buildSegmentExportSql({ segment: 'high_value', contacts: { table: 'contacts_t', mask: false } }),
    );
    expect(open.find((r) => r.customer_id === 'A')).toMatchObject({
      phone: '13812340001',
      email: 'zhang@mail.com',
      contact_name: '张三明',
    });
    expect(open.every((r) => r.segment === 'high_value')).toBe(true);
    // With the features table too: contacts before the feature columns.
    const sql = buildSegmentExportSql({ features: 'rfm_features', contacts: { mask: true } });
    expect(sql).toMatch(/AS "email".*"first_purchase"/s);
    expect(sql).toContain('LEFT JOIN "customers_clean" ct');
    // With the CLV predictions as well (issue 16): each table joined under its own alias, CLV last.
    const all = buildSegmentExportSql({
      features: 'rfm_features',
      contacts: { mask: true },
      clv: 'clv_customers',
    });
    expect(all).toContain('LEFT JOIN "clv_customers" k ON');
    expect(all).toContain('LEFT JOIN "customers_clean" ct ON');
    expect(all).toMatch(/AS "email".*"first_purchase".*AS "p_alive".*AS purchase_band/s);
  });
});

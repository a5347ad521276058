import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { decodeIpc } from '../../client/decode.ts';
import { buildIntervalHistogramSql, buildIntervalStatsSql } from './build-intervals-sql.ts';
import { buildRepurchaseRateSql, buildSecondPurchaseSql } from './build-repurchase-sql.ts';
import { buildCustomerPreferenceSql, buildPreferenceMixSql } from './build-preference-sql.ts';
import { buildAovBandsSql, buildPriceSensitivitySql } from './build-price-sensitivity-sql.ts';
import { buildTimeHeatmapSql } from './build-time-heatmap-sql.ts';
import { buildCustomerFeaturesSelectSql } from './build-customer-features-sql.ts';
import { peakCells, peakHours, type TimeCell } from './peak-hours.ts';
import { createPurchases, rounded } from './testing/purchases-fixture.ts';
import { BEHAVIOUR_ORDERS, BEHAVIOUR_SEGMENTS } from './testing/behaviour-fixture.ts';

let db: DbPort;
const rowsOf = async (_db: DbPort, sql: string) =>
  decodeIpc(await _db.queryIpc(sql)).rows.map((r) => ({ ...r }));
beforeAll(async () => {
  db = await openNodeDb();
  await createPurchases(db, 'purchases', BEHAVIOUR_ORDERS);
  await db.exec(`CREATE TABLE rfm_customers (customer_id VARCHAR, segment VARCHAR)`);
  await db.exec(
    `INSERT INTO rfm_customers VALUES ${BEHAVIOUR_SEGMENTS.map(([c, s]) => `('${c}', '${s}')`).join(', ')}`,
  );
  await createPurchases(db, 'empty', []);
  // Boundaries: E has intervals of exactly 7 and 8 days; F/G/H single orders on AOV band edges.
  await createPurchases(db, 'edges', [
    { customer_id: 'E', time: '2024-05-01', net: 10 },
    { customer_id: 'E', time: '2024-05-08', net: 10 },
    { customer_id: 'E', time: '2024-05-16', net: 10 },
    { customer_id: 'F', time: '2024-05-01', net: 100 },
    { customer_id: 'G', time: '2024-05-01', net: 500 },
    { customer_id: 'H', time: '2024-05-01', net: 99.99 },
  ]);
});
afterAll(async () => db.close());

describe('intervals', () => {
  it('pools intervals between distinct purchase days (same-day orders merged)', async () => {
    // Intervals: A 10, 20 · C 60 · D 1, 3; B and S (two orders one day) have none.
    const rows = await rowsOf(db, buildIntervalStatsSql({ purchases: 'purchases' }));
    expect(rounded(rows)).toEqual([
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
  });

  it('measures the repurchase cycle of each category', async () => {
    // food: A 01-01→01-11 (10), C 60, D 1; toys: A 01-01→01-31 (30); B, D single toys day.
    const rows = await rowsOf(db, buildIntervalStatsSql({ purchases: 'purchases', groupBy: 'category' }));
    expect(rounded(rows)).toEqual([
      {
        group_key: 'food',
        customers: 3,
        intervals: 3,
        avg_interval_days: 23.6667,
        p25_days: 5.5,
        median_days: 10,
        p75_days: 35,
        p90_days: 50,
      },
      {
        group_key: 'toys',
        customers: 1,
        intervals: 1,
        avg_interval_days: 30,
        p25_days: 30,
        median_days: 30,
        p75_days: 30,
        p90_days: 30,
      },
    ]);
  });

  it('groups by segment, leaving out customers without one', async () => {
    const rows = await rowsOf(
      db,
      buildIntervalStatsSql({ purchases: 'purchases', groupBy: 'segment', segments: 'rfm_customers' }),
    );
    expect(rounded(rows)).toEqual([
      {
        group_key: 'X',
        customers: 2,
        intervals: 3,
        avg_interval_days: 30,
        p25_days: 15,
        median_days: 20,
        p75_days: 40,
        p90_days: 52,
      },
      {
        group_key: 'Y',
        customers: 1,
        intervals: 2,
        avg_interval_days: 2,
        p25_days: 1.5,
        median_days: 2,
        p75_days: 2.5,
        p90_days: 2.8,
      },
    ]);
  });

  it('respects the window: only purchases inside it make intervals', async () => {
    // January only: A 10, 20; C's 03-10 and all of D fall outside.
    const rows = await rowsOf(
      db,
      buildIntervalStatsSql({ purchases: 'purchases', from: '2024-01-01', to: '2024-01-31' }),
    );
    expect(rows.map((r) => [r.customers, r.intervals, r.avg_interval_days])).toEqual([[1, 2, 15]]);
    const edge = await rowsOf(
      db,
      buildIntervalStatsSql({ purchases: 'purchases', from: '2024-01-11', to: '2024-03-10' }),
    );
    // A 01-11→01-31 (20), C 01-10 excluded so C has one day, D 1, 3.
    expect(edge.map((r) => [r.customers, r.intervals, r.avg_interval_days])).toEqual([[2, 3, 8]]);
  });

  it('bins the distribution with every bin present and cut points in the upper bin', async () => {
    const rows = await rowsOf(
      db,
      buildIntervalHistogramSql({ purchases: 'purchases', bins: [1, 8, 15, 31] }),
    );
    expect(rounded(rows)).toEqual([
      { group_key: null, bin_index: 0, bin_lower: 1, bin_upper: 8, intervals: 2, share: 0.4 },
      { group_key: null, bin_index: 1, bin_lower: 8, bin_upper: 15, intervals: 1, share: 0.2 },
      { group_key: null, bin_index: 2, bin_lower: 15, bin_upper: 31, intervals: 1, share: 0.2 },
      { group_key: null, bin_index: 3, bin_lower: 31, bin_upper: null, intervals: 1, share: 0.2 },
    ]);
    const edges = await rowsOf(db, buildIntervalHistogramSql({ purchases: 'edges', bins: [1, 8, 15] }));
    expect(edges.map((r) => r.intervals)).toEqual([1, 1, 0]); // 7 → [1,8), 8 → [8,15)
  });

  it('quotes table names and refuses malformed window dates', async () => {
    await expect(
      db.queryIpc(buildIntervalStatsSql({ purchases: 'purchases"; DROP TABLE purchases; --' })),
    ).rejects.toThrow(/Catalog Error/);
    expect(await rowsOf(db, 'SELECT count(*) AS n FROM purchases')).toEqual([{ n: 12 }]);
    expect(() => buildIntervalStatsSql({ purchases: 'purchases', from: "2024-01-01' OR TRUE --" })).toThrow(
      /YYYY-MM-DD/,
    );
  });

  it('returns no rows on empty input, and refuses a segment grouping without a table', async () => {
    expect(await rowsOf(db, buildIntervalStatsSql({ purchases: 'empty' }))).toEqual([]);
    expect(await rowsOf(db, buildIntervalHistogramSql({ purchases: 'empty' }))).toEqual([]);
    expect(() => buildIntervalStatsSql({ purchases: 'purchases', groupBy: 'segment' })).toThrow(
      /segments table/,
    );
  });
});

describe('repurchase', () => {
  it('counts customers with two or more purchase days', async () => {
    // A, C, D repeat; B has one order; S has two orders on one day.
    expect(await rowsOf(db, buildRepurchaseRateSql({ purchases: 'purchases' }))).toEqual([
      { customers: 5, repeat_customers: 3, repurchase_rate: 0.6 },
    ]);
    expect(await rowsOf(db, buildRepurchaseRateSql({ purchases: 'empty' }))).toEqual([
      { customers: 0, repeat_customers: 0, repurchase_rate: null },
    ]);
  });

  it('measures the second purchase within N days among customers observed for N days', async () => {
    // as-of 03-10. 30: all five eligible, A (10) and D (1) → 2/5. 60: firsts ≤ 01-10 → A, B, C;
    // C's second comes exactly 60 days later (inclusive) → 2/3. 90: nobody observed long enough.
    const rows = await rowsOf(db, buildSecondPurchaseSql({ purchases: 'purchases' }));
    expect(rounded(rows)).toEqual([
      {
        within_days: 30,
        customers: 5,
        eligible_customers: 5,
        second_purchasers: 2,
        second_purchase_rate: 0.4,
      },
      {
        within_days: 60,
        customers: 5,
        eligible_customers: 3,
        second_purchasers: 2,
        second_purchase_rate: 0.6667,
      },
      {
        within_days: 90,
        customers: 5,
        eligible_customers: 0,
        second_purchasers: 0,
        second_purchase_rate: null,
      },
    ]);
    const later = await rowsOf(
      db,
      buildSecondPurchaseSql({ purchases: 'purchases', withinDays: [59], asOf: '2024-03-09' }),
    );
    // firsts ≤ 01-10 → A, B, C; C's gap of 60 > 59.
    expect(later).toEqual([
      {
        within_days: 59,
        customers: 5,
        eligible_customers: 3,
        second_purchasers: 1,
        second_purchase_rate: 1 / 3,
      },
    ]);
  });
});

describe('preferences', () => {
  it('ranks each customer’s categories by orders, then revenue, then name', async () => {
    const rows = await rowsOf(
      db,
      buildCustomerPreferenceSql({ purchases: 'purchases', dimension: 'category' }),
    );
    expect(rounded(rows)).toEqual([
      {
        customer_id: 'A',
        value: 'toys',
        orders: 2,
        revenue: 300,
        order_share: 0.5,
        revenue_share: 0.7895,
        rank: 1,
      },
      {
        customer_id: 'A',
        value: 'food',
        orders: 2,
        revenue: 80,
        order_share: 0.5,
        revenue_share: 0.2105,
        rank: 2,
      },
      { customer_id: 'B', value: 'toys', orders: 1, revenue: 120, order_share: 1, revenue_share: 1, rank: 1 },
      { customer_id: 'C', value: 'food', orders: 2, revenue: 160, order_share: 1, revenue_share: 1, rank: 1 },
      {
        customer_id: 'D',
        value: 'food',
        orders: 2,
        revenue: 30,
        order_share: 0.6667,
        revenue_share: 0.0476,
        rank: 1,
      },
      {
        customer_id: 'D',
        value: 'toys',
        orders: 1,
        revenue: 600,
        order_share: 0.3333,
        revenue_share: 0.9524,
        rank: 2,
      },
      { customer_id: 'S', value: 'food', orders: 2, revenue: 100, order_share: 1, revenue_share: 1, rank: 1 },
    ]);
    const top1 = await rowsOf(
      db,
      buildCustomerPreferenceSql({ purchases: 'purchases', dimension: 'payment_method', top: 1 }),
    );
    // C: alipay and wechat tie on orders and revenue → alphabetical; D has no payment method.
    expect(top1.map((r) => [r.customer_id, r.value])).toEqual([
      ['A', 'alipay'],
      ['B', 'wechat'],
      ['C', 'alipay'],
      ['S', 'wechat'],
    ]);
  });

  it('summarises the mix and who prefers what', async () => {
    const rows = await rowsOf(db, buildPreferenceMixSql({ purchases: 'purchases', dimension: 'category' }));
    expect(rounded(rows)).toEqual([
      {
        value: 'food',
        orders: 8,
        customers: 4,
        revenue: 370,
        order_share: 0.6667,
        revenue_share: 0.2662,
        preferring_customers: 3,
        preferring_share: 0.6,
      },
      {
        value: 'toys',
        orders: 4,
        customers: 3,
        revenue: 1020,
        order_share: 0.3333,
        revenue_share: 0.7338,
        preferring_customers: 2,
        preferring_share: 0.4,
      },
    ]);
    const channels = await rowsOf(
      db,
      buildPreferenceMixSql({ purchases: 'purchases', dimension: 'channel' }),
    );
    // D's order without a channel is left out: 11 orders with a channel. Preferred: A app (revenue
    // tie-break), B store, C web, D web (tie on orders, revenue), S app.
    expect(channels.map((r) => [r.value, r.orders, r.preferring_customers])).toEqual([
      ['app', 5, 2],
      ['web', 5, 2],
      ['store', 1, 1],
    ]);
  });
});

describe('price sensitivity', () => {
  it('averages paid/list ratios and promotion shares over orders with price information', async () => {
    // Ratios: a1 .5, a2 1, a3 30/40, b1 capped 1, c1 1, s2 60/80 → 5/6. Promo: a1, a3, s2 of 6 known.
    const rows = await rowsOf(db, buildPriceSensitivitySql({ purchases: 'purchases' }));
    expect(rounded(rows)).toEqual([
      {
        orders: 12,
        priced_orders: 6,
        avg_discount_rate: 0.8333,
        promo_orders: 3,
        promo_order_share: 0.5,
        revenue: 1390,
        aov: 115.83,
      },
    ]);
  });

  // Issue 12 item 9: amounts computed from the unit price (list = paid on every order, no discount
  // column) say nothing about discounts: NULL for the dataset, not "full price, never on promotion".
  it('reports no discount rate when the dataset records no discounts', async () => {
    await createPurchases(db, 'unit_priced', [
      { customer_id: 'U', time: '2024-01-01', gross: 30, list: 30 },
      { customer_id: 'U', time: '2024-01-05', gross: 12.5, list: 12.5 },
      { customer_id: 'V', time: '2024-01-02', gross: 8 },
    ]);
    const [price] = await rowsOf(db, buildPriceSensitivitySql({ purchases: 'unit_priced' }));
    expect(price).toMatchObject({
      orders: 3,
      priced_orders: 0,
      avg_discount_rate: null,
      promo_orders: 0,
      promo_order_share: null,
    });
    const features = await rowsOf(db, buildCustomerFeaturesSelectSql({ purchases: 'unit_priced' }));
    expect(features.map((r) => [r.customer_id, r.avg_discount_rate, r.promo_order_share])).toEqual([
      ['U', null, null],
      ['V', null, null],
    ]);
  });

  it('decides per dataset: one order with a discount makes the full-price orders count as full price', async () => {
    await createPurchases(db, 'one_discount', [
      { customer_id: 'U', time: '2024-01-01', gross: 30, list: 30 },
      { customer_id: 'U', time: '2024-01-05', gross: 12.5, list: 12.5 },
      { customer_id: 'V', time: '2024-01-02', gross: 8, list: 10 },
    ]);
    const [price] = await rowsOf(db, buildPriceSensitivitySql({ purchases: 'one_discount' }));
    expect(rounded([price!])).toEqual([
      expect.objectContaining({ priced_orders: 3, avg_discount_rate: 0.9333, promo_order_share: 0.3333 }),
    ]);
    // A window without the discounted order still reads the dataset's rule: full price, no promotion.
    const [window] = await rowsOf(
      db,
      buildPriceSensitivitySql({ purchases: 'one_discount', to: '2024-01-01' }),
    );
    expect(window).toMatchObject({ priced_orders: 1, avg_discount_rate: 1, promo_order_share: 0 });
  });

  it('bands customers by AOV with values on cut points in the upper band', async () => {
    // A 95, B 120, C 80, D 210, S 50.
    const rows = await rowsOf(db, buildAovBandsSql({ purchases: 'purchases', bands: [0, 100, 500] }));
    expect(rows).toEqual([
      {
        band_index: 0,
        band_lower: 0,
        band_upper: 100,
        customers: 3,
        orders: 8,
        revenue: 640,
        customer_share: 0.6,
      },
      {
        band_index: 1,
        band_lower: 100,
        band_upper: 500,
        customers: 2,
        orders: 4,
        revenue: 750,
        customer_share: 0.4,
      },
      {
        band_index: 2,
        band_lower: 500,
        band_upper: null,
        customers: 0,
        orders: 0,
        revenue: 0,
        customer_share: 0,
      },
    ]);
    const edges = await rowsOf(db, buildAovBandsSql({ purchases: 'edges', bands: [0, 100, 500] }));
    // E 10, H 99.99 → band 0; F exactly 100 → band 1; G exactly 500 → band 2.
    expect(edges.map((r) => r.customers)).toEqual([2, 1, 1]);
    expect(() => buildAovBandsSql({ purchases: 'edges', bands: [100, 0] })).toThrow(/ascend/);
  });
});

describe('purchase time', () => {
  it('fills the ISO weekday × hour grid and finds peaks', async () => {
    const rows = (await rowsOf(db, buildTimeHeatmapSql({ purchases: 'purchases' }))) as unknown as TimeCell[];
    expect(rows).toHaveLength(168);
    const cell = (w: number, h: number) => rows.find((r) => r.weekday === w && r.hour === h);
    expect(cell(1, 9)).toEqual({ weekday: 1, hour: 9, orders: 1, revenue: 50 }); // 2024-01-01 is a Monday
    expect(cell(1, 12)).toEqual({ weekday: 1, hour: 12, orders: 1, revenue: 600 });
    expect(cell(7, 12)).toEqual({ weekday: 7, hour: 12, orders: 1, revenue: 80 }); // Sunday 03-10
    expect(cell(6, 21)).toEqual({ weekday: 6, hour: 21, orders: 1, revenue: 60 });
    expect(rows.reduce((s, r) => s + r.orders, 0)).toBe(12);
    expect(peakHours(rows)).toEqual([
      { hour: 12, orders: 7, revenue: 1010 },
      { hour: 9, orders: 3, revenue: 120 },
      { hour: 18, orders: 1, revenue: 200 },
    ]);
    expect(peakHours(rows, 'revenue', 2).map((h) => h.hour)).toEqual([12, 18]);
    expect(peakCells(rows, 'revenue', 1)).toEqual([{ weekday: 1, hour: 12, orders: 1, revenue: 600 }]);
  });
});

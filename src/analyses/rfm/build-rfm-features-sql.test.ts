import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbPort } from '../../engine/db-port.ts';
import { openNodeDb } from '../../engine/node-db.ts';
import { decodeIpc } from '../../client/decode.ts';
import { createPurchases, rounded, type FixtureOrder } from '../behaviour/testing/purchases-fixture.ts';
import { buildRfmSql } from './build-rfm-sql.ts';
import { buildRfmFeaturesSql, RFM_FEATURE_COLUMNS, rfmFeaturesCutoff } from './build-rfm-features-sql.ts';
import {
  buildSegmentCustomersCountSql,
  buildSegmentCustomersPageSql,
  buildSegmentExportSql,
  RFM_CUSTOMER_COLUMNS,
} from './build-segment-customers-sql.ts';
import { buildCustomersCsvSql } from './build-rfm-csv-sql.ts';
import { parseRfmConfig, type RfmConfig } from './rfm-config.ts';

// As of 2024-02-10. A: 3 orders before it (+1 after, ignored); B: one order (no interval, no
// category, no price info); C: two orders on one day (one purchase day: no interval); D: only after
// the as-of date, so in neither table.
const ORDERS: FixtureOrder[] = [
  // 2024-01-01 is a Monday, 01-11 a Thursday, 01-31 a Wednesday.
  {
    customer_id: 'A',
    time: '2024-01-01 10:00:00',
    gross: 80,
    list: 100,
    category: 'Tea',
    channel: 'App',
    payment: 'Alipay',
  },
  {
    customer_id: 'A',
    time: '2024-01-11 10:00:00',
    gross: 100,
    list: 100,
    category: 'Tea',
    channel: 'App',
    payment: 'WeChat',
  },
  {
    customer_id: 'A',
    time: '2024-01-31 20:00:00',
    gross: 50,
    discount: 50,
    category: 'Cups',
    channel: 'Web',
    payment: 'Alipay',
  },
  // After as_of: would make Cups the top category and WeChat the top payment method if counted.
  {
    customer_id: 'A',
    time: '2024-03-05 10:00:00',
    gross: 300,
    category: 'Cups',
    channel: 'Web',
    payment: 'WeChat',
  },
  { customer_id: 'B', time: '2024-01-15 09:00:00', gross: 70, channel: 'Store' },
  { customer_id: 'C', time: '2024-02-01 12:00:00', gross: 30, category: 'Tea', channel: 'App' },
  { customer_id: 'C', time: '2024-02-01 18:00:00', gross: 60, category: 'Cups', channel: 'App' },
  { customer_id: 'D', time: '2024-03-01 10:00:00', gross: 40, category: 'Tea' },
];

let db: DbPort;
const rowsOf = async (sql: string) => decodeIpc(await db.queryIpc(sql)).rows.map((r) => ({ ...r }));
const config = (input: unknown): RfmConfig => {
  const r = parseRfmConfig(input);
  if (!r.ok) throw new Error(r.issues.join());
  return r.value;
};
const CFG = config({ preset: 'value5', asOf: '2024-02-10' });

beforeAll(async () => {
  db = await openNodeDb();
  await createPurchases(db, 'purchases', ORDERS);
  const plan = buildRfmSql(CFG, { purchases: 'purchases' });
  for (const s of plan.statements) await db.exec(s);
  await db.exec(buildRfmFeaturesSql(CFG, { purchases: 'purchases' }));
});
afterAll(async () => db.close());

describe('RFM customer features (issue 6)', () => {
  it('export: RFM columns first, then the hand-computed features; every customer kept', async () => {
    const rows = await rowsOf(buildSegmentExportSql({ features: 'rfm_features' }));
    expect(Object.keys(rows[0]!)).toEqual([...RFM_CUSTOMER_COLUMNS, ...RFM_FEATURE_COLUMNS]);
    const rfm = await rowsOf(buildSegmentExportSql({}));
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => Object.fromEntries(RFM_CUSTOMER_COLUMNS.map((c) => [c, r[c]])))).toEqual(rfm);
    const features = rows.map((r) => Object.fromEntries(RFM_FEATURE_COLUMNS.map((c) => [c, r[c]])));
    const row = (...values: unknown[]) =>
      Object.fromEntries(RFM_FEATURE_COLUMNS.map((c, i) => [c, values[i]]));
    expect(features).toEqual([
      // A: days 01-01, 01-11, 01-31 → intervals 10, 20; paid ratios .8, 1, .5; promo 2 of 3; one order
      // each on Mon, Thu, Wed → Monday (earliest); two at 10:00.
      row('2024-01-01', 15, 15, 'Tea', 'Cups', null, 'App', 'Alipay', 0.7667, 0.6667, 1, 10),
      // B: one purchase, nothing known about prices or category.
      row('2024-01-15', null, null, null, null, null, 'Store', null, null, null, 1, 9),
      // C: two orders the same Thursday: no interval; Cups wins the 1–1 tie on revenue; 12:00 vs 18:00 → 12.
      row('2024-02-01', null, null, 'Cups', 'Tea', null, 'App', null, null, null, 4, 12),
    ]);
  });

  it('counts equal rfm_customers and a customer without a features row is kept', async () => {
    await db.exec(
      'CREATE OR REPLACE TABLE few_features AS SELECT * FROM rfm_features WHERE customer_id = $$A$$',
    );
    const all = await rowsOf('SELECT count(*) AS n FROM rfm_customers');
    const joined = await rowsOf(buildSegmentExportSql({ features: 'few_features' }));
    expect(joined).toHaveLength(all[0]!.n as number);
    expect(joined.map((r) => [r.customer_id, r.top_channel, r.peak_hour])).toEqual([
      ['A', 'App', 10],
      ['B', null, null],
      ['C', null, null],
    ]);
    expect(await rowsOf(buildSegmentCustomersCountSql({}))).toEqual([{ total: 3 }]);
  });

  it('page: feature columns after the RFM ones, sortable, NULLs last, filters still apply', async () => {
    const page = rounded(
      await rowsOf(
        buildSegmentCustomersPageSql({
          features: 'rfm_features',
          sort: { column: 'avg_discount_rate', direction: 'desc' },
          limit: 10,
          offset: 0,
        }),
      ),
    );
    expect(Object.keys(page[0]!)).toEqual([
      ...RFM_CUSTOMER_COLUMNS,
      'revenue',
      'last_purchase_date',
      ...RFM_FEATURE_COLUMNS,
    ]);
    expect(page.map((r) => [r.customer_id, r.avg_discount_rate])).toEqual([
      ['A', 0.7667],
      ['B', null],
      ['C', null],
    ]);
    const byHour = await rowsOf(
      buildSegmentCustomersPageSql({
        features: 'rfm_features',
        search: 'c',
        sort: { column: 'peak_hour', direction: 'asc' },
        limit: 10,
        offset: 0,
      }),
    );
    expect(byHour.map((r) => r.customer_id)).toEqual(['C']);
    const byId = await rowsOf(
      buildSegmentCustomersPageSql({
        features: 'rfm_features',
        sort: { column: 'customer_id', direction: 'desc' },
        limit: 2,
        offset: 0,
      }),
    );
    expect(byId.map((r) => r.customer_id)).toEqual(['C', 'B']);
  });

  it('customers.csv SQL adds the features only when given the table', async () => {
    expect(Object.keys((await rowsOf(buildCustomersCsvSql()))[0]!)).toEqual([...RFM_CUSTOMER_COLUMNS]);
    const withFeatures = await rowsOf(buildCustomersCsvSql('rfm_customers', 'rfm_features'));
    expect(Object.keys(withFeatures[0]!)).toEqual([...RFM_CUSTOMER_COLUMNS, ...RFM_FEATURE_COLUMNS]);
  });

  it('features read the same history as RFM (cut-off)', () => {
    expect(rfmFeaturesCutoff(CFG, {})).toBe('2024-02-10');
    expect(rfmFeaturesCutoff(CFG, { asOf: '2024-01-31' })).toBe('2024-01-31');
    expect(
      rfmFeaturesCutoff(config({ window: { kind: 'range', from: '2024-01-01', to: '2024-01-20' } }), {}),
    ).toBe('2024-01-20');
    expect(rfmFeaturesCutoff(config({ window: { kind: 'lastMonths', months: 6 } }), {})).toBeUndefined();
    expect(rfmFeaturesCutoff(config({}), {})).toBeUndefined();
  });

  it('rejects feature sorts without the features table and hostile table names stay names', async () => {
    expect(() =>
      buildSegmentCustomersPageSql({ sort: { column: 'peak_hour', direction: 'asc' }, limit: 1, offset: 0 }),
    ).toThrow(/needs the features table/);
    const hostile = 'x"; DROP TABLE purchases; --';
    await expect(
      db.exec(buildRfmFeaturesSql(CFG, { purchases: 'purchases', tables: { features: hostile } })),
    ).resolves.not.toThrow();
    const rows = await rowsOf(buildSegmentExportSql({ features: hostile }));
    expect(rows).toHaveLength(3);
    expect(await rowsOf('SELECT count(*) AS n FROM purchases')).toEqual([{ n: ORDERS.length }]);
  });
});

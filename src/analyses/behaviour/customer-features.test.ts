import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { decodeIpc } from '../../engine/arrow-rows.ts';
import { buildCustomerFeaturesSql, CUSTOMER_FEATURE_COLUMNS } from './build-customer-features-sql.ts';
import { buildBehaviourCsvSql } from './build-behaviour-csv-sql.ts';
import { createPurchases, rounded } from './testing/purchases-fixture.ts';
import { BEHAVIOUR_ORDERS } from './testing/behaviour-fixture.ts';

let db: DbPort;
const rowsOf = async (_db: DbPort, sql: string) =>
  decodeIpc(await _db.queryIpc(sql)).rows.map((r) => ({ ...r }));
beforeAll(async () => {
  db = await openNodeDb();
  await createPurchases(db, 'purchases', BEHAVIOUR_ORDERS);
});
afterAll(async () => db.close());

describe('customer features', () => {
  it('creates one row per customer with hand-computed features', async () => {
    await db.exec(buildCustomerFeaturesSql({ purchases: 'purchases' }));
    const rows = rounded(await rowsOf(db, 'SELECT * FROM customer_features ORDER BY customer_id'));
    expect(Object.keys(rows[0]!)).toEqual([...CUSTOMER_FEATURE_COLUMNS]);
    const cols = CUSTOMER_FEATURE_COLUMNS;
    const row = (...values: unknown[]) => Object.fromEntries(cols.map((c, i) => [c, values[i]]));
    expect(rows).toEqual([
      // A: days 01-01, 01-11, 01-31; toys wins the order tie on revenue; app wins channel on revenue;
      // ratios .5, 1, .75 (a4 unknown); promo 2 of 3 known; Monday 2 orders; 09:00 and 09:30.
      row(
        'A',
        4,
        3,
        '2024-01-01',
        '2024-01-31',
        380,
        15,
        15,
        'toys',
        'food',
        null,
        'app',
        'alipay',
        0.75,
        0.6667,
        95,
        '0–100',
        1,
        9,
      ),
      row(
        'B',
        1,
        1,
        '2024-01-05',
        '2024-01-05',
        120,
        null,
        null,
        'toys',
        null,
        null,
        'store',
        'wechat',
        1,
        0,
        120,
        '100–500',
        5,
        12,
      ),
      // C: Wednesday and Sunday tie → the earlier weekday.
      row(
        'C',
        2,
        2,
        '2024-01-10',
        '2024-03-10',
        160,
        60,
        60,
        'food',
        null,
        null,
        'web',
        'alipay',
        1,
        0,
        80,
        '0–100',
        3,
        12,
      ),
      // D: no price info or payment method; web beats app on revenue after the order tie.
      row(
        'D',
        3,
        3,
        '2024-02-01',
        '2024-02-05',
        630,
        2,
        2,
        'food',
        'toys',
        null,
        'web',
        null,
        null,
        null,
        210,
        '100–500',
        1,
        12,
      ),
      // S: two orders on one day → no interval; 09:15 and 21:00 tie → the earlier hour.
      row(
        'S',
        2,
        1,
        '2024-01-20',
        '2024-01-20',
        100,
        null,
        null,
        'food',
        null,
        null,
        'app',
        'wechat',
        0.75,
        1,
        50,
        '0–100',
        6,
        9,
      ),
    ]);
  });

  it('writes behaviour.csv rows with the same columns and a custom target table', async () => {
    const csv = await rowsOf(db, buildBehaviourCsvSql({ purchases: 'purchases', aovBands: [0, 200] }));
    expect(csv.map((r) => [r.customer_id, r.aov_band])).toEqual([
      ['A', '0–200'],
      ['B', '0–200'],
      ['C', '0–200'],
      ['D', '200+'],
      ['S', '0–200'],
    ]);
    await db.exec(
      buildCustomerFeaturesSql({ purchases: 'purchases', target: 'x"; DROP TABLE purchases; --' }),
    );
    expect(await rowsOf(db, 'SELECT count(*) AS n FROM purchases')).toEqual([{ n: 12 }]);
  });

  it('yields no rows for no purchases', async () => {
    await createPurchases(db, 'empty', []);
    expect(await rowsOf(db, buildBehaviourCsvSql({ purchases: 'empty' }))).toEqual([]);
  });
});

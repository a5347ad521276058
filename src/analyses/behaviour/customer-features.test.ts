import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { decodeIpc } from '../../client/decode.ts';
import { buildCustomerFeaturesSql, CUSTOMER_FEATURE_COLUMNS } from './build-customer-features-sql.ts';
import { buildBehaviourCsvSql } from './build-behaviour-csv-sql.ts';
import { buildCustomerPreferenceSql } from './build-preference-sql.ts';
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
  // Issue 12 item 2: A's credit note matched to no order (−80 on 01-15, in the returns view) comes
  // off A's revenue (380 → 300) and AOV (300 / 4 orders = 75); a returns-view row that is not a
  // credit note (is_return false) is not subtracted; other customers are untouched.
  it('nets unmatched credit notes into revenue and AOV', async () => {
    await db.exec(`CREATE OR REPLACE TABLE feature_returns AS SELECT * FROM (VALUES
        ('A', DATE '2024-01-15', -80.00, TRUE), ('A', DATE '2024-01-16', -1000.00, FALSE))
        t(customer_id, order_date, net_amount, is_return)`);
    const plain = await rowsOf(db, buildBehaviourCsvSql({ purchases: 'purchases' }));
    const netted = await rowsOf(
      db,
      buildBehaviourCsvSql({ purchases: 'purchases', returns: 'feature_returns' }),
    );
    type Rows = Awaited<ReturnType<typeof rowsOf>>;
    const a = (rows: Rows) => rounded(rows).find((r) => r.customer_id === 'A');
    expect([a(plain)?.revenue, a(plain)?.aov]).toEqual([380, 95]);
    expect([a(netted)?.revenue, a(netted)?.aov]).toEqual([300, 75]);
    const others = (rows: Rows) => rows.filter((r) => r.customer_id !== 'A');
    expect(others(netted)).toEqual(others(plain));
  });

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

  it('ranks like the preference builder and the window ranking, ties and NULL revenue included', async () => {
    // 3,000 orders of 199 customers over few values: many ties on orders and revenue, a value whose
    // revenue is NULL (vx), NULL values, every weekday and hour.
    await db.exec(`CREATE OR REPLACE TABLE ties AS SELECT * REPLACE (
        'c' || (i % 199) AS customer_id, 'o' || i AS order_id,
        TIMESTAMP '2024-01-01' + to_hours((i * 37) % 24 + 24 * ((i * 13) % 60)) AS order_time,
        (TIMESTAMP '2024-01-01' + to_hours((i * 37) % 24 + 24 * ((i * 13) % 60)))::DATE AS order_date,
        CASE WHEN i % 29 = 0 THEN NULL ELSE ((i * 7) % 3) * 10 END::DECIMAL(18,2) AS net_amount,
        CASE WHEN i % 29 = 0 THEN 'vx' WHEN i % 11 = 0 THEN NULL ELSE 'v' || ((i * 5) % 4) END AS category,
        'ch' || (i % 3) AS channel)
      FROM purchases CROSS JOIN range(3000) t(i) WHERE purchases.order_id = 'a1'`);
    // n1: 'aa' (revenue NULL) and 'zz' (revenue 10), one order each → zz first (NULL revenue last).
    await db.exec(`INSERT INTO ties SELECT * REPLACE ('n1' AS customer_id, 'n1-' || k AS order_id,
        CASE k WHEN 1 THEN NULL ELSE 10 END::DECIMAL(18,2) AS net_amount,
        CASE k WHEN 1 THEN 'aa' ELSE 'zz' END AS category)
      FROM purchases CROSS JOIN range(1, 3) t(k) WHERE purchases.order_id = 'a1'`);
    await db.exec(buildCustomerFeaturesSql({ purchases: 'ties', target: 'ties_features' }));
    const ours = await rowsOf(
      db,
      `SELECT customer_id, top_category_1, top_category_2, top_category_3, top_channel, peak_weekday, peak_hour
       FROM ties_features ORDER BY customer_id`,
    );
    const ranks = (dimension: 'category' | 'channel') =>
      `(${buildCustomerPreferenceSql({ purchases: 'ties', dimension, top: 3 })})`;
    const peak = (expr: string) => `(SELECT customer_id, v FROM (
        SELECT customer_id, ${expr} AS v, count(*) AS n FROM ties GROUP BY ALL)
      QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY n DESC, v) = 1)`;
    const reference = await rowsOf(
      db,
      `SELECT c.customer_id, c1.value AS top_category_1, c2.value AS top_category_2, c3.value AS top_category_3,
         ch.value AS top_channel, w.v AS peak_weekday, h.v AS peak_hour
       FROM (SELECT DISTINCT customer_id FROM ties) c
       LEFT JOIN ${ranks('category')} c1 ON c1.customer_id = c.customer_id AND c1.rank = 1
       LEFT JOIN ${ranks('category')} c2 ON c2.customer_id = c.customer_id AND c2.rank = 2
       LEFT JOIN ${ranks('category')} c3 ON c3.customer_id = c.customer_id AND c3.rank = 3
       LEFT JOIN ${ranks('channel')} ch ON ch.customer_id = c.customer_id AND ch.rank = 1
       LEFT JOIN ${peak('isodow(order_time)::INTEGER')} w ON w.customer_id = c.customer_id
       LEFT JOIN ${peak('hour(order_time)::INTEGER')} h ON h.customer_id = c.customer_id
       ORDER BY c.customer_id`,
    );
    expect(ours).toHaveLength(200);
    expect(ours.find((r) => r.customer_id === 'n1')).toMatchObject({
      top_category_1: 'zz',
      top_category_2: 'aa',
    });
    expect(ours.filter((r) => r.top_category_3 !== null).length).toBeGreaterThan(50);
    expect(ours).toEqual(reference);
  });

  it('yields no rows for no purchases', async () => {
    await createPurchases(db, 'empty', []);
    expect(await rowsOf(db, buildBehaviourCsvSql({ purchases: 'empty' }))).toEqual([]);
  });
});

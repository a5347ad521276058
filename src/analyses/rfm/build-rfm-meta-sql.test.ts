import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbPort } from '../../engine/db-port.ts';
import { openNodeDb } from '../../engine/node-db.ts';
import { buildRfmSql } from './build-rfm-sql.ts';
import { RfmConfigSchema } from './rfm-config.ts';
import * as v from 'valibot';
import { buildRfmMetaSql } from './build-rfm-meta-sql.ts';
import { createPurchases, rowsOf, runPlan } from './testing/rfm-fixture.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
  await createPurchases(db, 'purchases', [
    { customer: 'A', date: '2024-01-05', net: 10 },
    { customer: 'B', date: '2024-03-09', net: 20 },
    { customer: 'B', date: '2024-01-02', net: 20 },
  ]);
  await createPurchases(db, 'no purchases', []);
});
afterAll(async () => db.close());

describe('buildRfmMetaSql', () => {
  it('gives the default as-of (latest purchase) and the purchase date range', async () => {
    await runPlan(db, buildRfmSql(v.parse(RfmConfigSchema, {}), { purchases: 'purchases' }));
    expect(await rowsOf(db, buildRfmMetaSql({ purchases: 'purchases' }))).toEqual([
      {
        as_of: '2024-03-09',
        first_purchase_date: '2024-01-02',
        last_purchase_date: '2024-03-09',
        customers: 2,
      },
    ]);
  });

  it('gives the as-of the config chose, and NULLs for empty input', async () => {
    const cfg = v.parse(RfmConfigSchema, { asOf: '2024-02-01' });
    await runPlan(db, buildRfmSql(cfg, { purchases: 'purchases' }));
    const early = await runPlan(db, buildRfmSql({ ...cfg, asOf: '2024-01-03' }, { purchases: 'purchases' }));
    expect(early).not.toHaveLength(0);
    // Only B had bought by 2024-01-03.
    expect(await rowsOf(db, buildRfmMetaSql({ purchases: 'purchases' }))).toEqual([
      {
        as_of: '2024-01-03',
        first_purchase_date: '2024-01-02',
        last_purchase_date: '2024-03-09',
        customers: 1,
      },
    ]);
    await runPlan(db, buildRfmSql(cfg, { purchases: 'no purchases', tables: { customers: 'empty_c' } }));
    expect(await rowsOf(db, buildRfmMetaSql({ purchases: 'no purchases', customers: 'empty_c' }))).toEqual([
      { as_of: null, first_purchase_date: null, last_purchase_date: null, customers: 0 },
    ]);
  });
});

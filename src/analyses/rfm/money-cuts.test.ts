/**
 * Issue 12 item 3: the presets' money thresholds are yuan. On USD data (amounts of a few hundred
 * dollars) value5's fixed M points score everyone 1–2, so no one is high value; M switches to
 * quantile cut points and the notice says so. CNY data and cut points the user typed are unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbPort } from '../../engine/db-port.ts';
import { openNodeDb } from '../../engine/node-db.ts';
import { configForCurrency, moneyCutsNotice } from './money-cuts.ts';
import { presetConfig } from './presets.ts';
import { rfmModule } from './module.ts';
import { createPurchases, rowsOf, runPlan } from './testing/rfm-fixture.ts';
import * as v from 'valibot';
import { RfmConfigSchema, type RfmConfig } from './rfm-config.ts';

describe('moneyCutsNotice / configForCurrency', () => {
  const value5: RfmConfig = {
    window: { kind: 'all' },
    quantileMethod: 'interpolated',
    monetary: 'sum',
    cn8: {},
  } as RfmConfig;

  it('replaces value5 yuan M thresholds by quantiles of the same levels when the data is not CNY', () => {
    expect(moneyCutsNotice(value5, 'USD')).toEqual({
      currency: 'USD',
      yuanPoints: [500, 2000, 5000, 10000],
      levels: 5,
    });
    expect(configForCurrency(value5, 'USD').cuts?.m).toEqual({ source: 'quantile', levels: 5 });
    // R and F keep their fixed (currency-free) points.
    expect(configForCurrency(value5, 'GBP').cuts?.r).toEqual(presetConfig('value5').cuts.r);
    // Unknown currency: the yuan thresholds are not applied either.
    expect(moneyCutsNotice(value5, null)?.levels).toBe(5);
  });

  it('keeps them for CNY, when the caller does not know the currency, and for typed cut points', () => {
    expect(moneyCutsNotice(value5, 'CNY')).toBeNull();
    expect(moneyCutsNotice(value5, undefined)).toBeNull();
    const p = presetConfig('value5');
    const typed = {
      ...value5,
      ...p,
      cuts: { ...p.cuts, m: { source: 'fixed', points: [50, 200, 500, 1000] } },
    } as RfmConfig;
    expect(moneyCutsNotice(typed, 'USD')).toBeNull();
    expect(configForCurrency(typed, 'USD')).toBe(typed);
    const tier3 = { ...value5, ...presetConfig('tier3') } as RfmConfig;
    expect(moneyCutsNotice(tier3, 'EUR')).toMatchObject({ yuanPoints: [500, 2000], levels: 3 });
    const intl11 = { ...value5, ...presetConfig('intl11') } as RfmConfig;
    expect(moneyCutsNotice(intl11, 'USD')).toBeNull();
  });
});

describe('value5 on USD data through the RFM module', () => {
  let db: DbPort;
  beforeAll(async () => {
    db = await openNodeDb();
    // 20 customers, recent, 10+ orders of $10–$200: yuan thresholds put every M at 1–3.
    const rows = [];
    for (let c = 0; c < 20; c++) {
      for (let i = 0; i < 10; i++) {
        rows.push({
          customer: `c${c}`,
          date: `2024-06-${String(10 + i).padStart(2, '0')}`,
          net: 10 + c * 10,
        });
      }
    }
    await createPurchases(db, 'purchases', rows);
  });
  afterAll(async () => db.close());

  async function highValue(currency: string | undefined) {
    const config = v.parse(RfmConfigSchema, { asOf: '2024-06-30' });
    const ctx = { locale: 'en' as const, purchases: 'purchases', ...(currency ? { currency } : {}) };
    await runPlan(db, rfmModule.parts.overview.plan(config, ctx, undefined));
    const [row] = await rowsOf(db, "SELECT count(*) AS n FROM rfm_customers WHERE segment = 'high_value'");
    return Number(row!.n);
  }

  it('scores M by quantiles on USD data (high value customers exist), by yuan thresholds on CNY data', async () => {
    expect(await highValue('CNY')).toBe(0);
    expect(await highValue('USD')).toBe(8);
  });
});

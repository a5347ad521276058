/**
 * Reference test (issue 16) on the CDNOW 1/10th sample in ../shared/datasets/cdnow: 2,357 customers
 * who first bought in 1997 Q1, 39-week calibration ending 1997-09-30, weeks as the unit, same-day
 * purchases merged. The app's own path runs: purchases table → summary SQL → fit (runCompute, as in
 * the worker and the CLI) → clv_customers.
 *
 * Published figures checked, at their published precision:
 * - BG/NBD: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4 — Fader, Hardie & Lee (2005),
 *   "“Counting Your Customers” the Easy Way: An Alternative to the Pareto/NBD Model", Marketing
 *   Science 24(2), 275–284 (section 4). CLVTools' test_correctness_bgnbd.R checks the same numbers
 *   (its own estimate: r = 0.2425945, α = 4.4136019, a = 0.7929199, b = 2.4258881, LL = −9582.429).
 * - Conditional expectation for the customer with x = 2, t_x = 30.43, T = 38.86 (the sample's first
 *   customer, ID 0001): 1.226 purchases in the next 39 weeks — same paper (section 4) and Fader,
 *   Hardie & Lee (2005), "Implementing the BG/NBD Model for Customer Base Analysis in Excel"
 *   (brucehardie.com/notes/004).
 * - Gamma-Gamma on the 946 customers with repeat purchases (mean value of the repeat purchases):
 *   p = 6.25, q = 3.74, γ = 15.44 — Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves
 *   for Customer Base Analysis", Journal of Marketing Research 42(4), 415–430, and Fader & Hardie
 *   (2013), "The Gamma-Gamma Model of Monetary Value" (brucehardie.com/notes/025); LL = −4055.92 as in
 *   CLVTools' test_correctness_gg.R (correct.LL = −4055.9177).
 * - The summary (x, t_x, T, x*, m_x) and the cumulative weekly repeat transactions equal BTYD's
 *   cdnowSummary (cbs and cu.tracking) to double precision.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbPort } from '../../engine/db-port.ts';
import { openNodeDb } from '../../engine/node-db.ts';
import { runCompute } from '../../engine/run-compute.ts';
import { createPurchases, rowsOf, type Order } from '../rfm/testing/rfm-fixture.ts';
import { conditionalExpectedPurchases } from './bgnbd.ts';
import type { ClvModel } from './compute.ts';
import { ClvConfigSchema } from './clv-config.ts';
import * as v from 'valibot';

const datasets = process.env.CUSTOMER_LENS_DATASETS ?? path.resolve(process.cwd(), '../shared/datasets');
const sample = path.join(datasets, 'cdnow/CDNOW_sample.txt');
const cbsFile = path.join(datasets, 'cdnow/btyd_cdnowSummary_cbs.csv');
const trackingFile = path.join(datasets, 'cdnow/btyd_cdnowSummary_cu_tracking.csv');
const present = existsSync(sample) && existsSync(cbsFile) && existsSync(trackingFile);
if (!present) console.log(`SKIP cdnow-reference: ${sample} not found`);

function orders(): Order[] {
  return readFileSync(sample, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const [, id, d, , value] = line.trim().split(/\s+/);
      return {
        customer: String(Number(id)),
        date: `${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6, 8)}`,
        net: Number(value),
      };
    });
}

describe.skipIf(!present)('CLV on CDNOW (published BG/NBD and Gamma-Gamma results)', () => {
  let db: DbPort;
  let model: ClvModel;
  beforeAll(async () => {
    db = await openNodeDb();
    await createPurchases(db, 'purchases', orders());
    model = await runCompute(db, {
      kind: 'clv',
      config: v.parse(ClvConfigSchema, { calibrationEnd: '1997-09-30', horizonDays: 273 }),
      purchases: 'purchases',
      asOf: '1998-06-30',
      table: 'clv_customers',
    });
  }, 60_000);
  afterAll(async () => db?.close());

  it('fits the published BG/NBD parameters and log-likelihood', () => {
    const bg = model.bgnbd!;
    expect(bg.r.toFixed(3)).toBe('0.243');
    expect(bg.alpha.toFixed(3)).toBe('4.414');
    expect(bg.a.toFixed(3)).toBe('0.793');
    expect(bg.b.toFixed(3)).toBe('2.426');
    expect(bg.log_likelihood.toFixed(1)).toBe('-9582.4');
    expect(model.convergence.bgnbd?.converged).toBe(true);
    expect(model.customers).toEqual({
      total: 2357,
      used: 2357,
      set_aside_after_calibration: 0,
      with_repeat: 946,
      spend_fitted: 946,
      spend_set_aside_nonpositive: 0,
    });
    expect(model.units).toBe('weeks');
    expect(model.holdout_units).toBeCloseTo(39, 10);
  });

  it('fits the published Gamma-Gamma parameters on the 946 repeat customers', () => {
    const gg = model.gamma_gamma!;
    expect(gg.p.toFixed(2)).toBe('6.25');
    expect(gg.q.toFixed(2)).toBe('3.74');
    expect(gg.gamma.toFixed(2)).toBe('15.44');
    expect(gg.log_likelihood.toFixed(2)).toBe('-4055.92');
    expect(model.convergence.gamma_gamma?.converged).toBe(true);
  });

  it('reproduces the published 39-week conditional expectation of customer 0001 (x=2, t_x=30.43, T=38.86)', async () => {
    const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(conditionalExpectedPurchases(published, 39, 2, 30.43, 38.86).toFixed(3)).toBe('1.226');
    expect(conditionalExpectedPurchases(model.bgnbd!, 39, 2, 30.43, 38.86).toFixed(3)).toBe('1.226');
    // The same customer in the app's table (horizon 273 days = 39 weeks; exact t_x = 213/7, T = 272/7).
    const [row] = await rowsOf(db, `SELECT * FROM clv_customers WHERE customer_id = '1'`);
    expect(row!.x).toBe(2);
    expect(Number(row!.expected_purchases).toFixed(2)).toBe('1.23');
  });

  it('builds the same summary as BTYD (x, t_x, T, holdout x*, m_x) for every customer', async () => {
    const cbs = readFileSync(cbsFile, 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(',').map(Number));
    const rows = await rowsOf(
      db,
      'SELECT customer_id, x, t_x, "T", x_star, monetary_value FROM clv_customers',
    );
    const byId = new Map(rows.map((r) => [Number(r.customer_id), r]));
    expect(byId.size).toBe(cbs.length);
    let maxDiff = 0;
    for (const [id, x, tx, T, xStar, m] of cbs) {
      const r = byId.get(id!)!;
      expect([r.x, r.x_star]).toEqual([x, xStar]);
      maxDiff = Math.max(
        maxDiff,
        Math.abs(Number(r.t_x) - tx!),
        Math.abs(Number(r.T) - T!),
        Math.abs(Number(r.monetary_value ?? 0) - m!),
      );
    }
    expect(maxDiff).toBeLessThan(1e-9);
  });

  it('tracks cumulative repeat transactions week by week as BTYD (actual) and close to it (model)', () => {
    const tracking = readFileSync(trackingFile, 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(',').map(Number));
    const ours = model.checks.tracking;
    expect(ours.length).toBeGreaterThanOrEqual(tracking.length);
    for (const [week, cum] of tracking) expect(ours[week! - 1]!.actual).toBe(cum);
    // Fader, Hardie & Lee (2005), fig. 3: the model tracks the 78 weeks closely (within 5 % at the end).
    const end = ours[tracking.length - 1]!;
    expect(Math.abs(end.predicted - end.actual) / end.actual).toBeLessThan(0.05);
  });

  it('checks calibration vs holdout by frequency bin (recomputed independently from BTYD cbs)', () => {
    const cbs = readFileSync(cbsFile, 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(',').map(Number));
    const bins = model.checks.by_frequency;
    expect(bins.map((b) => b.x)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(bins.reduce((s, b) => s + b.customers, 0)).toBe(2357);
    for (const bin of bins) {
      const members = cbs.filter(([, x]) => (bin.x < 7 ? x === bin.x : x! >= 7));
      const actual = members.reduce((s, r) => s + r[4]!, 0) / members.length;
      const predicted =
        members.reduce((s, r) => s + conditionalExpectedPurchases(model.bgnbd!, 39, r[1]!, r[2]!, r[3]!), 0) /
        members.length;
      expect(bin.customers).toBe(members.length);
      expect(bin.actual).toBeCloseTo(actual, 12);
      expect(bin.predicted).toBeCloseTo(predicted, 9);
    }
  });
});

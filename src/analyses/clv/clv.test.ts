/**
 * CLV (issue 16) on tiny hand-checked cases: the special functions and optimiser, the model formulas'
 * boundaries (one purchase, all purchases on one day, T = t_x) and the summary SQL + predictions
 * table + module queries on a small fixture (real duckdb-wasm in Node).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import type { DbPort } from '../../engine/db-port.ts';
import { openNodeDb } from '../../engine/node-db.ts';
import { runCompute } from '../../engine/run-compute.ts';
import { createPurchases, rowsOf, type Order } from '../rfm/testing/rfm-fixture.ts';
import { explainPlan, runPart } from '../../../tests/unit/support/run-module.ts';
import { hyp2f1, logHyp2f1, signedLogHyp2f1 } from './special.ts';
import { minimize } from './nelder-mead.ts';
import {
  bgnbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  groupSummary,
  probabilityAlive,
} from './bgnbd.ts';
import { conditionalExpectedValue, gammaGammaLogLikelihood } from './gamma-gamma.ts';
import { ClvConfigSchema } from './clv-config.ts';
import { buildClvSummarySql } from './build-clv-summary-sql.ts';
import { clvModule, clvFitRequest } from './module.ts';
import { buildClvCsvSql } from './build-clv-sql.ts';
import type { PlanContext } from '../contract.ts';
import { rfmModule } from '../rfm/module.ts';
import { RfmConfigSchema } from '../rfm/rfm-config.ts';

const P = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('special functions and the optimiser', () => {
  it('₂F₁ matches closed forms, including huge values without overflow', () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.99]) {
      const closed = z === 0 ? 1 : -Math.log(1 - z) / z; // ₂F₁(1, 1; 2; z)
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(closed, 12);
    }
    // ₂F₁(a, b; b; z) = (1 − z)^(−a): ln = 500·ln 10 ≈ 1151.3, far beyond double range as a value.
    expect(logHyp2f1(500, 300, 300, 0.9)).toBeCloseTo(500 * Math.log(10), 8);
    expect(() => logHyp2f1(1, 1, 2, 1)).toThrow(/z must be/);
  });

  it('Nelder–Mead finds the Rosenbrock minimum (1, 1)', () => {
    const r = minimize((x) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2, [-1.2, 1]);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
    expect(r.converged).toBe(true);
  });
});

describe('BG/NBD and Gamma-Gamma boundaries', () => {
  it('one purchase (x = 0): likelihood (α/(α+T))^r, P(alive) = 1, expectation = a new customer’s', () => {
    const data = groupSummary([{ x: 0, tx: 0, T: 10 }]);
    expect(bgnbdLogLikelihood(P, data)).toBeCloseTo(P.r * Math.log(P.alpha / (P.alpha + 10)), 12);
    expect(probabilityAlive(P, 0, 0, 10)).toBe(1);
    expect(conditionalExpectedPurchases(P, 5, 0, 0, 0)).toBeCloseTo(expectedPurchases(P, 5), 12);
  });

  it('T = t_x (bought on the last day): P(alive) = 1/(1 + a/(b + x − 1))', () => {
    expect(probabilityAlive(P, 3, 20, 20)).toBeCloseTo(1 / (1 + P.a / (P.b + 2)), 12);
    // Longer silence since the last purchase → lower P(alive) and fewer expected purchases.
    expect(probabilityAlive(P, 3, 5, 20)).toBeLessThan(probabilityAlive(P, 3, 20, 20));
    expect(conditionalExpectedPurchases(P, 10, 3, 5, 20)).toBeLessThan(
      conditionalExpectedPurchases(P, 10, 3, 20, 20),
    );
  });

  it('grouping identical customers does not change the likelihood', () => {
    const rows = [
      { x: 2, tx: 3, T: 9 },
      { x: 2, tx: 3, T: 9 },
      { x: 0, tx: 0, T: 9 },
    ];
    const grouped = groupSummary(rows);
    expect(grouped.x.length).toBe(2);
    const single = rows.reduce((s, r) => s + bgnbdLogLikelihood(P, groupSummary([r])), 0);
    expect(bgnbdLogLikelihood(P, grouped)).toBeCloseTo(single, 10);
  });

  it('Gamma-Gamma: E[M] is between the population mean and the customer’s mean; x = 0 → population mean', () => {
    const g = { p: 6.25, q: 3.74, gamma: 15.44 };
    const population = (g.p * g.gamma) / (g.q - 1);
    expect(conditionalExpectedValue(g, 0, 0)).toBeCloseTo(population, 12);
    const e = conditionalExpectedValue(g, 4, 100)!;
    expect(e).toBeGreaterThan(population);
    expect(e).toBeLessThan(100);
    expect(conditionalExpectedValue({ ...g, q: 0.9 }, 0, 0)).toBeNull();
    const ll = gammaGammaLogLikelihood(g, { x: Float64Array.of(1), m: Float64Array.of(30) });
    expect(Number.isFinite(ll)).toBe(true);
  });
});

// A small base: A one purchase; B three orders on one day; C last purchase on the calibration end;
// D..M regulars so that the model can be fitted; N first buys after the calibration end.
const ORDERS: Order[] = [
  { customer: 'A', date: '2026-01-05', net: 50 },
  { customer: 'B', date: '2026-01-07', net: 10 },
  { customer: 'B', date: '2026-01-07', net: 20 },
  { customer: 'B', date: '2026-01-07', net: 30 },
  { customer: 'C', date: '2026-01-01', net: 40 },
  { customer: 'C', date: '2026-01-15', net: 60 },
  { customer: 'C', date: '2026-03-31', net: 80 },
  { customer: 'C', date: '2026-04-20', net: 80 },
  ...'DEFGHIJKLM'.split('').flatMap((c, i) =>
    Array.from({ length: 1 + (i % 4) }, (_, k) => ({
      customer: c,
      date: `2026-0${1 + k}-${String(3 + i).padStart(2, '0')}`,
      net: 20 + 7 * i + k,
    })),
  ),
  { customer: 'N', date: '2026-04-10', net: 99 },
];

describe('summary SQL, predictions table and module queries (fixture)', () => {
  let db: DbPort;
  const config = v.parse(ClvConfigSchema, { calibrationEnd: '2026-03-31' });
  const ctx: PlanContext = { locale: 'en', purchases: 'purchases', asOf: '2026-04-30' };
  beforeAll(async () => {
    db = await openNodeDb();
    await createPurchases(db, 'purchases', ORDERS);
  }, 60_000);
  afterAll(async () => db?.close());

  it('x, t_x, T, monetary value and holdout per customer (same-day purchases merged)', async () => {
    const rows = await rowsOf(
      db,
      buildClvSummarySql({
        purchases: 'purchases',
        calibrationEnd: '2026-03-31',
        asOf: '2026-04-30',
        unitDays: 7,
      }),
    );
    const by = new Map(rows.map((r) => [r.customer_id, r]));
    expect(by.has('N')).toBe(false);
    expect(by.get('A')).toMatchObject({ x: 0, t_x: 0, monetary_value: null, x_star: 0 });
    expect(by.get('A')!.T).toBeCloseTo(85 / 7, 12); // 2026-01-05 → 2026-03-31
    expect(by.get('B')).toMatchObject({ x: 0, t_x: 0, monetary_value: null });
    // C: repeat days 01-15 and 03-31 (mean 70); t_x = T = 89 days; 04-20 is in the holdout.
    expect(by.get('C')).toMatchObject({ x: 2, monetary_value: 70, x_star: 1 });
    expect(by.get('C')!.t_x).toBeCloseTo(89 / 7, 12);
    expect(by.get('C')!.T).toBeCloseTo(89 / 7, 12);
  });

  it('fits, writes clv_customers, and the module parts and clv.csv read it', async () => {
    const model = await runCompute(db, clvFitRequest(config, ctx));
    expect(model.customers).toMatchObject({ total: 14, used: 13, set_aside_after_calibration: 1 });
    expect(model.bgnbd).not.toBeNull();
    expect(model.checks.by_frequency.reduce((s, b) => s + b.customers, 0)).toBe(13);
    const table = await rowsOf(db, 'SELECT * FROM clv_customers ORDER BY customer_id');
    expect(table).toHaveLength(13);
    const c = table.find((r) => r.customer_id === 'C')!;
    expect(Number(c.p_alive)).toBeCloseTo(1 / (1 + model.bgnbd!.a / (model.bgnbd!.b + 1)), 10);
    const a = table.find((r) => r.customer_id === 'A')!;
    expect(a.p_alive).toBe(1);
    const bands = await runPart(db, clvModule.parts.bands, config, ctx, undefined);
    expect(bands.reduce((s, b) => s + b.customers, 0)).toBe(13);
    const list = await runPart(db, clvModule.parts.list, config, ctx, {
      search: '',
      sort: { column: 'clv', direction: 'desc' },
      limit: 5,
    });
    expect(list.total).toBe(13);
    expect(list.rows).toHaveLength(5);
    const clvs = list.rows.map((r) => r.clv!);
    expect([...clvs].sort((x, y) => y - x)).toEqual(clvs);
    const searched = await runPart(db, clvModule.parts.list, config, ctx, {
      search: 'c',
      sort: { column: 'p_alive', direction: 'asc' },
      limit: 50,
    });
    expect(searched.rows.map((r) => r.customer_id)).toEqual(['C']);
    for (const part of [clvModule.parts.bands.plan(config, ctx, undefined)])
      expect(await explainPlan(db, part)).toEqual(['bands']);
    const csv = await rowsOf(db, clvModule.exports[0]!.plan(config, ctx, undefined).query);
    expect(Object.keys(csv[0]!)).toEqual([
      'customer_id',
      'x',
      't_x',
      'T',
      'monetary_value',
      'p_alive',
      'expected_purchases',
      'expected_avg_value',
      'clv',
      'next_purchase_date',
    ]);
  });
});

describe('CLV columns in the RFM customer list and customers.csv (issue 16)', () => {
  let db: DbPort;
  const config = v.parse(ClvConfigSchema, { calibrationEnd: '2026-03-31', aliveThreshold: 0.5 });
  const ctx: PlanContext = { locale: 'en', purchases: 'purchases', asOf: '2026-04-30' };
  const rfm = v.parse(RfmConfigSchema, { preset: 'value5' });
  beforeAll(async () => {
    db = await openNodeDb();
    await createPurchases(db, 'purchases', ORDERS);
    for (const sql of rfmModule.prepare(rfm, ctx)) await db.exec(sql);
  }, 60_000);
  afterAll(async () => db?.close());

  it('without a fit: exactly the customers.csv and feature columns; with one: the CLV columns joined', async () => {
    const plain = rfmModule.exports.find((e) => e.id === 'customers')!.plan(rfm, ctx, undefined);
    const without = await rowsOf(db, (await runStatements(db, plain.statements), plain.query));
    expect(Object.keys(without[0]!)).not.toContain('p_alive');
    expect(without).toHaveLength(14);

    const model = await runCompute(db, clvFitRequest(config, ctx));
    const fitted = { ...ctx, clv: 'clv_customers' };
    const plan = rfmModule.exports.find((e) => e.id === 'customers')!.plan(rfm, fitted, undefined);
    const rows = await rowsOf(db, plan.query);
    expect(Object.keys(rows[0]!).slice(-7)).toEqual([
      'p_alive',
      'expected_purchases',
      'expected_avg_value',
      'clv',
      'next_purchase_date',
      'alive_band',
      'purchase_band',
    ]);
    // Every RFM customer kept (14), the CLV fit's 13 filled; N (first seen after the calibration end) empty.
    expect(rows).toHaveLength(14);
    const by = new Map(rows.map((r) => [r.customer_id, r]));
    expect(by.get('N')).toMatchObject({
      p_alive: null,
      clv: null,
      next_purchase_date: null,
      alive_band: null,
    });
    // A: one purchase → P(alive) = 1, "likely active", a next purchase date from its own rate.
    expect(by.get('A')).toMatchObject({ p_alive: 1, alive_band: 'likely_active' });
    const { r, alpha, a, b } = model.bgnbd!;
    const T = 85 / 7;
    const days = Math.max(1, Math.round((7 * (alpha + T)) / (r + 0)));
    const d = new Date('2026-03-31T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + days);
    expect(by.get('A')!.next_purchase_date).toBe(d.toISOString().slice(0, 10));
    // C: T = t_x → P(alive) = 1/(1 + a/(b + x − 1)), rounded to 4 as in clv.csv.
    expect(Number(by.get('C')!.p_alive)).toBeCloseTo(1 / (1 + a / (b + 1)), 4);
    // Same numbers as clv.csv, customer by customer.
    const clvCsv = await rowsOf(db, clvModule.exports[0]!.plan(config, ctx, undefined).query);
    for (const row of clvCsv) {
      const joined = by.get(row.customer_id as string)!;
      for (const k of ['p_alive', 'expected_purchases', 'expected_avg_value', 'clv'])
        expect(Number(joined[k]), `${row.customer_id} ${k}`).toBe(Number(row[k]));
      expect(joined.next_purchase_date ?? null).toBe(row.next_purchase_date ?? null);
      // "Unlikely" = a P(alive) below the threshold and no date.
      if (Number(row.p_alive) < 0.5) expect(joined.next_purchase_date).toBeNull();
    }
    const page = await runPart(db, rfmModule.parts.drill, rfm, fitted, {
      segment: undefined as unknown as string,
      search: '',
      features: null,
      sort: { column: 'clv', direction: 'desc' },
      limit: 100,
    });
    expect(page.total).toBe(14);
    const clvs = page.rows.map((row) => row.clv as number | null);
    expect(clvs.at(-1)).toBeNull(); // N last (NULLs last)
    const known = clvs.filter((c) => c !== null) as number[];
    expect([...known].sort((x, y) => y - x)).toEqual(known);

    // The CLV finding's numbers are the "likely churned but valuable" list's (issue 17).
    const findingsPlan = clvModule.findings!.plan(config, fitted);
    const [numbers] = await rowsOf(db, findingsPlan.queries.churned!);
    const churnedList = await rowsOf(db, buildClvCsvSql('clv_customers', true));
    expect(numbers).toMatchObject({
      customers: churnedList.length,
      fitted: 13,
      first_date: '2026-01-01',
      cal_end: '2026-03-31',
    });
    const predictions = await rowsOf(db, 'SELECT x, monetary_value, p_alive FROM clv_customers');
    const repeat = predictions.filter((t) => Number(t.x) > 0);
    expect(Number(numbers!.all_repeat_value)).toBeCloseTo(
      repeat.reduce((s, t) => s + Number(t.x) * Number(t.monetary_value), 0),
      6,
    );
    // 13 customers fitted: below MIN_CUSTOMERS, so nothing is said; without a fit, no query at all.
    expect(clvModule.findings!.read({ churned: [numbers!] }, config, fitted)).toEqual([]);
    expect(clvModule.findings!.plan(config, ctx).queries).toEqual({});
  });
});

async function runStatements(db: DbPort, statements: readonly string[]) {
  for (const sql of statements) await db.exec(sql);
}

describe('₂F₁ with c < 0 (BG/NBD when a + b < 1)', () => {
  it('matches the direct series', () => {
    const [a, b, c, z] = [0.3, 0.4, -0.5, 0.3];
    let term = 1;
    let sum = 1;
    for (let n = 0; n < 200; n++) {
      term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
      sum += term;
    }
    const r = signedLogHyp2f1(a, b, c, z);
    expect(r.sign * Math.exp(r.log)).toBeCloseTo(sum, 12);
    const p = { r: 0.5, alpha: 3, a: 0.3, b: 0.4 };
    expect(Number.isFinite(expectedPurchases(p, 10))).toBe(true);
    expect(expectedPurchases(p, 10)).toBeGreaterThan(0);
  });
});

describe('Cancel', () => {
  it('an aborted signal stops the computation with a cancelled error and writes no table', async () => {
    const db = await openNodeDb();
    try {
      await createPurchases(db, 'purchases', ORDERS);
      const controller = new AbortController();
      controller.abort();
      const config = v.parse(ClvConfigSchema, {});
      await expect(
        runCompute(db, clvFitRequest(config, { locale: 'en', purchases: 'purchases' }), controller.signal),
      ).rejects.toMatchObject({ code: 'cancelled' });
      await expect(rowsOf(db, 'SELECT * FROM clv_customers')).rejects.toThrow(/clv_customers/);
    } finally {
      await db.close();
    }
  }, 60_000);
});

/**
 * Demand forecasts (issue 16) on tiny hand-checked cases (a constant series, a series shorter than a
 * season, a clean seasonal series), the calendar table, and the series SQL + engine computation +
 * forecast.csv on a small fixture (real duckdb-wasm in Node).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import type { DbPort } from '../../engine/db-port.ts';
import { openNodeDb } from '../../engine/node-db.ts';
import { runCompute } from '../../engine/run-compute.ts';
import { createPurchases, rowsOf, type Order } from '../rfm/testing/rfm-fixture.ts';
import { accuracy, fitForecast, forecastAhead, methodFor, seasonalNaive } from './holt-winters.ts';
import { calendarMarks } from './cn-calendar.ts';
import { computeForecast } from './compute.ts';
import { ForecastConfigSchema } from './forecast-config.ts';
import { forecastModule, forecastRequest } from './module.ts';
import type { PlanContext } from '../contract.ts';

describe('exponential smoothing', () => {
  it('a constant series forecasts the constant with a zero-width interval', () => {
    const y = Array.from({ length: 30 }, () => 42);
    const fit = fitForecast(y, 7);
    const ahead = forecastAhead(y, fit, 5);
    for (const p of ahead) expect(p).toEqual({ forecast: 42, lower: 42, upper: 42 });
  });

  it('a series shorter than two seasons falls back to Holt, shorter than 4 points to the last value', () => {
    expect(methodFor(20, 12)).toBe('holt');
    expect(methodFor(26, 12)).toBe('holt_winters');
    expect(methodFor(3, 12)).toBe('naive');
    const short = [5, 7, 6];
    const fit = fitForecast(short, 12);
    expect(fit.method).toBe('naive');
    const ahead = forecastAhead(short, fit, 2);
    expect(ahead.map((p) => p.forecast)).toEqual([6, 6]);
    expect(ahead[1]!.upper - ahead[1]!.lower).toBeGreaterThan(ahead[0]!.upper - ahead[0]!.lower);
  });

  it('a clean weekly pattern is learnt by Holt-Winters: forecasts repeat it, backtest beats naive', async () => {
    const pattern = [10, 12, 14, 13, 20, 30, 25];
    const y = Array.from({ length: 70 }, (_, t) => pattern[t % 7]! + 0.01 * t);
    const fit = fitForecast(y, 7);
    expect(fit.method).toBe('holt_winters');
    const ahead = forecastAhead(y, fit, 7);
    ahead.forEach((p, k) => expect(p.forecast).toBeCloseTo(pattern[(70 + k) % 7]! + 0.01 * (70 + k), 0));
    const points = y.map((value, t) => ({
      series: 'all',
      period_start: new Date(Date.UTC(2026, 0, 1 + t)).toISOString().slice(0, 10),
      value,
    }));
    const { summary, rows } = await computeForecast(
      points,
      v.parse(ForecastConfigSchema, { grain: 'day', periods: 7 }),
    );
    expect(summary.series[0]!.backtest_points).toBe(7);
    expect(summary.series[0]!.smape!).toBeLessThan(0.01);
    expect(rows.filter((r) => r.kind === 'future').map((r) => r.period_start)[0]).toBe('2026-03-12');
  });

  it('seasonal naive and the accuracy measures', () => {
    expect(seasonalNaive([1, 2, 3, 4], 3, 2)).toBe(2);
    expect(seasonalNaive([1, 2, 3, 4], 1, 7)).toBe(1);
    expect(seasonalNaive([1], 0, 7)).toBeNull();
    const a = accuracy([
      { actual: 100, forecast: 110 },
      { actual: 0, forecast: 0 },
      { actual: 50, forecast: 40 },
    ]);
    expect(a.mape).toBeCloseTo((0.1 + 0.2) / 2, 12);
    expect(a.smape).toBeCloseTo((20 / 210 + 0 + 20 / 90) / 3, 12);
  });
});

describe('shopping calendar', () => {
  it('marks 618, 双11, 双12 and 春节 inside the range', () => {
    expect(calendarMarks('2025-06-01', '2026-03-01')).toEqual([
      { event: '618', date: '2025-06-18' },
      { event: 'double11', date: '2025-11-11' },
      { event: 'double12', date: '2025-12-12' },
      { event: 'spring_festival', date: '2026-02-17' },
    ]);
  });
});

// Two categories, 10 weeks of daily orders (Monday 2026-01-05 to Sunday 2026-03-15) + a partial week.
const ORDERS: Order[] = [];
for (let d = 0; d < 74; d++) {
  const date = new Date(Date.UTC(2026, 0, 5 + d)).toISOString().slice(0, 10);
  ORDERS.push({ customer: `c${d % 9}`, date, net: 100 + (d % 7) * 10, order: `a${d}` });
  if (d % 2 === 0) ORDERS.push({ customer: `c${d % 5}`, date, net: 30, order: `b${d}` });
}

describe('series SQL, engine computation and forecast.csv (fixture)', () => {
  let db: DbPort;
  const ctx: PlanContext = { locale: 'en', purchases: 'purchases' };
  beforeAll(async () => {
    db = await openNodeDb();
    await createPurchases(db, 'purchases', ORDERS);
  }, 60_000);
  afterAll(async () => db?.close());

  it('weekly revenue: complete weeks only, backtest and future rows, the issue columns', async () => {
    const config = v.parse(ForecastConfigSchema, { grain: 'week', periods: 4 });
    const summary = await runCompute(db, forecastRequest(config, ctx));
    expect(summary.series).toHaveLength(1);
    const s = summary.series[0]!;
    expect(s.periods).toBe(10); // the partial week of 2026-03-16 is left out
    expect(s.backtest_points).toBe(2);
    const rows = await rowsOf(db, forecastModule.exports[0]!.plan(config, ctx, undefined).query);
    expect(Object.keys(rows[0]!)).toEqual([
      'series',
      'period_start',
      'kind',
      'actual',
      'forecast',
      'lower',
      'upper',
    ]);
    expect(rows.filter((r) => r.kind === 'backtest')).toHaveLength(2);
    const future = rows.filter((r) => r.kind === 'future');
    expect(future.map((r) => r.period_start)).toEqual([
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
      '2026-04-06',
    ]);
    for (const r of future) {
      expect(r.actual).toBeNull();
      expect(Number(r.lower)).toBeLessThanOrEqual(Number(r.forecast));
      expect(Number(r.upper)).toBeGreaterThanOrEqual(Number(r.forecast));
    }
    // Each week has 7 days × the day pattern: 7·100 + 10·(0+…+6) = 910, plus the every-other-day 30s.
    const history = await rowsOf(
      db,
      `SELECT actual FROM forecast_rows WHERE period_start = DATE '2026-01-05'`,
    );
    expect(Number(history[0]!.actual)).toBe(910 + 4 * 30);
  });
});

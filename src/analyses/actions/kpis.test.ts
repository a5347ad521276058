/** The named KPIs (issue 17) on a hand-checked fixture, through the module part the board runs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbPort } from '../../engine/db-port.ts';
import { openNodeDb } from '../../engine/node-db.ts';
import { createPurchases, rowsOf } from '../rfm/testing/rfm-fixture.ts';
import { actionsModule } from './module.ts';
import { defaultConfig } from '../../config/parse-config.ts';
import type { QueryRows } from '../contract.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

async function run(purchases: string) {
  const config = { ...defaultConfig().rfm, asOf: '2024-06-30' };
  const plan = actionsModule.parts.kpis.plan(config, { locale: 'en', purchases }, undefined);
  for (const s of plan.statements) await db.exec(s);
  const rows: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(plan.queries)) rows[name] = await rowsOf(db, sql);
  return actionsModule.parts.kpis.read(rows as unknown as QueryRows);
}

describe('named KPIs', () => {
  it('customers, revenue, repurchase rate, AOV, segment sizes and the data period', async () => {
    await createPurchases(db, 'kpi_p', [
      { customer: 'A', date: '2024-06-01', net: 100 },
      { customer: 'A', date: '2024-06-20', net: 50 },
      { customer: 'B', date: '2024-03-01', net: 30 },
      { customer: 'C', date: '2024-01-05', net: 20 },
    ]);
    const r = await run('kpi_p');
    expect(r.values['rfm.customers']).toBe(3);
    expect(r.values['revenue.total']).toBe(200);
    expect(r.values['rfm.repurchase_rate']).toBeCloseTo(1 / 3, 10);
    expect(r.values['rfm.aov']).toBe(50);
    const segments = Object.entries(r.values).filter(([k]) => k.startsWith('rfm.segment.'));
    expect(segments.length).toBeGreaterThan(1);
    // Every customer is in exactly one segment (value5 has an "other" catch-all only when no rule matches).
    const inSegments = segments.reduce((n, [, v]) => n + (v ?? 0), 0);
    expect(inSegments).toBeLessThanOrEqual(3);
    expect(r.period).toEqual({ first: '2024-01-05', last: '2024-06-20' });
  });

  it('no purchases: counts are 0, rates and AOV are null, no period', async () => {
    await createPurchases(db, 'kpi_empty', []);
    const r = await run('kpi_empty');
    expect(r.values['rfm.customers']).toBe(0);
    expect(r.values['revenue.total']).toBe(0);
    expect(r.values['rfm.repurchase_rate']).toBeNull();
    expect(r.values['rfm.aov']).toBeNull();
    expect(r.period).toEqual({ first: null, last: null });
  });
});

/**
 * The experiment view on a hand-checked fixture (issue 13): two arms and a control, 0/1 outcomes and
 * an amount. Expected numbers are worked out in the comments (and the statistics are pinned in
 * stats.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { runPart, explainPlan } from '../../../tests/unit/support/run-module.ts';
import { experimentModule } from './module.ts';
import type { ExperimentConfig } from './experiment-config.ts';
import { newcombe, twoProportionP } from '../stats/intervals.ts';

let db: DbPort;
const ctx = { locale: 'en' as const, purchases: 'purchases' };
beforeAll(async () => {
  db = await openNodeDb();
  // A: 4 customers, 3 converted, revenue 10, 20, 30, 0 (mean 15); B: 2 customers, 0 converted;
  // Control: 4 customers, 1 converted, revenue 0, 0, 0, 8 (mean 2).
  await db.exec(`CREATE TABLE experiment_clean AS SELECT * FROM (VALUES
    (NULL, 'Arm A', 1, NULL, 10.0), (NULL, 'Arm A', 1, NULL, 20.0), (NULL, 'Arm A', 1, NULL, 30.0), (NULL, 'Arm A', 0, NULL, 0.0),
    (NULL, 'Arm B', 0, NULL, 0.0), (NULL, 'Arm B', 0, NULL, 0.0),
    (NULL, 'No Mail', 0, NULL, 0.0), (NULL, 'No Mail', 0, NULL, 0.0), (NULL, 'No Mail', 0, NULL, 0.0), (NULL, 'No Mail', 1, NULL, 8.0)
  ) AS t(customer_id, arm, converted, visited, revenue)`);
});
afterAll(async () => db.close());

const run = (config: ExperimentConfig) => runPart(db, experimentModule.parts.table, config, ctx, undefined);

describe('experiment module', () => {
  it('detects "No Mail" as the control and compares every arm on every mapped outcome', async () => {
    const rows = await run({ control: null, outcomes: ['converted', 'revenue'] });
    expect(rows.map((r) => [r.outcome, r.arm, r.is_control, r.customers, r.total])).toEqual([
      ['converted', 'No Mail', true, 4, 1],
      ['converted', 'Arm A', false, 4, 3],
      ['converted', 'Arm B', false, 2, 0],
      ['revenue', 'No Mail', true, 4, 8],
      ['revenue', 'Arm A', false, 4, 60],
      ['revenue', 'Arm B', false, 2, 0],
    ]);
    const a = rows[1]!;
    // 3/4 − 1/4 = 0.5
    expect(a.rate_or_mean).toBe(0.75);
    expect(a.diff_vs_control).toBeCloseTo(0.5, 12);
    const ref = newcombe(3, 4, 1, 4)!;
    expect(a.ci_low).toBeCloseTo(ref.low, 10);
    expect(a.ci_high).toBeCloseTo(ref.high, 10);
    // pooled 4/8: se = √(0.25 · 0.5) = 0.35355, z = 1.41421, p = 0.157299
    expect(a.p_value).toBeCloseTo(0.15729920705028533, 8);
    expect(a.p_value).toBeCloseTo(twoProportionP(3, 4, 1, 4)!, 12);
    // zero conversions on one side: Newcombe still gives an interval, the z-test a p-value
    const b = rows[2]!;
    expect(b.diff_vs_control).toBeCloseTo(-0.25, 12);
    expect(b.ci_low).not.toBeNull();
    expect(b.p_value).not.toBeNull();
    expect(rows[0]!.diff_vs_control).toBeNull();
    expect(rows[0]!.control_arm).toBe('No Mail');
    // revenue: A mean 15, var 166.667; control mean 2, var 16: diff 13, se = √(41.667 + 4) = 6.7577,
    // Welch df = 45.667² / (41.667²/3 + 4²/3) = 2085.4 / 584.0 = 3.571
    const r = rows[4]!;
    expect(r.rate_or_mean).toBe(15);
    expect(r.diff_vs_control).toBe(13);
    expect(r.p_value!).toBeGreaterThan(0.1);
    expect(r.p_value!).toBeLessThan(0.2);
    expect(r.needed_per_group).toBe(
      Math.ceil(((1.959963984540054 + 0.8416212335729143) ** 2 * (166.66666666666666 + 16)) / 169),
    );
  });

  it('a chosen control wins; an unknown control gives no comparisons, never a wrong one', async () => {
    const rows = await run({ control: 'Arm B', outcomes: ['converted'] });
    expect(rows.find((r) => r.is_control)!.arm).toBe('Arm B');
    const none = await run({ control: 'nope', outcomes: ['converted'] });
    expect(none.every((r) => !r.is_control && r.diff_vs_control === null && r.p_value === null)).toBe(true);
  });

  it('experiment.csv has exactly the issue columns, and every query binds', async () => {
    const spec = experimentModule.exports[0]!;
    const plan = spec.plan({ control: null, outcomes: [] }, ctx, undefined);
    for (const s of experimentModule.prepare({ control: null, outcomes: [] }, ctx)) await db.exec(s);
    await db.exec('ALTER TABLE experiment_clean ALTER visited SET DATA TYPE INTEGER');
    await explainPlan(db, plan);
    const { decodeIpc } = await import('../../client/decode.ts');
    const out = decodeIpc(await db.queryIpc(plan.query));
    // no column comment (a table not made by cleaning): the field's own name
    expect(out.rows.map((r) => r['outcome'])).toContain('converted');
    // cleaning keeps the file's column name as the comment: experiment.csv uses it, in the same order
    await db.exec(`COMMENT ON COLUMN experiment_clean.converted IS 'conversion'`);
    await db.exec(`COMMENT ON COLUMN experiment_clean.revenue IS 'spend'`);
    const named = decodeIpc(await db.queryIpc(plan.query)).rows;
    expect(named.map((r) => `${String(r['outcome'])}/${String(r['arm'])}`)).toEqual(
      out.rows.map(
        (r) =>
          `${String(r['outcome']).replace('converted', 'conversion').replace('revenue', 'spend')}/${String(r['arm'])}`,
      ),
    );
    expect(named.map((r) => r['outcome'])).toContain('spend');
    expect(Object.keys(out.rows[0]!)).toEqual([
      'outcome',
      'arm',
      'is_control',
      'customers',
      'total',
      'rate_or_mean',
      'diff_vs_control',
      'ci_low',
      'ci_high',
      'p_value',
    ]);
  });
});

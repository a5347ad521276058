import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbPort } from '../../engine/db-port.ts';
import { openNodeDb } from '../../engine/node-db.ts';
import { cutPointsFromRows } from './build-cut-points-sql.ts';
import { buildRfmSql } from './build-rfm-sql.ts';
import { presetConfig } from './presets.ts';
import { parseRfmConfig, type ResolvedRfmConfig as RfmConfig, type RfmConfigInput } from './rfm-config.ts';
import { assignSegment } from './segment-rules.ts';
import { createPurchases, daysBefore, rowsOf, runPlan, type Order } from './testing/rfm-fixture.ts';

const AS_OF = '2024-06-30';
let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

function config(input: RfmConfigInput): RfmConfig {
  const r = parseRfmConfig(input);
  if (!r.ok) throw new Error(r.issues.join('; '));
  return r.value;
}

/** `count` orders of one customer summing to `total`, the last one `recency` days before AS_OF. */
function orders(customer: string, recency: number, count: number, total: number): Order[] {
  const each = Math.floor((total / count) * 100) / 100;
  return Array.from({ length: count }, (_, i) => ({
    customer,
    date: daysBefore(AS_OF, recency + (count - 1 - i)),
    net: i === count - 1 ? Math.round((total - each * (count - 1)) * 100) / 100 : each,
    order: `${customer}-${i + 1}`,
  }));
}

type Expect = [
  id: string,
  recency: number,
  f: number,
  m: number,
  r: number,
  fs: number,
  ms: number,
  segment: string,
];
async function customers(cfg: RfmConfig, extra: { asOf?: string; locale?: 'zh-CN' | 'en' } = {}) {
  const cutRows = await runPlan(db, buildRfmSql(cfg, { purchases: 'purchases', ...extra }));
  const rows = await rowsOf(db, 'SELECT * FROM rfm_customers ORDER BY customer_id');
  return { rows, cuts: cutPointsFromRows(cutRows) };
}
function expectRows(rows: Record<string, unknown>[], expected: Expect[]) {
  expect(
    rows.map((r) => [
      r.customer_id,
      r.recency_days,
      r.frequency,
      r.monetary,
      r.r_score,
      r.f_score,
      r.m_score,
      r.segment,
    ]),
  ).toEqual(expected);
  for (const r of rows)
    expect(r.rfm_code).toBe(Number(r.r_score) * 100 + Number(r.f_score) * 10 + Number(r.m_score));
}

describe('value5 (fixed thresholds, values on every cut point)', () => {
  beforeAll(async () => {
    await createPurchases(db, 'purchases', [
      ...orders('A', 0, 10, 10000), // F 10 and M 10000 sit on the top cut points
      ...orders('B', 30, 5, 5000), // R 30 is still 5; F 5 and M 5000 on cut points → 4
      ...orders('C', 31, 4, 4999.99), // R 31 → 4
      ...orders('D', 181, 2, 100), // R 181 → 1, F 2 → 2: churn risk
      ...orders('E', 180, 1, 1999.99), // 2,2,2: general
      ...orders('H', 90, 1, 500), // R 90 → 3, M 500 → 2
      ...orders('I', 91, 1, 499.99), // 2,2,1 matches no rule → other
      ...orders('J', 61, 1, 60),
    ]);
  });

  it('scores with [lower, upper) bins and assigns the first matching segment', async () => {
    const { rows, cuts } = await customers(config({ preset: 'value5' }));
    expectRows(rows, [
      ['A', 0, 10, 10000, 5, 5, 5, 'high_value'],
      ['B', 30, 5, 5000, 5, 4, 4, 'high_value'],
      ['C', 31, 4, 4999.99, 4, 3, 3, 'mid_potential'],
      ['D', 181, 2, 100, 1, 2, 1, 'churn_risk'],
      ['E', 180, 1, 1999.99, 2, 2, 2, 'general'],
      ['H', 90, 1, 500, 3, 2, 2, 'mid_potential'],
      ['I', 91, 1, 499.99, 2, 2, 1, 'other'],
      ['J', 61, 1, 60, 3, 2, 1, 'mid_potential'],
    ]);
    expect(rows[0]!.as_of).toBe(AS_OF); // default as-of = latest purchase date
    expect(rows[0]!.segment_label).toBe('高价值客户');
    expect(cuts.r).toEqual({ cuts: [31, 61, 91, 181], source: 'fixed', comparison: null, basis: null });
    expect(cuts.m.cuts).toEqual([500, 2000, 5000, 10000]);
  });

  it('counts F and M inside the window only; customers outside it get F 0 (low value)', async () => {
    const { rows } = await customers(
      config({ preset: 'value5', window: { kind: 'lastMonths', months: 3 } }),
      {
        locale: 'en',
      },
    );
    const d = rows.find((r) => r.customer_id === 'D')!;
    expect([d.recency_days, d.frequency, d.monetary, d.rfm_code, d.segment, d.segment_label]).toEqual([
      181,
      0,
      0,
      111,
      'low_value',
      'Low value',
    ]);
    expect(rows.find((r) => r.customer_id === 'E')!.segment).toBe('other'); // 2,1,1
  });

  it('an explicit as-of date moves recency and drops later purchases', async () => {
    const { rows } = await customers(config({ preset: 'value5' }), { asOf: '2024-06-29' });
    expect(rows.find((r) => r.customer_id === 'A')).toMatchObject({
      recency_days: 0,
      frequency: 9,
      monetary: 9000,
    });
    expect(rows.find((r) => r.customer_id === 'B')).toMatchObject({ recency_days: 29 });
  });

  it('offers AOV as M', async () => {
    const { rows } = await customers(config({ preset: 'value5', monetary: 'aov' }));
    expect(rows.find((r) => r.customer_id === 'A')).toMatchObject({
      monetary: 1000,
      revenue: 10000,
      m_score: 2,
    });
  });

  it('a range window bounds F/M and the default as-of', async () => {
    const cfg = config({ preset: 'value5', window: { kind: 'range', from: '2024-06-01', to: '2024-06-25' } });
    const { rows } = await customers(cfg);
    expect(rows[0]!.as_of).toBe('2024-06-25');
    expect(rows.find((r) => r.customer_id === 'A')).toMatchObject({
      recency_days: 0,
      frequency: 5,
      monetary: 5000,
    });
    expect(rows.find((r) => r.customer_id === 'B')).toMatchObject({
      frequency: 0,
      monetary: 0,
      recency_days: 25,
    });
  });
});

describe('cn8 (two levels against the mean / median)', () => {
  // Means: recency 10, F 3, M 400 (Q is at every mean, T at the M mean); medians: 10, 3, 300.
  beforeAll(async () => {
    await createPurchases(db, 'purchases', [
      ...orders('P', 1, 5, 1000), // bought yesterday, often and a lot
      ...orders('Q', 10, 3, 300),
      ...orders('S', 20, 1, 100),
      ...orders('T', 5, 1, 400),
      ...orders('U', 14, 5, 200),
    ]);
  });

  it('a customer who bought yesterday, often and a lot, is 重要价值客户', async () => {
    const { rows } = await customers(config({ preset: 'cn8' }), { asOf: AS_OF });
    const p = rows.find((r) => r.customer_id === 'P')!;
    expect([p.recency_days, p.rfm_code, p.segment, p.segment_label]).toEqual([
      1,
      222,
      'important_value',
      '重要价值客户',
    ]);
  });

  it('mean of raw values: exactly at the mean is low', async () => {
    const { rows, cuts } = await customers(config({ preset: 'cn8' }), { asOf: AS_OF });
    expect(rows.map((r) => [r.customer_id, r.rfm_code, r.segment])).toEqual([
      ['P', 222, 'important_value'],
      ['Q', 111, 'general_retain'],
      ['S', 111, 'general_retain'],
      ['T', 211, 'general_develop'],
      ['U', 121, 'general_keep'],
    ]);
    expect([cuts.r.comparison, cuts.f.comparison, cuts.m.comparison]).toEqual([10, 3, 400]);
    expect(cuts.m).toMatchObject({ source: 'mean', basis: 'values', cuts: [] });
  });

  it('median instead of mean, with the Quick Audience names', async () => {
    const cfg = config({ preset: 'cn8', cn8: { compare: 'median', naming: 'quick_audience' } });
    const { rows, cuts } = await customers(cfg, { asOf: AS_OF });
    expect(rows.map((r) => [r.customer_id, r.rfm_code, r.segment_label])).toEqual([
      ['P', 222, '高价值用户'],
      ['Q', 111, '潜在用户'],
      ['S', 111, '潜在用户'],
      ['T', 212, '重点发展用户'],
      ['U', 121, '一般保持用户'],
    ]);
    expect(cuts.m.comparison).toBe(300);
  });

  it('1–5 quintile scores compared with their mean (VeCDP names)', async () => {
    const cfg = config({
      preset: 'cn8',
      cn8: { basis: 'scores', naming: 'vecdp' },
      quantileMethod: 'discrete',
    });
    const { rows, cuts } = await customers(cfg, { asOf: AS_OF });
    // R scores P5 T4 Q3 U2 S1 (mean 3); F cuts 3,3,5,6 → P4 Q3 S1 T1 U4 (mean 2.6); M P5 T4 Q3 U2 S1.
    expect(rows.map((r) => [r.customer_id, r.rfm_code, r.segment_label])).toEqual([
      ['P', 222, '重要价值客户'],
      ['Q', 121, '一般维持客户'],
      ['S', 111, '流失客户'],
      ['T', 212, '重要深耕客户'],
      ['U', 121, '一般维持客户'],
    ]);
    expect(cuts.r).toEqual({ cuts: [5, 10, 14, 20], source: 'mean', comparison: 3, basis: 'scores' });
    expect(cuts.f.cuts).toEqual([3, 3, 5, 6]);
    expect(cuts.f.comparison).toBeCloseTo(2.6, 10);
  });
});

describe('tier3', () => {
  beforeAll(async () => {
    await createPurchases(db, 'purchases', [
      ...orders('V1', 30, 2, 2000),
      ...orders('V2', 31, 1, 2000),
      ...orders('V3', 90, 5, 499.99),
      ...orders('V4', 91, 5, 500),
      ...orders('V5', 0, 1, 10),
      ...orders('V6', 200, 1, 1999.99),
      ...orders('V7', 5, 4, 600),
      ...orders('V8', 100, 1, 5000),
    ]);
  });

  it('three tiers per dimension with named combinations covering every cell', async () => {
    const { rows } = await customers(config({ preset: 'tier3' }));
    expectRows(rows, [
      ['V1', 30, 2, 2000, 3, 2, 3, 'core'],
      ['V2', 31, 1, 2000, 2, 1, 3, 'cooling_high_value'],
      ['V3', 90, 5, 499.99, 2, 3, 1, 'cooling'],
      ['V4', 91, 5, 500, 1, 3, 2, 'lapsed_repeat'],
      ['V5', 0, 1, 10, 3, 1, 1, 'active_new'],
      ['V6', 200, 1, 1999.99, 1, 1, 2, 'lapsed'],
      ['V7', 5, 4, 600, 3, 2, 2, 'active_repeat'],
      ['V8', 100, 1, 5000, 1, 1, 3, 'lapsed_high_value'],
    ]);
  });
});

describe('intl11 (quintiles)', () => {
  // Ten customers: recency 0..9, M 1000..100, F with ties (six customers bought once).
  const spec: [string, number, number, number][] = [
    ['c01', 0, 10, 1000],
    ['c02', 1, 4, 900],
    ['c03', 2, 3, 800],
    ['c04', 3, 2, 700],
    ['c05', 4, 1, 600],
    ['c06', 5, 1, 500],
    ['c07', 6, 1, 400],
    ['c08', 7, 1, 300],
    ['c09', 8, 1, 200],
    ['c10', 9, 1, 100],
  ];
  beforeAll(async () => {
    await createPurchases(
      db,
      'purchases',
      spec.flatMap(([c, r, f, m]) => orders(c, r, f, m)),
    );
  });

  it('computes discrete quintile cut points (ties stay in the lower bin) and maps codes', async () => {
    const { rows, cuts } = await customers(config({ preset: 'intl11', quantileMethod: 'discrete' }));
    expect([cuts.r.cuts, cuts.f.cuts, cuts.m.cuts]).toEqual([
      [2, 4, 6, 8],
      [2, 2, 2, 4],
      [300, 500, 700, 900],
    ]);
    expect(rows.map((r) => [r.customer_id, r.rfm_code, r.segment])).toEqual([
      ['c01', 555, 'champions'],
      ['c02', 555, 'champions'],
      ['c03', 444, 'loyal'],
      ['c04', 444, 'loyal'],
      ['c05', 313, 'promising'],
      ['c06', 313, 'promising'],
      ['c07', 212, 'hibernating'],
      ['c08', 212, 'hibernating'],
      ['c09', 111, 'lost'],
      ['c10', 111, 'lost'],
    ]);
    // The SQL and the TypeScript evaluator agree on every customer.
    const segments = presetConfig('intl11').segments;
    for (const r of rows) {
      expect(
        assignSegment(segments, { r: Number(r.r_score), f: Number(r.f_score), m: Number(r.m_score) }),
      ).toBe(r.segment);
    }
  });

  it('percentile_inc: PERCENTILE.INC cut points, a value on a cut point takes the upper bin', async () => {
    const { rows, cuts } = await customers(config({ preset: 'intl11', quantileMethod: 'percentile_inc' }));
    // n = 10, h = 9p + 1: R 0..9 → 1.8, 3.6, 5.4, 7.2; F 1,1,1,1,1,1,2,3,4,10 → 1, 1, 1.4, 3.2;
    // M 100..1000 → 280, 460, 640, 820.
    expect(cuts.r.cuts.map((x) => +x.toFixed(9))).toEqual([1.8, 3.6, 5.4, 7.2]);
    expect(cuts.f.cuts.map((x) => +x.toFixed(9))).toEqual([1, 1, 1.4, 3.2]);
    expect(cuts.m.cuts.map((x) => +x.toFixed(9))).toEqual([280, 460, 640, 820]);
    expect(rows.map((r) => [r.customer_id, r.rfm_code])).toEqual([
      ['c01', 555],
      ['c02', 555],
      ['c03', 444],
      ['c04', 444],
      ['c05', 333],
      ['c06', 333],
      ['c07', 232],
      ['c08', 232],
      ['c09', 131],
      ['c10', 131],
    ]);
  });

  it('interpolated (default): PERCENTILE.INC + 1, as the R rfm package bins', async () => {
    const { rows, cuts } = await customers(config({ preset: 'intl11' }));
    expect(cuts.r.cuts.map((x) => +x.toFixed(9))).toEqual([2.8, 4.6, 6.4, 8.2]);
    expect(cuts.f.cuts.map((x) => +x.toFixed(9))).toEqual([2, 2, 2.4, 4.2]);
    expect(cuts.m.cuts.map((x) => +x.toFixed(9))).toEqual([281, 461, 641, 821]);
    expect(rows.map((r) => [r.customer_id, r.rfm_code])).toEqual([
      ['c01', 555],
      ['c02', 545],
      ['c03', 544],
      ['c04', 434],
      ['c05', 413],
      ['c06', 313],
      ['c07', 312],
      ['c08', 212],
      ['c09', 211],
      ['c10', 111],
    ]);
  });

  it('every customer bought once: F cut points move above the data and all F scores are 1', async () => {
    await createPurchases(db, 'purchases', [
      ...orders('x', 1, 1, 10),
      ...orders('y', 2, 1, 20),
      ...orders('z', 3, 1, 30),
    ]);
    const { rows, cuts } = await customers(config({ preset: 'intl11', quantileMethod: 'discrete' }));
    expect(cuts.f.cuts).toEqual([2, 2, 2, 2]);
    expect(rows.map((r) => r.f_score)).toEqual([1, 1, 1]);
    // Default (interpolated, R rfm's + 1): cut points 2, all F 1. percentile_inc: every quantile
    // is 1 and a value on a cut point takes the upper bin (as Excel's =IF(x >= PERCENTILE.INC(…))).
    const interp = await customers(config({ preset: 'intl11' }));
    expect(interp.cuts.f.cuts).toEqual([2, 2, 2, 2]);
    expect(interp.rows.map((r) => r.f_score)).toEqual([1, 1, 1]);
    const inc = await customers(config({ preset: 'intl11', quantileMethod: 'percentile_inc' }));
    expect(inc.cuts.f.cuts).toEqual([1, 1, 1, 1]);
    expect(inc.rows.map((r) => r.f_score)).toEqual([5, 5, 5]);
  });
});

describe('edge cases', () => {
  it('empty purchases give an empty customers table', async () => {
    await createPurchases(db, 'purchases', []);
    const { rows } = await customers(config({ preset: 'intl11' }));
    expect(rows).toEqual([]);
  });

  it('NULL net amounts count as orders with no revenue', async () => {
    await createPurchases(db, 'purchases', [
      { customer: 'n', date: AS_OF, net: null },
      { customer: 'n', date: AS_OF, net: 5 },
    ]);
    const { rows } = await customers(config({ preset: 'value5' }));
    expect(rows).toMatchObject([{ customer_id: 'n', frequency: 2, monetary: 5 }]);
  });

  it('hostile ids and labels stay data', async () => {
    await createPurchases(db, 'purchases', [
      { customer: "x'); DROP TABLE purchases; --", date: AS_OF, net: 1 },
    ]);
    const cfg = config({
      preset: 'custom',
      cuts: {
        r: { source: 'fixed', points: [1] },
        f: { source: 'fixed', points: [1] },
        m: { source: 'fixed', points: [1] },
      },
      segments: [{ id: 'all', label: { 'zh-CN': "'; DROP TABLE x; --", en: '"' }, rule: { ranges: {} } }],
    });
    const { rows } = await customers(cfg);
    expect(rows).toMatchObject([
      { customer_id: "x'); DROP TABLE purchases; --", segment_label: "'; DROP TABLE x; --" },
    ]);
  });
});

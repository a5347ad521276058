/**
 * The statistics, checked by hand and against published values (issue 13). Expected numbers come from
 * the cited sources, or were computed independently (scipy.stats 1.17: norm.ppf, t.ppf, t.sf,
 * ttest_ind(equal_var=False)) when writing these tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { decodeIpc } from '../../client/decode.ts';
import {
  normalCdf,
  normalQuantile,
  normalUpper,
  tQuantile,
  tTwoTailed,
  Z_80,
  Z_975,
} from './distributions.ts';
import {
  newcombe,
  sampleSizeMeans,
  sampleSizeProportions,
  twoProportionP,
  welch,
  wilson,
} from './intervals.ts';
import { buildStatsMacrosSql } from './build-stats-sql.ts';

describe('normal distribution', () => {
  it('quantiles: 1.959964 (95 % two-sided), 0.841621 (80 % power), tails symmetric', () => {
    expect(Z_975).toBeCloseTo(1.959963984540054, 12);
    expect(Z_80).toBeCloseTo(0.8416212335729143, 12);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 14);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 10);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 10);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it('cdf: Φ(1.96) = 0.9750021, upper tail at 3 = 0.0013499, Φ(0) = 0.5', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 13);
    expect(normalUpper(3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalUpper(-3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalCdf(0)).toBe(0.5);
    expect(Math.abs(normalUpper(8) / 6.22096057427178e-16 - 1)).toBeLessThan(1e-7);
    expect(normalCdf(normalQuantile(0.3))).toBeCloseTo(0.3, 14);
  });
});

describe('Student t', () => {
  it('97.5 % quantiles: 12.706 (1 df), 3.182 (3), 2.228 (10), 1.962 (1000)', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706204736174694, 8);
    expect(tQuantile(0.975, 3)).toBeCloseTo(3.1824463052837078, 9);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 9);
    expect(tQuantile(0.975, 1000)).toBeCloseTo(1.9623390808264083, 9);
    expect(tQuantile(0.025, 10)).toBeCloseTo(-2.228138851986274, 9);
  });

  it('two-tailed p: t = 2 with 10 df is 0.0733880, t = 3 with 30 df is 0.0053900', () => {
    expect(tTwoTailed(2, 10)).toBeCloseTo(0.07338803477074037, 12);
    expect(tTwoTailed(3, 30)).toBeCloseTo(0.005389964065651945, 12);
    expect(tTwoTailed(-1, 3)).toBeCloseTo(0.3910022189557705, 12);
    expect(tTwoTailed(0, 7)).toBeCloseTo(1, 12);
  });
});

describe('comparing proportions and means', () => {
  it("Newcombe's example (a), 56/70 − 48/80: difference 0.2, hybrid score 95 % CI 0.0524 to 0.3339", () => {
    // Newcombe RG. Statistics in Medicine 1998;17:873–890, Table II, method 10.
    const d = newcombe(56, 70, 48, 80)!;
    expect(d.diff).toBeCloseTo(0.2, 12);
    expect(d.low).toBeCloseTo(0.0524, 4);
    expect(d.high).toBeCloseTo(0.3339, 4);
    // Zero events on both sides still give an interval (Wilson never collapses).
    const zero = newcombe(0, 10, 0, 20)!;
    expect(zero.low).toBeCloseTo(-0.16112515805281938, 10);
    expect(zero.high).toBeCloseTo(0.2775327998628892, 10);
  });

  it('Wilson 81/263: 0.2553 to 0.3662 (hand check: p = 0.30798, z² = 3.8415)', () => {
    const w = wilson(81, 263)!;
    expect(w.low).toBeCloseTo(0.2552885198782742, 10);
    expect(w.high).toBeCloseTo(0.36620957698280004, 10);
    expect(wilson(0, 0)).toBeNull();
  });

  it('pooled z-test: 56/70 vs 48/80 gives z = 2.6502, p = 0.008045; no variance gives no p', () => {
    expect(twoProportionP(56, 70, 48, 80)).toBeCloseTo(0.00804508136819656, 10);
    expect(twoProportionP(0, 10, 0, 20)).toBeNull();
    expect(twoProportionP(10, 10, 20, 20)).toBeNull();
  });

  it('Welch: [1..5] vs [2,4,…,12]: df 6.972, p 0.04928, CI −7.9835 to −0.0165', () => {
    // means 3 and 7, sample variances 2.5 and 14
    const w = welch(3, 2.5, 5, 7, 14, 6)!;
    expect(w.diff).toBe(-4);
    expect(w.df).toBeCloseTo(6.972255729794934, 10);
    expect(w.p).toBeCloseTo(0.04928433820673053, 10);
    expect(w.low).toBeCloseTo(-7.98346869562883, 8);
    expect(w.high).toBeCloseTo(-0.016531304371169675, 8);
    expect(welch(1, 0, 1, 2, 1, 5)).toBeNull();
    expect(welch(1, 0, 5, 1, 0, 5)).toBeNull();
  });

  it('sample size: 10 % vs 12 % needs 3,841 per group; a mean difference of 1 with sd 5 and 5 needs 393', () => {
    // (1.959964·√(2·0.11·0.89) + 0.841621·√(0.1·0.9 + 0.12·0.88))² / 0.02² = 3840.2 → 3841
    expect(sampleSizeProportions(0.12, 0.1)).toBe(3841);
    // (1.959964 + 0.841621)² · 50 / 1 = 392.44 → 393
    expect(sampleSizeMeans(1, 25, 25)).toBe(393);
    expect(sampleSizeProportions(0.1, 0.1)).toBeNull();
  });
});

describe('the SQL macros agree with the TypeScript reference', () => {
  let db: DbPort;
  beforeAll(async () => {
    db = await openNodeDb();
    for (const sql of buildStatsMacrosSql()) await db.exec(sql);
  });
  afterAll(async () => db.close());
  const one = async (sql: string) =>
    decodeIpc(await db.queryIpc(`SELECT ${sql} AS v`)).rows[0]!.v as number | null;

  it('normal upper tail, to 1e-15', async () => {
    for (const x of [0, 0.3, 1.96, -2.5, 5, 8, 10]) {
      const got = (await one(`cl_norm_upper(${x})`))!;
      expect(Math.abs(got - normalUpper(x))).toBeLessThanOrEqual(1e-15 * normalUpper(x));
    }
  });

  it('t two-tailed p within 1e-4 of exact for df ≥ 3, 1e-6 for df ≥ 30', async () => {
    for (const df of [3, 5, 10, 30, 100, 1000, 6.972])
      for (const t of [0, 0.5, 1, 2, 3, 5]) {
        const got = (await one(`cl_t_two_tailed(${t}, ${df})`))!;
        expect(Math.abs(got - tTwoTailed(t, df)), `t=${t} df=${df}`).toBeLessThan(df >= 30 ? 1e-6 : 1e-4);
      }
  });

  it('t 97.5 % quantile within 0.005 for df ≥ 3, 1e-4 for df ≥ 10', async () => {
    for (const df of [3, 5, 10, 30, 100, 10000]) {
      const got = (await one(`cl_t975(${df})`))!;
      expect(Math.abs(got - tQuantile(0.975, df)), `df=${df}`).toBeLessThan(df >= 10 ? 1e-4 : 5e-3);
    }
  });

  it('Wilson, Newcombe, pooled p, Welch and sample sizes', async () => {
    expect(await one('cl_wilson_low(81, 263)')).toBeCloseTo(wilson(81, 263)!.low, 14);
    expect(await one('cl_newcombe_low(56, 70, 48, 80)')).toBeCloseTo(0.05243147240236498, 12);
    expect(await one('cl_newcombe_high(56, 70, 48, 80)')).toBeCloseTo(0.333872654036906, 12);
    expect(await one('cl_prop_p(56, 70, 48, 80)')).toBeCloseTo(0.00804508136819656, 12);
    expect(await one('cl_prop_p(0, 10, 0, 20)')).toBeNull();
    expect(await one('cl_welch_df(2.5, 5, 14, 6)')).toBeCloseTo(6.972255729794934, 10);
    expect(await one('cl_welch_p(3, 2.5, 5, 7, 14, 6)')).toBeCloseTo(0.04928433820673053, 4);
    expect(await one('cl_welch_low(3, 2.5, 5, 7, 14, 6)')).toBeCloseTo(-7.98346869562883, 1);
    expect(await one('cl_welch_p(1, 0, 1, 2, 1, 5)')).toBeNull();
    expect(await one('cl_n_props(0.12, 0.1)')).toBe(3841);
    expect(await one('cl_n_means(1, 25, 25)')).toBe(393);
    expect(await one('cl_n_props(0.1, 0.1)')).toBeNull();
  });
});

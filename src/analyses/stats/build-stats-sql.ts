/**
 * The statistics of intervals.ts as DuckDB macros (issue 13), so the experiment and campaign tables
 * (the UI's and the CLI's alike) carry their intervals and p-values straight from SQL. Tested equal to
 * the TypeScript reference (distributions.ts, intervals.ts) in stats.test.ts.
 *
 * - cl_norm_upper(x): P(Z > |x|), the same Hart/West algorithm as normalUpper.
 * - cl_t_two_tailed(t, df): P(|T| ≥ |t|) by G. W. Hill's normal expansion for any real df (CACM
 *   Algorithm 395, 1970): within 1e-4 of the exact value for df ≥ 3, 1e-6 for df ≥ 30 (tested).
 * - cl_t975(df): the 97.5 % t quantile by the Cornish–Fisher expansion in z (Abramowitz & Stegun
 *   26.7.5, four terms): within 0.005 of the exact quantile for df ≥ 3, 1e-4 for df ≥ 10 (tested).
 * - cl_wilson_low / _high, cl_newcombe_low / _high, cl_prop_p, cl_welch_*: as in intervals.ts.
 * - cl_n_props, cl_n_means: customers per group for 80 % power at α 5 %.
 *
 * Every sqrt reads greatest(0, …): DuckDB may hoist a common subexpression out of the CASE that
 * guards it (the macros' own CASEs still return NULL for invalid input).
 *
 * Each macro binds its arguments once in a scalar subquery (`let`), so nested macros stay linear in
 * size (an argument used six times would otherwise be expanded six times at every level).
 */
import { Z_80, Z_975 } from './distributions.ts';

/** A number as a DOUBLE literal (a plain decimal literal would be DECIMAL and overflow). */
const d = (n: number) => (Number.isInteger(n) ? `${n}.0e0` : n.toExponential());

/** `(SELECT body FROM (SELECT e1 AS n1, …))`: evaluate each binding once. */
const bind = (bindings: Readonly<Record<string, string>>, body: string) =>
  `(SELECT ${body} FROM (SELECT ${Object.entries(bindings)
    .map(([n, e]) => `CAST(${e} AS DOUBLE) AS ${n}`)
    .join(', ')}))`;

const poly = (cs: readonly number[], x: string) =>
  cs.reduce((acc, c) => `(${acc}) * ${x} + ${d(c)}`, '0.0e0');

const z = d(Z_975);
const zb = d(Z_80);
const Z = Z_975;
const G = [
  (Z ** 3 + Z) / 4,
  (5 * Z ** 5 + 16 * Z ** 3 + 3 * Z) / 96,
  (3 * Z ** 7 + 19 * Z ** 5 + 17 * Z ** 3 - 15 * Z) / 384,
  (79 * Z ** 9 + 776 * Z ** 7 + 1482 * Z ** 5 - 1920 * Z ** 3 - 945 * Z) / 92160,
];

/** CREATE OR REPLACE TEMP MACRO statements; idempotent, run before any query that uses them. */
export function buildStatsMacrosSql(): string[] {
  const num = poly(
    [
      3.52624965998911e-2, 0.700383064443688, 6.37396220353165, 33.912866078383, 112.079291497871,
      221.213596169931, 220.206867912376,
    ],
    'a',
  );
  const den = poly(
    [
      8.83883476483184e-2, 1.75566716318264, 16.064177579207, 86.7807322029461, 296.564248779674,
      637.333633378831, 793.826512519948, 440.413735824752,
    ],
    'a',
  );
  const z2 = `(${z} * ${z})`;
  const wilson = (sign: '-' | '+') =>
    bind(
      { x: 'x_', n: 'n_' },
      `CASE WHEN n > 0 THEN ((x / n + ${z2} / (2 * n)) ${sign} ${z} * sqrt(greatest(0.0e0, (x / n) * (1 - x / n) / n + ${z2} / (4 * n * n)))) / (1 + ${z2} / n) END`,
    );
  return [
    `CREATE OR REPLACE TEMP MACRO cl_norm_upper(x_) AS ${bind(
      { a: 'abs(x_)' },
      `CASE WHEN a IS NULL THEN NULL WHEN a > 37 THEN 0.0e0
  WHEN a < 7.07106781186547 THEN exp(-a * a / 2) * (${num}) / (${den})
  ELSE exp(-a * a / 2) / (a + 1 / (a + 2 / (a + 3 / (a + 4 / (a + 0.65e0))))) / 2.506628274631e0 END`,
    )}`,
    `CREATE OR REPLACE TEMP MACRO cl_t_two_tailed(t_, df_) AS ${bind(
      { t: 't_', df: 'df_' },
      `CASE WHEN t IS NULL OR df IS NULL OR df <= 0.5 THEN NULL ELSE 2 * cl_norm_upper(${bind(
        {
          y: 'CASE WHEN df > 0.5 THEN (df - 0.5) * ln(1 + t * t / df) END',
          b: '48.0 * (df - 0.5) * (df - 0.5)',
        },
        `((((((-0.4 * y - 3.3) * y - 24.0) * y - 85.5) / (0.8 * y * y + 100.0 + b) + y + 3.0) / b + 1.0) * sqrt(greatest(0.0e0, y)))`,
      )}) END`,
    )}`,
    `CREATE OR REPLACE TEMP MACRO cl_t975(df_) AS ${bind(
      { v: 'df_' },
      `${z} + ${d(G[0]!)} / v + ${d(G[1]!)} / (v * v) + ${d(G[2]!)} / (v * v * v) + ${d(G[3]!)} / (v * v * v * v)`,
    )}`,
    `CREATE OR REPLACE TEMP MACRO cl_wilson_low(x_, n_) AS ${wilson('-')}`,
    `CREATE OR REPLACE TEMP MACRO cl_wilson_high(x_, n_) AS ${wilson('+')}`,
    `CREATE OR REPLACE TEMP MACRO cl_newcombe_low(x1_, n1_, x2_, n2_) AS ${bind(
      { x1: 'x1_', n1: 'n1_', x2: 'x2_', n2: 'n2_' },
      `CASE WHEN n1 > 0 AND n2 > 0 THEN
  x1 / n1 - x2 / n2 - sqrt(greatest(0.0e0, (x1 / n1 - cl_wilson_low(x1, n1)) ^ 2 + (cl_wilson_high(x2, n2) - x2 / n2) ^ 2)) END`,
    )}`,
    `CREATE OR REPLACE TEMP MACRO cl_newcombe_high(x1_, n1_, x2_, n2_) AS ${bind(
      { x1: 'x1_', n1: 'n1_', x2: 'x2_', n2: 'n2_' },
      `CASE WHEN n1 > 0 AND n2 > 0 THEN
  x1 / n1 - x2 / n2 + sqrt(greatest(0.0e0, (cl_wilson_high(x1, n1) - x1 / n1) ^ 2 + (x2 / n2 - cl_wilson_low(x2, n2)) ^ 2)) END`,
    )}`,
    `CREATE OR REPLACE TEMP MACRO cl_prop_p(x1_, n1_, x2_, n2_) AS ${bind(
      { x1: 'x1_', n1: 'n1_', x2: 'x2_', n2: 'n2_' },
      `CASE WHEN n1 > 0 AND n2 > 0 THEN ${bind(
        {
          se: 'CASE WHEN x1 >= 0 AND x2 >= 0 AND x1 <= n1 AND x2 <= n2 THEN sqrt(greatest(0.0e0, ((x1 + x2) / (n1 + n2)) * (1 - (x1 + x2) / (n1 + n2)) * (1 / n1 + 1 / n2))) END',
          dd: 'x1 / n1 - x2 / n2',
        },
        'CASE WHEN se > 0 THEN 2 * cl_norm_upper(dd / se) END',
      )} END`,
    )}`,
    `CREATE OR REPLACE TEMP MACRO cl_welch_se(v1_, n1_, v2_, n2_) AS ${bind(
      { v1: 'v1_', n1: 'n1_', v2: 'v2_', n2: 'n2_' },
      'CASE WHEN n1 >= 2 AND n2 >= 2 AND v1 / n1 + v2 / n2 > 0 THEN sqrt(greatest(0.0e0, v1 / n1 + v2 / n2)) END',
    )}`,
    `CREATE OR REPLACE TEMP MACRO cl_welch_df(v1_, n1_, v2_, n2_) AS ${bind(
      { v1: 'v1_', n1: 'n1_', v2: 'v2_', n2: 'n2_' },
      'CASE WHEN n1 >= 2 AND n2 >= 2 AND v1 / n1 + v2 / n2 > 0 THEN (v1 / n1 + v2 / n2) ^ 2 / ((v1 / n1) ^ 2 / (n1 - 1) + (v2 / n2) ^ 2 / (n2 - 1)) END',
    )}`,
    `CREATE OR REPLACE TEMP MACRO cl_welch_low(m1_, v1_, n1_, m2_, v2_, n2_) AS ${bind(
      { m1: 'm1_', v1: 'v1_', n1: 'n1_', m2: 'm2_', v2: 'v2_', n2: 'n2_' },
      'm1 - m2 - cl_t975(cl_welch_df(v1, n1, v2, n2)) * cl_welch_se(v1, n1, v2, n2)',
    )}`,
    `CREATE OR REPLACE TEMP MACRO cl_welch_high(m1_, v1_, n1_, m2_, v2_, n2_) AS ${bind(
      { m1: 'm1_', v1: 'v1_', n1: 'n1_', m2: 'm2_', v2: 'v2_', n2: 'n2_' },
      'm1 - m2 + cl_t975(cl_welch_df(v1, n1, v2, n2)) * cl_welch_se(v1, n1, v2, n2)',
    )}`,
    `CREATE OR REPLACE TEMP MACRO cl_welch_p(m1_, v1_, n1_, m2_, v2_, n2_) AS ${bind(
      { m1: 'm1_', v1: 'v1_', n1: 'n1_', m2: 'm2_', v2: 'v2_', n2: 'n2_' },
      'cl_t_two_tailed((m1 - m2) / cl_welch_se(v1, n1, v2, n2), cl_welch_df(v1, n1, v2, n2))',
    )}`,
    `CREATE OR REPLACE TEMP MACRO cl_n_props(p1_, p2_) AS ${bind(
      { p1: 'p1_', p2: 'p2_' },
      `CASE WHEN p1 BETWEEN 0 AND 1 AND p2 BETWEEN 0 AND 1 AND p1 <> p2 THEN
  CAST(ceil((${z} * sqrt(greatest(0.0e0, 2 * ((p1 + p2) / 2) * (1 - (p1 + p2) / 2))) + ${zb} * sqrt(greatest(0.0e0, p1 * (1 - p1) + p2 * (1 - p2)))) ^ 2
    / (p1 - p2) ^ 2) AS BIGINT) END`,
    )}`,
    `CREATE OR REPLACE TEMP MACRO cl_n_means(dd_, v1_, v2_) AS ${bind(
      { dd: 'dd_', v1: 'v1_', v2: 'v2_' },
      `CASE WHEN dd IS NOT NULL AND dd <> 0 AND v1 IS NOT NULL AND v2 IS NOT NULL THEN
  CAST(ceil((${z} + ${zb}) ^ 2 * (v1 + v2) / dd ^ 2) AS BIGINT) END`,
    )}`,
  ];
}

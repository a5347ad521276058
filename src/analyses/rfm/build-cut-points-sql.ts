/**
 * Cut points in SQL (issue 4 "Scoring"): fixed ones as given, quantile ones computed from the data,
 * mean / median comparison values for the two-level model. They live in one small table so the
 * scorer, the UI ("cut points in use", markLines on histograms) and exports read the same numbers.
 *
 * Quantile cut points for k levels over n customers, cut point i (1 ≤ i < k) at p = i/k, by the
 * config's `quantileMethod` (issue 12 item 13). Q(p) is R quantile(type = 7) = Excel PERCENTILE.INC
 * = DuckDB quantile_cont: sort the values x₁ ≤ … ≤ xₙ, h = (n − 1)·p + 1,
 * Q(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
 * - `interpolated` (default): cut = Q(p) + 1, the R `rfm` package's bins (its bins() adds 1 to
 *   quantile(type 7)): a customer scores higher only when at least one whole unit (day, order,
 *   currency unit) above the quantile, so with whole-number data a crowd sitting on the quantile
 *   (e.g. one-order customers) stays in the lower bin. Reproduces the package's published tables
 *   (rfm-reference.test.ts; without the + 1, 608 of its 995 customers score differently).
 * - `percentile_inc`: cut = Q(p), as Excel's =IF(x >= PERCENTILE.INC(…), …): ties on the quantile
 *   go up.
 * - `discrete`: the smallest observed value with at least ⌈i·n/k⌉ customers strictly below it;
 *   max + 1 when no value qualifies. Every cut point is a real data value (the rule before issue 12).
 * With the [lower, upper) rule a value equal to a cut point takes the upper bin; tied cut points
 * leave empty bins and k unchanged.
 */
import { ident, literal } from '../../sql/quote.ts';
import {
  MAX_CUT_POINTS,
  RFM_DIMENSIONS,
  type BaseCutsSpec,
  type DimensionCuts,
  type QuantileMethod,
  type RfmDimension,
} from './rfm-config.ts';
import type { Row } from './rows.ts';
import { RFM_CUT_POINTS } from '../../ingest/tables.ts';

/** The per-customer column a dimension scores, as DOUBLE. */
export function dimensionValueSql(d: RfmDimension): string {
  return { r: 'recency_days', f: 'frequency', m: 'monetary' }[d] + '::DOUBLE';
}

function fixedRowsSql(d: RfmDimension, points: readonly number[]): string {
  const rows = points.map((p, i) => `(${literal(d)}, 'cut', ${i + 1}, ${literal(p)}::DOUBLE, 'fixed', NULL)`);
  return `SELECT * FROM (VALUES ${rows.join(', ')}) AS t(dimension, kind, position, value, source, basis)`;
}

function discreteQuantileRowsSql(d: RfmDimension, levels: number, base: string): string {
  const k = literal(levels);
  return `(WITH vals AS (SELECT ${dimensionValueSql(d)} AS x FROM ${ident(base)}),
    dist AS (SELECT x, count(*) AS c FROM vals GROUP BY x),
    cum AS (SELECT x, sum(c) OVER (ORDER BY x) - c AS below FROM dist),
    stats AS (SELECT count(*) AS n, max(x) AS mx FROM vals),
    pos AS (SELECT unnest(range(1, ${k})) AS position)
  SELECT ${literal(d)} AS dimension, 'cut' AS kind, pos.position::INTEGER AS position,
    coalesce(min(cum.x) FILTER (WHERE cum.below >= (pos.position * stats.n + ${k} - 1) // ${k}), stats.mx + 1) AS value,
    'quantile' AS source, NULL AS basis
  FROM pos CROSS JOIN stats LEFT JOIN cum ON TRUE
  GROUP BY pos.position, stats.n, stats.mx)`;
}

/** quantile_cont at i/k (+ 1 for `interpolated`); no rows on empty input. */
function interpolatedQuantileRowsSql(
  d: RfmDimension,
  levels: number,
  base: string,
  plusOne: boolean,
): string {
  const probs = Array.from(
    { length: levels - 1 },
    (_, i) => `${literal(i + 1)}::DOUBLE / ${literal(levels)}`,
  );
  const value = plusOne ? 'q.value + 1' : 'q.value';
  return `(SELECT ${literal(d)} AS dimension, 'cut' AS kind, q.position::INTEGER AS position, ${value} AS value,
    'quantile' AS source, NULL AS basis
  FROM (SELECT unnest(range(1, ${literal(levels)})) AS position, unnest(qs) AS value
    FROM (SELECT quantile_cont(${dimensionValueSql(d)}, [${probs.join(', ')}]) AS qs FROM ${ident(base)})
    WHERE qs IS NOT NULL) q)`;
}

function quantileRowsSql(d: RfmDimension, levels: number, base: string, method: QuantileMethod): string {
  return method === 'discrete'
    ? discreteQuantileRowsSql(d, levels, base)
    : interpolatedQuantileRowsSql(d, levels, base, method === 'interpolated');
}

function baseRowsSql(d: RfmDimension, spec: BaseCutsSpec, base: string, method: QuantileMethod): string {
  return spec.source === 'fixed'
    ? fixedRowsSql(d, spec.points)
    : quantileRowsSql(d, spec.levels, base, method);
}

/** Number of cut points a bins spec yields (known before the data is read). */
export function cutCount(spec: BaseCutsSpec): number {
  return spec.source === 'fixed' ? spec.points.length : spec.levels - 1;
}

/**
 * SELECT of the cut-point rows one dimension contributes before scoring: its cut points (bins, or
 * the base bins of a two-level-on-scores dimension) and, for two-level on raw values, the
 * comparison value. Comparisons on scores are added after scoring (see build-rfm-sql.ts).
 */
export function cutPointRowsSql(
  d: RfmDimension,
  spec: DimensionCuts,
  base: string,
  method: QuantileMethod = 'interpolated',
): string {
  if (spec.source === 'fixed' || spec.source === 'quantile') return baseRowsSql(d, spec, base, method);
  if (spec.basis === 'scores') return baseRowsSql(d, spec.base, base, method);
  const agg = spec.source === 'mean' ? 'avg' : 'median';
  return `SELECT ${literal(d)} AS dimension, 'comparison' AS kind, 1 AS position,
    ${agg}(${dimensionValueSql(d)})::DOUBLE AS value, ${literal(spec.source)} AS source, 'values' AS basis
  FROM ${ident(base)}`;
}

/**
 * One row holding every cut point as a column: r_c1..r_c8, f_c1.., m_c1.. (NULL where absent) and
 * r_cmp, f_cmp, m_cmp (comparison values of two-level dimensions).
 */
export function pivotCutsSql(cutTable: string): string {
  const cols: string[] = [];
  for (const d of RFM_DIMENSIONS) {
    for (let i = 1; i <= MAX_CUT_POINTS; i++) {
      cols.push(
        `max(value) FILTER (WHERE dimension = ${literal(d)} AND kind = 'cut' AND position = ${i}) AS ${d}_c${i}`,
      );
    }
    cols.push(`max(value) FILTER (WHERE dimension = ${literal(d)} AND kind = 'comparison') AS ${d}_cmp`);
  }
  return `SELECT ${cols.join(',\n    ')} FROM ${ident(cutTable)}`;
}

/**
 * The cut points in use. Columns: dimension ('r' | 'f' | 'm'), kind ('cut' = a bin boundary,
 * 'comparison' = the mean/median of a two-level dimension), position (1-based), value, source
 * ('fixed' | 'quantile' | 'mean' | 'median'), basis ('values' | 'scores' for comparisons, else NULL).
 */
export function buildCutPointsSql(cutTable = RFM_CUT_POINTS): string {
  return `SELECT dimension, kind, position, value, source, basis FROM ${ident(cutTable)}
WHERE value IS NOT NULL ORDER BY dimension, kind, position`;
}

export interface DimensionCutPoints {
  /** Ascending bin boundaries in use (for two-level on scores: the base bins). */
  cuts: number[];
  source: 'fixed' | 'quantile' | 'mean' | 'median' | null;
  /** Mean / median compared against, for two-level dimensions; else null. */
  comparison: number | null;
  /** What the comparison is made on. */
  basis: 'values' | 'scores' | null;
}
export type CutPointsInUse = Record<RfmDimension, DimensionCutPoints>;

/** Rows of buildCutPointsSql → the cut points per dimension (what the UI shows beside the charts). */
export function cutPointsFromRows(rows: readonly Row[]): CutPointsInUse {
  const out = {} as CutPointsInUse;
  for (const d of RFM_DIMENSIONS) {
    const mine = rows.filter((r) => r.dimension === d);
    const cmp = mine.find((r) => r.kind === 'comparison');
    const cuts = mine
      .filter((r) => r.kind === 'cut')
      .sort((a, b) => Number(a.position) - Number(b.position))
      .map((r) => Number(r.value));
    const src = (cmp ?? mine[0])?.source;
    out[d] = {
      cuts,
      source: typeof src === 'string' ? (src as DimensionCutPoints['source']) : null,
      comparison: cmp ? Number(cmp.value) : null,
      basis: cmp ? (cmp.basis as DimensionCutPoints['basis']) : null,
    };
  }
  return out;
}

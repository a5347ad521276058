/**
 * Every arm against the control on every outcome (issue 13), over `experiment_clean`
 * (build-role-cleaning-sql.ts): per arm the customers, the total and the rate (0/1 outcomes) or mean
 * (amounts); per non-control arm the difference with the control, its 95 % CI (Newcombe's hybrid
 * score interval for rates, Welch for means), the two-sided p-value (pooled two-proportion z-test,
 * Welch's t) and the customers per group needed to detect that difference (80 % power, α 5 %).
 * Needs the macros of buildStatsMacrosSql.
 */
import { ident, literal, str } from '../../sql/quote.ts';
import { OUTCOME_KIND, type ExperimentOutcome } from './experiment-config.ts';

/** Arm names read as the control when none is chosen (lower-cased). */
export const CONTROL_ARM_RE = '^(no[ _-]|none|control|holdout|hold-out|baseline)|对照|控制|未发|不发|空白';

export interface ExperimentSqlParams {
  table: string;
  /** null: detect (one arm matching CONTROL_ARM_RE, else none). */
  control: string | null;
  outcomes: readonly ExperimentOutcome[];
}

/** Rows: outcome, kind, arm, is_control, customers, total, rate_or_mean, diff_vs_control, ci_low, ci_high, p_value, needed_per_group, control_arm. */
export function buildExperimentSql(p: ExperimentSqlParams): string {
  const t = ident(p.table);
  const outcomes = p.outcomes.length ? p.outcomes : (['visited', 'converted', 'revenue'] as const);
  const long = outcomes
    .map(
      (o, i) =>
        `SELECT ${str(o)} AS outcome, ${i} AS ord, ${str(OUTCOME_KIND[o])} AS kind, arm, CAST(${ident(o)} AS DOUBLE) AS y FROM ${t} WHERE ${ident(o)} IS NOT NULL`,
    )
    .join('\nUNION ALL ');
  const control =
    p.control === null
      ? `SELECT CASE WHEN count(*) = 1 THEN min(arm) END AS arm FROM (SELECT DISTINCT arm FROM ${t}) d
  WHERE regexp_matches(lower(arm), ${str(CONTROL_ARM_RE)})`
      : `SELECT ${literal(p.control)} AS arm`;
  return `WITH long AS (${long}),
agg AS (SELECT outcome, ord, kind, arm, count(*) AS n, sum(y) AS total, avg(y) AS m, coalesce(var_samp(y), 0) AS v
  FROM long GROUP BY ALL),
ctl_arm AS (${control}),
ctl AS (SELECT a.* FROM agg a JOIN ctl_arm c ON a.arm = c.arm)
SELECT a.outcome, a.kind, a.arm, coalesce(a.arm = (SELECT arm FROM ctl_arm), FALSE) AS is_control,
  a.n AS customers, a.total, a.m AS rate_or_mean,
  CASE WHEN c.arm IS NULL OR a.arm = c.arm THEN NULL ELSE a.m - c.m END AS diff_vs_control,
  CASE WHEN c.arm IS NULL OR a.arm = c.arm THEN NULL WHEN a.kind = 'rate' THEN cl_newcombe_low(a.total, a.n, c.total, c.n)
    ELSE cl_welch_low(a.m, a.v, a.n, c.m, c.v, c.n) END AS ci_low,
  CASE WHEN c.arm IS NULL OR a.arm = c.arm THEN NULL WHEN a.kind = 'rate' THEN cl_newcombe_high(a.total, a.n, c.total, c.n)
    ELSE cl_welch_high(a.m, a.v, a.n, c.m, c.v, c.n) END AS ci_high,
  CASE WHEN c.arm IS NULL OR a.arm = c.arm THEN NULL WHEN a.kind = 'rate' THEN cl_prop_p(a.total, a.n, c.total, c.n)
    ELSE cl_welch_p(a.m, a.v, a.n, c.m, c.v, c.n) END AS p_value,
  CASE WHEN c.arm IS NULL OR a.arm = c.arm THEN NULL WHEN a.kind = 'rate' THEN cl_n_props(a.m, c.m)
    ELSE cl_n_means(a.m - c.m, a.v, c.v) END AS needed_per_group,
  (SELECT arm FROM ctl_arm) AS control_arm
FROM agg a LEFT JOIN ctl c ON c.outcome = a.outcome
ORDER BY a.ord, is_control DESC, a.arm`;
}

/** experiment.csv: exactly the columns (rates as fractions 0–1, empty where none exists). */
export function buildExperimentCsvSql(p: ExperimentSqlParams): string {
  return `SELECT coalesce(c.comment, e.outcome) AS outcome, arm, is_control, customers, total, rate_or_mean,
  diff_vs_control, ci_low, ci_high, p_value
FROM (SELECT row_number() OVER () AS rn, * FROM (${buildExperimentSql(p)}) AS x) AS e
LEFT JOIN (SELECT column_name, nullif(comment, '') AS comment FROM duckdb_columns()
  WHERE table_name = ${str(p.table)} AND schema_name = current_schema()) AS c ON c.column_name = e.outcome
ORDER BY e.rn`;
}

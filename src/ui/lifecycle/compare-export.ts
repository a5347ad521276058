/**
 * The group comparison as an export table (issue 18): the metric, both groups' values, the difference,
 * the relative difference, the test and its p-value, and the verdict in words: "差异显著 / Significant"
 * only when the test's p < 0.05, else "差异较大（+12.3%）/ Large difference (+12.3%)" when the
 * difference is large, else empty. Rates are fractions shown as percentages.
 */
import type { ComparisonRow } from '../../analyses/lifecycle/comparison-results.ts';
import { percentText, type TableCell } from '../../export/table-file.ts';

type T = (key: string, params?: Record<string, string | number>) => string;

const RATE_METRICS = new Set(['repurchase_rate', 'avg_discount_rate', 'promo_order_share', 'idle_share']);
const round = (v: number | null, digits = 4) => (v === null ? null : Number(v.toFixed(digits)));

export function comparisonTable(
  rows: readonly ComparisonRow[],
  labels: { a: string; b: string },
  t: T,
): { header: string[]; rows: TableCell[][] } {
  const header = [
    t('compareUi.col.metric'),
    t('compareUi.col.a', { label: labels.a }),
    t('compareUi.col.b', { label: labels.b }),
    t('compareUi.col.diff'),
    t('compareUi.col.relative'),
    t('compareUi.col.test'),
    t('compareUi.col.p'),
    t('compareUi.col.verdict'),
  ];
  const value = (metric: string, v: number | null): TableCell =>
    v === null ? null : RATE_METRICS.has(metric) ? { percent: v } : round(v);
  const body = rows.map((r): TableCell[] => {
    const verdict = r.significant
      ? t('compare.significant')
      : r.flagged && r.diff_rel !== null
        ? t('compareUi.verdict.large', { rel: `${r.diff_rel > 0 ? '+' : ''}${percentText(r.diff_rel)}` })
        : '';
    return [
      t(`compare.metric.${r.metric}`),
      value(r.metric, r.value_a),
      value(r.metric, r.value_b),
      // A rate's difference in percentage points, from the unrounded values (text: "−1.1 个百分点").
      RATE_METRICS.has(r.metric) && r.diff_abs !== null
        ? `${r.diff_abs > 0 ? '+' : r.diff_abs < 0 ? '−' : ''}${t('lifecycleView.points', { n: (Math.abs(r.diff_abs) * 100).toFixed(1) })}`
        : value(r.metric, r.diff_abs),
      r.diff_rel === null ? null : { percent: r.diff_rel },
      r.test === null ? t('compare.test.none') : t(`compare.test.${r.test}`),
      round(r.p_value),
      verdict,
    ];
  });
  return { header, rows: body };
}

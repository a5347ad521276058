/** User parameters of the demand forecast section (issue 16), part of AnalysisConfig as `forecast`. */
import * as v from 'valibot';

export const ForecastConfigSchema = v.strictObject({
  grain: v.optional(v.picklist(['day', 'week', 'month']), 'week'),
  /** Periods forecast ahead. */
  periods: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(366)), 12),
  measure: v.optional(v.picklist(['revenue', 'orders', 'units']), 'revenue'),
  /** One series for all, or one per category / channel (the largest `maxSeries` by revenue). */
  by: v.optional(v.picklist(['none', 'category', 'channel']), 'none'),
  maxSeries: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20)), 8),
});

export type ForecastConfig = v.InferOutput<typeof ForecastConfigSchema>;

/** User parameters of the CLV section (issue 16), part of AnalysisConfig as `clv`. */
import * as v from 'valibot';

const IsoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/), v.isoDate());

export const ClvConfigSchema = v.strictObject({
  /** Model time unit (the published CDNOW results are in weeks). */
  timeUnit: v.optional(v.picklist(['week', 'day']), 'week'),
  /** Last day of the calibration period; the rest of the history is the holdout. null = no holdout. */
  calibrationEnd: v.optional(v.nullable(IsoDate), null),
  /** "Next N days" of the expected purchases. */
  horizonDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650)), 90),
  /** CLV horizon in months (30 days each). */
  clvMonths: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(120)), 12),
  /** Monthly discount rate of the CLV (0.01 = 1 % a month). */
  monthlyDiscount: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), 0.01),
  /** Below this P(alive) the next purchase date is "unlikely". */
  aliveThreshold: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), 0.5),
});

export type ClvConfig = v.InferOutput<typeof ClvConfigSchema>;

export const DEFAULT_CLV_CONFIG: ClvConfig = v.parse(ClvConfigSchema, {});

/** User parameters of the leads section (issue 13), part of AnalysisConfig as `leads`. */
import * as v from 'valibot';

export const LeadsConfigSchema = v.strictObject({
  /** A lead is effective when won within this many days of its creation. */
  effectiveDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650)), 30),
  /** Leads not contacted this many hours after creation are listed. */
  overdueHours: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 365)), 24),
});

export type LeadsConfig = v.InferOutput<typeof LeadsConfigSchema>;

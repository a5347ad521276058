/** User parameters of the segment migration (issue 14), part of AnalysisConfig as `migration`. */
import * as v from 'valibot';

export const MIGRATION_PERIODS = ['month', 'quarter'] as const;
export type MigrationPeriod = (typeof MIGRATION_PERIODS)[number];

export const MigrationConfigSchema = v.strictObject({
  /** Re-score at the end of each month or quarter. */
  period: v.optional(v.picklist(MIGRATION_PERIODS), 'month'),
  /** How many period ends, the latest last (the last one is the RFM as-of date). */
  periods: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(36)), 12),
});

export type MigrationConfig = v.InferOutput<typeof MigrationConfigSchema>;

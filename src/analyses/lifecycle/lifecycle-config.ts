/** User parameters of the lifecycle analyses (issue 6), part of AnalysisConfig as `lifecycle`. */
import * as v from 'valibot';
import { PERIOD_GRAINS } from '../revenue/period.ts';

const Days = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650));

export const LifecycleConfigSchema = v.strictObject({
  /** Days without a purchase after which a customer counts as lost (and the idle warning fires). */
  lostDays: v.optional(Days, 90),
  /** Early churn: no second purchase within this many days of the first. */
  earlyChurnDays: v.optional(Days, 30),
  /** Overdue: days since the last purchase above the customer's median interval × this factor. */
  overdueFactor: v.optional(v.pipe(v.number(), v.finite(), v.minValue(1), v.maxValue(10)), 1.5),
  /** Overdue applies to customers with at least this many purchase days. */
  overdueMinPurchases: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(100)), 3),
  /** Period of the new / returning / reactivated / lost counts. */
  periodGrain: v.optional(v.picklist(PERIOD_GRAINS), 'month'),
  /** Cohorts by first-purchase month or (Monday) week. */
  cohortGrain: v.optional(v.picklist(['month', 'week']), 'month'),
  /** Group comparison flags a metric when |relative difference| reaches this. */
  comparisonFlagThreshold: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(10)), 0.2),
});

export type LifecycleConfig = v.InferOutput<typeof LifecycleConfigSchema>;

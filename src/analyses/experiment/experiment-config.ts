/** User parameters of the experiment view (issue 13), part of AnalysisConfig as `experiment`. */
import * as v from 'valibot';

/** Outcomes an experiment file can hold (fields of the experiment role): two rates and one amount. */
export const EXPERIMENT_OUTCOMES = ['visited', 'converted', 'revenue'] as const;
export type ExperimentOutcome = (typeof EXPERIMENT_OUTCOMES)[number];
/** Rates (0/1 per customer) are compared as proportions; amounts as means (Welch). */
export const OUTCOME_KIND: Record<ExperimentOutcome, 'rate' | 'mean'> = {
  visited: 'rate',
  converted: 'rate',
  revenue: 'mean',
};

export const ExperimentConfigSchema = v.strictObject({
  /** The control arm's label; null = the one arm whose name reads as a control (No E-Mail, 对照组…). */
  control: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(200))), null),
  /** Outcomes to compare, in order; empty = every outcome the file maps. */
  outcomes: v.optional(v.pipe(v.array(v.picklist(EXPERIMENT_OUTCOMES)), v.maxLength(3)), []),
});

export type ExperimentConfig = v.InferOutput<typeof ExperimentConfigSchema>;

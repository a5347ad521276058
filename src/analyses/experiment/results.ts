/** Typed rows of the experiment view (issue 13). */
import type { RowOf } from '../read-rows.ts';

export const EXPERIMENT_ROW = {
  outcome: 'text',
  kind: 'text',
  arm: 'text',
  is_control: 'bool',
  customers: 'num',
  total: 'num',
  rate_or_mean: 'num',
  diff_vs_control: 'num?',
  ci_low: 'num?',
  ci_high: 'num?',
  p_value: 'num?',
  needed_per_group: 'num?',
  control_arm: 'text?',
} as const;
export type ExperimentRow = RowOf<typeof EXPERIMENT_ROW>;

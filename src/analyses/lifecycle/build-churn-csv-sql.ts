/** CLI export `churn.csv` (issues 6, 12). */
import { identList } from '../../sql/quote.ts';
import {
  buildChurnWarningsSql,
  CHURN_VALUE_COLUMNS,
  type ChurnWarningOptions,
} from './build-churn-warnings-sql.ts';

/** churn.csv's columns: the original three, then the value columns added by issue 12 (at the end). */
export const CHURN_CSV_COLUMNS = ['customer_id', 'rule', 'days_idle', ...CHURN_VALUE_COLUMNS] as const;

/**
 * Rows of churn.csv: customer_id, rule, days_idle, orders, spend, segment, segment_label, rfm_code,
 * r_score, f_score, m_score (as in buildChurnWarningsSql, same order).
 */
export function buildChurnCsvSql(options: ChurnWarningOptions): string {
  return `SELECT ${identList(CHURN_CSV_COLUMNS)} FROM (${buildChurnWarningsSql(options)})
ORDER BY CASE rule WHEN 'idle' THEN 1 WHEN 'early_churn' THEN 2 ELSE 3 END, days_idle DESC, customer_id`;
}

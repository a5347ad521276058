/** CLI export `churn.csv` (issue 6). */
import { buildChurnWarningsSql, type ChurnWarningOptions } from './build-churn-warnings-sql.ts';

/** Rows of churn.csv: customer_id, rule, days_idle (as in buildChurnWarningsSql, same order). */
export function buildChurnCsvSql(options: ChurnWarningOptions): string {
  return `SELECT customer_id, rule, days_idle FROM (${buildChurnWarningsSql(options)})
ORDER BY CASE rule WHEN 'idle' THEN 1 WHEN 'early_churn' THEN 2 ELSE 3 END, days_idle DESC, customer_id`;
}

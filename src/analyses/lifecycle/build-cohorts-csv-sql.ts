/** CLI export `cohorts.csv` (issue 6). */
import { buildCohortsSql, type CohortOptions } from './build-cohorts-sql.ts';

/** Rows of cohorts.csv: cohort, period_index, customers, retention, revenue (as in buildCohortsSql). */
export function buildCohortsCsvSql(options: CohortOptions): string {
  return `SELECT cohort, period_index, customers, retention, revenue
FROM (${buildCohortsSql(options)})
ORDER BY cohort, period_index`;
}

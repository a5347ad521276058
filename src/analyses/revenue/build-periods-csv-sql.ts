/** CLI export `periods.csv` (issue 6): the revenue decomposition by period, no split. */
import { identList } from '../../sql/quote.ts';
import type { PurchaseScope } from '../behaviour/scope.ts';
import { buildRevenueByPeriodSql } from './build-revenue-by-period-sql.ts';
import type { PeriodGrain } from './period.ts';

export const PERIODS_CSV_COLUMNS = [
  'period_start',
  'revenue',
  'gross_revenue',
  'refunds',
  'orders',
  'customers',
  'aov',
  'new_customers',
  'new_customer_revenue',
  'returning_customer_revenue',
  'revenue_pop_change',
  'revenue_yoy_change',
] as const;

/** Rows of periods.csv: PERIODS_CSV_COLUMNS (meanings as in buildRevenueByPeriodSql), by period_start. */
export function buildPeriodsCsvSql(options: PurchaseScope & { grain: PeriodGrain }): string {
  return `SELECT ${identList(PERIODS_CSV_COLUMNS)}
FROM (${buildRevenueByPeriodSql({ ...options, splitBy: 'none' })})
ORDER BY period_start`;
}

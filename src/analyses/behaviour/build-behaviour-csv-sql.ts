/** CLI export `behaviour.csv` (issue 6): the per-customer feature columns, one row per customer. */
import {
  buildCustomerFeaturesSelectSql,
  type CustomerFeaturesOptions,
} from './build-customer-features-sql.ts';

/** Rows of behaviour.csv: exactly CUSTOMER_FEATURE_COLUMNS, sorted by customer_id. */
export function buildBehaviourCsvSql(options: CustomerFeaturesOptions): string {
  return buildCustomerFeaturesSelectSql(options);
}

/**
 * Customer features as columns of the RFM customer table (issue 6): interval, top categories,
 * channel, payment method, discount rate, peak time. They live in their own table, `rfm_features`
 * (one row per customer, built from `purchases` by build-customer-features-sql.ts), so the RFM plan
 * and the first dashboard stay as fast as before; the drill-down, its exports and customers.csv
 * LEFT JOIN it to `rfm_customers` (build-segment-customers-sql.ts), and later analyses (clustering)
 * read it directly.
 */
import type { PurchaseUnit } from '../behaviour/scope.ts';
import {
  buildCustomerFeaturesSql,
  type CUSTOMER_FEATURE_COLUMNS,
} from '../behaviour/build-customer-features-sql.ts';
import { DEFAULT_RFM_TABLES, type RfmBuildOptions } from './build-rfm-sql.ts';
import { resolveRfmConfig, type RfmConfig } from './rfm-config.ts';

type FeatureColumn = Exclude<(typeof CUSTOMER_FEATURE_COLUMNS)[number], 'customer_id'>;

/**
 * The feature columns added after the customers.csv columns (RFM_CUSTOMER_COLUMNS), in order.
 * Left out: orders, revenue and last_purchase (RFM has frequency, revenue and last_purchase_date) and
 * aov / aov_band (the bands are a behaviour-section setting).
 */
export const RFM_FEATURE_COLUMNS = [
  'first_purchase',
  'avg_interval_days',
  'median_interval_days',
  'top_category_1',
  'top_category_2',
  'top_category_3',
  'top_channel',
  'top_payment_method',
  'avg_discount_rate',
  'promo_order_share',
  'peak_weekday',
  'peak_hour',
] as const satisfies readonly FeatureColumn[];
export type RfmFeatureColumn = (typeof RFM_FEATURE_COLUMNS)[number];

/**
 * Last order_date the features read, so they describe the same history as RFM (purchases on or before
 * as_of): the explicit as-of date, else the range window's end (as_of is then the last purchase up to
 * it), else undefined = every purchase (as_of is the last purchase date).
 */
export function rfmFeaturesCutoff(
  input: RfmConfig,
  options: Pick<RfmBuildOptions, 'asOf'>,
): string | undefined {
  const config = resolveRfmConfig(input);
  const w = config.window;
  return options.asOf ?? config.asOf ?? (w.kind === 'range' ? w.to : undefined);
}

/**
 * `CREATE OR REPLACE TABLE rfm_features AS` the customer features (every column of
 * buildCustomerFeaturesSelectSql: customer_id, intervals, top categories, channel, payment method,
 * discount rate, promo share, peak weekday (ISO 1 = Monday) and hour, …) over the purchases on or
 * before the RFM cut-off. Features use the whole history up to as_of, not the RFM frequency window:
 * intervals and preferences need every purchase. A customer with one purchase day has NULL intervals.
 */
export function buildRfmFeaturesSql(
  config: RfmConfig,
  options: Pick<RfmBuildOptions, 'purchases' | 'asOf' | 'tables'> & {
    purchaseUnit?: PurchaseUnit | undefined;
  },
): string {
  const to = rfmFeaturesCutoff(config, options);
  return buildCustomerFeaturesSql({
    purchases: options.purchases,
    purchaseUnit: options.purchaseUnit,
    ...(to !== undefined ? { to } : {}),
    target: options.tables?.features ?? DEFAULT_RFM_TABLES.features,
  });
}

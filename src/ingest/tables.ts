/**
 * Every DuckDB table and view the app creates, by name, with the code that owns (creates) it. Imports
 * nothing: builders, the engine, the CLI and the UI all name tables from here. The SQL is unchanged —
 * these are the names it always used.
 */

// Loaded files: `t<n>` per source file (engine/readers/load-source.ts via ui/app-state and cli/analyze).

// Orders cleaning (ingest/cleaning/cleaning-steps.ts + build-cleaning-sql.ts), the canonical outputs.
/** Orders cleaning: view of the cleaned ORDER-LEVEL rows (over `orders_clean__base` or `orders_clean__orders`). */
export const ORDERS_CLEAN = 'orders_clean';
/** Orders cleaning: view `SELECT * FROM orders_clean WHERE is_purchase`, what analyses read. */
export const PURCHASES = 'purchases';
/** Orders cleaning: the source rows not used, each with its reason. */
export const SET_ASIDE = 'set_aside';
/**
 * Orders cleaning: the returns view beside a purchases view (issue 12, item 2), `purchases__returns`:
 * money that counts in revenue but is not a purchase — credit notes not matched to an order
 * (`is_return`, gross 0, net = −refund) and the orders of customers whose returns cancel every purchase.
 */
export function returnsViewName(purchases: string): string {
  return `${purchases}__returns`;
}
/** Orders cleaning: prefix of its work tables `__clean_<source>_{dups,multi_ids,rows,rows_v,lines,lines_v,reasons}`. */
export const CLEAN_WORK_PREFIX = '__clean_';

// Customers cleaning (ingest/cleaning/customer-cleaning-steps.ts + build-customers-cleaning-sql.ts).
/** Customers cleaning: one row per customer id. */
export const CUSTOMERS_CLEAN = 'customers_clean';
/** Customers cleaning: the customer rows not used, each with its reason. */
export const CUSTOMERS_SET_ASIDE = 'customers_set_aside';
/** Customers cleaning: prefix of its work table `__cust_<source>_rows`. */
export const CUSTOMERS_WORK_PREFIX = '__cust_';

// Lifecycle comparison dataset (ui/lifecycle/comparison-dataset.svelte.ts): a second file cleaned apart.
/** Comparison dataset: the loaded comparison file (not listed in the Data section). */
export const COMPARE_SOURCE = 'compare_source';
/** Comparison dataset: orders cleaning's ORDERS_CLEAN for the comparison file. */
export const COMPARE_ORDERS_CLEAN = 'compare_orders_clean';
/** Comparison dataset: orders cleaning's PURCHASES for the comparison file. */
export const COMPARE_PURCHASES = 'compare_purchases';
/** Comparison dataset: orders cleaning's SET_ASIDE for the comparison file. */
export const COMPARE_SET_ASIDE = 'compare_set_aside';

// RFM (analyses/rfm/build-rfm-sql.ts; features by build-rfm-features-sql.ts).
/** RFM: per-customer recency, frequency, monetary before scoring. */
export const RFM_BASE = 'rfm_base';
/** RFM: the cut points in use per dimension. */
export const RFM_CUT_POINTS = 'rfm_cut_points';
/** RFM: scored customers with their segment (also the segments table of behaviour and lifecycle). */
export const RFM_CUSTOMERS = 'rfm_customers';
/** RFM: per-customer features joined to rfm_customers (build-rfm-features-sql.ts). */
export const RFM_FEATURES = 'rfm_features';

// Behaviour (analyses/behaviour/build-customer-features-sql.ts).
/** Behaviour: per-customer features (orders, spend, intervals, …). */
export const CUSTOMER_FEATURES = 'customer_features';

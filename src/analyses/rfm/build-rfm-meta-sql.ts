/**
 * Facts the RFM controls need after a run (issue 4 "Metrics"): the as-of date in use (the default
 * is the latest purchase date, so the date input can show it) and the date range of the purchases
 * (bounds for the as-of and window inputs).
 */
import { ident } from '../../sql/quote.ts';
import { RFM_CUSTOMERS } from '../../ingest/tables.ts';

/**
 * One row: as_of (DATE in use, NULL when no customer), first_purchase_date and last_purchase_date
 * (over purchases with a customer id; NULL when there are none), customers (distinct customer ids
 * with a purchase on or before as_of, counted from the purchases: a check on the segment totals).
 */
export function buildRfmMetaSql(options: { purchases: string; customers?: string }): string {
  return `WITH a AS (SELECT max(as_of) AS as_of FROM ${ident(options.customers ?? RFM_CUSTOMERS)})
SELECT (SELECT as_of FROM a) AS as_of, min(p.order_date) AS first_purchase_date,
  max(p.order_date) AS last_purchase_date,
  count(DISTINCT p.customer_id) FILTER (WHERE p.order_date <= (SELECT as_of FROM a)) AS customers
FROM ${ident(options.purchases)} p WHERE p.customer_id IS NOT NULL`;
}

/**
 * The contract between cleaning and the analyses. Cleaning (issue 3) turns a mapped orders source
 * into a table of ORDER-LEVEL rows with these columns; every analysis builder reads only this shape,
 * so analyses never see platform quirks. Optional roles are NULL when unmapped.
 *
 *   customer_id   VARCHAR  NOT NULL   trimmed, as in the CRM (join key, never masked)
 *   order_id      VARCHAR  NOT NULL   synthesised as row number text when the file has none
 *   order_time    TIMESTAMP NOT NULL  wall-clock time written in the file (a UTC offset never moves the day)
 *   order_date    DATE     NOT NULL   CAST(order_time AS DATE)
 *   gross_amount  DECIMAL(18,2)       paid amount of the order (line items summed, order totals counted once)
 *   refund_amount DECIMAL(18,2)       refunded amount, 0 when none
 *   net_amount    DECIMAL(18,2)       gross_amount − refund_amount
 *   quantity      DECIMAL(18,3)
 *   list_amount   DECIMAL(18,2)       unit price × quantity before discounts, when known
 *   discount_amount DECIMAL(18,2)
 *   category, product, channel, payment_method, status, region, store   VARCHAR
 *   is_purchase   BOOLEAN  NOT NULL   the status rule: counts as a purchase
 *
 * `purchases` is the view `SELECT * FROM orders_clean WHERE is_purchase`.
 */
import { ORDERS_CLEAN, PURCHASES, SET_ASIDE } from './tables.ts';

export const CANONICAL_ORDER_COLUMNS = [
  'customer_id',
  'order_id',
  'order_time',
  'order_date',
  'gross_amount',
  'refund_amount',
  'net_amount',
  'quantity',
  'list_amount',
  'discount_amount',
  'category',
  'product',
  'channel',
  'payment_method',
  'status',
  'region',
  'store',
  'is_purchase',
] as const;

export type CanonicalOrderColumn = (typeof CANONICAL_ORDER_COLUMNS)[number];

/** Default table names: what cleaning writes and what analyses read. */
export const TABLES = {
  ordersClean: ORDERS_CLEAN,
  purchases: PURCHASES,
  setAside: SET_ASIDE,
} as const;

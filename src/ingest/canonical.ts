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
 *   is_purchase   BOOLEAN  NOT NULL   the status rule: counts as a purchase (false for an order its
 *                                    returns cancel, and for every order of a customer whose returns
 *                                    cancel all purchases: net ≤ 0)
 *   is_return     BOOLEAN  NOT NULL   a credit note matched to no order (issue 12, item 2): gross 0,
 *                                    refund_amount = what it refunds, net_amount = −refund_amount
 *
 * `purchases` is the view `SELECT * FROM orders_clean WHERE is_purchase`; `purchases__returns`
 * (tables.ts returnsViewName) holds what counts in revenue without being a purchase: credit notes
 * not matched to an order (`is_return`) and the orders of customers whose returns cancel them all.
 */
import { ORDER_OUTPUT_COLUMNS, ORDERS_ROLE } from './roles/orders.ts';

export const CANONICAL_ORDER_COLUMNS = ORDER_OUTPUT_COLUMNS;

export type CanonicalOrderColumn = (typeof CANONICAL_ORDER_COLUMNS)[number];

/** Default table names: what cleaning writes and what analyses read (the orders role's catalogue). */
export const TABLES = ORDERS_ROLE.tables;

/**
 * SQL of the basket rules (issue 15): the baskets (from the orders or from a basket file), what the
 * recommendations read, and the CSVs.
 *
 * From orders: one order = one basket; its item is the order's product (or category), as recorded
 * on the canonical order row; orders without one are not baskets (counted in `sources`).
 */
import { ident, literal } from '../../sql/quote.ts';
import { BASKET_TABLES } from './basket-tables.ts';

export type BasketLevel = 'product' | 'category';

export interface BasketSource {
  /** The cleaned basket file (basket_id, customer_id, item), or null to read the orders. */
  baskets: string | null;
  purchases: string;
  level: BasketLevel;
  /** From orders: one basket per order, or per customer (all they bought). */
  unit?: 'order' | 'customer';
}

/** (basket_id, customer_id, item) rows, distinct. */
export function basketRowsSql(s: BasketSource): string {
  if (s.baskets) {
    return `SELECT DISTINCT basket_id::VARCHAR AS basket_id, customer_id::VARCHAR AS customer_id, item
FROM ${ident(s.baskets)} WHERE item IS NOT NULL AND item <> ''`;
  }
  const col = ident(s.level);
  const basket = s.unit === 'customer' ? 'customer_id' : 'order_id';
  return `SELECT DISTINCT ${basket}::VARCHAR AS basket_id, customer_id::VARCHAR AS customer_id, ${col}::VARCHAR AS item
FROM ${ident(s.purchases)} WHERE ${col} IS NOT NULL AND ${col}::VARCHAR <> ''`;
}

/** The model's basket input, in a stable order. */
export function basketInputSql(s: BasketSource): string {
  return `SELECT basket_id, item FROM (${basketRowsSql(s)}) ORDER BY basket_id, item`;
}

/** Baskets read and used: orders (or file baskets) in total, and those with at least one item. */
export function basketSourcesSql(s: BasketSource): string {
  if (s.baskets) {
    return `SELECT count(DISTINCT basket_id) AS read, count(DISTINCT basket_id) AS used FROM ${ident(s.baskets)}`;
  }
  const col = ident(s.level);
  const basket = s.unit === 'customer' ? 'customer_id' : 'order_id';
  return `SELECT count(DISTINCT ${basket}) AS read,
  count(DISTINCT ${basket}) FILTER (WHERE ${col} IS NOT NULL AND ${col}::VARCHAR <> '') AS used
FROM ${ident(s.purchases)}`;
}

/** What each customer bought (customer_id, item). */
export function boughtSql(s: BasketSource): string {
  return `SELECT DISTINCT customer_id, item FROM (${basketRowsSql(s)}) WHERE customer_id IS NOT NULL ORDER BY customer_id, item`;
}

export function rulesInputSql(): string {
  return `SELECT rule_id, confidence, lift FROM ${ident(BASKET_TABLES.rules)} ORDER BY rule_id`;
}

export function ruleItemsInputSql(): string {
  return `SELECT rule_id, side, item FROM ${ident(BASKET_TABLES.ruleItems)} ORDER BY rule_id, side, item`;
}

export function segmentsInputSql(rfmCustomers: string): string {
  return `SELECT customer_id::VARCHAR AS customer_id, coalesce(segment_label, segment) AS segment FROM ${ident(rfmCustomers)}`;
}

/** rules.csv: antecedent, consequent, support, confidence, lift, count (strongest lift first). */
export function rulesCsvSql(): string {
  return `SELECT antecedent, consequent, support, confidence, lift, count FROM ${ident(BASKET_TABLES.rules)} ORDER BY rule_id`;
}

/** The rules table of the section: filtered by an item on either side, sorted, limited. */
export function rulesPageSql(o: {
  item: string;
  sort: 'lift' | 'confidence' | 'support' | 'count';
  limit: number;
}): string {
  const where = o.item.trim()
    ? `WHERE rule_id IN (SELECT rule_id FROM ${ident(BASKET_TABLES.ruleItems)} WHERE contains(lower(item), lower(${literal(o.item.trim())})))`
    : '';
  return `SELECT rule_id, antecedent, consequent, lhs_size, support, confidence, lift, count, leverage, conviction
FROM ${ident(BASKET_TABLES.rules)} ${where}
ORDER BY ${ident(o.sort)} DESC, rule_id LIMIT ${literal(o.limit)}`;
}

/** recommendations.csv: customer_id, rank, item, score, because. */
export function recommendationsCsvSql(): string {
  return `SELECT customer_id, rank, item, score, because FROM ${ident(BASKET_TABLES.recommendations)} ORDER BY customer_id, rank`;
}

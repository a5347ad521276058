/**
 * Customer-attribute groups for the group comparison (issue 6): the most frequent values of each
 * attribute column of a customer table (member level, gender, region …), and of a tags column split
 * into single tags, so the UI can offer "会员等级 = 金卡" or "标签 ∋ VIP" as a group.
 */
import { ident, literal, str } from '../../sql/quote.ts';

/**
 * What separates tags in one cell: commas, semicolons (half- and full-width), the ideographic comma,
 * pipes, slashes and whitespace (incl. the ideographic and no-break spaces). RE2 syntax.
 */
export const TAG_SEPARATORS = '[,，;；、|/\\s\u3000\u00a0]+';

/**
 * `SELECT customer_id, tag` with one row per (customer, tag) of `column` in `table`: the cell split on
 * TAG_SEPARATORS, each piece trimmed; empty pieces and NULL cells yield no row. A customer may
 * repeat a tag (the consumers count distinct customers).
 */
export function buildTagRowsSql(table: string, column: string): string {
  return `SELECT customer_id, tag FROM (
    SELECT customer_id, trim(unnest(regexp_split_to_array(CAST(${ident(column)} AS VARCHAR), ${str(TAG_SEPARATORS)}))) AS tag
    FROM ${ident(table)}) WHERE tag <> ''`;
}

export interface GroupAttribute {
  /** A column of the customer table. */
  column: string;
  /** The cell holds a list of tags: count customers per single tag. */
  split?: boolean;
}

export interface GroupChoicesOptions {
  /** Customer table with `customer_id` and the attribute columns (customers_clean). */
  table: string;
  attributes: readonly GroupAttribute[];
  /** Values kept per attribute, the most frequent first; default 30. */
  limit?: number;
}

/**
 * Rows: attribute (the column name), value (text; for a split column one tag), customers (distinct
 * customers with that value), rank (1 = most customers; ties by value), distinct_values (how many
 * values the attribute has before the limit). At most `limit` rows per attribute, in the order of
 * `attributes`, then rank. Attributes whose cells are all NULL or blank yield no row. Values of plain
 * attributes are the cell text as stored (so an equality filter finds them); blank cells are skipped.
 */
export function buildGroupChoicesSql(options: GroupChoicesOptions): string {
  const limit = options.limit ?? 30;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new Error(`limit: bad value ${limit}`);
  if (options.attributes.length === 0) throw new Error('attributes: none given');
  const table = ident(options.table);
  const parts = options.attributes.map((a, i) =>
    a.split
      ? `SELECT ${str(a.column)} AS attribute, ${i} AS attribute_order, tag AS value, customer_id
    FROM (${buildTagRowsSql(options.table, a.column)})`
      : `SELECT ${str(a.column)} AS attribute, ${i} AS attribute_order, CAST(${ident(a.column)} AS VARCHAR) AS value, customer_id
    FROM ${table} WHERE trim(CAST(${ident(a.column)} AS VARCHAR)) <> ''`,
  );
  return `WITH attribute_values AS (
  ${parts.join('\n  UNION ALL\n  ')}),
counted AS (
  SELECT attribute, attribute_order, value, count(DISTINCT customer_id) AS customers
  FROM attribute_values GROUP BY attribute, attribute_order, value),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY attribute ORDER BY customers DESC, value) AS rank,
    count(*) OVER (PARTITION BY attribute) AS distinct_values
  FROM counted)
SELECT attribute, value, customers, rank, distinct_values
FROM ranked WHERE rank <= ${literal(limit)}
ORDER BY attribute_order, rank`;
}

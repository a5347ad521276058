/** User parameters of the market-basket rules and recommendations (issue 15), AnalysisConfig `basket`. */
import * as v from 'valibot';

export const BasketConfigSchema = v.strictObject({
  /** Items of an order basket: its products or its categories (a basket file has its own items). */
  level: v.optional(v.picklist(['product', 'category']), 'product'),
  /**
   * What one basket is when the baskets come from the orders: each order (default) or everything a
   * customer bought (useful when the orders keep one product each: cleaning records one product per
   * order).
   */
  unit: v.optional(v.picklist(['order', 'customer']), 'order'),
  minSupport: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0.00001), v.maxValue(1)), 0.01),
  minConfidence: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1)), 0.3),
  /** Longest itemset of a rule (left side + right side), as arules' maxlen. */
  maxLen: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(10)), 4),
  /** Recommendations per customer. */
  top: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)), 3),
});

export type BasketConfig = v.InferOutput<typeof BasketConfigSchema>;

/** Frequent itemsets beyond which mining stops with a message (the cap). */
export const MAX_ITEMSETS = 2_000_000;
/** The explosion estimate: more itemsets than this asks the user before mining. */
export const ASK_ITEMSETS = 200_000;

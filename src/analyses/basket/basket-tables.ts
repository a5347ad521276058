/** Tables the basket models write (issue 15). */
export const BASKET_TABLES = {
  /** rule_id, antecedent, consequent, lhs_size, support, confidence, lift, count, leverage, conviction. */
  rules: 'basket_rules',
  /** rule_id, side ('lhs' | 'rhs'), item: the rules' items, one row each. */
  ruleItems: 'basket_rule_items',
  /** One row, column `json`: transactions, items, itemsets, capped, rule count, settings. */
  model: 'basket_model',
  /** One row, column `json`: the explosion estimate (itemsets counted up to the ask threshold). */
  estimate: 'basket_estimate',
  /** customer_id, rank, item, score, because, source ('rule' | 'popular'). */
  recommendations: 'basket_recommendations',
} as const;

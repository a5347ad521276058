/**
 * The rules model (issue 15): baskets (basket_id, item) → frequent itemsets → rules, written as
 * basket_rules / basket_rule_items / basket_model; or, with `estimateOnly`, the explosion estimate:
 * frequent itemsets counted up to `askAbove` (null = more), so the UI can ask before mining.
 */
import {
  jsonTable,
  ModelLimitError,
  type Columns,
  type ModelIo,
  type OutputTable,
} from '../models/model-types.ts';
import { countItemsets, mineRules, sideLabel, toBaskets, type Baskets } from './frequent-itemsets.ts';
import { BASKET_TABLES } from './basket-tables.ts';
import { ASK_ITEMSETS, MAX_ITEMSETS } from './basket-config.ts';

/** Long rows (basket_id, item), any order → baskets of distinct items, in basket_id order. */
export function basketsFromRows(columns: Columns): Baskets {
  const ids = columns.basket_id ?? [];
  const items = columns.item ?? [];
  const byBasket = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i++) {
    const id = String(ids[i]);
    const item = items[i];
    let list = byBasket.get(id);
    if (!list) byBasket.set(id, (list = []));
    if (item !== null && item !== undefined && String(item) !== '') list.push(String(item));
  }
  return toBaskets([...byBasket.values()]);
}

function num(v: unknown, d: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : d;
}

export async function rulesModelRunner(
  inputs: Readonly<Record<string, Columns>>,
  p: Readonly<Record<string, unknown>>,
  io: ModelIo,
): Promise<OutputTable[]> {
  const baskets = basketsFromRows(inputs.baskets ?? {});
  const options = {
    minSupport: num(p.minSupport, 0.01),
    minConfidence: num(p.minConfidence, 0.3),
    maxLen: num(p.maxLen, 4),
    minLen: num(p.minLen, 2),
    maxItemsets: num(p.maxItemsets, MAX_ITEMSETS),
    yieldNow: () => io.yieldNow(),
  };
  if (p.estimateOnly === true) {
    const ask = num(p.askAbove, ASK_ITEMSETS);
    const itemsets = await countItemsets(baskets, options, ask);
    return [
      jsonTable(BASKET_TABLES.estimate, {
        transactions: baskets.baskets.length,
        items: baskets.items.length,
        itemsets,
        askAbove: ask,
      }),
    ];
  }
  const result = await mineRules(baskets, options);
  if (result.capped)
    throw new ModelLimitError(
      'itemset_cap',
      `more than ${options.maxItemsets} frequent itemsets at min support ${options.minSupport}`,
      { limit: options.maxItemsets, support: options.minSupport },
    );
  io.progress(0.8);
  const rules = result.rules
    .map((r) => ({ ...r, antecedent: sideLabel(baskets, r.lhs), consequent: baskets.items[r.rhs]! }))
    .sort(
      (a, b) =>
        b.lift - a.lift ||
        b.confidence - a.confidence ||
        b.count - a.count ||
        (a.antecedent < b.antecedent ? -1 : a.antecedent > b.antecedent ? 1 : 0) ||
        (a.consequent < b.consequent ? -1 : a.consequent > b.consequent ? 1 : 0),
    );
  const items: { rule: number; side: string; item: string }[] = [];
  rules.forEach((r, i) => {
    for (const x of r.lhs) items.push({ rule: i + 1, side: 'lhs', item: baskets.items[x]! });
    items.push({ rule: i + 1, side: 'rhs', item: r.consequent });
  });
  return [
    {
      name: BASKET_TABLES.rules,
      columns: [
        { name: 'rule_id', type: 'int' },
        { name: 'antecedent', type: 'text' },
        { name: 'consequent', type: 'text' },
        { name: 'lhs_size', type: 'int' },
        { name: 'support', type: 'double' },
        { name: 'confidence', type: 'double' },
        { name: 'lift', type: 'double' },
        { name: 'count', type: 'int' },
        { name: 'leverage', type: 'double' },
        { name: 'conviction', type: 'double' },
      ],
      values: [
        rules.map((_, i) => i + 1),
        rules.map((r) => r.antecedent),
        rules.map((r) => r.consequent),
        rules.map((r) => r.lhs.length),
        rules.map((r) => r.support),
        rules.map((r) => r.confidence),
        rules.map((r) => r.lift),
        rules.map((r) => r.count),
        rules.map((r) => r.leverage),
        rules.map((r) => r.conviction),
      ],
    },
    {
      name: BASKET_TABLES.ruleItems,
      columns: [
        { name: 'rule_id', type: 'int' },
        { name: 'side', type: 'text' },
        { name: 'item', type: 'text' },
      ],
      values: [items.map((x) => x.rule), items.map((x) => x.side), items.map((x) => x.item)],
    },
    jsonTable(BASKET_TABLES.model, {
      transactions: result.transactions,
      items: baskets.items.length,
      minCount: result.minCount,
      itemsets: result.itemsets,
      capped: result.capped,
      rules: rules.length,
      ...options,
      yieldNow: undefined,
    }),
  ];
}

/**
 * Next-product recommendations (issue 15): for each customer, the top N items they have not bought,
 * ranked by confidence × lift of the rules whose whole left side they have bought (an item's score is
 * its best rule's; the rule's left side is the "because"), then — when rules give fewer than N — by
 * popularity in the customer's segment (share of the segment's customers who bought the item; all
 * customers when there is no segment). Ties: higher score, then item name. Pure.
 */

export interface RecRule {
  readonly lhs: readonly string[];
  readonly rhs: string;
  readonly confidence: number;
  readonly lift: number;
}

export interface Recommendation {
  readonly customerId: string;
  readonly rank: number;
  readonly item: string;
  readonly score: number;
  /** rule: the left side's items; popular: the segment (null = all customers). */
  readonly because: readonly string[] | string | null;
  readonly source: 'rule' | 'popular';
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function recommend(
  bought: ReadonlyMap<string, ReadonlySet<string>>,
  rules: readonly RecRule[],
  segments: ReadonlyMap<string, string>,
  top: number,
): Recommendation[] {
  // Rules indexed by the first item of their (sorted) left side.
  const index = new Map<string, RecRule[]>();
  for (const r of rules) {
    if (r.lhs.length === 0) continue;
    const first = [...r.lhs].sort(byName)[0]!;
    let list = index.get(first);
    if (!list) index.set(first, (list = []));
    list.push(r);
  }
  // Popularity per segment: customers who bought each item.
  const popular = new Map<string | null, { item: string; share: number }[]>();
  const counts = new Map<string | null, { customers: number; items: Map<string, number> }>();
  for (const [customer, items] of bought) {
    const seg = segments.get(customer) ?? null;
    let c = counts.get(seg);
    if (!c) counts.set(seg, (c = { customers: 0, items: new Map() }));
    c.customers++;
    for (const item of items) c.items.set(item, (c.items.get(item) ?? 0) + 1);
  }
  for (const [seg, c] of counts) {
    popular.set(
      seg,
      [...c.items]
        .map(([item, n]) => ({ item, share: n / c.customers }))
        .sort((a, b) => b.share - a.share || byName(a.item, b.item)),
    );
  }
  const out: Recommendation[] = [];
  const customers = [...bought.keys()].sort(byName);
  for (const customer of customers) {
    const items = bought.get(customer)!;
    const best = new Map<string, { score: number; because: readonly string[] }>();
    for (const item of items) {
      for (const r of index.get(item) ?? []) {
        if (items.has(r.rhs) || !r.lhs.every((x) => items.has(x))) continue;
        const score = r.confidence * r.lift;
        const prev = best.get(r.rhs);
        const because = [...r.lhs].sort(byName);
        if (
          !prev ||
          score > prev.score ||
          (score === prev.score && byName(because.join('\u0000'), prev.because.join('\u0000')) < 0)
        )
          best.set(r.rhs, { score, because });
      }
    }
    const ranked = [...best].sort((a, b) => b[1].score - a[1].score || byName(a[0], b[0])).slice(0, top);
    let rank = 0;
    for (const [item, b] of ranked)
      out.push({
        customerId: customer,
        rank: ++rank,
        item,
        score: b.score,
        because: b.because,
        source: 'rule',
      });
    if (rank < top) {
      const seg = segments.get(customer) ?? null;
      for (const p of popular.get(seg) ?? []) {
        if (rank >= top) break;
        if (items.has(p.item) || best.has(p.item)) continue;
        out.push({
          customerId: customer,
          rank: ++rank,
          item: p.item,
          score: p.share,
          because: seg,
          source: 'popular',
        });
      }
    }
  }
  return out;
}

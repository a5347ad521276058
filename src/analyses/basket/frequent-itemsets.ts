/**
 * Frequent itemsets and association rules (issue 15). Itemsets by Eclat (Zaki 2000: depth-first over
 * sorted transaction-id lists) — the same frequent itemsets Apriori finds; rules as R arules'
 * `apriori` writes them: one item on the right-hand side, every frequent itemset of length minLen..maxLen
 * (an empty left side when minLen is 1), support = count / transactions, confidence = count / count(lhs),
 * lift = confidence / support(rhs). An itemset counts as frequent when count ≥ minSupport × transactions.
 * Pure: runs in the engine worker and in Node (CLI). Reproduces arules' published Groceries rule counts
 * (groceries-reference.test.ts).
 */

export interface Baskets {
  /** Item labels, by index. */
  readonly items: readonly string[];
  /** Each basket's distinct item indices (empty baskets count as transactions). */
  readonly baskets: readonly Int32Array[];
}

export interface RuleOptions {
  minSupport: number;
  minConfidence: number;
  /** Longest itemset (lhs + rhs), as arules' maxlen (default 10). */
  maxLen?: number;
  /** Shortest itemset (lhs + rhs), as arules' minlen (default 1: rules with an empty lhs too). */
  minLen?: number;
  /** Stop and say so beyond this many frequent itemsets. */
  maxItemsets?: number;
  yieldNow?: () => Promise<void>;
}

export interface Rule {
  readonly lhs: readonly number[];
  readonly rhs: number;
  readonly count: number;
  readonly support: number;
  readonly confidence: number;
  readonly lift: number;
  readonly leverage: number;
  /** null when confidence is 1 (infinite conviction). */
  readonly conviction: number | null;
}

export interface RulesResult {
  readonly transactions: number;
  readonly minCount: number;
  readonly itemsets: number;
  /** True when mining stopped at maxItemsets: the rules are incomplete and not returned. */
  readonly capped: boolean;
  readonly rules: Rule[];
}

/** Collect item labels into baskets of distinct item indices (presence, not quantity). */
export function toBaskets(lists: readonly (readonly string[])[]): Baskets {
  const index = new Map<string, number>();
  const items: string[] = [];
  const baskets = lists.map((list) => {
    const ids = new Set<number>();
    for (const label of list) {
      let id = index.get(label);
      if (id === undefined) {
        id = items.length;
        index.set(label, id);
        items.push(label);
      }
      ids.add(id);
    }
    return Int32Array.from([...ids].sort((a, b) => a - b));
  });
  return { items, baskets };
}

/** The smallest count that is frequent: count ≥ minSupport × n (with a float guard). */
export function minimumCount(minSupport: number, n: number): number {
  return Math.max(1, Math.ceil(minSupport * n - 1e-9));
}

function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[k++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, k);
}

class CapReached extends Error {}

/**
 * Every frequent itemset (item indices ascending) with its count, up to maxLen items; throws CapReached
 * beyond `cap`.
 */
async function frequentItemsets(
  b: Baskets,
  minCount: number,
  maxLen: number,
  cap: number,
  yieldNow?: () => Promise<void>,
): Promise<Map<string, number>> {
  const tids: number[][] = b.items.map(() => []);
  b.baskets.forEach((basket, t) => basket.forEach((item) => tids[item]!.push(t)));
  const found = new Map<string, number>();
  const add = (set: readonly number[], count: number) => {
    if (found.size >= cap) throw new CapReached();
    found.set([...set].sort((x, y) => x - y).join(','), count);
  };
  // Frequent items, rarest first (smaller classes deeper in the search).
  const level1 = tids
    .map((t, item) => ({ item, tids: Int32Array.from(t) }))
    .filter((x) => x.tids.length >= minCount)
    .sort((x, y) => x.tids.length - y.tids.length || x.item - y.item);
  let steps = 0;
  const walk = async (prefix: number[], cls: { item: number; tids: Int32Array }[]) => {
    for (let i = 0; i < cls.length; i++) {
      const head = cls[i]!;
      const set = [...prefix, head.item];
      add(set, head.tids.length);
      if (set.length >= maxLen) continue;
      const next: { item: number; tids: Int32Array }[] = [];
      for (let j = i + 1; j < cls.length; j++) {
        const t = intersect(head.tids, cls[j]!.tids);
        if (t.length >= minCount) next.push({ item: cls[j]!.item, tids: t });
      }
      if (next.length) await walk(set, next);
      if (yieldNow && ++steps % 2000 === 0) await yieldNow();
    }
  };
  await walk([], level1);
  return found;
}

/** Frequent itemsets at these settings, counted up to `cap` (the explosion guard's estimate). */
export async function countItemsets(b: Baskets, o: RuleOptions, cap: number): Promise<number | null> {
  try {
    const m = await frequentItemsets(b, minimumCount(o.minSupport, b.baskets.length), o.maxLen ?? 10, cap);
    return m.size;
  } catch (e) {
    if (e instanceof CapReached) return null;
    throw e;
  }
}

export async function mineRules(b: Baskets, o: RuleOptions): Promise<RulesResult> {
  const n = b.baskets.length;
  const minCount = minimumCount(o.minSupport, n);
  const maxLen = o.maxLen ?? 10;
  const minLen = o.minLen ?? 1;
  let sets: Map<string, number>;
  try {
    sets = await frequentItemsets(b, minCount, maxLen, o.maxItemsets ?? 2_000_000, o.yieldNow);
  } catch (e) {
    if (e instanceof CapReached)
      return { transactions: n, minCount, itemsets: o.maxItemsets ?? 2_000_000, capped: true, rules: [] };
    throw e;
  }
  const rules: Rule[] = [];
  for (const [key, count] of sets) {
    const set = key.split(',').map(Number);
    if (set.length < minLen) continue;
    for (let r = 0; r < set.length; r++) {
      const rhs = set[r]!;
      const lhs = set.filter((_, i) => i !== r);
      const lhsCount = lhs.length === 0 ? n : sets.get(lhs.join(','))!;
      const confidence = count / lhsCount;
      if (confidence < o.minConfidence) continue;
      const rhsSupport = sets.get(String(rhs))! / n;
      const support = count / n;
      rules.push({
        lhs,
        rhs,
        count,
        support,
        confidence,
        lift: confidence / rhsSupport,
        leverage: support - (lhsCount / n) * rhsSupport,
        conviction: confidence >= 1 ? null : (1 - rhsSupport) / (1 - confidence),
      });
    }
  }
  return { transactions: n, minCount, itemsets: sets.size, capped: false, rules };
}

/** "a + b" with the item labels sorted (the CLI's rules.csv sides). */
export function sideLabel(b: Baskets, side: readonly number[]): string {
  return side
    .map((i) => b.items[i]!)
    .sort()
    .join(' + ');
}

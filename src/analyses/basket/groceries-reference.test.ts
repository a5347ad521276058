/**
 * Reference (issue 15): the Groceries data (9,835 baskets, 169 items; ../shared/datasets/groceries,
 * the arules package's `Groceries`) mined with our Eclat + arules-style rules must give R arules'
 * published `apriori` rule counts exactly (arules defaults: minlen 1, maxlen 10, one item on the
 * right-hand side):
 *
 * - support 0.001, confidence 0.8 → 410 rules ("set of 410 rules"; apriori log "Absolute minimum support
 *   count: 9 … writing ... [410 rule(s)]"), of which `subset(rules, lift > 5)` is "set of 32 rules", the
 *   first antecedent {liquor, red/blush wine} (=> {bottled beer}); and `eclat(Groceries, parameter =
 *   list(support = 0.02, minlen = 2))` writes 63 sets (59 frequent items): the arulesViz reference
 *   page of `plot.rules` (mhahsler/arulesViz, https://mhahsler.github.io/arulesViz/reference/plot.html,
 *   examples with output). The 410 rules' length distribution 3: 29, 4: 229, 5: 140, 6: 12 is the
 *   `summary(rules)` printed in many tutorials of that call.
 * - support 0.001, confidence 0.5 → 5,668 rules: the arulesViz vignette (Hahsler, "arulesViz:
 *   Interactive Visualization of Association Rules with R", The R Journal 9(2), 2017; vignette code
 *   https://rdrr.io/cran/arulesViz/src/inst/doc/arulesViz.R) — "set of 5668 rules".
 * - support 0.001, confidence 0.6 → 2,918 rules (arules `apriori` log "writing ... [2918 rule(s)]",
 *   e.g. https://blog.csdn.net/jianlin0402/article/details/79339711).
 * - support 0.006, confidence 0.25, minlen 2 → 463 rules: Lantz, "Machine Learning with R" (2nd ed.),
 *   chapter 8 (`groceryrules`, "set of 463 rules").
 * Note the threshold: arules prints the floor (9) but keeps itemsets with support ≥ 0.001, i.e. count
 * ≥ 9.835 → 10 (with 9 the counts differ): frequent-itemsets.ts minimumCount.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countItemsets, mineRules, sideLabel, toBaskets } from './frequent-itemsets.ts';
import { parseBasketLines } from './basket-lines.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const datasets = process.env.CUSTOMER_LENS_DATASETS ?? resolve(root, '../shared/datasets');
const file = resolve(datasets, 'groceries/groceries.csv');
const present = existsSync(file);
if (!present) console.log('SKIP: ../shared/datasets/groceries not found (Groceries reference test)');

describe.skipIf(!present)('Groceries: R arules published rule counts', () => {
  const lines = present ? parseBasketLines(readFileSync(file, 'utf8')) : null;
  const byBasket: string[][] = [];
  lines?.basketIds.forEach((id, i) => (byBasket[id - 1] ??= []).push(lines.items[i]!));
  const baskets = toBaskets(byBasket);

  it('reads 9,835 baskets of 169 items', () => {
    expect(lines!.report).toMatchObject({ lines: 9835, baskets: 9835, distinctItems: 169 });
    expect(baskets.baskets.length).toBe(9835);
  });

  it('support 0.001, confidence 0.8 → 410 rules (32 with lift > 5, lengths 29/229/140/12); top lift as published', async () => {
    const r = await mineRules(baskets, { minSupport: 0.001, minConfidence: 0.8, minLen: 1, maxLen: 10 });
    expect(r.rules.length).toBe(410);
    expect(r.rules.filter((x) => x.lift > 5).length).toBe(32);
    const lengths: Record<number, number> = {};
    for (const x of r.rules) lengths[x.lhs.length + 1] = (lengths[x.lhs.length + 1] ?? 0) + 1;
    expect(lengths).toEqual({ 3: 29, 4: 229, 5: 140, 6: 12 });
    const top = [...r.rules].sort((a, b) => b.lift - a.lift)[0]!;
    expect(sideLabel(baskets, top.lhs)).toBe('liquor + red/blush wine');
    expect(baskets.items[top.rhs]).toBe('bottled beer');
    expect(top.lift).toBeCloseTo(11.235269, 5);
    expect(top.count).toBe(19);
  });

  it('eclat support 0.02: 59 frequent items and 63 sets of two or more', async () => {
    expect(await countItemsets(baskets, { minSupport: 0.02, minConfidence: 0 }, 1_000)).toBe(59 + 63);
    expect(await countItemsets(baskets, { minSupport: 0.02, minConfidence: 0, maxLen: 1 }, 1_000)).toBe(59);
  });

  it('support 0.001, confidence 0.5 → 5,668 rules', async () => {
    const r = await mineRules(baskets, { minSupport: 0.001, minConfidence: 0.5, minLen: 1 });
    expect(r.rules.length).toBe(5668);
  });

  it('support 0.001, confidence 0.6 → 2,918 rules', async () => {
    const r = await mineRules(baskets, { minSupport: 0.001, minConfidence: 0.6, minLen: 1 });
    expect(r.rules.length).toBe(2918);
  });

  it('support 0.006, confidence 0.25, minlen 2 → 463 rules', async () => {
    const r = await mineRules(baskets, { minSupport: 0.006, minConfidence: 0.25, minLen: 2 });
    expect(r.rules.length).toBe(463);
  });
});

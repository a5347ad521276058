/**
 * Golden basket cases by hand (issue 15): five baskets — {a,b}, {a,b,c}, {a}, {} (empty), {b,c}.
 * Counts: a 3, b 3, c 2, ab 2, bc 2, ac 1, abc 1; N = 5 (the empty basket is a transaction).
 */
import { describe, expect, it } from 'vitest';
import { countItemsets, minimumCount, mineRules, sideLabel, toBaskets } from './frequent-itemsets.ts';
import { basketsFromRows, rulesModelRunner } from './rules-model.ts';
import { parseBasketLines } from './basket-lines.ts';
import { recommend } from './recommend.ts';
import { NO_IO } from '../models/model-types.ts';

const baskets = toBaskets([['a', 'b'], ['a', 'b', 'c'], ['a'], [], ['b', 'c']]);
const label = (r: { lhs: readonly number[]; rhs: number }) =>
  `${sideLabel(baskets, r.lhs)} => ${baskets.items[r.rhs]}`;

describe('frequent itemsets and rules', () => {
  it('support 0.4 (count ≥ 2), confidence 0.5, lhs not empty: four rules with their measures', async () => {
    const r = await mineRules(baskets, { minSupport: 0.4, minConfidence: 0.5, minLen: 2 });
    expect(r.transactions).toBe(5);
    expect(r.minCount).toBe(2);
    expect(r.itemsets).toBe(5); // a, b, c, ab, bc
    const byLabel = Object.fromEntries(r.rules.map((x) => [label(x), x]));
    expect(Object.keys(byLabel).sort()).toEqual(['a => b', 'b => a', 'b => c', 'c => b']);
    expect(byLabel['c => b']).toMatchObject({ count: 2, support: 0.4, confidence: 1, conviction: null });
    expect(byLabel['c => b']!.lift).toBeCloseTo(1 / 0.6, 12);
    expect(byLabel['c => b']!.leverage).toBeCloseTo(0.4 - 0.4 * 0.6, 12);
    expect(byLabel['a => b']!.confidence).toBeCloseTo(2 / 3, 12);
    expect(byLabel['a => b']!.lift).toBeCloseTo(2 / 3 / 0.6, 12);
    expect(byLabel['a => b']!.conviction).toBeCloseTo((1 - 0.6) / (1 - 2 / 3), 12);
  });

  it('minLen 1 (arules default) adds rules with an empty left side: {} => a, {} => b at confidence 0.6', async () => {
    const r = await mineRules(baskets, { minSupport: 0.4, minConfidence: 0.6, minLen: 1 });
    const labels = r.rules.map(label).sort();
    expect(labels).toEqual([' => a', ' => b', 'a => b', 'b => a', 'b => c', 'c => b']);
  });

  it('maxLen 1 keeps single items only: no rule with a left side', async () => {
    const r = await mineRules(baskets, { minSupport: 0.2, minConfidence: 0, minLen: 2, maxLen: 1 });
    expect(r.rules).toEqual([]);
    expect(r.itemsets).toBe(3);
  });

  it('support threshold: count ≥ minSupport × N, exactly at the boundary', () => {
    expect(minimumCount(0.4, 5)).toBe(2);
    expect(minimumCount(0.001, 9835)).toBe(10);
    expect(minimumCount(0.3, 10)).toBe(3); // 0.3 × 10 = 3.0000000000000004 in floating point
  });

  it('single-item baskets only: itemsets but no rules', async () => {
    const b = toBaskets([['x'], ['y'], ['x']]);
    const r = await mineRules(b, { minSupport: 0.1, minConfidence: 0, minLen: 2 });
    expect(r.itemsets).toBe(2);
    expect(r.rules).toEqual([]);
  });

  it('the cap stops mining and the estimate says "more than"', async () => {
    expect(await countItemsets(baskets, { minSupport: 0.2, minConfidence: 0 }, 100)).toBe(7);
    expect(await countItemsets(baskets, { minSupport: 0.2, minConfidence: 0 }, 5)).toBeNull();
    await expect(
      rulesModelRunner(
        { baskets: { basket_id: ['1', '1', '2', '2'], item: ['a', 'b', 'a', 'b'] } },
        { minSupport: 0.1, minConfidence: 0, maxItemsets: 2 },
        NO_IO,
      ),
    ).rejects.toMatchObject({ code: 'itemset_cap' });
  });

  it('the model sorts ties by lift, confidence, count, then antecedent and consequent names', async () => {
    const rows = {
      basket_id: ['1', '1', '2', '2', '2', '3', '5', '5'],
      item: ['a', 'b', 'a', 'b', 'c', 'a', 'b', 'c'],
    };
    const [rules] = await rulesModelRunner(
      { baskets: rows },
      { minSupport: 0.4, minConfidence: 0.5, minLen: 2 },
      NO_IO,
    );
    // Four baskets here (no empty one): N = 4, so b => c, c => b lift 4/3 · …; check the order only.
    const ante = rules!.values[1]!;
    const cons = rules!.values[2]!;
    const order = ante.map((a, i) => `${a} => ${cons[i]}`);
    expect(order).toEqual(['c => b', 'b => c', 'a => b', 'b => a']);
  });

  it('long rows collapse to presence: a repeated item counts once', () => {
    const b = basketsFromRows({ basket_id: [1, 1, 1, 2], item: ['a', 'a', 'b', 'b'] });
    expect(b.baskets.map((x) => [...x].map((i) => b.items[i]))).toEqual([['a', 'b'], ['b']]);
  });
});

describe('basket file lines', () => {
  it('trims items, counts repeats once, sets empty lines aside (read = used + set aside)', () => {
    const p = parseBasketLines('\uFEFFmilk, bread ,milk\r\n\r\n , \nbeer\n');
    expect(p.report).toEqual({
      lines: 4,
      baskets: 2,
      setAside: { empty_basket: 2 },
      repeatedItems: 1,
      distinctItems: 3,
    });
    expect(p.basketIds).toEqual([1, 1, 2]);
    expect(p.items).toEqual(['milk', 'bread', 'beer']);
  });
});

describe('recommendations', () => {
  const rules = [
    { lhs: ['c'], rhs: 'b', confidence: 1, lift: 1 / 0.6 },
    { lhs: ['b'], rhs: 'c', confidence: 2 / 3, lift: 2 / 3 / 0.4 },
    { lhs: ['a'], rhs: 'b', confidence: 2 / 3, lift: 2 / 3 / 0.6 },
    { lhs: ['b'], rhs: 'a', confidence: 2 / 3, lift: 2 / 3 / 0.6 },
    { lhs: ['a', 'c'], rhs: 'd', confidence: 0.9, lift: 3 },
  ];
  const bought = new Map([
    ['x', new Set(['a'])],
    ['y', new Set(['c'])],
    ['z', new Set(['a', 'b', 'c'])],
    ['w', new Set(['a', 'c', 'd', 'e'])],
  ]);

  it('ranks unbought items by confidence × lift of rules whose whole left side was bought; falls back to segment popularity', () => {
    const recs = recommend(
      bought,
      rules,
      new Map([
        ['z', 'VIP'],
        ['w', 'VIP'],
      ]),
      3,
    );
    const of = (c: string) =>
      recs.filter((r) => r.customerId === c).map((r) => [r.rank, r.item, r.source, r.because]);
    // x bought a: a => b (0.667 × 1.111); then the popularity of all unsegmented customers (x, y): c (1/2).
    expect(of('x')).toEqual([
      [1, 'b', 'rule', ['a']],
      [2, 'c', 'popular', null],
    ]);
    const xb = recs.find((r) => r.customerId === 'x' && r.item === 'b')!;
    expect(xb.score).toBeCloseTo((2 / 3) * (2 / 3 / 0.6), 12);
    // y bought c: c => b (score 1.667), then a from popularity (x, y: a 1/2).
    expect(of('y')).toEqual([
      [1, 'b', 'rule', ['c']],
      [2, 'a', 'popular', null],
    ]);
    // z bought a, b, c: a + c => d (2.7), then in segment VIP: e (1 of 2).
    expect(of('z')).toEqual([
      [1, 'd', 'rule', ['a', 'c']],
      [2, 'e', 'popular', 'VIP'],
    ]);
    // w bought a, c, d, e: c => b (1.667) and a => b (0.741): b once, its best rule; nothing else.
    expect(of('w')).toEqual([[1, 'b', 'rule', ['c']]]);
  });

  it('top N cuts the list; ties in score go by item name', () => {
    const tie = [
      { lhs: ['a'], rhs: 'z', confidence: 0.5, lift: 2 },
      { lhs: ['a'], rhs: 'y', confidence: 0.5, lift: 2 },
    ];
    const recs = recommend(new Map([['x', new Set(['a'])]]), tie, new Map(), 1);
    expect(recs.map((r) => r.item)).toEqual(['y']);
  });
});

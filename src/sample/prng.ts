/**
 * Seeded randomness for the sample and benchmark generators: mulberry32 (32-bit state, fast, good
 * enough for synthetic data) plus the few distributions they need. Same seed → same sequence.
 */

/** Returns a float in [0, 1). */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal (Box–Muller; one value per call keeps the sequence simple to reason about). */
export function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Integer in [min, max]. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** A fixed set of items with weights, sampled in O(log n). */
export class Weighted<T> {
  readonly #items: readonly T[];
  readonly #cum: Float64Array;

  constructor(items: readonly T[], weights: readonly number[]) {
    if (items.length === 0 || items.length !== weights.length) {
      throw new Error(`Weighted: ${items.length} items and ${weights.length} weights`);
    }
    this.#items = items;
    this.#cum = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => {
      if (!(w >= 0)) throw new Error(`Weighted: weight ${w} at ${i} is not a non-negative number`);
      sum += w;
      this.#cum[i] = sum;
    });
    if (sum <= 0) throw new Error('Weighted: all weights are zero');
  }

  pick(rng: Rng): T {
    const cum = this.#cum;
    const x = rng() * cum[cum.length - 1]!;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.#items[lo]!;
  }
}

/** Weighted from `[item, weight]` pairs. */
export function weighted<T>(pairs: readonly (readonly [T, number])[]): Weighted<T> {
  return new Weighted(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  );
}

/**
 * K-means for the customer clusters (issue 15): greedy k-means++ seeding (as scikit-learn's, 2 + ⌊ln k⌋
 * candidate centres per step), Lloyd iterations, n_init restarts keeping the lowest inertia, a seeded
 * PRNG so a seed always gives the same clusters. Pure: runs in the engine worker and in Node (CLI).
 * `yieldNow` lets a long run give the worker's event loop a turn (Cancel) between restarts.
 */

/** mulberry32: a small, well-mixed 32-bit PRNG; same seed → same sequence everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Points as one row-major array: point i is data[i*d .. i*d+d). */
export interface Points {
  readonly data: Float64Array;
  readonly n: number;
  readonly d: number;
}

export interface KMeansOptions {
  seed: number;
  nInit?: number;
  maxIter?: number;
  /** Stop when no centre moves more than tol × (mean feature variance) (squared), as scikit-learn. */
  tol?: number;
  yieldNow?: () => Promise<void>;
}

export interface KMeansResult {
  /** Clusters found: min(k asked, distinct points). */
  readonly k: number;
  readonly centroids: Float64Array;
  readonly labels: Int32Array;
  readonly inertia: number;
  readonly iterations: number;
}

function dist2(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  for (let f = 0; f < d; f++) {
    const x = a[i * d + f]! - b[j * d + f]!;
    s += x * x;
  }
  return s;
}

/** Number of distinct points, counted up to `limit` (enough to cap k). */
export function distinctPoints(p: Points, limit: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < p.n && seen.size < limit; i++) {
    seen.add(Array.from(p.data.subarray(i * p.d, i * p.d + p.d)).join(','));
  }
  return seen.size;
}

/** Greedy k-means++ (Arthur & Vassilvitskii 2007; scikit-learn's local trials). */
function seedCentres(p: Points, k: number, random: () => number): Float64Array {
  const { data, n, d } = p;
  const centres = new Float64Array(k * d);
  const first = Math.floor(random() * n);
  centres.set(data.subarray(first * d, first * d + d), 0);
  const closest = new Float64Array(n);
  let pot = 0;
  for (let i = 0; i < n; i++) pot += closest[i] = dist2(data, i, centres, 0, d);
  const trials = 2 + Math.floor(Math.log(k));
  const candidate = new Float64Array(n);
  const best = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let bestPot = Infinity;
    let bestIndex = -1;
    for (let t = 0; t < trials; t++) {
      // Sample a point with probability ∝ its squared distance to the nearest chosen centre.
      let r = random() * pot;
      let idx = n - 1;
      for (let i = 0; i < n; i++) {
        r -= closest[i]!;
        if (r < 0) {
          idx = i;
          break;
        }
      }
      if (pot === 0) idx = Math.floor(random() * n);
      let s = 0;
      for (let i = 0; i < n; i++) {
        let x = 0;
        for (let f = 0; f < d; f++) {
          const v = data[i * d + f]! - data[idx * d + f]!;
          x += v * v;
        }
        candidate[i] = Math.min(closest[i]!, x);
        s += candidate[i]!;
      }
      if (s < bestPot) {
        bestPot = s;
        bestIndex = idx;
        best.set(candidate);
      }
    }
    centres.set(data.subarray(bestIndex * d, bestIndex * d + d), c * d);
    closest.set(best);
    pot = bestPot;
  }
  return centres;
}

/** Nearest centre of every point (lowest index on ties); returns the inertia. */
function assign(p: Points, centres: Float64Array, k: number, labels: Int32Array): number {
  const { data, n, d } = p;
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestD = Infinity;
    for (let c = 0; c < k; c++) {
      const x = dist2(data, i, centres, c, d);
      if (x < bestD) {
        bestD = x;
        best = c;
      }
    }
    labels[i] = best;
    inertia += bestD;
  }
  return inertia;
}

function lloyd(p: Points, centres: Float64Array, k: number, maxIter: number, tolAbs: number) {
  const { data, n, d } = p;
  const labels = new Int32Array(n);
  const sums = new Float64Array(k * d);
  const counts = new Int32Array(k);
  let iterations = 0;
  for (; iterations < maxIter; iterations++) {
    assign(p, centres, k, labels);
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i]!;
      counts[c]!++;
      for (let f = 0; f < d; f++) sums[c * d + f]! += data[i * d + f]!;
    }
    let shift = 0;
    for (let c = 0; c < k; c++) {
      // An empty cluster keeps its centre (it cannot happen with distinct k-means++ centres).
      if (counts[c] === 0) continue;
      for (let f = 0; f < d; f++) {
        const v = sums[c * d + f]! / counts[c]!;
        const delta = v - centres[c * d + f]!;
        shift += delta * delta;
        centres[c * d + f] = v;
      }
    }
    if (shift <= tolAbs) {
      iterations++;
      break;
    }
  }
  const inertia = assign(p, centres, k, labels);
  return { labels, inertia, iterations };
}

/** K-means with n_init seeded k-means++ restarts; the lowest inertia wins (first on ties). */
export async function kmeans(p: Points, kAsked: number, o: KMeansOptions): Promise<KMeansResult> {
  const k = Math.max(1, Math.min(kAsked, distinctPoints(p, kAsked)));
  const random = seededRandom(o.seed);
  const nInit = o.nInit ?? 10;
  let variance = 0;
  for (let f = 0; f < p.d; f++) {
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < p.n; i++) {
      const v = p.data[i * p.d + f]!;
      s += v;
      s2 += v * v;
    }
    variance += p.n > 0 ? s2 / p.n - (s / p.n) ** 2 : 0;
  }
  const tolAbs = ((o.tol ?? 1e-4) * variance) / Math.max(1, p.d);
  let best: KMeansResult | null = null;
  for (let run = 0; run < nInit; run++) {
    if (o.yieldNow) await o.yieldNow();
    const centres = p.n > 0 ? seedCentres(p, k, random) : new Float64Array(k * p.d);
    const r = lloyd(p, centres, k, o.maxIter ?? 300, tolAbs);
    if (!best || r.inertia < best.inertia) best = { k, centroids: centres, ...r };
  }
  return best!;
}

/**
 * Mean silhouette of the points (Rousseeuw 1987): (b − a) / max(a, b) with a the mean distance to
 * the own cluster, b to the nearest other; a point alone in its cluster scores 0 (scikit-learn).
 * Null with fewer than 2 clusters.
 */
export function silhouette(p: Points, labels: Int32Array, k: number): number | null {
  if (k < 2 || p.n < 2) return null;
  const { data, n, d } = p;
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) sizes[labels[i]!]!++;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      sums[labels[j]!]! += Math.sqrt(dist2(data, i, data, j, d));
    }
    const own = labels[i]!;
    if (sizes[own]! <= 1) continue;
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c]! > 0) b = Math.min(b, sums[c]! / sizes[c]!);
    if (!Number.isFinite(b)) continue;
    const m = Math.max(a, b);
    total += m > 0 ? (b - a) / m : 0;
  }
  return total / n;
}

/** A seeded sample of at most `size` point indices (ascending), all of them when n ≤ size. */
export function sampleIndices(n: number, size: number, seed: number): Int32Array {
  if (n <= size) return Int32Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(seed ^ 0x9e3779b9);
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  return idx.subarray(0, size).sort();
}

export function subset(p: Points, idx: Int32Array): Points {
  const data = new Float64Array(idx.length * p.d);
  idx.forEach((i, r) => data.set(p.data.subarray(i * p.d, i * p.d + p.d), r * p.d));
  return { data, n: idx.length, d: p.d };
}

/** Restarts per k in the chooser (the final clustering uses n_init ≥ 10). */
export const CHOOSER_N_INIT = 3;

/** Points the silhouette is computed on (a seeded sample; O(n²) distances). */
export const SILHOUETTE_SAMPLE = 3000;

export interface KChoice {
  k: number;
  inertia: number;
  silhouette: number | null;
}

/**
 * The k chooser: k-means (CHOOSER_N_INIT restarts) for k = from..to on a seeded sample of ≤ sampleSize
 * points, with inertia (elbow) and mean silhouette (on ≤ SILHOUETTE_SAMPLE of them); the suggested k
 * has the highest silhouette (the smaller k on ties).
 */
export async function chooseK(
  p: Points,
  o: KMeansOptions & { from?: number; to?: number; sampleSize?: number },
): Promise<{ choices: KChoice[]; suggested: number; sampled: number }> {
  const sample = subset(p, sampleIndices(p.n, o.sampleSize ?? 10_000, o.seed));
  // Silhouette is O(n²): on a seeded sub-sample of ≤ SILHOUETTE_SAMPLE points of the sample.
  const silIdx = sampleIndices(sample.n, SILHOUETTE_SAMPLE, o.seed + 1);
  const silPoints = subset(sample, silIdx);
  const choices: KChoice[] = [];
  const top = Math.min(o.to ?? 10, distinctPoints(sample, o.to ?? 10));
  for (let k = o.from ?? 2; k <= top; k++) {
    const r = await kmeans(sample, k, { ...o, nInit: CHOOSER_N_INIT });
    if (o.yieldNow) await o.yieldNow();
    const labels = Int32Array.from(silIdx, (i) => r.labels[i]!);
    choices.push({ k, inertia: r.inertia, silhouette: silhouette(silPoints, labels, r.k) });
  }
  let suggested = choices[0]?.k ?? Math.min(2, top);
  let bestS = -Infinity;
  for (const c of choices) {
    if (c.silhouette !== null && c.silhouette > bestS + 1e-12) {
      bestS = c.silhouette;
      suggested = c.k;
    }
  }
  return { choices, suggested: Math.max(1, suggested), sampled: sample.n };
}

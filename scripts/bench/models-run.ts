/**
 * Issue 15's models in `npm run bench`: the pure code the engine worker runs (Node here, same code),
 * on seeded data — k-means with the k chooser on 100,000 customers (recency, frequency, monetary,
 * log1p + z-score, n_init 10), and frequent itemsets + rules + recommendations on 1,000,000 basket
 * lines (250,000 baskets of 4 items over 2,000 products with popular pairs).
 */
import { runClusters } from '../../src/analyses/clusters/cluster-model.ts';
import { qualityColumns } from '../../src/analyses/clusters/testing/quality-data.ts';
import { seededRandom } from '../../src/analyses/clusters/kmeans.ts';
import { mineRules, toBaskets, sideLabel } from '../../src/analyses/basket/frequent-itemsets.ts';
import { recommend } from '../../src/analyses/basket/recommend.ts';
import { NO_IO } from '../../src/analyses/models/model-types.ts';

export interface ModelsRunResult {
  clusters100kMs: number;
  clustersK: number;
  rules1mLinesMs: number;
  rules: number;
  recommend50kCustomersMs: number;
}

export async function modelsRun(): Promise<ModelsRunResult> {
  let t = performance.now();
  const c = await runClusters(
    qualityColumns(100_000, 11),
    { features: ['recency', 'frequency', 'monetary'], log1p: true, k: null, seed: 42, nInit: 10 },
    NO_IO,
  );
  const clusters100kMs = performance.now() - t;

  const random = seededRandom(15);
  const products = Array.from({ length: 2000 }, (_, i) => `P${i}`);
  const pick = () => products[Math.floor(products.length * random() ** 2)]!;
  const lists: string[][] = [];
  for (let b = 0; b < 250_000; b++) {
    const first = pick();
    const list = [first, `P${(Number(first.slice(1)) + 1) % 2000}`, pick(), pick()];
    lists.push(list);
  }
  t = performance.now();
  const baskets = toBaskets(lists);
  const r = await mineRules(baskets, { minSupport: 0.001, minConfidence: 0.3, maxLen: 4, minLen: 2 });
  const rules1mLinesMs = performance.now() - t;

  const bought = new Map<string, Set<string>>();
  for (let i = 0; i < 50_000; i++) bought.set(`C${i}`, new Set(lists[i]!));
  const recRules = r.rules.map((x) => ({
    lhs: sideLabel(baskets, x.lhs).split(' + '),
    rhs: baskets.items[x.rhs]!,
    confidence: x.confidence,
    lift: x.lift,
  }));
  t = performance.now();
  recommend(bought, recRules, new Map(), 3);
  const recommend50kCustomersMs = performance.now() - t;
  return {
    clusters100kMs,
    clustersK: c.model.k,
    rules1mLinesMs,
    rules: r.rules.length,
    recommend50kCustomersMs,
  };
}

/** User parameters of the K-means customer clusters (issue 15), part of AnalysisConfig as `clusters`. */
import * as v from 'valibot';

/**
 * Customer features the clustering can use (one row per customer, from the behaviour section's
 * customer features): recency (days since the last purchase), frequency (purchases), monetary
 * (revenue net of returns), AOV, average interval between purchases (days), average paid/list price
 * ratio, share of discounted orders, peak hour.
 */
export const CLUSTER_FEATURES = [
  'recency',
  'frequency',
  'monetary',
  'aov',
  'avg_interval',
  'discount_rate',
  'promo_share',
  'peak_hour',
] as const;
export type ClusterFeature = (typeof CLUSTER_FEATURES)[number];

/** Skewed money / count features: log1p before the z-score when `log1p` is on. */
export const SKEWED_FEATURES: readonly ClusterFeature[] = ['frequency', 'monetary', 'aov', 'avg_interval'];

export const ClustersConfigSchema = v.strictObject({
  /** Clusters to make; null = the suggested k (highest silhouette, 2..10). */
  k: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10))), null),
  seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 31 - 1)), 42),
  nInit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(50)), 10),
  features: v.optional(
    v.pipe(v.array(v.picklist(CLUSTER_FEATURES)), v.minLength(1), v.maxLength(CLUSTER_FEATURES.length)),
    ['recency', 'frequency', 'monetary'],
  ),
  log1p: v.optional(v.boolean(), true),
  /** Names the user gave clusters (cluster number → name); others keep the automatic name. */
  names: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          cluster: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
          name: v.pipe(v.string(), v.maxLength(100)),
        }),
      ),
      v.maxLength(10),
    ),
    [],
  ),
});

export type ClustersConfig = v.InferOutput<typeof ClustersConfigSchema>;

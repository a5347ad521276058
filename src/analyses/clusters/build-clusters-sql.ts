/**
 * SQL of the clusters section (issue 15): the model's input (one row per customer from the customer
 * features table), profiles per cluster, RFM segments inside each cluster, members and the CSV.
 */
import { dateLiteral, ident, literal } from '../../sql/quote.ts';
import type { ClusterFeature } from './clusters-config.ts';
import { CLUSTER_TABLES } from './cluster-tables.ts';

/** Each feature's expression over the customer features table `f` (as of `a.as_of`). */
export const FEATURE_SQL: Readonly<Record<ClusterFeature, string>> = {
  recency: `date_diff('day', f.last_purchase, a.as_of)::DOUBLE`,
  frequency: `f.orders::DOUBLE`,
  monetary: `f.revenue::DOUBLE`,
  aov: `f.aov::DOUBLE`,
  avg_interval: `f.avg_interval_days::DOUBLE`,
  discount_rate: `f.avg_discount_rate::DOUBLE`,
  promo_share: `f.promo_order_share::DOUBLE`,
  peak_hour: `f.peak_hour::DOUBLE`,
};

/**
 * The model's input: customer_id and every feature (all of them, so profiles can show each), in
 * customer_id order (the order fixes the seeded results). as_of: the given date, else the latest
 * purchase date (as RFM).
 */
export function buildClusterFeaturesSql(o: {
  features: string;
  purchases: string;
  asOf?: string | undefined;
}) {
  const asOf = o.asOf ? dateLiteral(o.asOf) : `(SELECT max(order_date) FROM ${ident(o.purchases)})`;
  const cols = Object.entries(FEATURE_SQL).map(([name, sql]) => `${sql} AS ${ident(name)}`);
  return `CREATE OR REPLACE TABLE ${ident(CLUSTER_TABLES.features)} AS
WITH a AS (SELECT ${asOf} AS as_of)
SELECT f.customer_id::VARCHAR AS customer_id, ${cols.join(', ')}
FROM ${ident(o.features)} f, a
ORDER BY f.customer_id`;
}

export function clusterInputSql(): string {
  return `SELECT * FROM ${ident(CLUSTER_TABLES.features)} ORDER BY customer_id`;
}

export function modelJsonSql(table: string): string {
  return `SELECT json FROM ${ident(table)}`;
}

/**
 * Per cluster: customers, share of customers, revenue share (of all clustered customers' revenue),
 * and the mean and median of every feature (NULL values left out).
 */
export function buildClusterProfilesSql(features: readonly ClusterFeature[]): string {
  const stats = features.flatMap((f) => [
    `avg(c.${ident(f)}) AS ${ident(`mean_${f}`)}`,
    `median(c.${ident(f)}) AS ${ident(`median_${f}`)}`,
  ]);
  return `SELECT a.cluster, count(*) AS customers,
  count(*)::DOUBLE / sum(count(*)) OVER () AS customer_share,
  sum(c.monetary) AS revenue,
  CASE WHEN sum(sum(c.monetary)) OVER () = 0 THEN NULL
    ELSE sum(c.monetary) / sum(sum(c.monetary)) OVER () END AS revenue_share,
  ${stats.join(',\n  ')}
FROM ${ident(CLUSTER_TABLES.assignments)} a
JOIN ${ident(CLUSTER_TABLES.features)} c USING (customer_id)
GROUP BY a.cluster ORDER BY a.cluster`;
}

/** Customers per (cluster, RFM segment label) from the RFM customers table. */
export function buildClusterSegmentsSql(rfmCustomers: string): string {
  return `SELECT a.cluster, coalesce(r.segment_label, r.segment) AS segment, count(*) AS customers
FROM ${ident(CLUSTER_TABLES.assignments)} a JOIN ${ident(rfmCustomers)} r USING (customer_id)
GROUP BY ALL ORDER BY a.cluster, customers DESC, segment`;
}

/** One cluster's customers with their features (the drill-down list and its export). */
export function buildClusterMembersSql(cluster: number | null, limit: number | null): string {
  return `SELECT a.customer_id, a.cluster, c.* EXCLUDE (customer_id)
FROM ${ident(CLUSTER_TABLES.assignments)} a JOIN ${ident(CLUSTER_TABLES.features)} c USING (customer_id)
${cluster === null ? '' : `WHERE a.cluster = ${literal(cluster)}`}
ORDER BY a.cluster, c.monetary DESC NULLS LAST, a.customer_id${limit === null ? '' : ` LIMIT ${literal(limit)}`}`;
}

/** clusters.csv: customer_id, cluster, then z_<feature> for the features used. */
export function buildClustersCsvSql(features: readonly ClusterFeature[]): string {
  return `SELECT customer_id, cluster, ${features.map((f) => ident(`z_${f}`)).join(', ')}
FROM ${ident(CLUSTER_TABLES.assignments)} ORDER BY customer_id`;
}

/** Tables the clusters model writes (issue 15). */
export const CLUSTER_TABLES = {
  /** customer_id, cluster (1..k), z_<feature> for each feature used. */
  assignments: 'cluster_assignments',
  /** One row, column `json`: the ClustersModel. */
  model: 'cluster_model',
  /** The features the model read (one row per customer). */
  features: 'cluster_features',
} as const;

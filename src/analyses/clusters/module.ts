/**
 * K-means customer clusters as an analysis module (issue 15). The customer features (behaviour's
 * table) feed the `clusters` model step (cluster-model.ts), which runs in the engine — the worker in
 * the browser, the CLI's DuckDB in Node — and writes cluster_assignments and cluster_model; the
 * profiles, segments and exports are SQL over those tables.
 */
import { defineModule, type PlanContext, type QueryRows } from '../contract.ts';
import { readRows } from '../read-rows.ts';
import { buildCustomerFeaturesSql } from '../behaviour/build-customer-features-sql.ts';
import type { ModelStep } from '../models/model-types.ts';
import { RFM_CUSTOMERS } from '../../ingest/tables.ts';
import type { ClustersConfig, ClusterFeature } from './clusters-config.ts';
import type { ClustersModel } from './cluster-model.ts';
import { CLUSTER_TABLES } from './cluster-tables.ts';
import {
  buildClusterFeaturesSql,
  buildClusterMembersSql,
  buildClusterProfilesSql,
  buildClusterSegmentsSql,
  buildClustersCsvSql,
  clusterInputSql,
  modelJsonSql,
} from './build-clusters-sql.ts';

export {
  CLUSTER_FEATURES,
  SKEWED_FEATURES,
  type ClusterFeature,
  type ClustersConfig,
} from './clusters-config.ts';
export type { ClustersModel, ClusterInfo, FeatureTransform } from './cluster-model.ts';

const SOURCE_FEATURES = 'cluster_source_features';

function featureStatements(ctx: PlanContext): string[] {
  return [
    buildCustomerFeaturesSql({
      purchases: ctx.purchases,
      purchaseUnit: ctx.purchaseUnit,
      returns: ctx.returns,
      target: SOURCE_FEATURES,
    }),
    buildClusterFeaturesSql({ features: SOURCE_FEATURES, purchases: ctx.purchases, asOf: ctx.asOf }),
  ];
}

export function clustersStep(config: ClustersConfig): ModelStep {
  return {
    model: 'clusters',
    inputs: { features: clusterInputSql() },
    params: {
      features: [...config.features],
      log1p: config.log1p,
      k: config.k,
      seed: config.seed,
      nInit: config.nInit,
      // Plain copies: a plan crosses to the worker by structured clone (no UI state proxies).
      names: config.names.map((n) => ({ cluster: n.cluster, name: n.name })),
    },
  };
}

/** The model JSON with the user's names applied. */
export function readModel(rows: QueryRows, config: ClustersConfig): ClustersModel | null {
  const text = rows.model?.[0]?.json;
  if (typeof text !== 'string') return null;
  const model = JSON.parse(text) as ClustersModel;
  for (const c of model.clusters) {
    const own = config.names.find((n) => n.cluster === c.cluster)?.name.trim();
    if (own) c.name = { 'zh-CN': own, en: own };
  }
  return model;
}

const PROFILE = {
  cluster: 'num',
  customers: 'num',
  customer_share: 'num',
  revenue: 'num?',
  revenue_share: 'num?',
} as const;
const SEGMENT_ROW = { cluster: 'num', segment: 'text', customers: 'num' } as const;

export interface ClusterProfile {
  cluster: number;
  customers: number;
  customerShare: number;
  revenue: number | null;
  revenueShare: number | null;
  mean: Record<string, number | null>;
  median: Record<string, number | null>;
}

function readProfiles(rows: QueryRows, features: readonly ClusterFeature[]): ClusterProfile[] {
  return (rows.profiles ?? []).map((row) => {
    const p = readRows([row], PROFILE)[0]!;
    const pick = (prefix: string) =>
      Object.fromEntries(
        features.map((f) => [
          f,
          typeof row[`${prefix}_${f}`] === 'number' ? (row[`${prefix}_${f}`] as number) : null,
        ]),
      );
    return {
      cluster: p.cluster,
      customers: p.customers,
      customerShare: p.customer_share,
      revenue: p.revenue,
      revenueShare: p.revenue_share,
      mean: pick('mean'),
      median: pick('median'),
    };
  });
}

const ALL_FEATURES = [
  'recency',
  'frequency',
  'monetary',
  'aov',
  'avg_interval',
  'discount_rate',
  'promo_share',
  'peak_hour',
] as const;

export const clustersModule = defineModule({
  id: 'clusters',
  needs: ['orders'],
  configKey: 'clusters',
  prepare: () => [],
  parts: {
    /** Features, the k-means model (chooser, clusters, names) and the profiles of every feature. */
    model: {
      plan: (config: ClustersConfig, ctx: PlanContext, _p: void) => ({
        statements: featureStatements(ctx),
        models: [clustersStep(config)],
        queries: {
          model: modelJsonSql(CLUSTER_TABLES.model),
          profiles: buildClusterProfilesSql(ALL_FEATURES),
        },
      }),
      read: (rows, _p: void, config: ClustersConfig) => ({
        model: readModel(rows, config),
        profiles: readProfiles(rows, ALL_FEATURES),
      }),
    },
    /** RFM segments inside each cluster (run once the RFM section has built its table). */
    segments: {
      plan: (_config: ClustersConfig, _ctx: PlanContext, _p: void) => ({
        statements: [],
        queries: { segments: buildClusterSegmentsSql(RFM_CUSTOMERS) },
      }),
      read: (rows) => readRows(rows.segments, SEGMENT_ROW),
    },
    /** One cluster's customers (first `limit`). */
    members: {
      plan: (_config: ClustersConfig, _ctx: PlanContext, p: { cluster: number; limit: number }) => ({
        statements: [],
        queries: { members: buildClusterMembersSql(p.cluster, p.limit) },
      }),
      read: (rows) => rows.members ?? [],
    },
  },
  exports: [
    {
      id: 'clusters',
      file: 'clusters.csv',
      cli: true,
      plan: (config: ClustersConfig, ctx: PlanContext) => ({
        statements: featureStatements(ctx),
        models: [clustersStep(config)],
        query: buildClustersCsvSql(config.features),
      }),
    },
    {
      id: 'clusters-model',
      file: 'clusters.json',
      cli: true,
      format: 'json',
      plan: () => ({ statements: [], query: modelJsonSql(CLUSTER_TABLES.model) }),
    },
  ],
  cliOptIn: true,
  section: { titleKey: 'nav.clusters', order: 80 },
});

/** A cluster's customers with their features, for the drill-down's export (after the model ran). */
export const clusterMembersExport = {
  id: 'cluster-customers',
  file: 'cluster-customers.csv',
  cli: false,
  plan: (_config: ClustersConfig, _ctx: PlanContext, p: { cluster: number | null }) => ({
    statements: [],
    query: buildClusterMembersSql(p.cluster, null),
  }),
} as const;

/**
 * The clusters model (issue 15): customer features → transform (optional log1p of skewed features,
 * then z-score) → k chooser (elbow + silhouette on a seeded sample of ≤ 10,000) → k-means with n_init
 * seeded k-means++ restarts on all customers → assignments, centroids in original units and
 * descriptive names (zh, en). Pure; the engine writes its tables (cluster-tables.ts names them).
 *
 * Transform, exactly: x' = sign(x)·ln(1 + |x|) for the skewed features when log1p is on (x' = x
 * otherwise); z = (x' − mean(x')) / sd(x') with the population sd over customers whose value is
 * known; a missing value (e.g. the interval of a one-purchase customer) gets z = 0 (the mean) and is
 * counted in `imputed`; a constant feature (sd = 0) gets z = 0 for everyone and is listed in
 * `constant`.
 */
import {
  chooseK,
  kmeans,
  sampleIndices,
  silhouette as meanSilhouette,
  subset,
  SILHOUETTE_SAMPLE,
  type KChoice,
  type Points,
} from './kmeans.ts';
import { CLUSTER_FEATURES, SKEWED_FEATURES, type ClusterFeature } from './clusters-config.ts';
import { jsonTable, type Cell, type Columns, type ModelIo, type OutputTable } from '../models/model-types.ts';
import { CLUSTER_TABLES } from './cluster-tables.ts';
import { clusterName } from './cluster-names.ts';

export interface ClustersParams {
  features: readonly ClusterFeature[];
  log1p: boolean;
  /** null: the suggested k. */
  k: number | null;
  seed: number;
  nInit: number;
  /** Points for the k chooser's sample (≤ 10,000). */
  sampleSize?: number;
}

export interface FeatureTransform {
  feature: ClusterFeature;
  log1p: boolean;
  mean: number;
  sd: number;
  imputed: number;
  constant: boolean;
}

export interface ClusterInfo {
  cluster: number;
  size: number;
  /** Centre in original units (the transform undone), per feature. */
  centroid: Record<string, number>;
  /** Centre in z-scores, per feature. */
  z: Record<string, number>;
  name: { 'zh-CN': string; en: string };
}

export interface ClustersModel {
  customers: number;
  k: number;
  requestedK: number | null;
  suggestedK: number;
  seed: number;
  nInit: number;
  features: ClusterFeature[];
  transform: FeatureTransform[];
  inertia: number;
  silhouette: number | null;
  chooser: KChoice[];
  sampled: number;
  clusters: ClusterInfo[];
}

const logT = (x: number) => Math.sign(x) * Math.log1p(Math.abs(x));
const unlogT = (y: number) => Math.sign(y) * Math.expm1(Math.abs(y));

export function readParams(p: Readonly<Record<string, unknown>>): ClustersParams {
  const features = (Array.isArray(p.features) ? p.features : []).filter((f): f is ClusterFeature =>
    (CLUSTER_FEATURES as readonly unknown[]).includes(f),
  );
  if (features.length === 0) throw new Error('clusters: no feature selected');
  const int = (v: unknown, d: number) => (typeof v === 'number' && Number.isInteger(v) ? v : d);
  return {
    features,
    log1p: p.log1p !== false,
    k: typeof p.k === 'number' && Number.isInteger(p.k) && p.k >= 1 ? p.k : null,
    seed: int(p.seed, 42),
    nInit: Math.max(10, int(p.nInit, 10)),
    sampleSize: Math.min(10_000, Math.max(2, int(p.sampleSize, 10_000))),
  };
}

/** The transform of every feature and the standardised points (row-major). */
export function standardise(
  columns: Columns,
  features: readonly ClusterFeature[],
  log1p: boolean,
): { points: Points; transform: FeatureTransform[] } {
  const n = columns.customer_id?.length ?? 0;
  const d = features.length;
  const data = new Float64Array(n * d);
  const transform = features.map((feature, f) => {
    const useLog = log1p && SKEWED_FEATURES.includes(feature);
    const raw = columns[feature] ?? [];
    const values: (number | null)[] = [];
    let sum = 0;
    let known = 0;
    for (let i = 0; i < n; i++) {
      const v = raw[i];
      const x = typeof v === 'number' && Number.isFinite(v) ? (useLog ? logT(v) : v) : null;
      values.push(x);
      if (x !== null) {
        sum += x;
        known++;
      }
    }
    const mean = known > 0 ? sum / known : 0;
    let ss = 0;
    for (const x of values) if (x !== null) ss += (x - mean) ** 2;
    const sd = known > 0 ? Math.sqrt(ss / known) : 0;
    const constant = !(sd > 1e-12);
    values.forEach((x, i) => {
      data[i * d + f] = x === null || constant ? 0 : (x - mean) / sd;
    });
    return { feature, log1p: useLog, mean, sd, imputed: n - known, constant };
  });
  return { points: { data, n, d }, transform };
}

/** A z-space centre back in original units. */
function undo(t: FeatureTransform, z: number): number {
  const x = t.mean + z * t.sd;
  return t.log1p ? unlogT(x) : x;
}

export async function runClusters(
  columns: Columns,
  params: ClustersParams,
  io: ModelIo,
): Promise<{ model: ClustersModel; labels: Int32Array; points: Points }> {
  const { points, transform } = standardise(columns, params.features, params.log1p);
  const options = { seed: params.seed, nInit: params.nInit, yieldNow: () => io.yieldNow() };
  const chosen =
    points.n >= 2
      ? await chooseK(points, { ...options, sampleSize: params.sampleSize ?? 10_000 })
      : { choices: [], suggested: 1, sampled: points.n };
  io.progress(0.6);
  const result = await kmeans(points, params.k ?? chosen.suggested, options);
  io.progress(0.9);
  const idx = sampleIndices(points.n, SILHOUETTE_SAMPLE, params.seed);
  const sampleLabels = Int32Array.from(idx, (i) => result.labels[i]!);
  const silhouette = meanSilhouette(subset(points, idx), sampleLabels, result.k);
  const sizes = new Array<number>(result.k).fill(0);
  for (const l of result.labels) sizes[l]!++;
  const clusters: ClusterInfo[] = sizes.map((size, c) => {
    const z: Record<string, number> = {};
    const centroid: Record<string, number> = {};
    transform.forEach((t, f) => {
      const zc = result.centroids[c * points.d + f]!;
      z[t.feature] = zc;
      centroid[t.feature] = undo(t, zc);
    });
    return { cluster: c + 1, size, z, centroid, name: { 'zh-CN': '', en: '' } };
  });
  for (const c of clusters) c.name = clusterName(c.z);
  return {
    model: {
      customers: points.n,
      k: result.k,
      requestedK: params.k,
      suggestedK: chosen.suggested,
      seed: params.seed,
      nInit: params.nInit,
      features: [...params.features],
      transform,
      inertia: result.inertia,
      silhouette,
      chooser: chosen.choices,
      sampled: chosen.sampled,
      clusters,
    },
    labels: result.labels,
    points,
  };
}

/** The model runner: assignments table (customer_id, cluster 1..k, z_<feature>…) and the model JSON. */
export async function clustersModelRunner(
  inputs: Readonly<Record<string, Columns>>,
  p: Readonly<Record<string, unknown>>,
  io: ModelIo,
): Promise<OutputTable[]> {
  const columns = inputs.features ?? { customer_id: [] };
  const params = readParams(p);
  const { model, labels, points } = await runClusters(columns, params, io);
  const ids = columns.customer_id ?? [];
  const values: Cell[][] = [ids.slice(), Array.from(labels, (l) => l + 1)];
  params.features.forEach((_, f) => {
    values.push(Array.from({ length: points.n }, (_, i) => points.data[i * points.d + f]!));
  });
  return [
    {
      name: CLUSTER_TABLES.assignments,
      columns: [
        { name: 'customer_id', type: 'text' },
        { name: 'cluster', type: 'int' },
        ...params.features.map((f) => ({ name: `z_${f}`, type: 'double' as const })),
      ],
      values,
    },
    jsonTable(CLUSTER_TABLES.model, model),
  ];
}

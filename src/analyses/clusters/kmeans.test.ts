/** Golden k-means cases by hand (issue 15): ties, constant features, k above the distinct points. */
import { describe, expect, it } from 'vitest';
import { chooseK, kmeans, sampleIndices, seededRandom, silhouette, type Points } from './kmeans.ts';
import { runClusters, standardise } from './cluster-model.ts';
import { NO_IO } from '../models/model-types.ts';

const pts = (rows: number[][]): Points => ({
  data: Float64Array.from(rows.flat()),
  n: rows.length,
  d: rows[0]?.length ?? 0,
});

describe('kmeans', () => {
  it('two obvious groups: centres, labels and inertia by hand', async () => {
    // {0, 1} and {10, 11}: centres 0.5 and 10.5, inertia 4 × 0.25 = 1.
    const r = await kmeans(pts([[0], [1], [10], [11]]), 2, { seed: 1 });
    expect(r.k).toBe(2);
    expect(r.inertia).toBeCloseTo(1, 12);
    const centres = [...r.centroids].sort((a, b) => a - b);
    expect(centres).toEqual([0.5, 10.5]);
    expect(r.labels[0]).toBe(r.labels[1]);
    expect(r.labels[2]).toBe(r.labels[3]);
    expect(r.labels[0]).not.toBe(r.labels[2]);
  });

  it('k larger than the distinct points gives one cluster per distinct point, inertia 0', async () => {
    const r = await kmeans(
      pts([
        [1, 1],
        [1, 1],
        [5, 5],
        [5, 5],
        [5, 5],
      ]),
      4,
      { seed: 7 },
    );
    expect(r.k).toBe(2);
    expect(r.inertia).toBe(0);
    expect(new Set(r.labels).size).toBe(2);
  });

  it('all points equal: one cluster', async () => {
    const r = await kmeans(pts([[3], [3], [3]]), 3, { seed: 7 });
    expect(r.k).toBe(1);
    expect([...r.labels]).toEqual([0, 0, 0]);
  });

  it('a point exactly between two centres goes to the lower-numbered centre (tie)', async () => {
    // Centres end at 0 and 10 either way; 5 is equidistant: the first centre in order wins, and the
    // result is the same for the same seed.
    const data = pts([[0], [0], [0], [10], [10], [10]]);
    const a = await kmeans(data, 2, { seed: 3 });
    const b = await kmeans(data, 2, { seed: 3 });
    expect([...a.labels]).toEqual([...b.labels]);
    expect(a.inertia).toBe(0);
  });

  it('is deterministic for a seed and n_init keeps the lowest inertia', async () => {
    const random = seededRandom(5);
    const rows = Array.from({ length: 300 }, () => [random() * 10, random() * 10]);
    const a = await kmeans(pts(rows), 5, { seed: 11, nInit: 10 });
    const b = await kmeans(pts(rows), 5, { seed: 11, nInit: 10 });
    const single = await kmeans(pts(rows), 5, { seed: 11, nInit: 1 });
    expect([...a.labels]).toEqual([...b.labels]);
    expect(a.inertia).toBe(b.inertia);
    expect(a.inertia).toBeLessThanOrEqual(single.inertia);
  });
});

describe('silhouette and the k chooser', () => {
  it('silhouette by hand: {0, 1} vs {10}', () => {
    // Point 0: a = 1, b = 10 → 0.9; point 1: a = 1, b = 9 → 8/9; point 10: alone → 0. Mean (0.9 + 8/9) / 3.
    const s = silhouette(pts([[0], [1], [10]]), Int32Array.from([0, 0, 1]), 2);
    expect(s).toBeCloseTo((0.9 + 8 / 9) / 3, 12);
  });

  it('one cluster has no silhouette', () => {
    expect(silhouette(pts([[0], [1]]), Int32Array.from([0, 0]), 1)).toBeNull();
  });

  it('suggests the k of three clear groups', async () => {
    const random = seededRandom(9);
    const rows = [0, 20, 40].flatMap((c) => Array.from({ length: 40 }, () => [c + random(), c + random()]));
    const r = await chooseK(pts(rows), { seed: 1, from: 2, to: 6 });
    expect(r.suggested).toBe(3);
    expect(r.choices.map((c) => c.k)).toEqual([2, 3, 4, 5, 6]);
    // Elbow: inertia falls as k grows.
    for (let i = 1; i < r.choices.length; i++)
      expect(r.choices[i]!.inertia).toBeLessThanOrEqual(r.choices[i - 1]!.inertia + 1e-9);
  });

  it('samples at most the size asked, without repeats, the same for a seed', () => {
    const a = sampleIndices(50_000, 10_000, 3);
    expect(a.length).toBe(10_000);
    expect(new Set(a).size).toBe(10_000);
    expect([...a]).toEqual([...sampleIndices(50_000, 10_000, 3)]);
  });
});

describe('transform', () => {
  it('log1p then z-score, exactly; missing values imputed at the mean; constant features flagged', () => {
    const { points, transform } = standardise(
      {
        customer_id: ['a', 'b', 'c'],
        monetary: [0, Math.E - 1, null],
        peak_hour: [9, 9, 9],
      },
      ['monetary', 'peak_hour'],
      true,
    );
    // log1p: 0 and 1; mean 0.5, population sd 0.5 → z = −1, 1; c missing → 0.
    expect(transform[0]).toMatchObject({
      feature: 'monetary',
      log1p: true,
      mean: 0.5,
      imputed: 1,
      constant: false,
    });
    expect(transform[0]!.sd).toBeCloseTo(0.5, 12);
    expect(points.data[0]).toBeCloseTo(-1, 12);
    expect(points.data[2]).toBeCloseTo(1, 12);
    expect(points.data[4]).toBe(0);
    // peak hour: not a skewed feature (no log1p), constant → z = 0 for everyone.
    expect(transform[1]).toMatchObject({ feature: 'peak_hour', log1p: false, constant: true });
    expect([points.data[1], points.data[3], points.data[5]]).toEqual([0, 0, 0]);
  });

  it('log1p off leaves money as is', () => {
    const { transform } = standardise({ customer_id: ['a', 'b'], monetary: [1, 3] }, ['monetary'], false);
    expect(transform[0]).toMatchObject({ log1p: false, mean: 2, sd: 1 });
  });

  it('names clusters from their centres in zh and en, and undoes the transform for the centroids', async () => {
    const columns = {
      customer_id: ['a', 'b', 'c', 'd'],
      recency: [5, 6, 300, 310],
      frequency: [20, 22, 1, 1],
      monetary: [5000, 5200, 50, 40],
    };
    const { model } = await runClusters(
      columns,
      { features: ['recency', 'frequency', 'monetary'], log1p: true, k: 2, seed: 1, nInit: 10 },
      NO_IO,
    );
    const best = model.clusters.find((c) => c.centroid.monetary! > 1000)!;
    expect(best.size).toBe(2);
    // Geometric-style centre: expm1 of the mean of log1p(5000), log1p(5200).
    expect(best.centroid.monetary).toBeCloseTo(Math.expm1((Math.log1p(5000) + Math.log1p(5200)) / 2), 6);
    expect(best.name['zh-CN']).toContain('高频');
    expect(best.name['zh-CN']).toContain('近期活跃');
    expect(best.name.en).toContain('big spenders');
    const other = model.clusters.find((c) => c !== best)!;
    expect(other.name.en).toContain('lapsed');
  });
});

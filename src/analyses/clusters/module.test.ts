/**
 * The clusters module on real duckdb-wasm (issue 15): the behaviour fixture's five customers through the
 * customer features, the k-means model step (the engine's runModelStep, as in the worker and the CLI),
 * the profiles, the RFM segments inside clusters and the CSV / JSON exports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import type { PlanContext } from '../contract.ts';
import { decodeIpc } from '../../client/decode.ts';
import { ClustersConfigSchema } from './clusters-config.ts';
import { clusterMembersExport, clustersModule } from './module.ts';
import { createPurchases } from '../behaviour/testing/purchases-fixture.ts';
import { BEHAVIOUR_ORDERS } from '../behaviour/testing/behaviour-fixture.ts';
import { explainPlan, runPart, runPlan } from '../../../tests/unit/support/run-module.ts';

let db: DbPort;
const ctx: PlanContext = { locale: 'en', purchases: 'purchases', asOf: '2024-03-31' };
const config = v.parse(ClustersConfigSchema, { k: 2, seed: 7 });

beforeAll(async () => {
  db = await openNodeDb();
  await createPurchases(db, 'purchases', BEHAVIOUR_ORDERS);
});
afterAll(async () => db.close());

const rows = async (sql: string) => decodeIpc(await db.queryIpc(sql)).rows;

describe('clusters module', () => {
  it('clusters every customer once, with profiles that add up', async () => {
    const r = await runPart(db, clustersModule.parts.model, config, ctx, undefined);
    expect(r.model).not.toBeNull();
    const m = r.model!;
    expect(m).toMatchObject({ customers: 5, k: 2, requestedK: 2, seed: 7, nInit: 10 });
    expect(m.features).toEqual(['recency', 'frequency', 'monetary']);
    expect(m.transform.map((t) => [t.feature, t.log1p])).toEqual([
      ['recency', false],
      ['frequency', true],
      ['monetary', true],
    ]);
    expect(m.clusters.reduce((s, c) => s + c.size, 0)).toBe(5);
    expect(r.profiles.reduce((s, p) => s + p.customers, 0)).toBe(5);
    expect(r.profiles.reduce((s, p) => s + (p.revenueShare ?? 0), 0)).toBeCloseTo(1, 10);
    for (const c of m.clusters) {
      expect(c.name['zh-CN'].length).toBeGreaterThan(0);
      expect(c.name.en.length).toBeGreaterThan(0);
    }
    // A's recency as of 2024-03-31 is 60 days (last purchase 01-31): the profile of A's cluster sees it.
    const features = await rows(
      `SELECT customer_id, recency, frequency FROM cluster_features ORDER BY customer_id`,
    );
    expect(features.find((f) => f.customer_id === 'A')).toMatchObject({ recency: 60, frequency: 4 });
  });

  it('is the same for the same seed, and takes the user’s names', async () => {
    const a = await rows('SELECT customer_id, cluster FROM cluster_assignments ORDER BY customer_id');
    const named = { ...config, names: [{ cluster: 1, name: 'VIP' }] };
    const r = await runPart(db, clustersModule.parts.model, named, ctx, undefined);
    const b = await rows('SELECT customer_id, cluster FROM cluster_assignments ORDER BY customer_id');
    expect(b).toEqual(a);
    expect(r.model!.clusters[0]!.name).toEqual({ 'zh-CN': 'VIP', en: 'VIP' });
  });

  it('k above the distinct customers is capped; the suggested k is used without --clusters', async () => {
    const big = await runPart(db, clustersModule.parts.model, { ...config, k: 10 }, ctx, undefined);
    expect(big.model!.k).toBeLessThanOrEqual(5);
    const auto = await runPart(db, clustersModule.parts.model, { ...config, k: null }, ctx, undefined);
    expect(auto.model!.k).toBe(auto.model!.suggestedK);
    expect(auto.model!.chooser.length).toBeGreaterThan(0);
  });

  it('writes clusters.csv (customer_id, cluster, z_<feature>) and clusters.json', async () => {
    const [csv, json] = clustersModule.exports;
    const plan = csv!.plan(config, ctx, undefined);
    await runPlan(db, { statements: plan.statements, queries: {}, models: plan.models ?? [] });
    const out = await rows(plan.query);
    expect(Object.keys(out[0]!)).toEqual([
      'customer_id',
      'cluster',
      'z_recency',
      'z_frequency',
      'z_monetary',
    ]);
    expect(out.map((r) => r.customer_id)).toEqual(['A', 'B', 'C', 'D', 'S']);
    // z-scores are standardised: mean 0 over customers.
    expect(out.reduce((s, r) => s + (r.z_monetary as number), 0)).toBeCloseTo(0, 10);
    expect(json!.format).toBe('json');
    const model = JSON.parse(String((await rows(json!.plan(config, ctx, undefined).query))[0]!.json));
    expect(Object.keys(model)).toEqual(
      expect.arrayContaining(['k', 'seed', 'features', 'transform', 'inertia', 'silhouette', 'clusters']),
    );
    expect(model.clusters[0].centroid).toHaveProperty('monetary');
  });

  it('RFM segments inside clusters, and the members list binds', async () => {
    await db.exec(
      `CREATE OR REPLACE TABLE rfm_customers AS SELECT * FROM (VALUES ('A', 'x', 'X'), ('B', 'y', 'Y'), ('C', 'x', 'X')) t(customer_id, segment, segment_label)`,
    );
    const segs = await runPart(db, clustersModule.parts.segments, config, ctx, undefined);
    expect(segs.reduce((s, r) => s + r.customers, 0)).toBe(3);
    const members = await runPart(db, clustersModule.parts.members, config, ctx, { cluster: 1, limit: 10 });
    expect(members.length).toBeGreaterThan(0);
    expect(await explainPlan(db, clusterMembersExport.plan(config, ctx, { cluster: null }))).toEqual([
      'query',
    ]);
  });
});

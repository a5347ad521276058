/**
 * Saved groups rebuilt from their source tables (issues 14–16), on small hand-checked tables in a real
 * DuckDB: each source kind's members, availability in words when the source has not run or its
 * settings changed, and groups.csv.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { decodeIpc } from '../../client/decode.ts';
import { defaultConfig } from '../../config/parse-config.ts';
import type { AnalysisConfig } from '../../config/schema.ts';
import type { CustomerGroup } from '../../config/groups.ts';
import { roleTables } from '../../ingest/roles/catalogue.ts';
import { createPurchases } from '../behaviour/testing/purchases-fixture.ts';
import { buildGroupComparisonSql } from '../lifecycle/build-group-comparison-sql.ts';
import { buildSegmentCustomersCountSql } from '../rfm/build-segment-customers-sql.ts';
import {
  buildClusterModelSql,
  buildCustomerGroupsSql,
  buildGroupCountsSql,
  buildGroupsCsvSql,
  buildSourceTablesSql,
  groupAvailability,
  groupBasis,
  groupMemberFilterSql,
  readClusterBasis,
} from './customer-groups.ts';

let db: DbPort;
const rowsOf = async (sql: string) => decodeIpc(await db.queryIpc(sql)).rows.map((r) => ({ ...r }));

const base = defaultConfig();
const config: AnalysisConfig = {
  ...base,
  funnel: { ...base.funnel, steps: ['view', 'cart', 'pay'], windowDays: 7 },
  rfm: { ...base.rfm, preset: 'value5' },
};
const group = (id: string, source: CustomerGroup['source']): CustomerGroup => ({
  id,
  name: `名称 ${id}`,
  source,
});
const funnelDrop = (step: number) =>
  group(`drop${step}`, { kind: 'funnel-drop', step, basis: groupBasis('funnel-drop', config) });
const cluster2 = group('c2', { kind: 'cluster', cluster: 2, basis: groupBasis('cluster', config) });
const churned = group('vc', { kind: 'clv', list: 'valuable-churned', basis: groupBasis('clv', config) });
const active = group('act', { kind: 'clv', list: 'likely_active', basis: groupBasis('clv', config) });
const atRisk = group('seg', {
  kind: 'rfm-segment',
  segment: 'churn_risk',
  basis: groupBasis('rfm-segment', config),
});
const hvr = group('hvr', { kind: 'high-value-at-risk', basis: groupBasis('high-value-at-risk', config) });
const all = [funnelDrop(2), funnelDrop(3), cluster2, churned, active, atRisk, hvr];

async function tables(): Promise<Set<string>> {
  return new Set((await rowsOf(buildSourceTablesSql())).map((r) => String(r.table_name)));
}

beforeAll(async () => {
  db = await openNodeDb();
  // Funnel view → cart → pay within 7 days: U1 pays, U2 stops after cart, U3 after view, U4 carts too late.
  await db.exec(`CREATE TABLE ${roleTables('events').events} AS SELECT customer_id, event, CAST(event_time AS TIMESTAMP) AS event_time FROM (VALUES
    ('U1','view','2024-01-01'), ('U1','cart','2024-01-02'), ('U1','pay','2024-01-03'),
    ('U2','view','2024-01-01'), ('U2','cart','2024-01-02'),
    ('U3','view','2024-01-01'),
    ('U4','view','2024-01-01'), ('U4','cart','2024-01-20')) t(customer_id, event, event_time)`);
  await db.exec(
    `CREATE TABLE cluster_assignments AS SELECT * FROM (VALUES ('A',1),('B',2),('C',2),('D',3)) t(customer_id, cluster)`,
  );
  await db.exec(
    `CREATE TABLE cluster_model AS SELECT '{"k":3,"requestedK":null,"seed":42,"nInit":10,"features":["recency","frequency","monetary"]}' AS json`,
  );
  // Past value x × monetary_value: 0, 100, 200, 300, 400, 500 → top fifth of x > 0 (quantile 0.8 = 420): F only
  // among p_alive < 0.5 (E has 400, below). p_alive bands: A 0.9 active, B 0.6, C 0.3, D..F below 0.2.
  await db.exec(`CREATE TABLE clv_customers AS SELECT * FROM (VALUES
    ('A', 0, 0.0, 0.9), ('B', 1, 100.0, 0.6), ('C', 2, 100.0, 0.3), ('D', 3, 100.0, 0.1),
    ('E', 4, 100.0, 0.1), ('F', 5, 100.0, 0.1)) t(customer_id, x, monetary_value, p_alive)`);
  // value5 scales have 5 levels: high value at risk = R ≤ 2 and M ≥ 4.
  await db.exec(`CREATE TABLE rfm_customers AS SELECT * FROM (VALUES
    ('R1', 'churn_risk', 1, 5), ('R2', 'churn_risk', 2, 3), ('R3', 'champions', 5, 5), ('R4', 'hibernating', 2, 4))
    t(customer_id, segment, r_score, m_score)`);
});
afterAll(async () => db.close());

describe('customer groups', () => {
  it('rebuild each source kind to the hand-checked members', async () => {
    const present = await tables();
    const model = readClusterBasis((await rowsOf(buildClusterModelSql()))[0]?.json);
    for (const g of all) expect(groupAvailability(g, config, present, model)).toBeNull();
    for (const s of buildCustomerGroupsSql(all, config)) await db.exec(s);
    const members = await rowsOf(`SELECT group_id, customer_id FROM customer_groups ORDER BY ALL`);
    const of = (id: string) => members.filter((m) => m.group_id === id).map((m) => m.customer_id);
    expect(of('drop2')).toEqual(['U3', 'U4']);
    expect(of('drop3')).toEqual(['U2']);
    expect(of('c2')).toEqual(['B', 'C']);
    expect(of('vc')).toEqual(['F']);
    expect(of('act')).toEqual(['A']);
    expect(of('seg')).toEqual(['R1', 'R2']);
    expect(of('hvr')).toEqual(['R1', 'R4']);
    expect(await rowsOf(buildGroupCountsSql())).toContainEqual({ group_id: 'drop2', customers: 2 });
    expect(
      await rowsOf(`SELECT customer_id FROM rfm_customers WHERE ${groupMemberFilterSql('hvr')} ORDER BY 1`),
    ).toEqual([{ customer_id: 'R1' }, { customer_id: 'R4' }]);
  });

  it('are reproducible: the same data and config give the same members', async () => {
    const first = await rowsOf(`SELECT * FROM customer_groups ORDER BY ALL`);
    for (const s of buildCustomerGroupsSql(all, config)) await db.exec(s);
    expect(await rowsOf(`SELECT * FROM customer_groups ORDER BY ALL`)).toEqual(first);
  });

  it('say why a group is not available instead of showing other members', async () => {
    const present = await tables();
    const model = readClusterBasis((await rowsOf(buildClusterModelSql()))[0]?.json);
    const otherSteps = { ...config, funnel: { ...config.funnel, steps: ['view', 'pay'] } };
    expect(groupAvailability(funnelDrop(3), otherSteps, present, model)).toEqual({
      reason: 'settings-changed',
    });
    const otherSeed = { ...config, clusters: { ...config.clusters, seed: 7 } };
    expect(groupAvailability(cluster2, otherSeed, present, model)).toEqual({ reason: 'settings-changed' });
    // The config matches the group but the model in the table was fitted with another seed.
    const staleModel = model && { ...model, seed: 7 };
    expect(groupAvailability(cluster2, config, present, staleModel)).toEqual({ reason: 'not-run' });
    expect(groupAvailability(churned, config, new Set(['rfm_customers']), null)).toEqual({
      reason: 'not-run',
    });
    const noAtRisk = { ...config, rfm: { ...config.rfm, segments: [] } };
    expect(groupAvailability(atRisk, noAtRisk, present, model)).toEqual({ reason: 'segment-gone' });
    expect(
      groupAvailability(hvr, { ...config, rfm: { ...config.rfm, preset: 'cn8' } }, present, model),
    ).toEqual({
      reason: 'settings-changed',
    });
  });

  it('write groups.csv in the config order, and an empty table when no group is available', async () => {
    for (const s of buildCustomerGroupsSql([atRisk, cluster2], config)) await db.exec(s);
    expect(await rowsOf(buildGroupsCsvSql([atRisk, cluster2]))).toEqual([
      { group_id: 'seg', group_name: '名称 seg', customer_id: 'R1' },
      { group_id: 'seg', group_name: '名称 seg', customer_id: 'R2' },
      { group_id: 'c2', group_name: '名称 c2', customer_id: 'B' },
      { group_id: 'c2', group_name: '名称 c2', customer_id: 'C' },
    ]);
    for (const s of buildCustomerGroupsSql([], config)) await db.exec(s);
    expect(await rowsOf(buildGroupsCsvSql([atRisk]))).toEqual([]);
    expect(await rowsOf(buildGroupsCsvSql([]))).toEqual([]);
  });

  it('filter the group comparison and the RFM drill-down to exactly the members', async () => {
    for (const s of buildCustomerGroupsSql([atRisk, cluster2], config)) await db.exec(s);
    await createPurchases(db, 'purchases', [
      { customer_id: 'R1', time: '2024-01-01', net: 100 },
      { customer_id: 'R1', time: '2024-01-05', net: 50 },
      { customer_id: 'R2', time: '2024-01-02', net: 30 },
      { customer_id: 'B', time: '2024-01-03', net: 10 },
      { customer_id: 'R3', time: '2024-01-04', net: 999 },
    ]);
    const rows = await rowsOf(
      buildGroupComparisonSql({
        a: { purchases: 'purchases', filter: { kind: 'group', table: 'customer_groups', value: 'seg' } },
        b: {
          purchases: 'purchases',
          filter: { kind: 'group', table: 'customer_groups', value: "c2' OR TRUE --" },
        },
      }),
    );
    const metric = (m: string) => rows.find((r) => r.metric === m)!;
    expect([metric('customers').value_a, metric('revenue').value_a]).toEqual([2, 180]);
    expect(metric('customers').value_b).toBe(0);
    expect(await rowsOf(buildSegmentCustomersCountSql({ group: 'seg' }))).toEqual([{ total: 2 }]);
    expect(await rowsOf(buildSegmentCustomersCountSql({ group: 'seg', segment: 'champions' }))).toEqual([
      { total: 0 },
    ]);
  });
});

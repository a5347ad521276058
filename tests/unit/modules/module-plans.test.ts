/**
 * Every registered module's plans bind against the canonical schema (issue 11): the module's
 * `prepare`, each part (with the view parameters listed below) and each export run on a tiny
 * `purchases` table; each named query is checked with EXPLAIN first, then run. A part missing from
 * PART_PARAMS is planned with no parameters — a part that needs some fails here until listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbPort } from '../../../src/engine/db-port.ts';
import { openNodeDb } from '../../../src/engine/node-db.ts';
import { MODULES } from '../../../src/analyses/registry.ts';
import type { AnalysisModule, Part, PlanContext } from '../../../src/analyses/contract.ts';
import { defaultConfig } from '../../../src/config/parse-config.ts';
import { createPurchases } from '../../../src/analyses/rfm/testing/rfm-fixture.ts';
import { runRoleCleaning } from '../../../src/engine/clean-role.ts';
import type { GenericRole } from '../../../src/ingest/cleaning/build-role-cleaning-sql.ts';
import { runCompute } from '../../../src/engine/run-compute.ts';
import { runModelStep } from '../../../src/engine/run-model.ts';

const ctx: PlanContext = { locale: 'zh-CN', purchases: 'purchases' };

/** View parameters of the parts that take some (module id → part → params). */
const PART_PARAMS: Record<string, Record<string, unknown>> = {
  behaviour: { intervals: { grouping: 'segment' } },
  revenue: { periods: { split: 'segment', segmentsAvailable: true } },
  comparison: {
    channels: {},
    compare: {
      a: { key: 'all', kind: 'all', value: '' },
      b: { key: 'channel:app', kind: 'channel', value: 'app' },
      comparisonPurchases: 'purchases',
    },
  },
  rfm: {
    drill: {
      segment: 'other',
      search: 'c',
      features: 'rfm_features',
      sort: { column: 'monetary', direction: 'desc' },
      limit: 10,
    },
  },
  // rfm_customers exists: the RFM module's prepare ran first (registry order).
  lifecycle: { churn: { segments: true } },
  campaigns: { table: { mask: true }, days: { campaign: 's' }, segments: { campaign: 's' } },
  leads: { notContacted: { mask: true } },
  clv: { list: { search: 'c', sort: { column: 'clv', direction: 'desc' }, limit: 10 } },
  // Issue 14: the RFM config is a parameter; the matrix reads migration_scores made by `scores`.
  migration: {
    periods: { rfm: defaultConfig().rfm },
    scores: { rfm: defaultConfig().rfm, ends: ['2024-01-31', '2024-03-01'] },
    matrix: { from: 1, to: 2 },
  },
  clusters: { members: { cluster: 1, limit: 10 } },
  basket: {
    rules: { item: '', sort: 'lift', limit: 10 },
    page: { item: 'x', sort: 'support', limit: 10 },
    recommendations: { segments: true, limit: 10 },
  },
};
// The funnel's parts with steps are bound in src/analyses/funnel/funnel.test.ts; here the default
// config (no steps chosen yet) plans nothing but the event names.

/**
 * Parts that read a table only another dataset creates, gated by a part that checks for it first
 * (their binding is tested with that table in the module's own test file).
 */
const NEEDS_OTHER_DATASET: Record<string, readonly string[]> = {
  comparison: ['attributes'], // customers_clean: src/analyses/lifecycle/module.test.ts
};

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
  await createPurchases(db, 'purchases', [
    { customer: 'c1', date: '2024-01-05', net: 100 },
    { customer: 'c1', date: '2024-03-01', net: 50 },
    { customer: 'c2', date: '2024-02-10', net: 20 },
    { customer: 'c3', date: '2023-12-24', net: 300 },
  ]);
  // The touches, experiment and leads tables (issue 13), through their real cleaning.
  const files: [GenericRole, string[], string[], Record<string, string>][] = [
    [
      'touches',
      ['活动', '客户ID', '分组', '发送时间'],
      ['s', 'c1', '实验组', '2024-01-01'],
      { campaign_id: '活动', customer_id: '客户ID', group: '分组', sent_time: '发送时间' },
    ],
    [
      'experiment',
      ['segment', 'visit', 'spend'],
      ['No E-Mail', '1', '2.5'],
      { arm: 'segment', visited: 'visit', revenue: 'spend' },
    ],
    [
      'leads',
      ['线索ID', '创建时间', '线索状态'],
      ['L1', '2024-01-01 09:00', '赢单'],
      { lead_id: '线索ID', created_time: '创建时间', stage: '线索状态' },
    ],
    [
      'events',
      ['用户ID', '事件', '时间', '渠道'],
      ['c1', 'view', '2024-01-01 09:00', 'app'],
      { customer_id: '用户ID', event: '事件', event_time: '时间', channel: '渠道' },
    ],
  ];
  for (const [role, header, row, mapping] of files) {
    const table = `src_${role}`;
    await db.exec(`CREATE TABLE ${table} (${header.map((h) => `"${h}" VARCHAR`).join(', ')})`);
    await db.exec(`INSERT INTO ${table} VALUES (${row.map((v) => `'${v}'`).join(', ')})`);
    await runRoleCleaning(
      db,
      role,
      { table, columns: header.map((name) => ({ name, type: 'VARCHAR' })) },
      { mapping },
    );
  }
});
afterAll(async () => db?.close());

const modules = MODULES as readonly AnalysisModule<
  unknown,
  Readonly<Record<string, Part<unknown, unknown, unknown>>>
>[];
const config = defaultConfig() as unknown as Record<string, unknown>;

async function bind(queries: Readonly<Record<string, string>>): Promise<void> {
  for (const [name, sql] of Object.entries(queries)) {
    await expect(db.queryIpc(`EXPLAIN ${sql}`), name).resolves.toBeInstanceOf(Uint8Array);
    await expect(db.queryIpc(sql), name).resolves.toBeInstanceOf(Uint8Array);
  }
}

describe.each(modules.map((m) => [m.id, m] as const))('module %s', (_id, module) => {
  const cfg = config[module.configKey];

  it('reads a config slice that exists', () => expect(cfg).toBeDefined());

  it('prepares, then every part plans, binds and reads', async () => {
    for (const sql of module.prepare(cfg, ctx)) await db.exec(sql);
    // A module's compute step (issue 16: the CLV fit) writes the table its parts read.
    if (module.compute) await runCompute(db, module.compute(cfg, ctx));
    for (const [name, part] of Object.entries(module.parts)) {
      if (NEEDS_OTHER_DATASET[module.id]?.includes(name)) continue;
      const params = PART_PARAMS[module.id]?.[name];
      const plan = part.plan(cfg, ctx, params);
      for (const sql of plan.statements) await db.exec(sql);
      for (const step of plan.models ?? []) await runModelStep(db, step, new AbortController().signal);
      await bind(plan.queries);
      const rows = Object.fromEntries(
        await Promise.all(
          Object.entries(plan.queries).map(async ([q, sql]) => [q, await rowsOf(sql)] as const),
        ),
      );
      expect(() => part.read(rows, params, cfg), `${module.id}.${name}`).not.toThrow();
    }
  });

  it('every export binds', async () => {
    for (const sql of module.prepare(cfg, ctx)) await db.exec(sql);
    if (module.compute) await runCompute(db, module.compute(cfg, ctx));
    for (const spec of module.exports) {
      const plan = spec.plan(cfg, ctx, undefined);
      for (const sql of plan.statements) await db.exec(sql);
      for (const step of plan.models ?? []) await runModelStep(db, step, new AbortController().signal);
      await bind({ [spec.id]: plan.query });
    }
  });

  // Issue 17: the findings plan binds after `prepare` and its rows read (the tiny table says nothing).
  it.runIf(module.findings !== undefined)('its findings plan binds and reads', async () => {
    for (const sql of module.prepare(cfg, ctx)) await db.exec(sql);
    const plan = module.findings!.plan(cfg, ctx);
    for (const sql of plan.statements) await db.exec(sql);
    for (const step of plan.models ?? []) await runModelStep(db, step, new AbortController().signal);
    await bind(plan.queries);
    const rows = Object.fromEntries(
      await Promise.all(
        Object.entries(plan.queries).map(async ([q, sql]) => [q, await rowsOf(sql)] as const),
      ),
    );
    expect(module.findings!.read(rows, cfg, ctx)).toEqual([]);
  });
});

async function rowsOf(sql: string) {
  const { decodeIpc } = await import('../../../src/client/decode.ts');
  return decodeIpc(await db.queryIpc(sql)).rows;
}

/**
 * Campaign review goldens (issue 13) on a hand-checked fixture: the touches go through the real
 * cleaning (exact duplicates dropped), purchases are a canonical purchases table. Every number below
 * is worked out by hand in the comments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { decodeIpc } from '../../client/decode.ts';
import { runRoleCleaning } from '../../engine/clean-role.ts';
import { ident, literal } from '../../sql/quote.ts';
import { PURCHASES_COLUMNS } from '../rfm/testing/rfm-fixture.ts';
import { explainPlan, runPart } from '../../../tests/unit/support/run-module.ts';
import { newcombe, twoProportionP } from '../stats/intervals.ts';
import { campaignListExport, campaignsModule } from './module.ts';
import type { CampaignsConfig } from './campaigns-config.ts';
import { campaignMatchWarnings } from './match-warnings.ts';
import { translate } from '../../i18n/i18n.ts';

let db: DbPort;
const ctx = { locale: 'zh-CN' as const, purchases: 'purchases' };
const config: CampaignsConfig = {
  attributionDays: 7,
  margin: 1,
  costs: [{ campaign: 'BigControl', cost: 50 }],
};

// prettier-ignore
const TOUCHES: (string | null)[][] = [
  // campaign, customer, group, channel, sent, status, cost
  ['Spring', 'A', '实验组', '短信', '2024-03-01 10:00:00', '成功', '0.1'],
  ['Spring', 'A', '实验组', '短信', '2024-03-02 10:00:00', '成功', '0.1'], // resend: one customer, earliest send, cost counts
  ['Spring', 'B', '实验组', '短信', '2024-03-01 10:00:00', '成功', '0.1'],
  ['Spring', 'B', '实验组', '短信', '2024-03-01 10:00:00', '成功', '0.1'], // exact duplicate: once
  ['Spring', 'C', '实验组', '短信', '2024-03-01 10:00:00', '成功', '0.1'],
  ['Spring', 'D', '实验组', '短信', '2024-03-01 10:00:00', '失败', '0.1'], // not reached
  ['Spring', 'E', '实验组', '短信', '2024-03-01 10:00:00', '成功', '0.1'], // no orders at all
  ['Spring', 'F', '实验组', '短信', '2024-03-01 10:00:00', '成功', '0.1'], // bought before the send only
  ['Spring', 'X', '对照组', '短信', '2024-03-01 10:00:00', '', null],
  ['Spring', 'Y', '对照组', '短信', '2024-03-01 10:00:00', '', null],
  ['Spring', 'Z', '对照组', '短信', '2024-03-01 10:00:00', '', null],
  ['NoControl', 'A', '实验组', '邮件', '2024-03-10 08:00:00', '成功', '0'], // no control group, zero cost
  ['NoControl', 'G', '实验组', '邮件', '2024-03-10 08:00:00', '成功', '0'],
  ['BigControl', 'H', '实验组', '短信', '2024-03-20 08:00:00', '成功', null], // control larger, 0 conversions in target
  ['BigControl', 'I', '对照组', '短信', '2024-03-20 08:00:00', '成功', null],
  ['BigControl', 'J', '对照组', '短信', '2024-03-20 08:00:00', '成功', null],
  ['BigControl', 'K', '对照组', '短信', '2024-03-20 08:00:00', '成功', null],
  ['BigControl', 'L', '对照组', '短信', '2024-03-20 08:00:00', '成功', null],
];
// prettier-ignore
const PURCHASES: [string, string, number][] = [
  ['A', '2024-03-03 09:00:00', 100], // Spring: inside
  ['B', '2024-03-08 10:00:00', 70], // Spring: exactly send + 7 days → outside
  ['C', '2024-03-08 09:59:59', 50], // Spring: last second inside
  ['D', '2024-03-02 12:00:00', 30], // Spring: not reached, but a target customer converting (ITT, revenue)
  ['F', '2024-02-28 12:00:00', 80], // before the send
  ['X', '2024-03-04 12:00:00', 40], // Spring control converts
  ['A', '2024-03-12 12:00:00', 20], // NoControl: inside
  ['J', '2024-03-21 12:00:00', 60], // BigControl control converts
];

beforeAll(async () => {
  db = await openNodeDb();
  const header = ['活动名称', '客户ID', '分组', '渠道', '发送时间', '发送状态', '成本'];
  await db.exec(`CREATE TABLE touch_src (${header.map((h) => `${ident(h)} VARCHAR`).join(', ')})`);
  await db.exec(
    `INSERT INTO touch_src VALUES ${TOUCHES.map((r) => `(${r.map((v) => literal(v)).join(', ')})`).join(', ')}`,
  );
  const report = await runRoleCleaning(
    db,
    'touches',
    { table: 'touch_src', columns: header.map((name) => ({ name, type: 'VARCHAR' })) },
    {
      mapping: {
        campaign_id: '活动名称',
        customer_id: '客户ID',
        group: '分组',
        channel: '渠道',
        sent_time: '发送时间',
        delivery_status: '发送状态',
        cost: '成本',
      },
    },
  );
  // Spring's control rows have no status: control rows are never sent, so they are kept.
  expect(report.reasons).toEqual({ exact_duplicate: 1 });
  expect(report.rowsUsed).toBe(17);
  await db.exec(`CREATE TABLE purchases (${PURCHASES_COLUMNS})`);
  await db.exec(`INSERT INTO purchases (customer_id, order_id, order_time, order_date, net_amount, is_purchase)
    VALUES ${PURCHASES.map(([c, t, n], i) => `(${literal(c)}, 'o${i}', TIMESTAMP ${literal(t)}, CAST(TIMESTAMP ${literal(t)} AS DATE), ${n}, TRUE)`).join(', ')}`);
});
afterAll(async () => db.close());

describe('campaign table', () => {
  it('Spring: window edges, resends, duplicates, no-order customers, ITT lift with CI and p', async () => {
    const { rows } = await runPart(db, campaignsModule.parts.table, config, ctx, { mask: true });
    const spring = rows.find((r) => r.campaign === 'Spring')!;
    expect(spring).toMatchObject({
      channel: '短信',
      first_send: '2024-03-01 10:00:00',
      targeted: 6, // A B C D E F
      reached: 5, // D failed
      converted: 2, // A (03-03) and C (last second); B's purchase at send + 7 days is outside
      control_customers: 3,
      control_converted: 1, // X
    });
    expect(spring.reach_rate).toBeCloseTo(5 / 6, 12);
    expect(spring.conversion_rate).toBeCloseTo(2 / 5, 12);
    expect(spring.revenue).toBeCloseTo(180, 9); // A 100 + C 50 + D 30 (target customers, in window)
    expect(spring.cost).toBeCloseTo(0.7, 9); // 7 target rows × 0.1 (resend counts, duplicate once)
    expect(spring.roi).toBeCloseTo((180 - 0.7) / 0.7, 9);
    expect(spring.target_rate).toBeCloseTo(3 / 6, 12); // A C D (intent to treat)
    expect(spring.control_rate).toBeCloseTo(1 / 3, 12);
    expect(spring.lift).toBeCloseTo(1 / 2 - 1 / 3, 12);
    const ci = newcombe(3, 6, 1, 3)!;
    expect(spring.lift_ci_low).toBeCloseTo(ci.low, 10);
    expect(spring.lift_ci_high).toBeCloseTo(ci.high, 10);
    expect(spring.p_value).toBeCloseTo(twoProportionP(3, 6, 1, 3)!, 12);
    // (180 / 6 − 40 / 3) × 6 = 100; (100 − 0.7) / 0.7
    expect(spring.incremental_revenue).toBeCloseTo(100, 9);
    expect(spring.incremental_roi).toBeCloseTo(99.3 / 0.7, 9);
  });

  it('NoControl: zero cost leaves ROI empty (not ∞), no control leaves lift empty', async () => {
    const { rows } = await runPart(db, campaignsModule.parts.table, config, ctx, { mask: true });
    const r = rows.find((x) => x.campaign === 'NoControl')!;
    expect(r).toMatchObject({ targeted: 2, reached: 2, converted: 1, revenue: 20, cost: 0, roi: null });
    expect(r.conversion_rate).toBe(0.5);
    for (const k of [
      'control_customers',
      'control_rate',
      'lift',
      'lift_ci_low',
      'p_value',
      'incremental_revenue',
    ] as const)
      expect(r[k], k).toBeNull();
  });

  it('BigControl: control larger than target, zero target conversions; the entered cost replaces the file', async () => {
    const { rows } = await runPart(db, campaignsModule.parts.table, config, ctx, { mask: true });
    const r = rows.find((x) => x.campaign === 'BigControl')!;
    expect(r).toMatchObject({
      targeted: 1,
      converted: 0,
      control_customers: 4,
      control_converted: 1,
      cost: 50,
      roi: -1,
    });
    expect(r.lift).toBeCloseTo(-0.25, 12);
    const ci = newcombe(0, 1, 1, 4)!;
    expect(r.lift_ci_low).toBeCloseTo(ci.low, 10);
    expect(r.lift_ci_high).toBeCloseTo(ci.high, 10);
    expect(r.p_value).toBeCloseTo(twoProportionP(0, 1, 1, 4)!, 12);
    expect(r.incremental_revenue).toBeCloseTo((0 - 60 / 4) * 1, 9);
  });

  it('campaigns.csv has exactly the issue columns, ordered by first send', async () => {
    const plan = campaignsModule.exports[0]!.plan(config, ctx, undefined);
    await explainPlan(db, plan);
    const rows = decodeIpc(await db.queryIpc(plan.query)).rows;
    expect(Object.keys(rows[0]!)).toEqual([
      'campaign',
      'channel',
      'first_send',
      'targeted',
      'reached',
      'reach_rate',
      'converted',
      'conversion_rate',
      'revenue',
      'cost',
      'roi',
      'control_customers',
      'control_converted',
      'target_rate',
      'control_rate',
      'lift',
      'lift_ci_low',
      'lift_ci_high',
      'p_value',
      'incremental_revenue',
      'incremental_roi',
    ]);
    expect(rows.map((r) => r.campaign)).toEqual(['Spring', 'NoControl', 'BigControl']);
  });

  it('a wider window (W = 8) takes B in', async () => {
    const { rows } = await runPart(db, campaignsModule.parts.table, { ...config, attributionDays: 8 }, ctx, {
      mask: true,
    });
    expect(rows.find((r) => r.campaign === 'Spring')!.converted).toBe(3);
  });
});

describe('charts, channels, lists, match', () => {
  it('conversion by day since send, cumulative, target vs control', async () => {
    const days = await runPart(db, campaignsModule.parts.days, config, ctx, { campaign: 'Spring' });
    const target = days.filter((d) => d.arm === 'target').map((d) => d.converted);
    const control = days.filter((d) => d.arm === 'control').map((d) => d.converted);
    // day = whole days after the send: D 26 h → 1, A 47 h → 1, C 6 d 23:59:59 → 6; X 74 h → 3
    expect(target).toEqual([0, 2, 2, 2, 2, 2, 3]);
    expect(control).toEqual([0, 0, 0, 1, 1, 1, 1]);
    expect(days.find((d) => d.arm === 'target' && d.day === 6)!.rate).toBeCloseTo(3 / 6, 12);
  });

  it('lift by RFM segment: which segments respond', async () => {
    // A C D X in "vip", the rest without a segment (no RFM row)
    await db.exec(`CREATE OR REPLACE TABLE rfm_customers AS SELECT * FROM (VALUES
      ('A', 'vip', '重要价值'), ('C', 'vip', '重要价值'), ('D', 'vip', '重要价值'), ('X', 'vip', '重要价值'), ('B', 'new', '新客'))
      AS t(customer_id, segment, segment_label)`);
    const rows = await runPart(db, campaignsModule.parts.segments, config, ctx, { campaign: 'Spring' });
    const vip = rows.find((r) => r.segment === 'vip')!;
    // vip: target A C D all converted (3/3), control X converted (1/1): lift 0
    expect(vip).toMatchObject({
      segment_label: '重要价值',
      targeted: 3,
      target_converted: 3,
      control_customers: 1,
      control_converted: 1,
    });
    expect(vip.lift).toBe(0);
    const none = rows.find((r) => r.segment === '')!;
    // no segment: target E F (0/2), control Y Z (0/2)
    expect(none).toMatchObject({
      targeted: 2,
      target_converted: 0,
      control_customers: 2,
      control_converted: 0,
      p_value: null,
    });
    const fresh = rows.find((r) => r.segment === 'new')!;
    expect(fresh).toMatchObject({ targeted: 1, control_customers: 0, lift: null });
  });

  it('channels compare reach, response and ROI', async () => {
    const ch = await runPart(db, campaignsModule.parts.channels, config, ctx, undefined);
    expect(ch.map((c) => [c.channel_key, c.targeted, c.reached, c.converted])).toEqual([
      ['短信', 7, 6, 2],
      ['邮件', 2, 2, 1],
    ]);
  });

  it('lists: converted and not converted reached targets, phones masked', async () => {
    const plan = campaignListExport.plan(config, ctx, { campaign: 'Spring', converted: true, mask: true });
    for (const s of plan.statements) await db.exec(s);
    const rows = decodeIpc(await db.queryIpc(plan.query)).rows;
    expect(rows.map((r) => [r.customer_id, r.revenue])).toEqual([
      ['A', 100],
      ['C', 50],
    ]);
    const not = campaignListExport.plan(config, ctx, { campaign: 'Spring', converted: false, mask: true });
    expect(decodeIpc(await db.queryIpc(not.query)).rows.map((r) => r.customer_id)).toEqual(['B', 'E', 'F']);
  });

  it('ids that match no order: match rate 0 and masked samples', async () => {
    await db.exec(`CREATE OR REPLACE TABLE touches_backup AS SELECT * FROM touches_clean`);
    await db.exec(
      `UPDATE touches_clean SET customer_id = '1381234' || lpad(CAST(hash(customer_id) % 10000 AS VARCHAR), 4, '0')`,
    );
    const { match, rows } = await runPart(db, campaignsModule.parts.table, config, ctx, { mask: true });
    expect(match.matchRate).toBe(0);
    expect(match.matched).toBe(0);
    expect(match.unmatchedSamples.length).toBeGreaterThan(0);
    for (const id of match.unmatchedSamples) expect(id).toMatch(/^138\*\*\*\*\d{4}$/);
    expect(rows.every((r) => r.converted === 0)).toBe(true);
    await db.exec(`CREATE OR REPLACE TABLE touches_clean AS SELECT * FROM touches_backup`);
    const again = await runPart(db, campaignsModule.parts.table, config, ctx, { mask: true });
    // A B C D E F G H I J K L X Y Z: 15 ids; with purchases: A B C D F X J = 7
    expect(again.match).toMatchObject({ customers: 15, matched: 7, inBothGroups: 0 });
  });
});

describe('customers in both groups', () => {
  it('are counted and shown as a translated warning (zh, en)', async () => {
    await db.exec(`CREATE OR REPLACE TABLE touches_backup AS SELECT * FROM touches_clean`);
    // A (Spring target) and H (BigControl target) also listed in their campaign's control group
    await db.exec(`INSERT INTO touches_clean BY NAME
      SELECT * REPLACE ('control' AS arm) FROM touches_clean
      WHERE (campaign_id = 'Spring' AND customer_id = 'A') OR (campaign_id = 'BigControl' AND customer_id = 'H')`);
    const { match } = await runPart(db, campaignsModule.parts.table, config, ctx, { mask: true });
    expect(match.inBothGroups).toBe(2);
    const format = { rate: (x: number | null) => String(x), int: (x: number) => String(x) };
    // 7 of 15 ids have orders (under half): the low-match warning comes first, then this one
    expect(campaignMatchWarnings(match, (k, p) => translate('zh-CN', k, p), format).slice(1)).toEqual([
      '有 2 位客户在同一活动中同时列在实验组和对照组，两组都计入了他们，提升值因此不准。请检查触达名单的分组。',
    ]);
    expect(campaignMatchWarnings(match, (k, p) => translate('en', k, p), format).slice(1)).toEqual([
      'Customers listed in both the target and the control group of one campaign: 2. They count in both groups, so the lift mixes them. Check the groups in the touches file.',
    ]);
    await db.exec(`CREATE OR REPLACE TABLE touches_clean AS SELECT * FROM touches_backup`);
    const again = await runPart(db, campaignsModule.parts.table, config, ctx, { mask: true });
    expect(again.match.inBothGroups).toBe(0);
    const after = campaignMatchWarnings(again.match, (k, p) => translate('en', k, p), format);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(/^Only 0\.4666/);
  });

  it('a low match and the both-groups count give two warnings, the match first', () => {
    const w = campaignMatchWarnings(
      { customers: 10, matched: 0, matchRate: 0, inBothGroups: 3, unmatchedSamples: ['138****0001'] },
      (k, p) => translate('en', k, p),
      { rate: (x) => `${(x ?? 0) * 100}%`, int: String },
    );
    expect(w).toHaveLength(2);
    expect(w[0]).toContain('match no order (match rate 0%: 0 of 10 customers');
    expect(w[0]).toContain('138****0001');
    expect(w[1]).toMatch(/^Customers listed in both .*: 3\. /);
  });
});

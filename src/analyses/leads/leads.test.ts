/** Leads goldens (issue 13) on a hand-checked fixture, cleaned by the real leads cleaning. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { decodeIpc } from '../../client/decode.ts';
import { runRoleCleaning } from '../../engine/clean-role.ts';
import { ident, literal } from '../../sql/quote.ts';
import { explainPlan, runPart } from '../../../tests/unit/support/run-module.ts';
import { leadsModule, notContactedExport } from './module.ts';

let db: DbPort;
const ctx = { locale: 'en' as const, purchases: 'purchases' };
const config = { effectiveDays: 30, overdueHours: 24 };
// prettier-ignore
const ROWS = [
  // id, source, owner, created, first contact, stage, won time, phone
  ['L1', '官网', '王', '2024-03-01 09:00', '2024-03-01 09:30', '赢单', '2024-03-10 09:00', '13812345678'], // 0.5 h; won in 9 days
  ['L1', '官网', '王', '2024-03-01 09:00', '2024-03-01 09:30', '赢单', '2024-03-10 09:00', '13812345678'], // duplicate: once
  ['L2', '官网', '王', '2024-03-01 10:00', '2024-03-02 10:00', '赢单', '2024-03-31 10:00', ''], // 24 h; won exactly 30 days later: not effective
  ['L3', '展会', '李', '2024-03-02 09:00', '2024-03-05 09:00', '跟进中', '', ''], // 72 h
  ['L4', '展会', '李', '2024-03-03 09:00', '', '跟进中', '', '13900001111'], // never contacted: 673 h waiting
  ['L5', '展会', '', '2024-03-31 09:00', '', '新建', '', ''], // 1 h old: not overdue yet
  ['L6', '官网', '王', '2024-03-04 09:00', '2024-03-04 08:00', '赢单', '', ''], // contact before creation; won without time
];

beforeAll(async () => {
  db = await openNodeDb();
  const header = [
    '线索ID',
    '线索来源',
    '负责人',
    '创建时间',
    '首次跟进时间',
    '线索状态',
    '赢单时间',
    '手机号',
  ];
  await db.exec(`CREATE TABLE lead_src (${header.map((h) => `${ident(h)} VARCHAR`).join(', ')})`);
  await db.exec(
    `INSERT INTO lead_src VALUES ${ROWS.map((r) => `(${r.map((v) => literal(v)).join(', ')})`).join(', ')}`,
  );
  const report = await runRoleCleaning(
    db,
    'leads',
    { table: 'lead_src', columns: header.map((name) => ({ name, type: 'VARCHAR' })) },
    {
      mapping: {
        lead_id: '线索ID',
        source: '线索来源',
        owner: '负责人',
        created_time: '创建时间',
        first_contact_time: '首次跟进时间',
        stage: '线索状态',
        closed_time: '赢单时间',
        phone: '手机号',
      },
    },
  );
  expect(report).toMatchObject({ rowsRead: 7, rowsUsed: 6, reasons: { exact_duplicate: 1 } });
});
afterAll(async () => db.close());

describe('leads module', () => {
  it('funnel and response times', async () => {
    const { summary } = await runPart(db, leadsModule.parts.overview, config, ctx, undefined);
    expect(summary).toMatchObject({
      leads: 6,
      contacted: 4,
      won: 3,
      effective: 1, // only L1: L2 is won exactly at created + 30 days (outside), L6 has no won time
      won_without_time: 1,
      contact_before_created: 1,
      median_response_hours: 24, // 0.5, 24, 72
      b_1h: 1,
      b_4h: 0,
      b_24h: 1,
      b_72h: 1,
      b_more: 0,
    });
    expect(summary.avg_response_hours).toBeCloseTo((0.5 + 24 + 72) / 3, 9);
    expect(summary.answered_1h).toBeCloseTo(1 / 3, 12);
    expect(summary.answered_24h).toBeCloseTo(2 / 3, 12);
  });

  it('leads.csv: by source then __all__, with the issue columns', async () => {
    const plan = leadsModule.exports[0]!.plan(config, ctx, undefined);
    await explainPlan(db, plan);
    const rows = decodeIpc(await db.queryIpc(plan.query)).rows;
    expect(Object.keys(rows[0]!)).toEqual([
      'source',
      'leads',
      'contacted',
      'avg_response_hours',
      'median_response_hours',
      'converted_30d',
      'effective_rate',
    ]);
    const pick = rows.map((r) => [
      r.source,
      r.leads,
      r.contacted,
      r.avg_response_hours,
      r.converted_30d,
      r.effective_rate,
    ]);
    expect(pick).toEqual([
      ['官网', 3, 3, 12.25, 1, 1 / 3], // L6's negative time left out of the mean: (0.5 + 24) / 2
      ['展会', 3, 1, 72, 0, 0],
      ['__all__', 6, 4, (0.5 + 24 + 72) / 3, 1, 1 / 6],
    ]);
  });

  it('a 31-day window makes L2 effective', async () => {
    const { summary } = await runPart(
      db,
      leadsModule.parts.overview,
      { ...config, effectiveDays: 31 },
      ctx,
      undefined,
    );
    expect(summary.effective).toBe(2);
  });

  it('by owner and by week', async () => {
    const { owners, weeks } = await runPart(db, leadsModule.parts.overview, config, ctx, undefined);
    expect(owners.map((o) => [o.owner, o.leads])).toEqual([
      ['王', 3],
      ['李', 2],
      ['', 1],
    ]);
    // Monday weeks: 26 Feb holds L1 L2 L3 L4 (1–3 Mar), 4 Mar holds L6, 25 Mar holds L5
    expect(weeks.map((w) => [w.week, w.leads])).toEqual([
      ['2024-02-26', 4],
      ['2024-03-04', 1],
      ['2024-03-25', 1],
    ]);
  });

  it('not contacted after 24 h, as of the latest time in the file, phones masked', async () => {
    const rows = await runPart(db, leadsModule.parts.notContacted, config, ctx, { mask: true });
    expect(rows).toEqual([
      {
        lead_id: 'L4',
        source: '展会',
        owner: '李',
        created_time: '2024-03-03 09:00:00',
        hours_waiting: 673,
        phone: '139****1111',
      },
    ]);
    const plan = notContactedExport.plan(config, { ...ctx, asOf: '2024-03-31' }, { mask: false });
    const later = decodeIpc(await db.queryIpc(plan.query)).rows;
    // end of 31 March: L5 has waited 15 h, still under 24 h
    expect(later.map((r) => [r.lead_id, r.phone])).toEqual([['L4', '13900001111']]);
  });
});

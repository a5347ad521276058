/**
 * Funnel goldens (issue 14) on a hand-checked event log: the events go through the real cleaning
 * (read = used + set aside), then the funnel module's parts and export run on duckdb-wasm. Steps
 * view → click → cart → pay, window 7 days. Every number below is worked out by hand in the comments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { decodeIpc } from '../../client/decode.ts';
import { runRoleCleaning } from '../../engine/clean-role.ts';
import { ident, literal } from '../../sql/quote.ts';
import { explainPlan, runPart } from '../../../tests/unit/support/run-module.ts';
import { funnelDroppedExport, funnelModule } from './module.ts';
import type { FunnelConfig } from './funnel-config.ts';
import { suggestSteps } from './suggest-steps.ts';
import * as v from 'valibot';
import { FunnelConfigSchema } from './funnel-config.ts';

let db: DbPort;
const ctx = { locale: 'zh-CN' as const, purchases: 'purchases' };
const STEPS = ['view', 'click', 'cart', 'pay'];
const config: FunnelConfig = { steps: STEPS, windowDays: 7, breakdown: 'none' };

// prettier-ignore
const EVENTS: (string | null)[][] = [
  // user, event, time, channel
  // U1 out of order in the file: view 10:00, click 11:00, cart 12:00, pay 13:00 → all 4, 60 min each
  ['U1', 'pay', '2024-03-01 13:00:00', 'app'],
  ['U1', 'cart', '2024-03-01 12:00:00', 'app'],
  ['U1', 'cart', '2024-03-01 12:00:00', 'app'], // exact duplicate: set aside
  ['U1', 'view', '2024-03-01 10:00:00', 'app'],
  ['U1', 'click', '2024-03-01 11:00:00', 'app'],
  // U2 repeats: entry at the earlier view (09:00, channel mini), first click after it 09:30 (30 min),
  // cart next day 09:00 (1410 min after the click), no pay
  ['U2', 'view', '2024-03-02 10:00:00', 'app'],
  ['U2', 'view', '2024-03-02 09:00:00', 'mini'],
  ['U2', 'click', '2024-03-02 10:30:00', 'app'],
  ['U2', 'click', '2024-03-02 09:30:00', 'app'],
  ['U2', 'cart', '2024-03-03 09:00:00', 'app'],
  // U3 after the window: click after 4 days (5760 min) counts, cart at exactly entry + 7 days does not
  ['U3', 'view', '2024-03-01 00:00:00', 'web'],
  ['U3', 'click', '2024-03-05 00:00:00', 'web'],
  ['U3', 'cart', '2024-03-08 00:00:00', 'web'],
  ['U3', 'pay', '2024-03-08 00:00:00', 'web'],
  // U4 does step 3 before step 2, then step 2, then step 3: click 10:10, cart 10:20, pay 10:30 (10 min each)
  ['U4', 'view', '2024-03-01 10:00:00', 'app'],
  ['U4', 'cart', '2024-03-01 10:05:00', 'app'],
  ['U4', 'click', '2024-03-01 10:10:00', 'app'],
  ['U4', 'cart', '2024-03-01 10:20:00', 'app'],
  ['U4', 'pay', '2024-03-01 10:30:00', 'app'],
  // U5 ties: two views (web, app) and a click and a cart at the same second → steps 1-3, 0 min; entry channel app (smallest)
  ['U5', 'view', '2024-03-02 12:00:00', 'web'],
  ['U5', 'view', '2024-03-02 12:00:00', 'app'],
  ['U5', 'click', '2024-03-02 12:00:00', 'web'],
  ['U5', 'cart', '2024-03-02 12:00:00', 'web'],
  // U6 has no step 1: not in the funnel
  ['U6', 'click', '2024-03-02 12:00:00', 'web'],
  ['U6', 'cart', '2024-03-02 12:01:00', 'web'],
  ['U6', 'pay', '2024-03-02 12:02:00', 'web'],
  // U7: a click before the entry does not count; other event names are ignored; no channel
  ['U7', 'click', '2024-03-03 08:00:00', null],
  ['U7', 'view', '2024-03-03 09:00:00', null],
  ['U7', 'share', '2024-03-03 09:05:00', null],
  // U8: the window runs from the first view; a second view does not restart it (click at 7 d 1 h)
  ['U8', 'view', '2024-03-11 10:00:00', 'web'],
  ['U8', 'view', '2024-03-17 10:00:00', 'web'],
  ['U8', 'click', '2024-03-18 11:00:00', 'web'],
  // U9: enters late (its window ends after the last event of the file)
  ['U9', 'view', '2024-03-15 10:00:00', 'web'],
  // set aside: no user, an unreadable time, no event name
  [null, 'view', '2024-03-01 10:00:00', 'web'],
  ['U10', 'view', 'not a time', 'web'],
  ['U11', null, '2024-03-01 10:00:00', 'web'],
];

const HEADER = ['用户ID', '事件名称', '事件时间', '渠道'];

beforeAll(async () => {
  db = await openNodeDb();
  await db.exec(`CREATE TABLE ev_src (${HEADER.map((h) => `${ident(h)} VARCHAR`).join(', ')})`);
  await db.exec(
    `INSERT INTO ev_src VALUES ${EVENTS.map((r) => `(${r.map((x) => literal(x)).join(', ')})`).join(', ')}`,
  );
});
afterAll(async () => {
  await db.close();
});

async function rows(sql: string) {
  return decodeIpc(await db.queryIpc(sql)).rows.map((r) => ({ ...r }));
}

describe('events cleaning', () => {
  it('uses or sets aside every row with a reason (read = used + set aside)', async () => {
    const report = await runRoleCleaning(
      db,
      'events',
      { table: 'ev_src', columns: HEADER.map((name) => ({ name, type: 'VARCHAR' })) },
      { mapping: { customer_id: '用户ID', event: '事件名称', event_time: '事件时间', channel: '渠道' } },
    );
    expect(report.rowsRead).toBe(EVENTS.length);
    expect(report.rowsUsed + report.rowsSetAside).toBe(report.rowsRead);
    expect(report.reasons).toEqual({
      exact_duplicate: 1,
      missing_customer_id: 1,
      unparseable_event_time: 1,
      missing_event: 1,
    });
    expect(report.tables).toEqual({ clean: 'events_clean', setAside: 'events_set_aside' });
    const aside = await rows('SELECT source_row, reason FROM events_set_aside ORDER BY source_row');
    expect(aside).toEqual([
      { source_row: 3, reason: 'exact_duplicate' },
      { source_row: EVENTS.length - 2, reason: 'missing_customer_id' },
      { source_row: EVENTS.length - 1, reason: 'unparseable_event_time' },
      { source_row: EVENTS.length, reason: 'missing_event' },
    ]);
  });

  it('refuses a mapping without an event time (the user is told, nothing is guessed)', async () => {
    await expect(
      runRoleCleaning(
        db,
        'events',
        { table: 'ev_src', columns: HEADER.map((name) => ({ name, type: 'VARCHAR' })) },
        { mapping: { customer_id: '用户ID', event: '事件名称' }, tables: { clean: 'x', setAside: 'y' } },
      ),
    ).rejects.toThrow();
  });
});

describe('funnel', () => {
  it('counts users per step by the definition (entry at the first step 1, earliest next step in the window)', async () => {
    const r = await runPart(db, funnelModule.parts.funnel, config, ctx, undefined);
    // entrants U1 U2 U3 U4 U5 U7 U8 U9 = 8; click U1 U2 U3 U4 U5 = 5; cart U1 U2 U4 U5 = 4; pay U1 U4 = 2
    expect(r.steps).toEqual([
      {
        step: 1,
        event: 'view',
        users: 8,
        conversion_from_previous: 1,
        conversion_from_first: 1,
        median_minutes_from_previous: null,
      },
      // click minutes: U5 0, U4 10, U2 30, U1 60, U3 5760 → median 30
      {
        step: 2,
        event: 'click',
        users: 5,
        conversion_from_previous: 5 / 8,
        conversion_from_first: 5 / 8,
        median_minutes_from_previous: 30,
      },
      // cart minutes: U5 0, U4 10, U1 60, U2 1410 → median (10 + 60) / 2 = 35
      {
        step: 3,
        event: 'cart',
        users: 4,
        conversion_from_previous: 4 / 5,
        conversion_from_first: 4 / 8,
        median_minutes_from_previous: 35,
      },
      // pay minutes: U4 10, U1 60 → 35
      {
        step: 4,
        event: 'pay',
        users: 2,
        conversion_from_previous: 2 / 4,
        conversion_from_first: 2 / 8,
        median_minutes_from_previous: 35,
      },
    ]);
    expect(r.breakdown).toEqual([]);
    // 2024-03-01 is a Friday: U1 U2 U3 U4 U5 U7 (03-01 … 03-03) enter in the week of Mon 02-26, U8 U9 in 03-11.
    // Week 03-11: U9 enters 03-15 10:00, its window ends 03-22, after the last event (03-18 11:00) → incomplete.
    expect(r.weeks).toEqual([
      { entry_week: '2024-02-26', entered: 6, completed: 2, conversion: 2 / 6, complete: true },
      { entry_week: '2024-03-11', entered: 2, completed: 0, conversion: 0, complete: false },
    ]);
  });

  it('breaks down by the entry event’s property (ties: the smallest value), other rows last', async () => {
    const r = await runPart(
      db,
      funnelModule.parts.funnel,
      { ...config, breakdown: 'channel' },
      ctx,
      undefined,
    );
    const table = r.breakdown.map((b) => [b.breakdown, b.step, b.users, b.entered]);
    // app: U1 U4 U5 (3) → click 3, cart 3, pay 2 (U1 U4); web: U3 U8 U9 (3) → click U3, cart 0;
    // mini: U2 → click, cart, no pay; '' (no channel): U7 → nothing after step 1
    expect(table).toEqual([
      ['app', 1, 3, 3],
      ['app', 2, 3, 3],
      ['app', 3, 3, 3],
      ['app', 4, 2, 3],
      ['web', 1, 3, 3],
      ['web', 2, 1, 3],
      ['web', 3, 0, 3],
      ['web', 4, 0, 3],
      ['', 1, 1, 1],
      ['', 2, 0, 1],
      ['', 3, 0, 1],
      ['', 4, 0, 1],
      ['mini', 1, 1, 1],
      ['mini', 2, 1, 1],
      ['mini', 3, 1, 1],
      ['mini', 4, 0, 1],
    ]);
    const web = r.breakdown.find((b) => b.breakdown === 'web' && b.step === 2)!;
    expect(web.conversion_from_previous).toBeCloseTo(1 / 3, 12);
    expect(web.median_minutes_from_previous).toBe(5760);
    const empty = r.breakdown.find((b) => b.breakdown === 'web' && b.step === 4)!;
    expect(empty.conversion_from_previous).toBeNull(); // nobody reached step 3: no rate, not 0
  });

  it('breaks down by RFM segment (users without orders: empty)', async () => {
    await db.exec(`CREATE OR REPLACE TABLE rfm_customers AS SELECT * FROM (VALUES
      ('U1', 'champions'), ('U2', 'champions'), ('U3', 'at_risk'), ('ZZ', 'champions')) t(customer_id, segment)`);
    const r = await runPart(
      db,
      funnelModule.parts.funnel,
      { ...config, breakdown: 'segment' },
      ctx,
      undefined,
    );
    const byKey = (b: string) => r.breakdown.filter((x) => x.breakdown === b).map((x) => x.users);
    expect(byKey('')).toEqual([5, 2, 2, 1]); // U4 U5 U7 U8 U9; click U4 U5; cart U4 U5; pay U4
    expect(byKey('champions')).toEqual([2, 2, 2, 1]); // U1 U2
    expect(byKey('at_risk')).toEqual([1, 1, 0, 0]); // U3
  });

  it('a longer window lets U3 reach the cart and the pay; a 1-day window loses U3’s click', async () => {
    // 8 days: U3's cart and pay (7 d) count, and U8's click (7 d 1 h)
    const wide = await runPart(db, funnelModule.parts.funnel, { ...config, windowDays: 8 }, ctx, undefined);
    expect(wide.steps.map((s) => s.users)).toEqual([8, 6, 5, 3]);
    const narrow = await runPart(db, funnelModule.parts.funnel, { ...config, windowDays: 1 }, ctx, undefined);
    // U2's cart is 24 h after its 09:00 entry: exactly the window end → out
    // click U1 U2 U4 U5 (U3's is 4 days later); cart U1 U4 U5; pay U1 U4
    expect(narrow.steps.map((s) => s.users)).toEqual([8, 4, 3, 2]);
  });

  it('lists the users who dropped at each step', async () => {
    const ids = async (step: number) => {
      const plan = funnelDroppedExport.plan(config, ctx, { step, mask: false });
      for (const s of plan.statements) await db.exec(s);
      return (await rows(plan.query)).map((r) => r.customer_id);
    };
    expect(await ids(2)).toEqual(['U7', 'U8', 'U9']);
    expect(await ids(3)).toEqual(['U3']);
    expect(await ids(4)).toEqual(['U2', 'U5']);
    expect(() => funnelDroppedExport.plan(config, ctx, { step: 1, mask: false })).toThrow();
  });

  it('writes funnel.csv with exactly the documented columns', async () => {
    const spec = funnelModule.exports[0]!;
    expect(spec.file).toBe('funnel.csv');
    const plan = spec.plan(config, ctx, undefined);
    for (const s of plan.statements) await db.exec(s);
    const out = await rows(plan.query);
    expect(Object.keys(out[0]!)).toEqual([
      'step',
      'event',
      'users',
      'conversion_from_previous',
      'conversion_from_first',
      'median_minutes_from_previous',
    ]);
    expect(out.map((r) => r.users)).toEqual([8, 5, 4, 2]);
    // no steps: the header only
    const none = spec.plan({ ...config, steps: [] }, ctx, undefined);
    expect(await rows(none.query)).toEqual([]);
  });

  it('reads the event names and suggests the steps', async () => {
    const r = await runPart(db, funnelModule.parts.names, config, ctx, undefined);
    expect(r.names.map((n) => n.event)).toEqual(['view', 'click', 'cart', 'pay', 'share']);
    expect(r.names[0]).toEqual({ event: 'view', events: 11, users: 8 });
    expect(r.info.channel).toBeGreaterThan(0);
    expect(r.info.page).toBe(0);
    expect(r.suggested).toEqual(['view', 'click', 'cart', 'pay']);
  });

  it('binds every query (EXPLAIN)', async () => {
    for (const breakdown of ['none', 'channel', 'page', 'campaign', 'device', 'segment'] as const)
      expect(
        await explainPlan(db, funnelModule.parts.funnel.plan({ ...config, breakdown }, ctx, undefined)),
      ).toContain('steps');
  });

  it('keeps step names as values (quotes, SQL in a name)', async () => {
    const odd = { ...config, steps: ["it's", 'x"); DROP TABLE events_clean; --'] };
    const r = await runPart(db, funnelModule.parts.funnel, odd, ctx, undefined);
    expect(r.steps.map((s) => s.users)).toEqual([0, 0]);
    expect(r.steps[1]!.conversion_from_previous).toBeNull();
    expect((await rows('SELECT count(*) AS n FROM events_clean'))[0]!.n).toBe(EVENTS.length - 4);
  });
});

describe('suggested steps and config', () => {
  it('orders typical names by stage, one per stage', () => {
    expect(
      suggestSteps([
        { event: 'share', events: 70 },
        { event: 'purchase', events: 5 },
        { event: 'page_view', events: 100 },
        { event: 'add_to_cart', events: 20 },
        { event: 'click', events: 50 },
      ]),
    ).toEqual(['page_view', 'click', 'add_to_cart', 'purchase']);
    expect(
      suggestSteps([
        { event: '支付成功', events: 3 },
        { event: '曝光', events: 900 },
        { event: '加购', events: 40 },
        { event: '点击', events: 300 },
        { event: '下单', events: 10 },
      ]),
    ).toEqual(['曝光', '点击', '加购', '下单', '支付成功']);
  });

  it('falls back to the most frequent names', () => {
    expect(
      suggestSteps([
        { event: 'a', events: 1 },
        { event: 'b', events: 9 },
        { event: 'c', events: 5 },
      ]),
    ).toEqual(['b', 'c', 'a']);
    expect(suggestSteps([])).toEqual([]);
  });

  it('accepts 0 or 2–8 distinct steps and a 1–365 day window', () => {
    expect(v.parse(FunnelConfigSchema, {})).toEqual({ steps: [], windowDays: 7, breakdown: 'none' });
    expect(v.safeParse(FunnelConfigSchema, { steps: ['a'] }).success).toBe(false);
    expect(v.safeParse(FunnelConfigSchema, { steps: ['a', 'a'] }).success).toBe(false);
    expect(v.safeParse(FunnelConfigSchema, { steps: 'abcdefghi'.split('') }).success).toBe(false);
    expect(v.safeParse(FunnelConfigSchema, { windowDays: 0 }).success).toBe(false);
  });
});

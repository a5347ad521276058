/** `customer-lens analyze` with an events file (funnel.csv) and --migration-period (migration.csv), issue 14. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cl-cli-funnel-'));
const lines = (path: string) => readFileSync(path, 'utf8').trim().split(/\r?\n/);

// U1 曝光 → 点击 → 加购 → 支付 (rows out of order); U2 曝光 → 点击, 加购 after 8 days; U3 点击 only
// (no step 1); U4 曝光 only; one row without a user (set aside).
const EVENTS = [
  '用户ID,事件名称,事件时间,渠道',
  'U1,支付,2026-03-01 10:30:00,app',
  'U1,曝光,2026-03-01 10:00:00,app',
  'U1,点击,2026-03-01 10:10:00,app',
  'U1,加购,2026-03-01 10:20:00,app',
  'U2,曝光,2026-03-02 10:00:00,web',
  'U2,点击,2026-03-02 11:00:00,web',
  'U2,加购,2026-03-10 10:00:00,web',
  'U3,点击,2026-03-02 11:00:00,web',
  'U4,曝光,2026-03-03 10:00:00,web',
  ',曝光,2026-03-03 10:00:00,web',
];

describe('customer-lens analyze: events → funnel.csv', () => {
  it('an events file alone, steps and window given: funnel.csv and events_cleaning.json', async () => {
    const events = join(dir, 'events.csv');
    writeFileSync(events, EVENTS.join('\n') + '\n');
    const out = join(dir, 'out1');
    const r = await runCli([
      'analyze',
      events,
      '--out',
      out,
      '--funnel-steps',
      '曝光,点击,加购,支付,下单',
      '--funnel-days',
      '7',
    ]);
    expect(r.code).toBe(0);
    // 下单 is no event of the file: said, and 0 users from there on
    expect(r.err).toContain('漏斗步骤「下单」在事件文件中不存在');
    // entrants U1 U2 U4 = 3; click U1 U2 (10, 60 min → median 35); cart U1 (U2's is after 7 days); pay U1
    expect(lines(join(out, 'funnel.csv'))).toEqual([
      'step,event,users,conversion_from_previous,conversion_from_first,median_minutes_from_previous',
      '1,曝光,3,1,1,',
      '2,点击,2,0.666666666666667,0.666666666666667,35',
      '3,加购,1,0.5,0.333333333333333,10',
      '4,支付,1,1,0.333333333333333,10',
      '5,下单,0,0,0,',
    ]);
    const report = JSON.parse(readFileSync(join(out, 'events_cleaning.json'), 'utf8'));
    expect(report.rows_read).toBe(10);
    expect(report.rows_used + report.rows_set_aside).toBe(report.rows_read);
    expect(report.rows_set_aside).toBe(1);
    expect(existsSync(join(out, 'customers.csv'))).toBe(false);
  });

  it('events:PATH forces the role; without --funnel-steps the suggested steps are used and said', async () => {
    const events = join(dir, 'log.csv');
    writeFileSync(events, EVENTS.join('\n') + '\n');
    const out = join(dir, 'out2');
    const r = await runCli([
      'analyze',
      `events:${events}`,
      '--out',
      out,
      '--funnel-days',
      '9',
      '--locale',
      'en',
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('曝光 → 点击 → 加购 → 支付');
    // 9 days: U2's cart (8 days after its entry) counts now
    expect(lines(join(out, 'funnel.csv')).map((l) => l.split(',')[2])).toEqual(['users', '3', '2', '2', '1']);
  });

  it('refuses bad funnel and migration flags with one line', async () => {
    for (const args of [
      ['--funnel-steps', '曝光'],
      ['--funnel-steps', 'a,a'],
      ['--funnel-days', '0'],
      ['--migration-period', 'week'],
    ]) {
      const r = await runCli(['analyze', 'x.csv', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.split('\n')[0]).toMatch(/^customer-lens: --(funnel|migration)/);
    }
  });
});

describe('customer-lens analyze: --migration-period → migration.csv', () => {
  it('writes consecutive flows whose sums are the segment sizes', async () => {
    const orders = join(dir, 'orders.csv');
    const rows = ['订单编号,客户ID,下单时间,实付金额'];
    // 30 customers over Jan–Apr 2026, some buying again
    for (let c = 0; c < 30; c++) {
      rows.push(
        `A${c},C${c},2026-0${1 + (c % 4)}-${String(1 + (c % 27)).padStart(2, '0')} 10:00:00,${10 + c * 7}`,
      );
      if (c % 3 === 0)
        rows.push(`B${c},C${c},2026-04-${String(1 + (c % 20)).padStart(2, '0')} 12:00:00,${5 + c}`);
    }
    writeFileSync(orders, rows.join('\n') + '\n');
    const out = join(dir, 'out4');
    const r = await runCli([
      'analyze',
      orders,
      '--out',
      out,
      '--migration-period',
      'month',
      '--locale',
      'en',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const m = lines(join(out, 'migration.csv'));
    expect(m[0]).toBe('period_end,from_segment,to_segment,customers');
    const flows = m.slice(1).map((l) => l.split(','));
    expect(new Set(flows.map((f) => f[0]))).toEqual(new Set(['2026-02-28', '2026-03-31', flows.at(-1)![0]]));
    // the last period's flows add up to every customer of customers.csv
    const last = flows.filter((f) => f[0] === flows.at(-1)![0]);
    expect(last.reduce((s, f) => s + Number(f[3]), 0)).toBe(lines(join(out, 'customers.csv')).length - 1);
  });
});

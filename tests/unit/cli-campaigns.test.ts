/** `customer-lens analyze` with touches, leads and experiment files (issue 13). */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cl-cli-camp-'));

const run = runCli;

const csv = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);

const ORDERS = [
  '订单编号,客户ID,下单时间,实付金额',
  'A1,C1,2026-03-02 10:00:00,100',
  'A2,C2,2026-03-20 10:00:00,50',
  'A3,C3,2026-03-03 10:00:00,40',
];
const TOUCHES = [
  '活动名称,客户ID,分组,触达渠道,发送时间,发送状态,成本',
  '春季短信,C1,实验组,短信,2026-03-01 09:00:00,成功,0.1',
  '春季短信,C2,实验组,短信,2026-03-01 09:00:00,成功,0.1',
  '春季短信,C3,对照组,短信,2026-03-01 09:00:00,,',
  '春季短信,C4,对照组,短信,2026-03-01 09:00:00,,',
];
const LEADS = [
  '线索ID,线索来源,创建时间,首次跟进时间,线索状态,负责人,赢单时间',
  'L1,官网,2026-03-01 09:00,2026-03-01 09:30,赢单,王,2026-03-05 09:00',
  'L2,展会,2026-03-02 09:00,,跟进中,李,',
];

describe('customer-lens analyze: campaigns, leads, experiment', () => {
  it('orders + touches + leads: campaigns.csv and leads.csv with the issue columns, --attribution-days, --margin', async () => {
    const orders = join(dir, 'orders.csv');
    const touches = join(dir, 'touches.csv');
    const leads = join(dir, 'leads.csv');
    writeFileSync(orders, ORDERS.join('\n') + '\n');
    writeFileSync(touches, TOUCHES.join('\n') + '\n');
    writeFileSync(leads, LEADS.join('\n') + '\n');
    const out = join(dir, 'out1');
    const r = await run([
      'analyze',
      orders,
      touches,
      leads,
      '--out',
      out,
      '--attribution-days',
      '7',
      '--margin',
      '0.5',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const c = csv(join(out, 'campaigns.csv'));
    expect(c[0]).toBe(
      'campaign,channel,first_send,targeted,reached,reach_rate,converted,conversion_rate,revenue,cost,roi,control_customers,control_converted,target_rate,control_rate,lift,lift_ci_low,lift_ci_high,p_value,incremental_revenue,incremental_roi',
    );
    const row = c[1]!.split(',');
    // C1 converts on 03-02 (C2's 03-20 is outside 7 days); C3 (control) converts on 03-03
    expect(row.slice(0, 11)).toEqual([
      '春季短信',
      '短信',
      '2026-03-01 09:00:00',
      '2',
      '2',
      '1',
      '1',
      '0.5',
      '100',
      '0.2',
      '249',
    ]);
    expect(row.slice(11, 16)).toEqual(['2', '1', '0.5', '0.5', '0']);
    // (100 / 2 − 40 / 2) × 2 = 60; (60 × 0.5 − 0.2) / 0.2 = 149
    expect(row.slice(19)).toEqual(['60', '149']);
    const l = csv(join(out, 'leads.csv'));
    expect(l[0]).toBe(
      'source,leads,contacted,avg_response_hours,median_response_hours,converted_30d,effective_rate',
    );
    expect(l.at(-1)).toBe('__all__,2,1,0.5,0.5,1,0.5');
    expect(existsSync(join(out, 'touches_cleaning.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'leads_cleaning.json'), 'utf8'))).toMatchObject({
      rows_read: 2,
      rows_used: 2,
    });
  }, 120_000);

  it('a leads file alone runs the leads analysis only', async () => {
    const leads = join(dir, 'leads-only.csv');
    writeFileSync(leads, LEADS.join('\n') + '\n');
    const out = join(dir, 'out2');
    const r = await run(['analyze', `leads:${leads}`, '--out', out]);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'leads.csv'))).toBe(true);
    expect(existsSync(join(out, 'customers.csv'))).toBe(false);
    expect(existsSync(join(out, 'campaigns.csv'))).toBe(false);
  }, 120_000);

  it('touches whose ids match no order: a warning with the match rate and masked ids', async () => {
    const orders = join(dir, 'orders.csv');
    const touches = join(dir, 'touches-phones.csv');
    writeFileSync(
      touches,
      [
        '活动名称,客户ID,分组,发送时间',
        '春季短信,13812345678,实验组,2026-03-01 09:00:00',
        '春季短信,13900001111,对照组,2026-03-01 09:00:00',
        '春季短信,13900001111,实验组,2026-03-01 09:00:00', // in both groups: a second warning
      ].join('\n') + '\n',
    );
    const r = await run([
      'analyze',
      orders,
      `touches:${touches}`,
      '--out',
      join(dir, 'out3'),
      '--locale',
      'en',
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('customer ids match no order (match rate 0.0%');
    expect(r.err).toContain('138****5678');
    expect(r.err).not.toContain('13812345678');
    expect(r.err).toContain('Customers listed in both the target and the control group of one campaign: 1.');
  }, 120_000);

  it('bad flags and roles are one line', async () => {
    expect((await run(['analyze', 'x.csv', '--margin', '35'])).code).toBe(2);
    expect((await run(['analyze', 'x.csv', '--attribution-days', '0'])).code).toBe(2);
    const r = await run(['analyze', 'nope:x.csv', '--out', join(dir, 'out4')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unknown role "nope"/);
  });

  const hillstrom = resolve(process.cwd(), '../shared/datasets/hillstrom/hillstrom.csv.gz');
  it.runIf(existsSync(hillstrom))(
    'experiment:hillstrom.csv.gz alone writes experiment.csv (published arm figures)',
    async () => {
      const out = join(dir, 'out5');
      const r = await run([
        'analyze',
        `experiment:${hillstrom}`,
        '--out',
        out,
        '--arm',
        'segment',
        '--control',
        'No E-Mail',
        '--outcomes',
        'visit,conversion,spend',
      ]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const e = csv(join(out, 'experiment.csv'));
      expect(e[0]).toBe(
        'outcome,arm,is_control,customers,total,rate_or_mean,diff_vs_control,ci_low,ci_high,p_value',
      );
      const rows = e.slice(1).map((l) => l.split(','));
      const get = (o: string, a: string) => rows.find((x) => x[0] === o && x[1] === a)!;
      // outcomes named as the file's columns (not the internal fields visited/converted/revenue)
      expect(new Set(rows.map((x) => x[0]))).toEqual(new Set(['visit', 'conversion', 'spend']));
      // Hillstrom 2008: visit 18.3 / 15.1 / 10.6 %, conversion 1.25 / 0.88 / 0.57 %, spend $1.42 / $1.08 / $0.65
      expect(get('visit', 'Mens E-Mail').slice(2, 5)).toEqual(['false', '21307', '3894']);
      expect(get('visit', 'No E-Mail').slice(2, 5)).toEqual(['true', '21306', '2262']);
      expect(Number(get('conversion', 'Womens E-Mail')[5]).toFixed(4)).toBe('0.0088');
      expect(Number(get('spend', 'Mens E-Mail')[5]).toFixed(2)).toBe('1.42');
      expect(Number(get('spend', 'No E-Mail')[5]).toFixed(2)).toBe('0.65');
    },
    120_000,
  );
  if (!existsSync(hillstrom)) console.log(`SKIP cli experiment: ${hillstrom} not found`);
});

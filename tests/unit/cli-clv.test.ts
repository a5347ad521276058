/**
 * `customer-lens analyze --clv` (issue 16): clv_model.json and clv.csv with the issue's fields and
 * columns. On the CDNOW sample (../shared/datasets/cdnow, written as an orders CSV) the model file
 * holds the published BG/NBD and Gamma-Gamma estimates (Fader, Hardie & Lee 2005; see
 * src/analyses/clv/cdnow-reference.test.ts for the sources); on a tiny file, the flags' validation.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { runCli } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cl-cli-clv-'));
const datasets = process.env.CUSTOMER_LENS_DATASETS ?? path.resolve(process.cwd(), '../shared/datasets');
const sample = join(datasets, 'cdnow/CDNOW_sample.txt');
const present = existsSync(sample);
if (!present) console.log(`SKIP cli-clv (CDNOW): ${sample} not found`);

const csv = (p: string) =>
  readFileSync(p, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);

describe('customer-lens analyze --clv', () => {
  it.skipIf(!present)(
    'CDNOW: clv_model.json has the published parameters, clv.csv the issue columns',
    async () => {
      const lines = readFileSync(sample, 'utf8').trim().split(/\r?\n/);
      const rows = lines.map((l, i) => {
        const [, id, d, , value] = l.trim().split(/\s+/);
        return `O${i + 1},${Number(id)},${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6, 8)},${value}`;
      });
      const orders = join(dir, 'cdnow.csv');
      writeFileSync(orders, ['order_id,customer_id,order_date,amount', ...rows].join('\n') + '\n');
      const out = join(dir, 'cdnow-out');
      const r = await runCli([
        'analyze',
        orders,
        '--out',
        out,
        '--locale',
        'en',
        '--as-of',
        '1998-06-30',
        '--calibration-end',
        '1997-09-30',
        '--time-unit',
        'week',
        '--horizon-days',
        '273',
      ]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('clv_model.json');
      const model = JSON.parse(readFileSync(join(out, 'clv_model.json'), 'utf8'));
      expect(model.units).toBe('weeks');
      expect(model.bgnbd.r.toFixed(3)).toBe('0.243');
      expect(model.bgnbd.alpha.toFixed(3)).toBe('4.414');
      expect(model.bgnbd.a.toFixed(3)).toBe('0.793');
      expect(model.bgnbd.b.toFixed(3)).toBe('2.426');
      expect(model.bgnbd.log_likelihood.toFixed(1)).toBe('-9582.4');
      expect(model.gamma_gamma.p.toFixed(2)).toBe('6.25');
      expect(model.gamma_gamma.q.toFixed(2)).toBe('3.74');
      expect(model.gamma_gamma.gamma.toFixed(2)).toBe('15.44');
      expect(model.customers.used).toBe(2357);
      expect(model.convergence.bgnbd.converged).toBe(true);
      const c = csv(join(out, 'clv.csv'));
      expect(c[0]).toBe(
        'customer_id,x,t_x,T,monetary_value,p_alive,expected_purchases,expected_avg_value,clv,next_purchase_date',
      );
      expect(c).toHaveLength(2358);
      const first = c.find((l) => l.startsWith('1,'))!.split(',');
      expect(first[1]).toBe('2');
      expect(Number(first[6]).toFixed(2)).toBe('1.23');
      // customers.csv carries the same predictions (issue 16: CLV columns in the customer list).
      const customers = csv(join(out, 'customers.csv'));
      const header = customers[0]!.split(',');
      expect(header.slice(-7)).toEqual([
        'p_alive',
        'expected_purchases',
        'expected_avg_value',
        'clv',
        'next_purchase_date',
        'alive_band',
        'purchase_band',
      ]);
      const one = customers.find((l) => l.startsWith('1,'))!.split(',');
      const at = (name: string) => one[header.indexOf(name)];
      expect(at('p_alive')).toBe(first[5]);
      expect(at('expected_purchases')).toBe(first[6]);
      expect(at('clv')).toBe(first[8]);
      expect(at('next_purchase_date')).toBe(first[9]);
      // findings.json carries the CLV finding, its group the churned-but-valuable list (issue 17).
      const findings = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as {
        id: string;
        group_size: number;
      }[];
      const churned = findings.find((f) => f.id === 'clv.churned-valuable')!;
      const churnedRows = c.slice(1).filter((l) => {
        const cells = l.split(',');
        return Number(cells[5]) < 0.5 && Number(cells[1]) > 0;
      });
      expect(churned.group_size).toBeGreaterThan(10);
      expect(churned.group_size).toBeLessThanOrEqual(churnedRows.length);
    },
  );

  it('--forecast-periods/--forecast-grain/--forecast-by: forecast.csv with the issue columns', async () => {
    const orders = join(dir, 'fc.csv');
    const lines = ['order_id,customer_id,order_date,amount,category'];
    for (let d = 0; d < 84; d++) {
      const date = new Date(Date.UTC(2026, 0, 5 + d)).toISOString().slice(0, 10);
      lines.push(`A${d},C${d % 7},${date},${100 + (d % 7) * 5},${d % 3 === 0 ? '鞋' : '服装'}`);
    }
    writeFileSync(orders, lines.join('\n') + '\n');
    const out = join(dir, 'fc-out');
    const r = await runCli([
      'analyze',
      orders,
      '--out',
      out,
      '--forecast-periods',
      '3',
      '--forecast-grain',
      'week',
      '--forecast-by',
      'category',
    ]);
    expect(r.code).toBe(0);
    const c = csv(join(out, 'forecast.csv'));
    expect(c[0]).toBe('series,period_start,kind,actual,forecast,lower,upper');
    const rows = c.slice(1).map((l) => l.split(','));
    expect(new Set(rows.map((x) => x[0]))).toEqual(new Set(['鞋', '服装']));
    expect(rows.filter((x) => x[2] === 'future')).toHaveLength(6);
    expect(rows.every((x) => x[2] === 'future' || x[2] === 'backtest')).toBe(true);
    const future = rows.filter((x) => x[0] === '鞋' && x[2] === 'future').map((x) => x[1]);
    expect(future).toEqual(['2026-03-30', '2026-04-06', '2026-04-13']);
    expect(existsSync(join(out, 'clv.csv'))).toBe(false);
    const bad = await runCli(['analyze', orders, '--forecast-grain', 'year']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--forecast-grain must be day, week or month');
  });

  it('tiny file: without --clv no CLV files; bad flags are one clear line', async () => {
    const orders = join(dir, 'tiny.csv');
    writeFileSync(orders, 'customer_id,order_date,amount\nC1,2026-01-05,10\nC1,2026-02-05,20\n');
    const out = join(dir, 'tiny-out');
    const r = await runCli(['analyze', orders, '--out', out]);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'clv.csv'))).toBe(false);
    const bad = await runCli(['analyze', orders, '--time-unit', 'month']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--time-unit must be day or week');
    const badDate = await runCli(['analyze', orders, '--calibration-end', '30/09/1997']);
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain('--calibration-end must be a date');
    const badN = await runCli(['analyze', orders, '--horizon-days', '0']);
    expect(badN.code).toBe(2);
  });

  it('tiny file with --clv: too few customers → the model says so, clv.csv still lists every customer', async () => {
    const orders = join(dir, 'tiny2.csv');
    writeFileSync(
      orders,
      'customer_id,order_date,amount\nC1,2026-01-05,10\nC1,2026-02-05,20\nC2,2026-01-10,5\n',
    );
    const out = join(dir, 'tiny2-out');
    const r = await runCli(['analyze', orders, '--out', out, '--clv']);
    expect(r.code).toBe(0);
    const model = JSON.parse(readFileSync(join(out, 'clv_model.json'), 'utf8'));
    expect(model.bgnbd).toBeNull();
    expect(model.warnings).toContain('too_few_customers');
    const c = csv(join(out, 'clv.csv'));
    expect(c.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['C1,1', 'C2,0']);
  });
});

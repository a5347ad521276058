/** `customer-lens analyze` with a basket file alone, the basket flags and --clusters (issue 15). */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cl-cli-basket-'));
const lines = (path: string) => readFileSync(path, 'utf8').trim().split('\n');

// Five baskets and a blank line: milk 4, bread 3, milk+bread 3 (one listed twice in its basket), beer 1.
const BASKETS = ['milk,bread', 'milk, bread ,bread', 'milk', '', 'bread,milk', 'beer'];

describe('customer-lens analyze: baskets and clusters', () => {
  it('a basket file alone writes rules.csv (sides sorted, joined by " + ") and the basket report', async () => {
    const file = join(dir, 'baskets.csv');
    writeFileSync(file, BASKETS.join('\n') + '\n');
    const out = join(dir, 'out1');
    const r = await runCli([
      'analyze',
      `baskets:${file}`,
      '--min-support',
      '0.5',
      '--min-confidence',
      '0.7',
      '--max-len',
      '2',
      '--out',
      out,
      '--locale',
      'en',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // N = 5: milk 4/5, bread 3/5, both 3/5 → bread => milk (conf 1, lift 1.25), milk => bread (0.75, 1.25).
    expect(lines(join(out, 'rules.csv'))).toEqual([
      'antecedent,consequent,support,confidence,lift,count',
      'bread,milk,0.6,1,1.25,3',
      'milk,bread,0.6,0.75,1.25,3',
    ]);
    // No customer ids in the file: recommendations.csv has its header only.
    expect(lines(join(out, 'recommendations.csv'))).toEqual(['customer_id,rank,item,score,because']);
    const report = JSON.parse(readFileSync(join(out, 'baskets_cleaning.json'), 'utf8'));
    expect(report).toMatchObject({ lines_read: 6, baskets_used: 5, set_aside: { empty_basket: 1 } });
    expect(existsSync(join(out, 'customers.csv'))).toBe(false);
  });

  it('bad basket flags are one line and exit 2', async () => {
    for (const args of [
      ['--min-support', '2'],
      ['--min-confidence', 'x'],
      ['--max-len', '1'],
      ['--basket-level', 'sku'],
      ['--basket-unit', 'day'],
      ['--clusters', '11'],
    ]) {
      const r = await runCli(['analyze', 'x.csv', ...args]);
      expect(r.code).toBe(2);
      expect(r.err.split('\n')[0]).toMatch(/^customer-lens: --/);
    }
  });

  it('orders with --clusters 2 write clusters.csv / clusters.json and recommendations with "because"', async () => {
    const orders = join(dir, 'orders.csv');
    writeFileSync(
      orders,
      [
        '订单编号,客户ID,下单时间,实付金额,商品类目',
        'A1,C1,2026-03-02 10:00:00,100,food',
        'A2,C1,2026-03-09 10:00:00,120,toys',
        'A3,C2,2026-03-03 10:00:00,40,food',
        'A4,C2,2026-03-20 10:00:00,45,toys',
        'A5,C3,2026-01-03 10:00:00,5000,food',
        'A6,C4,2026-01-05 10:00:00,4000,books',
      ].join('\n') + '\n',
    );
    const out = join(dir, 'out2');
    const r = await runCli([
      'analyze',
      orders,
      '--clusters',
      '2',
      '--basket-level',
      'category',
      '--basket-unit',
      'customer',
      '--min-support',
      '0.5',
      '--min-confidence',
      '0.5',
      '--out',
      out,
      '--locale',
      'zh',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const clusters = lines(join(out, 'clusters.csv'));
    expect(clusters[0]).toBe('customer_id,cluster,z_recency,z_frequency,z_monetary');
    expect(clusters.length).toBe(5);
    const model = JSON.parse(readFileSync(join(out, 'clusters.json'), 'utf8'));
    expect(model).toMatchObject({
      k: 2,
      requestedK: 2,
      seed: 42,
      features: ['recency', 'frequency', 'monetary'],
    });
    expect(model.clusters).toHaveLength(2);
    // C3 bought food only: toys by food => toys (C1, C2 bought both; C3 food).
    const recs = lines(join(out, 'recommendations.csv'));
    expect(recs[0]).toBe('customer_id,rank,item,score,because');
    expect(recs.find((l) => l.startsWith('C3,1,'))).toMatch(/^C3,1,toys,[\d.]+,因为购买了 food$/);
  });

  it('orders alone write neither clusters nor rules; --clusters auto and --basket ask for them', async () => {
    const orders = join(dir, 'orders-optin.csv');
    writeFileSync(
      orders,
      [
        '订单编号,客户ID,下单时间,实付金额',
        'B1,C1,2026-03-02 10:00:00,100',
        'B2,C1,2026-03-09 10:00:00,120',
        'B3,C2,2026-03-03 10:00:00,40',
        'B4,C3,2026-01-03 10:00:00,5000',
      ].join('\n') + '\n',
    );
    const plain = join(dir, 'out-plain');
    expect((await runCli(['analyze', orders, '--out', plain])).code).toBe(0);
    expect(existsSync(join(plain, 'customers.csv'))).toBe(true);
    for (const f of ['clusters.csv', 'clusters.json', 'rules.csv', 'recommendations.csv'])
      expect(existsSync(join(plain, f)), f).toBe(false);
    const asked = join(dir, 'out-asked');
    const r = await runCli(['analyze', orders, '--clusters', 'auto', '--basket', '--out', asked]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const f of ['clusters.csv', 'clusters.json', 'rules.csv', 'recommendations.csv'])
      expect(existsSync(join(asked, f)), f).toBe(true);
  });
});

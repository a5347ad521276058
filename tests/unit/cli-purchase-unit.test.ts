/**
 * Issue 12, item 10 through the CLI: one purchase definition for every analysis. Customer x has three
 * orders on two days (like Online Retail 17850: 34 invoices on 2 days). With `orders` (default) F = 3
 * and the intervals run between orders (0 and 1 day); with `--purchase days` F = 2 and the interval is
 * 1 day. Before, F counted orders (3) while intervals counted days (1): they disagreed.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cl-cli-purchase-'));

const run = runCli;

/** customer_id → the named columns of a CLI CSV. */
function byCustomer(file: string, columns: readonly string[]) {
  const [head, ...rows] = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const at = (name: string) => head!.indexOf(name);
  return Object.fromEntries(
    rows.map((r) => [r[at('customer_id')], columns.map((c) => (r[at(c)] === '' ? null : Number(r[at(c)])))]),
  );
}

describe('customer-lens analyze: one purchase definition (issue 12, item 10)', () => {
  const csv = join(dir, 'orders.csv');
  writeFileSync(
    csv,
    [
      'order_id,customer_id,order_time,amount',
      'o1,x,2024-03-01 09:00:00,10.00',
      'o2,x,2024-03-01 15:00:00,20.00',
      'o3,x,2024-03-02 10:00:00,30.00',
      'o4,y,2024-03-05 10:00:00,40.00',
    ].join('\n') + '\n',
  );

  it('orders (default): F counts orders and intervals run between orders', async () => {
    const out = join(dir, 'orders');
    const r = await run(['analyze', csv, '--out', out]);
    expect(r.err).toBe('');
    expect(byCustomer(join(out, 'customers.csv'), ['frequency', 'monetary']).x).toEqual([3, 60]);
    expect(byCustomer(join(out, 'behaviour.csv'), ['orders', 'avg_interval_days']).x).toEqual([3, 0.5]);
  });

  it('--purchase days: F counts purchase days and intervals run between them', async () => {
    const out = join(dir, 'days');
    const r = await run(['analyze', csv, '--out', out, '--purchase', 'days']);
    expect(r.err).toBe('');
    expect(byCustomer(join(out, 'customers.csv'), ['frequency', 'monetary']).x).toEqual([2, 60]);
    expect(byCustomer(join(out, 'behaviour.csv'), ['orders', 'avg_interval_days']).x).toEqual([2, 1]);
  });

  it('refuses an unknown purchase definition with one line', async () => {
    const r = await run(['analyze', csv, '--purchase', 'weeks']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('customer-lens: --purchase must be orders or days');
  });
});

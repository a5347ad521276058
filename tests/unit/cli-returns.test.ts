/**
 * Issue 12, items 2 and 4 through the CLI: credit notes netted (cleaning.json `returns`, refunds in
 * periods.csv, fully returned customers absent from customers.csv), `--ignore-returns`, and an order
 * whose lines name two customers set aside (`conflicting_customer_ids`).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cl-cli-returns-'));

const run = runCli;

const csvRows = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.replace(/^\uFEFF/, '').split(','));

const lines = [
  'InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice',
  '100,a,2024-01-10 10:00:00,2,10.00', // a buys 20 …
  'C100,a,2024-01-12 10:00:00,-1,10.00', // … and returns 10 of that order
  '200,b,2024-01-15 10:00:00,1,50.00', // b buys 50
  'C900,b,2024-02-03 10:00:00,-1,20.00', // b returns 20 (no order 900)
  '300,c,2024-01-20 10:00:00,3,10.00', // c buys 30 and returns it all
  'C901,c,2024-01-20 11:00:00,-3,10.00',
  '400,d,2024-02-10 10:00:00,1,5.00', // d buys 5
  '500,f,2024-02-12 10:00:00,1,7.00', // order 500 names two customers: set aside
  '500,g,2024-02-12 10:00:00,1,3.00',
];

describe('customer-lens analyze: returns and conflicting customers (issue 12, items 2 and 4)', () => {
  const csv = join(dir, 'retail.csv');
  writeFileSync(csv, lines.join('\n') + '\n');

  it('nets credit notes and sets aside an order naming two customers', async () => {
    const out = join(dir, 'net');
    const r = await run(['analyze', csv, '--out', out, '--locale', 'en']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const cleaning = JSON.parse(readFileSync(join(out, 'cleaning.json'), 'utf8'));
    expect(cleaning).toMatchObject({
      rows_read: 9,
      rows_used: 7,
      rows_set_aside: 2,
      reasons: { conflicting_customer_ids: 2 },
      returns: { credit_notes: 3, rows: 3, matched_to_order: 1, amount: 60, customers_fully_returned: 1 },
    });
    const [head, ...rows] = csvRows(join(out, 'periods.csv'));
    const col = (name: string) => head!.indexOf(name);
    expect(
      rows.map((p) => [p[col('period_start')], Number(p[col('revenue')]), Number(p[col('refunds')])]),
    ).toEqual([
      ['2024-01-01', 60, 40], // 20 − 10, 50, 30 − 30
      ['2024-02-01', -15, 20], // 5 − 20
    ]);
    const [ch, ...customers] = csvRows(join(out, 'customers.csv'));
    const id = ch!.indexOf('customer_id');
    const monetary = ch!.indexOf('monetary');
    expect(customers.map((c) => [c[id], Number(c[monetary])]).sort()).toEqual([
      ['a', 10],
      ['b', 30],
      ['d', 5],
    ]);
  });

  it('--ignore-returns sets the credit notes aside and counts gross sales', async () => {
    const out = join(dir, 'ignore');
    const r = await run(['analyze', csv, '--out', out, '--ignore-returns']);
    expect(r.code).toBe(0);
    const cleaning = JSON.parse(readFileSync(join(out, 'cleaning.json'), 'utf8'));
    expect(cleaning.reasons).toEqual({ conflicting_customer_ids: 2, return_ignored: 3 });
    expect(cleaning.returns).toBeUndefined();
    const [head, ...rows] = csvRows(join(out, 'periods.csv'));
    expect(rows.map((p) => Number(p[head!.indexOf('refunds')]))).toEqual([0, 0]);
  });
});

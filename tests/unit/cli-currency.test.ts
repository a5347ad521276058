/** Issue 12 item 3 through the CLI: cleaning.json `currency`, `--currency`, mixed currencies set aside. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cl-cur-'));

const run = runCli;

const HEADER = 'Name,Email,Financial Status,Paid at,Currency,Total,Lineitem name,Created at';
/** A Shopify-like export in USD: 30 customers, 5–12 orders of $20–$600 each, in May 2024. */
function shopifyCsv(extra: string[] = []): string {
  const lines = [HEADER];
  for (let c = 0; c < 30; c++) {
    for (let i = 0; i < 5 + (c % 8); i++) {
      const day = String(1 + ((c + i * 3) % 28)).padStart(2, '0');
      lines.push(
        `#${1000 + c * 100 + i},c${c}@x.com,paid,2024-05-${day} 10:00:00,USD,${20 + c * 20}.00,Mug,2024-05-${day} 10:00:00`,
      );
    }
  }
  return [...lines, ...extra].join('\n') + '\n';
}

function segmentsOf(out: string): Record<string, number> {
  const [head, ...rows] = readFileSync(join(out, 'customers.csv'), 'utf8').trim().split('\n');
  const col = head!.split(',').indexOf('segment');
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.split(',')[col]!] = (counts[r.split(',')[col]!] ?? 0) + 1;
  return counts;
}

describe('customer-lens analyze: currency', () => {
  it('writes the detected ISO code to cleaning.json and scores value5 M by quantiles on USD', async () => {
    const csv = join(dir, 'shopify-usd.csv');
    writeFileSync(csv, shopifyCsv());
    const out = join(dir, 'usd');
    const r = await run(['analyze', csv, '--out', out, '--as-of', '2024-05-31']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const cleaning = JSON.parse(readFileSync(join(out, 'cleaning.json'), 'utf8'));
    expect(cleaning.currency).toBe('USD');
    expect(cleaning.platform).toBe('shopify');
    // With the yuan thresholds every customer had M ≤ 2: no high-value customer at all.
    expect(segmentsOf(out).high_value ?? 0).toBeGreaterThan(0);
  });

  it('sets aside a minority currency with its reason and counts', async () => {
    const csv = join(dir, 'shopify-mixed.csv');
    writeFileSync(
      csv,
      shopifyCsv([
        '#9001,c1@x.com,paid,2024-05-02 10:00:00,EUR,5000.00,Bag,2024-05-02 10:00:00',
        '#9002,c2@x.com,paid,2024-05-03 10:00:00,EUR,7000.00,Bag,2024-05-03 10:00:00',
      ]),
    );
    const out = join(dir, 'mixed');
    expect((await run(['analyze', csv, '--out', out])).code).toBe(0);
    const cleaning = JSON.parse(readFileSync(join(out, 'cleaning.json'), 'utf8'));
    expect(cleaning.currency).toBe('USD');
    expect(cleaning.reasons).toEqual({ other_currency: 2 });
    expect(cleaning.rows_read).toBe(cleaning.rows_used + cleaning.rows_set_aside);
  });

  it('null when undetected; --currency forces it; a bad code is refused', async () => {
    const csv = join(dir, 'plain.csv');
    writeFileSync(csv, 'customer_id,order_time,amount\nc1,2024-01-02,12.5\nc2,2024-01-03,8\n');
    const out = join(dir, 'plain');
    expect((await run(['analyze', csv, '--out', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'cleaning.json'), 'utf8')).currency).toBeNull();
    expect((await run(['analyze', csv, '--out', out, '--currency', 'gbp'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'cleaning.json'), 'utf8')).currency).toBe('GBP');
    const bad = await run(['analyze', csv, '--out', out, '--currency', 'XXX']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--currency must be one of CNY, USD/);
  });
});

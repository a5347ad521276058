import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'cl-cli-'));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  try {
    const code = await main(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}

describe('customer-lens analyze', () => {
  it('writes profile.json with tables, columns, types and row counts', async () => {
    const csv = join(dir, 'orders.csv');
    writeFileSync(
      csv,
      'customer_id,order_time,amount\n001,2024-01-02 03:04:05,1.25\n002,2024-01-03 00:00:00,2\n',
    );
    const out = join(dir, 'out');
    const r = await run(['analyze', csv, '--out', out]);
    expect(r.code).toBe(0);
    const profile = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8'));
    expect(profile.tables[0]).toMatchObject({
      file: 'orders.csv',
      row_count: 2,
      columns: [
        { name: 'customer_id', type: 'VARCHAR', non_null: 2 },
        { name: 'order_time', type: 'TIMESTAMP', non_null: 2 },
        { name: 'amount', type: 'DECIMAL(18, 2)', non_null: 2 },
      ],
    });
  });

  it.each([
    ['a missing file', ['analyze', join(dir, 'nope.csv')], 1, /cannot read .*ENOENT/],
    [
      'an empty file',
      ['analyze', (writeFileSync(join(dir, 'e.csv'), ''), join(dir, 'e.csv')), '--locale', 'en'],
      1,
      /is empty/,
    ],
    [
      'a bad config',
      [
        'analyze',
        join(dir, 'e.csv'),
        '--config',
        (writeFileSync(join(dir, 'c.json'), '{"version": 9}'), join(dir, 'c.json')),
      ],
      1,
      /newer/,
    ],
    ['no files', ['analyze'], 2, /at least one file/],
    ['an unknown command', ['frobnicate'], 2, /unknown command/],
  ])('fails cleanly on %s: one line, non-zero exit', async (_name, args, code, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

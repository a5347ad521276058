/**
 * Issue 12 through the CLI: unreadable amounts (item 5) and files mixing encodings or holding a
 * stray NUL byte (item 6) are set aside with a reason in cleaning.json, never read as 0 or garbled.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/run-cli.ts';
import { encodeLegacy } from './support/legacy-encoding.ts';

const dir = mkdtempSync(join(tmpdir(), 'cl-cli-parsing-'));

const run = runCli;

const lines = (out: string, name: string) => readFileSync(join(out, name), 'utf8').trim().split('\n');

describe('customer-lens analyze: unreadable amounts (issue 12 item 5)', () => {
  it('reads 1.5E3 as 1500 and sets aside inf, NaN, 0x10, 1e15, 1e308 and 20 digits', async () => {
    const csv = join(dir, 'amounts.csv');
    writeFileSync(
      csv,
      [
        '订单编号,客户ID,下单时间,实付金额',
        'A1,C1,2026-01-01 10:00:00,100.00',
        'A2,C1,2026-02-01 10:00:00,1.5E3',
        'A3,C2,2026-02-10 10:00:00,1.23E+05',
        'A4,C3,2026-03-01 10:00:00,1e15',
        'A5,C4,2026-03-01 10:00:00,1e308',
        'A6,C5,2026-03-01 10:00:00,inf',
        'A7,C6,2026-03-01 10:00:00,NaN',
        'A8,C7,2026-03-01 10:00:00,0x10',
        'A9,C8,2026-03-01 10:00:00,12345678901234567890',
      ].join('\n') + '\n',
    );
    const out = join(dir, 'amounts');
    const r = await run(['analyze', csv, '--out', out, '--as-of', '2026-03-31', '--locale', 'en']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const cleaning = JSON.parse(readFileSync(join(out, 'cleaning.json'), 'utf8'));
    expect(cleaning).toMatchObject({
      rows_read: 9,
      rows_used: 3,
      rows_set_aside: 6,
      reasons: { absurd_amount: 3, unparseable_amount: 3 },
    });
    expect(cleaning.repairs.amount_scientific).toBe(3);
    // Only C1 (100 + 1500, two orders) and C2 (123000) are customers; nobody has M 0.
    const customers = lines(out, 'customers.csv');
    expect(customers).toHaveLength(3);
    expect(customers[1]).toMatch(/^C1,\d+,2,1600,/);
    expect(customers[2]).toMatch(/^C2,\d+,1,123000,/);
  });
});

describe('customer-lens analyze: mixed encodings and a stray NUL (issue 12 item 6)', () => {
  it('reads each line in its own encoding, sets the NUL line aside and says both in profile.json', async () => {
    const gb = (t: string) => encodeLegacy(t, 'gb18030');
    const utf8 = (t: string) => new TextEncoder().encode(t);
    const parts = [gb('订单编号,客户ID,下单时间,实付金额,收货人\n')];
    for (let i = 1; i <= 12; i++)
      parts.push(gb(`A${i},C${i},2026-01-${String(i).padStart(2, '0')} 10:00:00,10,张三${i}\n`));
    parts.push(utf8('A13,C13,2026-02-01 10:00:00,20,李四\n'), utf8('A14,C14,2026-02-02 10:00:00,30,José\n'));
    parts.push(gb('A15,C15,2026-02'), new Uint8Array([0]), gb('-03 10:00:00,40,王五\n'));
    const csv = join(dir, 'mixed.csv');
    writeFileSync(csv, Buffer.concat(parts));
    const out = join(dir, 'mixed');
    const r = await run(['analyze', csv, '--out', out, '--as-of', '2026-03-31', '--locale', 'en']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const profile = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8'));
    expect(profile.tables[0]).toMatchObject({ encoding: 'gb18030', row_count: 14 });
    expect(profile.tables[0].notes).toEqual([
      { kind: 'mixed_encoding', count: 2, sample: 'UTF-8' },
      { kind: 'nul_lines_set_aside', count: 1, sample: '16' },
    ]);
    const cleaning = JSON.parse(readFileSync(join(out, 'cleaning.json'), 'utf8'));
    expect(cleaning).toMatchObject({ rows_read: 14, rows_used: 14 });
    const customers = lines(out, 'customers.csv');
    expect(customers).toHaveLength(15);
    expect(customers.some((l) => l.startsWith('C14,'))).toBe(true);
  });
});

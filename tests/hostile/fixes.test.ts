/**
 * Issue 19: each finding of the hostile-input review, checked in-process and fast. The generated
 * corpus (corpus.test.ts) runs the same shapes through the CLI in child processes with a budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/engine/node-db.ts';
import type { DbPort } from '../../src/engine/db-port.ts';
import { loadSource } from '../../src/engine/readers/load-source.ts';
import { bytesSourceFile } from '../../src/engine/source-file.ts';
import { sniffValues, unguard } from '../../src/ingest/mapping/sniff-values.ts';
import { lyingDimensionXlsx } from './generate.ts';

let db: DbPort;
let n = 0;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());
const load = (name: string, bytes: Uint8Array) =>
  loadSource(db, bytesSourceFile(name, bytes), { table: `h${++n}` });

describe('1: xlsx sized by real cells, not the declared range', () => {
  it('a sheet declaring A1:XFD1048576 loads its 2 real rows', async () => {
    const p = await load('lying.xlsx', lyingDimensionXlsx('A1:XFD1048576'));
    expect(p.rowCount).toBe(2);
    expect(p.columns.map((c) => c.name)).toEqual(['customer id', 'amount', 'order date']);
  });
});

describe('2: sniffing is linear and bounded', () => {
  it('1 + 60,000 non-breaking spaces + x is text, sniffed in well under a second', () => {
    const cell = `1${'\u00a0'.repeat(60_000)}x`;
    const started = performance.now();
    const s = sniffValues(
      'VARCHAR',
      Array.from({ length: 100 }, () => cell),
    );
    expect(s.kind).toBe('text');
    expect(performance.now() - started).toBeLessThan(1000);
  });
  it('long runs of spaces and tabs are trimmed without a quadratic regex', () => {
    expect(unguard(`  ¥1,234.50 \t `)).toBe('¥1,234.50');
    const started = performance.now();
    for (let i = 0; i < 50; i++) unguard(`a${' '.repeat(100_000)}b`);
    expect(performance.now() - started).toBeLessThan(1000);
  });
  it('amounts are still recognised', () => {
    expect(sniffValues('VARCHAR', ['¥ 12.50', '1,234 元', '(30.00)', '8 万']).kind).toBe('money');
  });
});

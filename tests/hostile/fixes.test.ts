/**
 * Issue 19: each finding of the hostile-input review, checked in-process and fast. The generated
 * corpus (corpus.test.ts) runs the same shapes through the CLI in child processes with a budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../unit/support/run-cli.ts';
import { openNodeDb } from '../../src/engine/node-db.ts';
import { openNativeDb } from '../../src/engine/native-db.ts';
import type { DbPort } from '../../src/engine/db-port.ts';
import { loadSource } from '../../src/engine/readers/load-source.ts';
import { bytesSourceFile } from '../../src/engine/source-file.ts';
import { sniffValues, unguard } from '../../src/ingest/mapping/sniff-values.ts';
import { proposeMapping } from '../../src/ingest/mapping/propose-mapping.ts';
import { classifyDataset } from '../../src/ingest/mapping/classify-dataset.ts';
import { detectPiiColumns } from '../../src/ingest/pii/detect-pii.ts';
import { datasetColumns } from '../../src/client/dataset-flow.ts';
import { deflateSync, inflateSync, unzipSync } from 'fflate';
import {
  deflatedZeros,
  lyingDimensionXlsx,
  lyingZip,
  parquetGzipBomb,
  parquetPageSizeLie,
  utf8,
} from './generate.ts';

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

describe('2: no sniffing on the main thread', () => {
  /** Samples that throw when the main thread reads a single one (it must only read `sniff`). */
  const untouchable = (): readonly string[] =>
    new Proxy([] as string[], {
      get() {
        throw new Error('a sample cell was read on the main thread');
      },
    });

  it('the worker judges every loaded column once; mapping, roles and PII read only that', async () => {
    const hostile = `1${'\u00a0'.repeat(60_000)}x`;
    const csv = [
      '客户ID,下单时间,实付金额,手机号,备注',
      ...Array.from({ length: 30 }, (_, i) =>
        [
          `C${1000 + i}`,
          `2024-03-${String((i % 28) + 1).padStart(2, '0')} 10:00:00`,
          `${i + 1}.50`,
          `1380013${String(8000 + i)}`,
          hostile,
        ].join(','),
      ),
    ].join('\n');
    const p = await load('orders.csv', utf8(csv));
    // Every column arrives with the worker's judgement (loadSource runs in the engine worker).
    expect(p.columns.every((c) => c.sniff !== undefined)).toBe(true);
    const kinds = Object.fromEntries(p.columns.map((c) => [c.name, c.sniff!.kind]));
    expect(kinds).toMatchObject({
      客户ID: 'id',
      下单时间: 'date',
      实付金额: 'money',
      手机号: 'phone',
      备注: 'text',
    });
    expect(p.columns.find((c) => c.name === '手机号')!.sniff!.pii).toBe('phone');

    // The main thread's view: the same columns, but reading any sample cell throws.
    const { preview: _preview, ...profile } = p;
    const columns = datasetColumns({ profile, rows: [] }).map((c) => ({ ...c, samples: untouchable() }));
    const plan = proposeMapping('orders', columns);
    expect(plan.mapping).toMatchObject({ customer_id: '客户ID', order_time: '下单时间' });
    expect(Object.values(plan.mapping)).toContain('实付金额');
    expect(plan.confidence.order_time!.values).toBe('agree');
    expect(classifyDataset(columns)[0]!.role).toBe('orders');
    expect(detectPiiColumns(columns, { customer_id: '客户ID' }).map((c) => [c.column, c.kind])).toEqual([
      ['手机号', 'phone'],
    ]);
  });

  it('without a judgement (a profile built by hand) the samples are read, so the proxy test can fail', () => {
    expect(() =>
      proposeMapping('orders', [{ name: '手机号', type: 'VARCHAR', samples: untouchable() }]),
    ).toThrow(/main thread/);
  });
});

describe('5: zip and Parquet bombs judged by real bytes', () => {
  it('the hand-written deflate stream inflates to exactly the zeros asked for', () => {
    for (const n of [1, 2, 3, 10, 259, 1000, 100_003]) {
      const out = inflateSync(deflatedZeros(n));
      expect([out.byteLength, out.every((b) => b === 0)]).toEqual([n, true]);
    }
  });
  it('a zip whose directory lies about its sizes is refused as a bomb from the real output', async () => {
    const data = deflatedZeros(100 * 1024 ** 2);
    const zip = lyingZip([{ name: 'orders.csv', data, declaredPacked: 2 ** 31, declaredSize: 1000 }]);
    await expect(load('liar.zip', zip)).rejects.toMatchObject({ code: 'zip_bomb' });
  });
  it('an xlsx whose sheet entry lies about its sizes is refused before SheetJS inflates it', async () => {
    const files = unzipSync(lyingDimensionXlsx('A1:C3'));
    const zip = lyingZip([
      ...Object.entries(files).map(([name, bytes]) => ({
        name,
        data: deflateSync(bytes),
        declaredPacked: 100,
        declaredSize: bytes.byteLength,
      })),
      {
        name: 'xl/media/pad.bin',
        data: deflatedZeros(100 * 1024 ** 2),
        declaredPacked: 2 ** 31,
        declaredSize: 10,
      },
    ]);
    await expect(load('liar.xlsx', zip)).rejects.toMatchObject({ code: 'zip_bomb' });
  });
  it('a Parquet page declaring 134 MB for ~50 KB is refused before anything is allocated', async () => {
    const started = performance.now();
    await expect(load('lie.parquet', parquetPageSizeLie())).rejects.toMatchObject({ code: 'zip_bomb' });
    expect(performance.now() - started).toBeLessThan(5000);
  });
  it('a gzip Parquet page that inflates past its declared size stops at that size', async () => {
    const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const before = used();
    await expect(load('bomb.parquet', parquetGzipBomb(1024 ** 3))).rejects.toMatchObject({
      code: 'zip_bomb',
    });
    // Stopped at the page's declared size, not after 1 GB of zeros.
    expect(used() - before).toBeLessThan(256 * 1024 ** 2);
  });
  it('the same Parquet file without the lies loads (the generators make real Parquet)', async () => {
    const honest = parquetPageSizeLie(false);
    expect((await load('ok.parquet', honest)).rowCount).toBe(1100);
  });
  it('the honest zip of a small CSV still loads', async () => {
    const csv = utf8('customer id,amount\nA,1\nB,2\n');
    const zip = lyingZip([
      { name: 'orders.csv', data: deflateSync(csv), declaredPacked: 0, declaredSize: csv.byteLength },
    ]);
    const p = await load('ok.zip', zip);
    expect(p.rowCount).toBe(2);
  });
});

describe('5: --config size checked before reading', () => {
  it('a 30 MB config file is refused from its size, in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-h19-'));
    try {
      const config = join(dir, 'big.json');
      writeFileSync(config, '');
      truncateSync(config, 30 * 1024 ** 2);
      writeFileSync(join(dir, 'a.csv'), 'customer id,amount,order date\nA,1,2024-01-01\n');
      const r = await runCli(['analyze', join(dir, 'a.csv'), '--config', config, '--out', join(dir, 'out')]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^customer-lens: config .* over the 65536 byte limit\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('4: DuckDB reads only what we register', () => {
  it.each([
    ['wasm', () => db],
    ['native', () => null],
  ])('%s: no file outside cl-files/, no URL, no way to turn access back on', async (_label, get) => {
    const port = get() ?? (await openNativeDb());
    try {
      const dir = mkdtempSync(join(tmpdir(), 'cl-h19-'));
      const secret = join(dir, 'secret.csv');
      writeFileSync(secret, 'a\n1\n');
      for (const sql of [
        `SELECT * FROM read_csv('${secret}')`,
        `SELECT * FROM read_csv('cl-files/../${secret}')`,
        `SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')`,
        `SET enable_external_access = true`,
        `SET allowed_directories = ['/']`,
      ]) {
        await expect(port.queryIpc(sql), sql).rejects.toThrow(/Permission|disabled|locked|No files/);
      }
      rmSync(dir, { recursive: true, force: true });
      // What we register stays readable.
      await port.registerBytes('cl-files/ok.csv', utf8('a\n1\n'));
      expect((await port.queryIpc(`SELECT * FROM read_csv('cl-files/ok.csv')`)).byteLength).toBeGreaterThan(
        0,
      );
    } finally {
      if (port !== db) await port.close();
    }
  });
});

describe('3: a header may collide with nothing', () => {
  it('a column named rowid (and one named __cl_part) is renamed at load and said', async () => {
    const lines = ['rowid,__cl_part,customer id,amount,order date'];
    for (let i = 0; i < 31; i++)
      lines.push(`${i + 1},x,C${i},${i + 1},2024-01-${String((i % 28) + 1).padStart(2, '0')}`);
    const p = await load('rowid.csv', utf8(lines.join('\n') + '\n'));
    expect(p.columns.map((c) => c.name)).toEqual([
      'rowid_1',
      'cl_part_1',
      'customer id',
      'amount',
      'order date',
    ]);
    expect(p.rowCount).toBe(31);
    expect(p.notes).toContainEqual({
      kind: 'reserved_column_renamed',
      count: 2,
      sample: 'rowid → rowid_1, __cl_part → cl_part_1',
    });
  });
});

describe('8: column cap up front', () => {
  it('a 100k-column CSV is refused before DuckDB reads it', async () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
    const started = performance.now();
    const error = await load('wide.csv', utf8(`${header}\n1,2\n`)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'too_many_columns', params: { name: 'wide.csv', max: 2000 } });
    expect((error as { params: { count: number } }).params.count).toBeGreaterThan(2000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('7: summary rows recognised by shape, counted and reported', () => {
  it('customers named Total / Sum stay; a label-and-numbers total is left out and reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-h19-'));
    try {
      const lines = ['customer id,order id,order date,amount'];
      for (let i = 0; i < 30; i++)
        lines.push(`C${i},O${i},2024-02-${String((i % 28) + 1).padStart(2, '0')},${i + 1}`);
      lines.push('Total,O30,2024-03-01,12.5', 'Sum,O31,2024-03-02,7', '合计,,,484.5');
      writeFileSync(join(dir, 'orders.csv'), lines.join('\n') + '\n');
      const out = join(dir, 'out');
      const r = await runCli([
        'analyze',
        join(dir, 'orders.csv'),
        '--out',
        out,
        '--locale',
        'en',
        '--engine',
        'native',
      ]);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toContain('orders.csv: 1 row(s) at the bottom are totals');
      const profile = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8'));
      expect(profile.tables[0].row_count).toBe(32);
      expect(profile.tables[0].notes).toContainEqual({
        kind: 'summary_rows_dropped',
        count: 1,
        sample: '合计 | 484.5',
      });
      const cleaning = JSON.parse(readFileSync(join(out, 'cleaning.json'), 'utf8'));
      expect(cleaning.rows_read).toBe(32);
      expect(cleaning.rows_used + cleaning.rows_set_aside).toBe(32);
      expect(cleaning.summary_rows_left_out).toEqual([
        { file: 'orders.csv', count: 1, sample: '合计 | 484.5' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

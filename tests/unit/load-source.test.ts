import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utils, write } from '@e965/xlsx';
import { openNodeDb } from '../../src/engine/node-db.ts';
import type { DbPort } from '../../src/engine/db-port.ts';
import { loadSource } from '../../src/engine/readers/load-source.ts';
import { bytesSourceFile } from '../../src/engine/source-file.ts';
import { nodeSourceFile } from '../../src/engine/node-source-file.ts';
import { decodeIpc } from '../../src/client/decode.ts';
import { transcodeToUtf8 } from '../../src/engine/readers/transcode.ts';
import { encodeLegacy, encodeUtf16 } from './support/legacy-encoding.ts';

let db: DbPort;
let n = 0;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

const utf8 = (s: string) => new TextEncoder().encode(s);
const load = (name: string, bytes: Uint8Array) =>
  loadSource(db, bytesSourceFile(name, bytes), { table: `t${++n}` });

describe('loadSource', () => {
  it('loads a UTF-8 CSV from disk by handle, keeping ids as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-'));
    const path = join(dir, 'orders.csv');
    writeFileSync(
      path,
      'customer_id,order_id,order_time,amount\n00123,1234567890123456789,2024-05-10 09:05:00,12.50\nC2,2,2024-05-11 10:00:00,3\n',
    );
    const p = await loadSource(db, await nodeSourceFile(path), { table: 'disk' });
    expect(p.rowCount).toBe(2);
    expect(p.columns.map((c) => [c.name, c.type])).toEqual([
      ['customer_id', 'VARCHAR'],
      ['order_id', 'VARCHAR'],
      ['order_time', 'TIMESTAMP'],
      ['amount', 'DECIMAL(18, 2)'],
    ]);
    const rows = decodeIpc(p.preview).rows;
    expect(rows[0]).toMatchObject({ customer_id: '00123', order_id: '1234567890123456789', amount: 12.5 });
  });

  it('strips a UTF-8 BOM and reads Chinese headers', async () => {
    const p = await load('bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('客户ID,金额\nA,1\n')]));
    expect(p.columns.map((c) => c.name)).toEqual(['客户ID', '金额']);
    expect(p.encoding).toBe('utf-8');
  });

  it('decodes GB18030', async () => {
    const gbk = new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0x61, 0x0a, 0xc4, 0xe3, 0x2c, 0x31, 0x0a]); // 客户,a\n你,1\n
    const p = await load('gbk.csv', gbk);
    expect(p.encoding).toBe('gb18030');
    expect(p.columns.map((c) => c.name)).toEqual(['客户', 'a']);
    expect(decodeIpc(p.preview).rows[0]).toMatchObject({ 客户: '你', a: 1 });
  });

  it('reads the first sheet of an xlsx', async () => {
    const wb = utils.book_new();
    utils.book_append_sheet(
      wb,
      utils.aoa_to_sheet([
        ['id', 'amount'],
        ['A', 1.5],
        ['B', 2],
      ]),
      'Orders',
    );
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const p = await load('book.xlsx', bytes);
    expect(p.rowCount).toBe(2);
    expect(p.sheet).toBe('Orders');
    expect(p.sheets).toEqual([{ name: 'Orders', rows: 3 }]);
  });

  it.each([
    ['empty.csv', new Uint8Array(), 'empty_file'],
    ['blob.csv', new Uint8Array([0, 1, 2, 3, 0, 0, 5]), 'binary_file'],
    ['broken.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'xlsx_invalid'],
  ])('refuses %s with a code', async (name, bytes, code) => {
    await expect(load(name, bytes)).rejects.toMatchObject({ code });
  });
});

describe('type inference from a sample', () => {
  it('falls back to text when a later row does not fit the sampled type (nothing lost)', async () => {
    const rows = ['id,amount,code'];
    for (let i = 0; i < 25_000; i++) rows.push(`${i + 1},${i}.5,${1000 + i}`);
    rows.push('X-1,12.5,0999'); // beyond the sample: a text id and a leading-zero code
    const p = await load('late.csv', utf8(rows.join('\n') + '\n'));
    expect(p.rowCount).toBe(25_001);
    expect(p.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'VARCHAR'],
      ['amount', 'DECIMAL(18, 1)'],
      ['code', 'VARCHAR'],
    ]);
    const last = decodeIpc(await db.queryIpc(`SELECT * FROM ${p.table} WHERE id = 'X-1'`)).rows[0];
    expect(last).toMatchObject({ id: 'X-1', code: '0999' });
  });

  it('casts padded values (ASCII and Unicode spaces) like trimmed ones; a padded leading zero stays text', async () => {
    const nb = '\u00a0';
    const rows = ['n,t,z'];
    rows.push(`" 12 ",2024-05-10 09:05:00,1`);
    rows.push(`${nb}13${nb},${nb}2024-05-11 10:00:00${nb},2`);
    rows.push(`${nb},"  ",3`);
    rows.push(`14,2024-05-12 10:00:00,${nb}007`);
    const p = await load('padded.csv', utf8(rows.join('\n') + '\n'));
    expect(p.columns.map((c) => [c.name, c.type])).toEqual([
      ['n', 'BIGINT'],
      ['t', 'TIMESTAMP'],
      ['z', 'VARCHAR'],
    ]);
    const got = decodeIpc(await db.queryIpc(`SELECT n, t, z FROM ${p.table} ORDER BY rowid`)).rows;
    expect(got.map((r) => [r.n, r.t])).toEqual([
      [12, '2024-05-10 09:05:00'],
      [13, '2024-05-11 10:00:00'],
      [null, null],
      [14, '2024-05-12 10:00:00'],
    ]);
    expect(got[3]!.z).toBe(`${nb}007`);
  });
});

describe('memory guard', () => {
  it('refuses a CSV the tab cannot hold before reading it, with the estimate', async () => {
    const head = utf8('customer_id,amount\nC1,1\n');
    const huge = {
      name: 'huge.csv',
      size: 2_000_000_000,
      read: async (start: number, end: number) => head.subarray(start, Math.min(end, head.byteLength)),
      ref: { kind: 'node-path' as const, path: '/nonexistent/huge.csv' },
    };
    await expect(loadSource(db, huge, { table: 'huge' })).rejects.toMatchObject({
      code: 'needs_memory',
      params: { name: 'huge.csv', needGb: '3.0' },
    });
  });
});

describe('streaming decode', () => {
  const text = '客户,金额,備註\n张三,1.5,测试😀\n李四,2,"多行\n文本"\n';

  it.each([1, 2, 3, 5, 7])(
    'GB18030 in %i-byte slices: boundaries inside characters leave no U+FFFD',
    async (slice) => {
      const bytes = encodeLegacy(text.replace('😀', '').replace('備', '备'), 'gb18030');
      const out = await transcodeToUtf8(
        bytesSourceFile('s.csv', bytes),
        'gb18030',
        0,
        () => {},
        undefined,
        slice,
      );
      expect(out.replacements).toBe(0);
      expect(new TextDecoder().decode(out.utf8)).toBe(text.replace('😀', '').replace('備', '备'));
    },
  );

  it.each([1, 3])('UTF-16LE (with a surrogate pair) in %i-byte slices', async (slice) => {
    const bytes = encodeUtf16(text, true, true);
    const out = await transcodeToUtf8(
      bytesSourceFile('s.txt', bytes),
      'utf-16le',
      2,
      () => {},
      undefined,
      slice,
    );
    expect(out.replacements).toBe(0);
    expect(new TextDecoder().decode(out.utf8)).toBe(text);
  });

  it('counts bytes that are invalid in the encoding and reports them', async () => {
    const bytes = new Uint8Array([...utf8('a,b\n'), 0x31, 0x2c, 0xff, 0x0a]);
    const p = await loadSource(db, bytesSourceFile('bad.csv', bytes), {
      table: `t${++n}`,
      encoding: 'gb18030',
    });
    expect(p.notes).toContainEqual({ kind: 'invalid_characters', count: 1 });
  });

  it('a file valid UTF-8 in its first 64 KiB but GB18030 further on reads that line as GB18030', async () => {
    const rows = ['id,name'];
    for (let i = 0; i < 8000; i++) rows.push(`${i},customer`);
    const head = utf8(rows.join('\n') + '\n');
    const tail = encodeLegacy('8000,张三\n', 'gb18030');
    const p = await load('late.csv', new Uint8Array([...head, ...tail]));
    // Line by line since issue 12: the file is UTF-8 but for that line, and the report says so.
    expect(p.encoding).toBe('utf-8');
    expect(p.notes).toContainEqual({ kind: 'mixed_encoding', count: 1, sample: 'GB18030' });
    expect(p.rowCount).toBe(8001);
    const last = decodeIpc(await db.queryIpc(`SELECT name FROM ${p.table} WHERE id = 8000`)).rows[0];
    expect(last).toEqual({ name: '张三' });
  });
});

/**
 * Issue 12 item 6: files mixing encodings are decoded line by line (never 李四 → 鏉庡洓 or José → Jos�
 * without a word), and a stray NUL byte sets its line aside instead of refusing the whole file. Bytes
 * are built here: UTF-8 by TextEncoder, GB18030 by the test encoder (support/legacy-encoding.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/engine/node-db.ts';
import type { DbPort } from '../../src/engine/db-port.ts';
import { loadSource } from '../../src/engine/readers/load-source.ts';
import { bytesSourceFile } from '../../src/engine/source-file.ts';
import { transcodeToUtf8 } from '../../src/engine/readers/transcode.ts';
import { decodeIpc } from '../../src/client/decode.ts';
import { LineDecoder, Utf8Scanner, utf8Check } from '../../src/ingest/line-decode.ts';
import { detectFormat } from '../../src/ingest/detect-format.ts';
import { encodeLegacy } from './support/legacy-encoding.ts';

let db: DbPort;
let n = 0;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

const utf8 = (s: string) => new TextEncoder().encode(s);
const gb = (s: string) => encodeLegacy(s, 'gb18030');
const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.byteLength, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
};
const load = (name: string, bytes: Uint8Array) =>
  loadSource(db, bytesSourceFile(name, bytes), { table: `mx${++n}` });
const names = async (table: string) =>
  decodeIpc(await db.queryIpc(`SELECT * FROM ${table} ORDER BY 1`)).rows.map((r) => r.name);

/** Mostly GB18030 (enough Chinese for the detector), with two UTF-8 lines. */
function mostlyGb(): Uint8Array {
  const lines = [gb('id,name,city\n')];
  for (let i = 1; i <= 20; i++) lines.push(gb(`${i},张三${i},杭州市西湖区\n`));
  lines.push(utf8('21,李四,北京\n'), utf8('22,José,Madrid\n'), gb('23,王五,上海市\n'));
  return join(...lines);
}

describe('line by line decoding', () => {
  it('checks UTF-8 strictly (overlongs, surrogates and cut characters are not UTF-8)', () => {
    const check = (bytes: number[]) => utf8Check(new Uint8Array(bytes), 0, bytes.length);
    expect(check([0x61, 0x2c])).toBe('ascii');
    expect(check([...utf8('李四 José')])).toBe('utf8');
    expect(check([...gb('李四')])).toBe('invalid');
    expect(check([0xc0, 0xaf])).toBe('invalid'); // overlong '/'
    expect(check([0xed, 0xa0, 0x80])).toBe('invalid'); // a surrogate
    expect(check([0xe6, 0x9d])).toBe('invalid'); // cut
    expect(check([0xf0, 0x9f, 0x98, 0x80])).toBe('utf8'); // 😀
  });

  it.each([1, 2, 3, 7, 1 << 20])('reads each line in its own encoding in %i-byte slices', async (slice) => {
    const bytes = mostlyGb();
    const out = await transcodeToUtf8(
      bytesSourceFile('m.csv', bytes),
      'gb18030',
      0,
      () => {},
      undefined,
      slice,
    );
    const text = new TextDecoder().decode(out.utf8);
    expect(text).toContain('21,李四,北京\n22,José,Madrid\n23,王五,上海市\n');
    expect(text).toContain('20,张三20,杭州市西湖区\n');
    expect(out.replacements).toBe(0);
    expect(out.lines).toMatchObject({ otherEncodingLines: 2, otherEncoding: 'utf-8', nulLines: 0 });
  });

  it.each([1, 2, 3, 5, 1 << 20])('scans a file for plain UTF-8 in %i-byte slices', (size) => {
    const scan = (bytes: Uint8Array) => {
      const s = new Utf8Scanner();
      for (let i = 0; i < bytes.byteLength; i += size) if (!s.push(bytes.subarray(i, i + size))) return false;
      return s.end();
    };
    expect(scan(utf8('id,name\n1,李四\n2,José 😀\n3,x'))).toBe(true);
    expect(scan(join(utf8('id,name\n1,李四\n'), gb('2,王五\n'), utf8('3,x\n')))).toBe(false);
    expect(scan(join(utf8('id,name\n1,x'), new Uint8Array([0]), utf8('\n')))).toBe(false);
    expect(scan(join(utf8('id,name\n1,'), new Uint8Array([0xe6, 0x9d])))).toBe(false); // cut at the end
  });

  it('keeps GB18030 lines that happen to be valid UTF-8 (女 = C5 AE would read as Ů)', async () => {
    const lines = [gb('id,性别,城市\n')];
    for (let i = 1; i <= 20; i++) lines.push(gb(`${i},${i % 2 ? '女' : '男'},hz\n`));
    const bytes = join(...lines);
    expect(utf8Check(gb('1,女,hz'), 0, gb('1,女,hz').byteLength)).toBe('rare');
    const p = await load('gender.csv', bytes);
    expect(p.encoding).toBe('gb18030');
    const rows = decodeIpc(
      await db.queryIpc(`SELECT "性别" AS g, count(*) AS n FROM ${p.table} GROUP BY 1 ORDER BY 1`),
    );
    expect(rows.rows).toEqual([
      { g: '女', n: 10 },
      { g: '男', n: 10 },
    ]);
    expect(p.notes.some((x) => x.kind === 'mixed_encoding')).toBe(false);
  });

  it('sets aside lines with a NUL byte and lists their numbers', () => {
    const d = new LineDecoder('utf-8');
    const text = d.push(join(utf8('a,b\n1,x\n2,'), new Uint8Array([0]), utf8('y\n3,z'))) + d.end();
    expect(text).toBe('a,b\n1,x\n3,z');
    expect(d.stats).toMatchObject({ nulLines: 1, nulLineNumbers: [3], otherEncodingLines: 0 });
  });

  it('does not take a file with a stray NUL for a binary file', () => {
    expect(detectFormat('a.csv', join(utf8('a,b\n1,x\n2,'), new Uint8Array([0]), utf8('y\n')))).toBe('csv');
    expect(detectFormat('a.csv', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0, 5]))).toBe(
      'binary',
    );
  });
});

describe('loading mixed files (the app path: loadSource, as the worker runs it)', () => {
  it('a mostly GB18030 file with UTF-8 lines keeps 李四 and José, and says how many lines', async () => {
    const p = await load('mixed-gb.csv', mostlyGb());
    expect(p.encoding).toBe('gb18030');
    expect(p.rowCount).toBe(23);
    const all = await names(p.table);
    expect(all).toContain('李四');
    expect(all).toContain('José');
    expect(all).toContain('王五');
    expect(all).toContain('张三1');
    expect(p.notes).toContainEqual({ kind: 'mixed_encoding', count: 2, sample: 'UTF-8' });
    expect(p.notes.some((x) => x.kind === 'invalid_characters')).toBe(false);
  });

  it('a UTF-8 file with a GB18030 line reads that line as GB18030', async () => {
    const bytes = join(utf8('id,name\n1,李四\n2,José\n'), gb('3,王五\n'), utf8('4,赵六\n'));
    const p = await load('mixed-utf8.csv', bytes);
    expect(p.encoding).toBe('utf-8');
    expect(await names(p.table)).toEqual(['李四', 'José', '王五', '赵六']);
    expect(p.notes).toContainEqual({ kind: 'mixed_encoding', count: 1, sample: 'GB18030' });
  });

  it('one stray NUL byte sets its line aside, not the whole file', async () => {
    const bytes = join(utf8('id,name\n1,李四\n2,Jo'), new Uint8Array([0]), utf8('sé\n3,王五\n'));
    const p = await load('nul.csv', bytes);
    expect(p.rowCount).toBe(2);
    expect(await names(p.table)).toEqual(['李四', '王五']);
    expect(p.notes).toContainEqual({ kind: 'nul_lines_set_aside', count: 1, sample: '3' });
  });

  it('a NUL in a GB18030 file too', async () => {
    const lines = [gb('id,name,city\n')];
    for (let i = 1; i <= 10; i++) lines.push(gb(`${i},张三${i},杭州市西湖区\n`));
    lines.push(join(gb('11,李'), new Uint8Array([0]), gb('四,北京\n')));
    const p = await load('nul-gb.csv', join(...lines));
    expect(p.encoding).toBe('gb18030');
    expect(p.rowCount).toBe(10);
    expect(p.notes).toContainEqual({ kind: 'nul_lines_set_aside', count: 1, sample: '12' });
  });
});

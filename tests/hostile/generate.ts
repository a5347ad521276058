/**
 * The hostile-input corpus (issue 19), generated: no binary blob is committed. Each case is a set of
 * files (and sometimes a config) written to a scratch folder, with what the CLI must do with it.
 */
import { utils, write } from '@e965/xlsx';
import { deflateSync, gzipSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parquetWriteBuffer } from 'hyparquet-writer';

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A small valid workbook. */
export function xlsx(rows: unknown[][], sheet = 'Sheet1'): Uint8Array {
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet(rows), sheet);
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** A 2-row order workbook whose sheet declares `ref` as its dimension. */
export function lyingDimensionXlsx(ref: string): Uint8Array {
  const files = unzipSync(
    xlsx([
      ['customer id', 'amount', 'order date'],
      ['C1', 10, '2024-01-02'],
      ['C2', 20, '2024-01-03'],
    ]),
  );
  const path = 'xl/worksheets/sheet1.xml';
  files[path] = strToU8(
    strFromU8(files[path]!).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`),
  );
  return zipSync(files);
}

/**
 * A raw deflate stream inflating to `bytes` zeros, written bit by bit (one fixed-Huffman block: a
 * literal 0, then copies of 258 bytes at distance 1): ~1 KB per 160 KB, built in milliseconds.
 */
export function deflatedZeros(bytes: number): Uint8Array {
  const copies = Math.max(0, Math.floor((bytes - 1) / 258));
  const tail = bytes - 1 - copies * 258;
  const out = new Uint8Array(Math.ceil((3 + 8 + copies * 13 + tail * 8 + 7) / 8) + 8);
  let bit = 0;
  const put = (value: number, n: number) => {
    for (let i = 0; i < n; i++, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  const code = (value: number, n: number) => {
    for (let i = n - 1; i >= 0; i--, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  put(1, 1); // BFINAL
  put(1, 2); // fixed Huffman
  code(0b00110000, 8); // literal 0
  for (let i = 0; i < copies; i++) {
    code(0b11000101, 8); // length 258
    code(0, 5); // distance 1
  }
  if (tail >= 3) {
    // lengths 3..10 are codes 257..264 (7 bits, no extra bits); longer tails are written as literals
    for (let left = tail; left > 0;) {
      if (left >= 3 && left <= 10) {
        code(left - 2, 7);
        code(0, 5);
        left = 0;
      } else {
        code(0b00110000, 8);
        left--;
      }
    }
  } else for (let i = 0; i < tail; i++) code(0b00110000, 8);
  code(0, 7); // end of block
  return out.subarray(0, Math.ceil(bit / 8));
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
}

interface RawEntry {
  name: string;
  /** Deflated (method 8) or stored (method 0) bytes. */
  data: Uint8Array;
  method?: 0 | 8;
  /** What the central directory claims. */
  declaredPacked: number;
  declaredSize: number;
}

/**
 * A zip written by hand so its directory can lie: local headers carry no sizes (data-descriptor flag,
 * as streaming zippers write them); the descriptor and the central directory say what `declared*` say.
 */
export function lyingZip(entries: readonly RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = utf8(e.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0808, true); // data descriptor, UTF-8 names
    local.setUint16(8, e.method ?? 8, true);
    local.setUint16(26, name.byteLength, true);
    const desc = new DataView(new ArrayBuffer(16));
    desc.setUint32(0, 0x08074b50, true);
    desc.setUint32(8, e.declaredPacked, true);
    desc.setUint32(12, e.declaredSize, true);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(8, 0x0808, true);
    cd.setUint16(10, e.method ?? 8, true);
    cd.setUint32(20, e.declaredPacked, true);
    cd.setUint32(24, e.declaredSize, true);
    cd.setUint16(28, name.byteLength, true);
    cd.setUint32(42, offset, true);
    const localBytes = [new Uint8Array(local.buffer), name, e.data, new Uint8Array(desc.buffer)];
    parts.push(...localBytes);
    offset += localBytes.reduce((s, p) => s + p.byteLength, 0);
    central.push(new Uint8Array(cd.buffer), name);
  }
  const cdSize = central.reduce((s, p) => s + p.byteLength, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  return concat([...parts, ...central, new Uint8Array(end.buffer)]);
}

/** A gzip member around a raw deflate stream, with the ISIZE trailer saying `isize`. */
export function gzipWith(deflated: Uint8Array, isize: number): Uint8Array {
  const header = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
  const trailer = new DataView(new ArrayBuffer(8));
  trailer.setUint32(4, isize >>> 0, true);
  return concat([header, deflated, new Uint8Array(trailer.buffer)]);
}

const enc = (s: string) => utf8(s);

/** Orders CSV: `n` customers' orders with the given extra text in every text position. */
export function ordersCsv(
  n: number,
  text = (i: number) => `C${i}`,
  header = 'customer id,order id,order date,amount',
): string {
  const lines = [header];
  for (let i = 0; i < n; i++)
    lines.push(
      `${text(i)},O${i},2024-0${(i % 9) + 1}-${String((i % 27) + 1).padStart(2, '0')},${(i % 50) + 1}.5`,
    );
  return lines.join('\n') + '\n';
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** A payload in every text position: header names, ids, order ids and an extra text column. */
function payloadCsv(payload: string, rows = 12): string {
  const header = ['customer id', 'order id', 'order date', 'amount', payload].map(csvCell).join(',');
  const lines = [header];
  for (let i = 0; i < rows; i++)
    lines.push(
      [
        `${payload}${i % 4}`,
        `${payload}O${i}`,
        `2024-03-${String(i + 1).padStart(2, '0')}`,
        `${i + 1}`,
        payload,
      ]
        .map(csvCell)
        .join(','),
    );
  return lines.join('\n') + '\n';
}

function encode16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = bigEndian ? 0xfe : 0xff;
  out[1] = bigEndian ? 0xff : 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? c >> 8 : c & 255;
    out[3 + i * 2] = bigEndian ? c & 255 : c >> 8;
  }
  return out;
}

/** Offsets of every Parquet data-page-v2 header: the compact-protocol bytes `15 06 15 <varint>`. */
function dataPageHeaders(bytes: Uint8Array): { at: number; sizeBytes: number; size: number }[] {
  const out: { at: number; sizeBytes: number; size: number }[] = [];
  for (let i = 0; i + 3 < bytes.length; i++) {
    if (bytes[i] !== 0x15 || bytes[i + 1] !== 0x06 || bytes[i + 2] !== 0x15) continue;
    let j = i + 3;
    let v = 0;
    let shift = 0;
    while (j < bytes.length && bytes[j]! & 0x80) {
      v += (bytes[j]! & 0x7f) * 2 ** shift;
      shift += 7;
      j++;
    }
    v += bytes[j]! * 2 ** shift;
    if (bytes[j + 1] === 0x15) out.push({ at: i + 3, sizeBytes: j + 1 - (i + 3), size: v / 2 });
  }
  return out;
}

/**
 * A valid snappy Parquet file whose first data page then declares 134 MB uncompressed (the largest
 * size its 4-byte varint holds, so no offset moves) for ~50 KB of compressed bytes.
 */
export function parquetPageSizeLie(lie = true): Uint8Array {
  const rows = 1100;
  const bytes = new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'customer id', data: Array.from({ length: rows }, (_, i) => `C${i}`.padEnd(1000, 'x')) },
        { name: 'amount', data: Array.from({ length: rows }, (_, i) => i + 0.5), type: 'DOUBLE' },
      ],
      statistics: false,
      rowGroupSize: rows,
      pageSize: 4 * 1024 ** 2,
    }),
  );
  if (!lie) return bytes;
  const page = dataPageHeaders(bytes).find((h) => h.sizeBytes === 4);
  if (!page) throw new Error('parquetPageSizeLie: no 4-byte page size to rewrite');
  bytes.set([0xfe, 0xff, 0xff, 0x7f], page.at); // zigzag(134,217,727)
  return bytes;
}

/**
 * A gzip Parquet file whose pages declare their true small size but whose gzip member inflates to
 * `zeros` bytes (the stream lies, not the header).
 */
export function parquetGzipBomb(zeros: number): Uint8Array {
  const bomb = gzipWith(deflatedZeros(zeros), 0);
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'customer id', data: Array.from({ length: 20 }, (_, i) => `C${i}`), codec: 'GZIP' },
        {
          name: 'amount',
          data: Array.from({ length: 20 }, (_, i) => i + 0.5),
          type: 'DOUBLE',
          codec: 'GZIP',
        },
      ],
      compressors: { GZIP: () => bomb },
      statistics: false,
    }),
  );
}

let gbkTable: Map<string, number> | null = null;
/** Text in GBK, from a table built by decoding every two-byte code (Node encodes no GBK itself). */
export function gbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, (a << 8) | b);
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const g = gbkTable.get(ch);
      if (g === undefined) throw new Error(`gbk: no code for ${ch}`);
      out.push(g >> 8, g & 255);
    }
  }
  return Uint8Array.from(out);
}

const GBK_HEADER = '客户编号,订单编号,下单时间,实付金额,收货人';

/** Deterministic noise. */
export function noise(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

export type Expect = 'ok' | 'error' | 'either';

export interface HostileFile {
  name: string;
  bytes: () => Uint8Array;
  /** A sparse file of this size instead of bytes (a 30 MB config without 30 MB in memory). */
  sparse?: number;
}

export interface HostileCase {
  id: string;
  files: HostileFile[];
  config?: HostileFile;
  expect: Expect;
  /** Expected error line (regex) when expect is 'error'. */
  message?: RegExp;
  /** Orders rows the CLI must read (and use + set aside), when known. */
  rowsRead?: number;
  rowsUsed?: number;
  engine?: 'native' | 'wasm';
  /** Outputs must hold no live formula. */
  formulas?: boolean;
}

const f = (name: string, bytes: () => Uint8Array): HostileFile => ({ name, bytes });
const text = (name: string, s: () => string): HostileFile => f(name, () => enc(s()));
const config = (s: () => string): HostileFile => text('config.json', s);
const FORMULAS = [
  '=1+1',
  '+cmd|/C calc',
  '-2+3',
  '@SUM(A1)',
  '\t=1',
  '＝HYPERLINK("http://x")',
  '＋1',
  '－1',
  '＠A1',
];
const HTML = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  '{{7*7}}${7*7}',
];

/** The corpus: every case a generator, nothing stored. */
export function hostileCases(): HostileCase[] {
  const zip = (entries: Record<string, Uint8Array>) => zipSync(entries);
  const cases: HostileCase[] = [
    // §1 lying xlsx dimension
    {
      id: 'xlsx-dimension-XFD1048576',
      files: [f('lying.xlsx', () => lyingDimensionXlsx('A1:XFD1048576'))],
      expect: 'either',
    },
    {
      id: 'xlsx-dimension-XFD1048576-wasm',
      files: [f('lying.xlsx', () => lyingDimensionXlsx('A1:XFD1048576'))],
      expect: 'either',
      engine: 'wasm',
    },
    {
      id: 'xlsx-dimension-garbage',
      files: [f('lying.xlsx', () => lyingDimensionXlsx('ZZZZZZ0:A-1'))],
      expect: 'either',
    },
    // §2 quadratic sniffing
    {
      id: 'nbsp-60k-cells',
      files: [text('nbsp.csv', () => ordersCsv(40, (i) => `1${'\u00a0'.repeat(60_000)}x${i}`))],
      expect: 'either',
      rowsRead: 40,
    },
    {
      id: 'spaces-60k-cells',
      files: [text('spaces.csv', () => ordersCsv(40, (i) => `C${i}${' '.repeat(60_000)}y`))],
      expect: 'either',
      rowsRead: 40,
    },
    {
      id: 'email-backtrack',
      files: [text('email.csv', () => ordersCsv(40, (i) => `a@${'b.'.repeat(20_000)}!${i}`))],
      expect: 'either',
      rowsRead: 40,
    },
    // §3 reserved headers
    {
      id: 'rowid-header',
      files: [
        text('rowid.csv', () =>
          ordersCsv(31, (i) => `C${i}`, 'customer id,order id,order date,amount')
            .replace('customer id,', 'rowid,customer id,')
            .replace(/\n(C\d+)/g, (_m, c: string) => `\n1,${c}`),
        ),
      ],
      expect: 'ok',
      rowsRead: 31,
      rowsUsed: 31,
    },
    {
      id: 'rowid-header-wasm',
      files: [
        text('rowid.csv', () =>
          ordersCsv(31)
            .replace('customer id,', 'ROWID,customer id,')
            .replace(/\n(C\d+)/g, (_m, c: string) => `\n1,${c}`),
        ),
      ],
      expect: 'ok',
      rowsRead: 31,
      rowsUsed: 31,
      engine: 'wasm',
    },
    {
      id: 'cl-prefixed-headers',
      files: [
        text('cl.csv', () =>
          ordersCsv(20)
            .replace('amount', 'amount,__cl_part,__cl_source_row')
            .replace(/(\.5)\n/g, '$1,x,y\n'),
        ),
      ],
      expect: 'ok',
      rowsRead: 20,
      rowsUsed: 20,
    },
    // §5 bombs and lying sizes
    {
      id: 'zip-lying-directory',
      files: [
        f('liar.zip', () =>
          lyingZip([
            {
              name: 'orders.csv',
              data: deflatedZeros(100 * 1024 ** 2),
              declaredPacked: 2 ** 31,
              declaredSize: 1000,
            },
          ]),
        ),
      ],
      expect: 'error',
      message: /expands to an unreasonable size/,
    },
    {
      id: 'xlsx-lying-directory',
      files: [
        f('liar.xlsx', () =>
          lyingZip([
            ...Object.entries(unzipSync(xlsx([['a'], ['1']]))).map(([name, bytes]) => ({
              name,
              data: deflateSync(bytes),
              declaredPacked: 10,
              declaredSize: bytes.byteLength,
            })),
            {
              name: 'xl/media/x.bin',
              data: deflatedZeros(100 * 1024 ** 2),
              declaredPacked: 2 ** 31,
              declaredSize: 10,
            },
          ]),
        ),
      ],
      expect: 'error',
      message: /expands to an unreasonable size/,
    },
    {
      id: 'zip-honest-bomb',
      files: [
        f('bomb.zip', () =>
          lyingZip([
            {
              name: 'orders.csv',
              data: deflatedZeros(100 * 1024 ** 2),
              declaredPacked: 400_000,
              declaredSize: 100 * 1024 ** 2,
            },
          ]),
        ),
      ],
      expect: 'error',
      message: /expands to an unreasonable size/,
    },
    {
      id: 'gzip-bomb-isize-lie',
      files: [f('bomb.csv.gz', () => gzipWith(deflatedZeros(100 * 1024 ** 2), 100))],
      expect: 'error',
      message: /expands to an unreasonable size/,
    },
    {
      id: 'gzip-isize-huge-small-file',
      files: [f('ok.csv.gz', () => gzipWith(deflateSync(enc(ordersCsv(20))), 0xffffffff))],
      expect: 'either',
    },
    {
      id: 'zip-declares-4gb',
      files: [
        f('big.zip', () =>
          lyingZip([
            {
              name: 'orders.csv',
              data: deflateSync(enc(ordersCsv(20))),
              declaredPacked: 100,
              declaredSize: 0xfffffff0,
            },
          ]),
        ),
      ],
      expect: 'error',
    },
    {
      id: 'zip-in-zip',
      files: [f('nest.zip', () => zip({ 'inner.zip': zip({ 'orders.csv': enc(ordersCsv(10)) }) }))],
      expect: 'error',
    },
    {
      id: 'gz-in-gz',
      files: [f('nest.csv.gz.gz', () => gzipSync(gzipSync(enc(ordersCsv(10)))))],
      expect: 'error',
    },
    {
      id: 'zip-two-files',
      files: [f('two.zip', () => zip({ 'a.csv': enc(ordersCsv(5)), 'b.csv': enc(ordersCsv(5)) }))],
      expect: 'error',
    },
    {
      id: 'zip-path-traversal-entry',
      files: [f('trav.zip', () => zip({ '../../../../tmp/evil.csv': enc(ordersCsv(12)) }))],
      expect: 'either',
    },
    {
      id: 'zip-absolute-entry',
      files: [f('abs.zip', () => zip({ '/etc/evil.csv': enc(ordersCsv(12)) }))],
      expect: 'either',
    },
    {
      id: 'zip-truncated',
      files: [f('cut.zip', () => zip({ 'orders.csv': enc(ordersCsv(2000)) }).subarray(0, 3000))],
      expect: 'error',
    },
    {
      id: 'gzip-truncated',
      files: [f('cut.csv.gz', () => gzipSync(enc(ordersCsv(5000))).subarray(0, 2000))],
      expect: 'error',
    },
    {
      id: 'xlsx-truncated',
      files: [f('cut.xlsx', () => xlsx([['a'], [1]]).subarray(0, 700))],
      expect: 'error',
    },
    { id: 'zip-empty', files: [f('none.zip', () => zip({ 'dir/': new Uint8Array() }))], expect: 'error' },
    // config files
    {
      id: 'config-30mb-sparse',
      files: [text('o.csv', () => ordersCsv(10))],
      config: { name: 'config.json', bytes: () => new Uint8Array(), sparse: 30 * 1024 ** 2 },
      expect: 'error',
      message: /byte limit/,
    },
    {
      id: 'config-proto',
      files: [text('o.csv', () => ordersCsv(10))],
      config: config(() => '{"version":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}'),
      expect: 'either',
    },
    {
      id: 'config-100k-segments',
      files: [text('o.csv', () => ordersCsv(10))],
      config: config(() =>
        JSON.stringify({ version: 1, sources: Array.from({ length: 100_000 }, (_, i) => ({ id: `s${i}` })) }),
      ),
      expect: 'error',
    },
    {
      id: 'config-deep-nesting',
      files: [text('o.csv', () => ordersCsv(10))],
      config: config(() => `{"version":1,"name":${'['.repeat(30_000)}${']'.repeat(30_000)}}`),
      expect: 'error',
    },
    {
      id: 'config-not-json',
      files: [text('o.csv', () => ordersCsv(10))],
      config: config(() => '\u0000\u0001 not json {'),
      expect: 'error',
    },
    {
      id: 'config-empty',
      files: [text('o.csv', () => ordersCsv(10))],
      config: config(() => ''),
      expect: 'error',
    },
    {
      id: 'config-html-and-formulas',
      files: [text('o.csv', () => ordersCsv(10))],
      config: config(() =>
        JSON.stringify({
          version: 1,
          name: HTML[0],
          sources: [
            { id: 'orders', kind: 'orders', fileNameHint: HTML[1], mapping: { customer_id: '=1+1' } },
          ],
        }),
      ),
      expect: 'either',
    },
    {
      id: 'config-mask-off',
      files: [text('o.csv', () => ordersCsv(10))],
      config: config(() => JSON.stringify({ version: 1, view: { maskPii: false } })),
      expect: 'either',
    },
    {
      id: 'config-missing',
      files: [text('o.csv', () => ordersCsv(10))],
      config: { name: 'nothing/here.json', bytes: () => new Uint8Array() },
      expect: 'error',
    },
    // §7 summary rows
    {
      id: 'customers-named-total-sum',
      files: [
        text(
          'tot.csv',
          () => ordersCsv(30) + 'Total,O30,2024-03-01,12.5\nSum,O31,2024-03-02,7\n合计,,,1000\n',
        ),
      ],
      expect: 'ok',
      rowsRead: 32,
      rowsUsed: 32,
    },
    {
      id: 'only-totals',
      files: [text('tot.csv', () => 'customer id,order id,order date,amount\n合计,,,1\nTotal,,,2\n')],
      expect: 'error',
    },
    // §8 width
    {
      id: 'csv-100k-columns',
      files: [
        text('wide.csv', () => Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',') + '\n1,2\n'),
      ],
      expect: 'error',
      message: /more columns than the limit/,
    },
    {
      id: 'xlsx-3000-columns',
      files: [
        f('wide.xlsx', () =>
          xlsx([Array.from({ length: 3000 }, (_, i) => `c${i}`), Array.from({ length: 3000 }, (_, i) => i)]),
        ),
      ],
      expect: 'error',
      message: /more columns than the limit/,
    },
    {
      id: 'json-5000-keys',
      files: [
        text(
          'wide.ndjson',
          () =>
            JSON.stringify(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]))) + '\n',
        ),
      ],
      expect: 'error',
      message: /more columns than the limit/,
    },
    {
      id: 'csv-100-columns',
      files: [
        text(
          'w500.csv',
          () =>
            ['customer id,order id,order date,amount', ...Array.from({ length: 96 }, (_, i) => `x${i}`)].join(
              ',',
            ) +
            '\n' +
            Array.from({ length: 20 }, (_, r) =>
              [`C${r}`, `O${r}`, '2024-01-02', '3', ...Array.from({ length: 96 }, () => 'v')].join(','),
            ).join('\n') +
            '\n',
        ),
      ],
      expect: 'ok',
      rowsRead: 20,
    },
    // broken and odd files
    { id: 'empty-file', files: [f('empty.csv', () => new Uint8Array())], expect: 'error' },
    { id: 'bom-only', files: [f('bom.csv', () => new Uint8Array([0xef, 0xbb, 0xbf]))], expect: 'error' },
    { id: 'binary-noise', files: [f('photo.csv', () => noise(8192))], expect: 'error' },
    {
      id: 'elf-header',
      files: [f('prog.xlsx', () => concat([new Uint8Array([0x7f, 0x45, 0x4c, 0x46]), noise(4000)]))],
      expect: 'error',
    },
    {
      id: 'header-only',
      files: [text('h.csv', () => 'customer id,order id,order date,amount\n')],
      expect: 'error',
    },
    {
      id: 'nul-bytes',
      files: [f('nul.csv', () => enc(ordersCsv(20).replace('C3,', 'C\u00003,').replace('C7,', 'C7\u0000,')))],
      expect: 'either',
    },
    {
      id: 'nul-everywhere',
      files: [f('nul2.csv', () => enc(ordersCsv(10).replaceAll(',', '\u0000,')))],
      expect: 'either',
    },
    { id: 'utf16le-bom', files: [f('u16le.csv', () => encode16(ordersCsv(20), false))], expect: 'either' },
    { id: 'utf16be-bom', files: [f('u16be.csv', () => encode16(ordersCsv(20), true))], expect: 'either' },
    {
      id: 'invalid-utf8',
      files: [
        f('bad8.csv', () =>
          concat([
            enc(ordersCsv(10)),
            new Uint8Array([0xc3, 0x28, 0xff, 0xfe, 0x0a]),
            enc('C99,O99,2024-01-01,1\n'),
          ]),
        ),
      ],
      expect: 'either',
    },
    {
      id: 'cr-only-lines',
      files: [text('cr.csv', () => ordersCsv(20).replaceAll('\n', '\r'))],
      expect: 'either',
    },
    {
      id: 'unbalanced-quotes',
      files: [text('q.csv', () => ordersCsv(20).replace('C5,', '"C5,'))],
      expect: 'either',
    },
    {
      id: 'quote-storm',
      files: [text('qq.csv', () => ordersCsv(10) + '"'.repeat(200_001) + '\n')],
      expect: 'either',
    },
    { id: 'only-delimiters', files: [text('d.csv', () => ',,,,\n'.repeat(1000))], expect: 'error' },
    {
      id: 'control-chars',
      files: [text('ctl.csv', () => ordersCsv(12, (i) => `C${i}\u001a\u001b[31m\u0007`))],
      expect: 'either',
    },
    {
      id: 'enormous-field-20mb',
      files: [text('big.csv', () => ordersCsv(5) + `C9,O9,2024-01-01,"${'x'.repeat(20 * 1024 ** 2)}"\n`)],
      expect: 'either',
    },
    {
      id: 'enormous-line-no-newline',
      files: [text('line.csv', () => 'a,'.repeat(1_000_000))],
      expect: 'error',
    },
    {
      id: 'multiline-cell-10k-lines',
      files: [text('ml.csv', () => ordersCsv(5) + `C9,"${'line\n'.repeat(10_000)}",2024-01-01,1\n`)],
      expect: 'either',
    },
    {
      id: 'many-rows-20k',
      files: [text('rows.csv', () => ordersCsv(20_000))],
      expect: 'ok',
      rowsRead: 20_000,
    },
    {
      id: 'absurd-values',
      files: [
        text(
          'abs.csv',
          () =>
            'customer id,order id,order date,amount\n' +
            [
              'C1,O1,99999-01-01,1e308',
              'C2,O2,2024-13-45,NaN',
              'C3,O3,0000-00-00,Infinity',
              'C4,O4,2024-01-01,-0',
              'C5,O5,2024-01-02,1e30',
              'C6,O6,2024-01-03,0x10',
              'C7,O7,1900-01-01,5',
              'C8,O8,2024-01-04,3',
            ].join('\n') +
            '\n',
        ),
      ],
      expect: 'ok',
      rowsRead: 8,
    },
    {
      id: 'duplicate-and-blank-headers',
      files: [
        text(
          'dup.csv',
          () =>
            'customer id,customer id,,order date,amount,amount\n' +
            Array.from({ length: 12 }, (_, i) => `C${i},D${i},,2024-01-0${(i % 9) + 1},${i},${i}`).join(
              '\n',
            ) +
            '\n',
        ),
      ],
      expect: 'either',
    },
    {
      id: 'hostile-file-name',
      files: [text("=cmd|' calc'!A0 <img src=x>.csv", () => ordersCsv(12))],
      expect: 'ok',
      rowsRead: 12,
    },
    { id: 'newline-in-file-name', files: [f('bad\nname.csv', () => new Uint8Array())], expect: 'error' },
    {
      id: 'json-proto-keys',
      files: [
        text(
          'p.ndjson',
          () =>
            Array.from({ length: 12 }, (_, i) =>
              JSON.stringify({
                'customer id': `C${i}`,
                'order date': '2024-01-02',
                amount: i,
                __proto__: 'x',
                constructor: 'y',
              }),
            ).join('\n') + '\n',
        ),
      ],
      expect: 'either',
    },
    {
      id: 'json-deep-nesting',
      files: [text('deep.json', () => `[{"a":${'['.repeat(50_000)}${']'.repeat(50_000)}}]`)],
      expect: 'either',
    },
    { id: 'json-invalid', files: [text('bad.ndjson', () => '{"a":1}\n{"a":\n')], expect: 'error' },
    { id: 'parquet-fake', files: [text('x.parquet', () => 'PAR1 not parquet PAR1')], expect: 'error' },
    {
      id: 'parquet-truncated',
      files: [
        f('cut.parquet', () => {
          const whole = parquetPageSizeLie(false);
          return whole.slice(0, Math.floor(whole.length / 2));
        }),
      ],
      expect: 'error',
    },
    {
      id: 'gbk-orders',
      files: [
        f('gbk.csv', () =>
          gbk(ordersCsv(12, (i) => `客户${i}`, GBK_HEADER.split(',').slice(0, 4).join(','))),
        ),
      ],
      expect: 'ok',
      rowsRead: 12,
    },
    {
      id: 'gbk-with-utf8-lines',
      files: [
        f('mixed.csv', () =>
          concat([
            gbk(ordersCsv(12, (i) => `客户${i}`, GBK_HEADER.split(',').slice(0, 4).join(','))),
            enc('张三,O99,2024-02-02,9.5\n李四,O98,2024-02-03,8.5\n'),
          ]),
        ),
      ],
      expect: 'either',
    },
    {
      id: 'utf8-bom-crlf',
      files: [text('bom.csv', () => '\ufeff' + ordersCsv(12).replaceAll('\n', '\r\n'))],
      expect: 'ok',
      rowsRead: 12,
    },
    {
      id: 'parquet-page-declares-134mb',
      files: [f('lie.parquet', () => parquetPageSizeLie())],
      expect: 'error',
      message: /expands to an unreasonable size/,
    },
    {
      id: 'parquet-gzip-page-inflates-256mb',
      files: [f('bomb.parquet', () => parquetGzipBomb(256 * 1024 ** 2))],
      expect: 'error',
      message: /expands to an unreasonable size/,
    },
    {
      id: 'xls-html-with-script',
      files: [
        text(
          'export.xls',
          () =>
            `<html><body><script>alert(1)</script><table><tr><td>customer id</td><td>order date</td><td>amount</td></tr>${Array.from({ length: 12 }, (_, i) => `<tr><td>C${i}</td><td>2024-01-0${(i % 9) + 1}</td><td>${i + 1}</td></tr>`).join('')}</table></body></html>`,
        ),
      ],
      expect: 'either',
    },
    {
      id: 'xlsx-hostile-sheet-and-cells',
      files: [
        f('h.xlsx', () =>
          xlsx(
            [
              ['customer id', 'order date', 'amount', HTML[0]],
              ...Array.from({ length: 12 }, (_, i) => [
                `${FORMULAS[i % FORMULAS.length]}`,
                `2024-01-0${(i % 9) + 1}`,
                i + 1,
                HTML[i % HTML.length],
              ]),
            ],
            '<b onmouseover=alert(1)>',
          ),
        ),
      ],
      expect: 'ok',
      rowsRead: 12,
      formulas: true,
    },
  ];
  for (const [i, p] of FORMULAS.entries()) {
    cases.push({
      id: `formula-payload-${i}`,
      files: [text(`f${i}.csv`, () => payloadCsv(p))],
      expect: 'ok',
      rowsRead: 12,
      formulas: true,
    });
  }
  for (const [i, p] of HTML.entries()) {
    cases.push({
      id: `html-payload-${i}`,
      files: [text(`h${i}.csv`, () => payloadCsv(p))],
      expect: 'ok',
      rowsRead: 12,
      formulas: true,
    });
  }
  return cases;
}

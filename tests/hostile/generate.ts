/**
 * The hostile-input corpus (issue 19), generated: no binary blob is committed. Each case is a set of
 * files (and sometimes a config) written to a scratch folder, with what the CLI must do with it.
 */
import { utils, write } from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

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

/**
 * Test-only encoders for GB18030 (GBK range) and Big5, built by inverting the platform's TextDecoder
 * over every two-byte sequence (the platform has no TextEncoder for legacy encodings). Also UTF-16.
 */
const tables = new Map<string, Map<string, number[]>>();

function table(label: 'gb18030' | 'big5'): Map<string, number[]> {
  let map = tables.get(label);
  if (map) return map;
  map = new Map();
  const decoder = new TextDecoder(label, { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      let ch: string;
      try {
        ch = decoder.decode(new Uint8Array([lead, trail]));
      } catch {
        continue;
      }
      if ([...ch].length === 1 && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  tables.set(label, map);
  return map;
}

export function encodeLegacy(text: string, label: 'gb18030' | 'big5'): Uint8Array {
  const map = table(label);
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = map.get(ch);
      if (!bytes) throw new Error(`${label} cannot encode ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

export function encodeUtf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let o = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    o = 2;
  }
  for (let i = 0; i < text.length; i++, o += 2) view.setUint16(o, text.charCodeAt(i), littleEndian);
  return out;
}

export function encodeLatin1(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
}

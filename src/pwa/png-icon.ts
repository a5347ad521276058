/**
 * The app's install icons as PNG (issue 17): the favicon's lens drawn on a square, encoded here so no
 * binary is committed. The build plugin writes icon-192.png and icon-512.png from it.
 */
import { zlibSync } from 'fflate';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encode RGBA pixels (row by row, 4 bytes a pixel) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const raw = new Uint8Array(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no interlace
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The lens icon at `size` pixels: white square, blue ring and handle, orange centre (as favicon.svg). */
export function lensIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const s = size / 32; // favicon.svg's 32-unit grid
  const blue = [0x24, 0x54, 0xd6];
  const orange = [0xf2, 0x9a, 0x1f];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / s;
      const v = (y + 0.5) / s;
      const r = Math.hypot(u - 14, v - 14);
      // Handle: the segment (21,21)–(28,28), 4 units wide with round caps.
      const t = Math.max(0, Math.min(1, (u - 21 + (v - 21)) / 14));
      const handle = Math.hypot(u - (21 + 7 * t), v - (21 + 7 * t)) <= 2;
      const colour = r <= 3 ? orange : Math.abs(r - 9) <= 2 || handle ? blue : [0xff, 0xff, 0xff];
      px.set([colour[0]!, colour[1]!, colour[2]!, 0xff], (y * size + x) * 4);
    }
  }
  return encodePng(size, size, px);
}

/** The web app manifest (install name, icons, colours); paths relative to the app's folder. */
export function webManifest(): string {
  return JSON.stringify(
    {
      name: '客户透镜 Customer Lens',
      short_name: '客户透镜',
      description: 'Customer Lens (客户透镜): local-first customer analysis in the browser.',
      lang: 'zh-CN',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#2454d6',
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    null,
    2,
  );
}

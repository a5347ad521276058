/**
 * Full-width → half-width, the part of NFKC that matters for ids, numbers and status matching
 * (exports.md §3.5): U+FF01–U+FF5E → U+0021–U+007E, U+3000 → space, U+FFE5 ￥ → U+00A5 ¥.
 * DuckDB has only `nfc_normalize`, so SQL uses translate() with these two strings.
 */
const from: string[] = [];
const to: string[] = [];
for (let c = 0xff01; c <= 0xff5e; c++) {
  from.push(String.fromCharCode(c));
  to.push(String.fromCharCode(c - 0xfee0));
}
from.push('\u3000', '\uffe5');
to.push(' ', '\u00a5');

/** Characters translate() replaces, in order. */
export const FULL_WIDTH = from.join('');
/** Their half-width counterparts, same order and length. */
export const HALF_WIDTH = to.join('');

const table = new Map(from.map((f, i) => [f, to[i]!]));

/** The TypeScript twin of the SQL translate(): full-width characters to half-width. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) out += table.get(ch) ?? ch;
  return out;
}

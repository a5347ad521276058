/** base64url (RFC 4648 §5) without padding; decoding validates instead of guessing. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) out += ALPHABET[n & 63]!;
  }
  return out;
}

export type Base64Result =
  { ok: true; bytes: Uint8Array } | { ok: false; reason: 'bad_characters' | 'truncated' };

/** Decode unpadded base64url; a length of 4n + 1 cannot come from encoding, so the text was cut. */
export function decodeBase64Url(text: string): Base64Result {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || LOOKUP[code] === -1) return { ok: false, reason: 'bad_characters' };
  }
  if (text.length % 4 === 1) return { ok: false, reason: 'truncated' };
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      (LOOKUP[text.charCodeAt(i)]! << 18) |
      ((LOOKUP[text.charCodeAt(i + 1)] ?? 0) << 12) |
      (i + 2 < text.length ? LOOKUP[text.charCodeAt(i + 2)]! << 6 : 0) |
      (i + 3 < text.length ? LOOKUP[text.charCodeAt(i + 3)]! : 0);
    bytes[o++] = (n >> 16) & 255;
    if (i + 2 < text.length) bytes[o++] = (n >> 8) & 255;
    if (i + 3 < text.length) bytes[o++] = n & 255;
  }
  return { ok: true, bytes };
}

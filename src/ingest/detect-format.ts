/**
 * Decide what a file is from its first bytes (magic numbers first, the extension only as a tie-break)
 * and which text encoding it uses. Pure: runs on a byte sample in the worker, in Node and in tests.
 */
export type FileFormat = 'csv' | 'xlsx' | 'xls' | 'gzip' | 'zip' | 'parquet' | 'json' | 'empty' | 'binary';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /** How it was decided, for the user: a BOM, strict UTF-8 validation or a fallback. */
  evidence: 'bom' | 'valid-utf8' | 'utf16-pattern' | 'fallback';
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function extension(name: string): string {
  const lower = name.toLowerCase();
  const dot = lower.lastIndexOf('.');
  return dot < 0 ? '' : lower.slice(dot + 1);
}

export function detectFormat(name: string, head: Uint8Array): FileFormat {
  if (head.byteLength === 0) return 'empty';
  const ext = extension(name);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    // xlsx is a zip; decide by extension first, then by its well-known first entry names.
    if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
    const text = new TextDecoder('latin1').decode(head.subarray(0, 2048));
    if (text.includes('[Content_Types].xml') || text.includes('xl/')) return 'xlsx';
    return 'zip';
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return 'parquet';
  const guess = detectEncoding(head);
  if (guess.encoding === 'utf-8' && looksBinary(head.subarray(guess.bomLength))) return 'binary';
  if (ext === 'json' || ext === 'ndjson' || ext === 'jsonl') return 'json';
  return 'csv';
}

/** NUL bytes or many control characters in a UTF-8-ish sample mean this is not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.byteLength, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control / n > 0.05;
}

/** Strictly valid UTF-8? A sample cut mid-character at its end still counts as valid. */
export function isValidUtf8(bytes: Uint8Array, sampleIsTruncated: boolean): boolean {
  let end = bytes.byteLength;
  if (sampleIsTruncated) {
    // Drop an incomplete trailing sequence (at most 3 bytes) so a slice boundary is not an error.
    let i = end - 1;
    let back = 0;
    while (i >= 0 && back < 3 && (bytes[i]! & 0xc0) === 0x80) {
      i--;
      back++;
    }
    if (i >= 0 && bytes[i]! >= 0xc0) end = i;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * BOM → UTF-16 NUL pattern → strict UTF-8 → Chinese fallbacks (GB18030 unless the sample decodes
 * cleanly only as Big5). The sample is usually the file's first 64 KiB.
 */
export function detectEncoding(sample: Uint8Array, sampleIsTruncated = true): EncodingGuess {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomLength: 3, evidence: 'bom' };
  if (startsWith(sample, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2, evidence: 'bom' };
  if (startsWith(sample, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2, evidence: 'bom' };
  const n = Math.min(sample.byteLength, 4096) & ~1;
  if (n >= 4) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < n; i += 2) {
      if (sample[i] === 0) evenNul++;
      if (sample[i + 1] === 0) oddNul++;
    }
    const pairs = n / 2;
    if (oddNul / pairs > 0.3 && evenNul / pairs < 0.05) return { encoding: 'utf-16le', bomLength: 0, evidence: 'utf16-pattern' };
    if (evenNul / pairs > 0.3 && oddNul / pairs < 0.05) return { encoding: 'utf-16be', bomLength: 0, evidence: 'utf16-pattern' };
  }
  if (isValidUtf8(sample, sampleIsTruncated)) return { encoding: 'utf-8', bomLength: 0, evidence: 'valid-utf8' };
  const gb = replacementCount(sample, 'gb18030');
  const big5 = replacementCount(sample, 'big5');
  if (big5 < gb) return { encoding: 'big5', bomLength: 0, evidence: 'fallback' };
  return { encoding: 'gb18030', bomLength: 0, evidence: 'fallback' };
}

function replacementCount(bytes: Uint8Array, label: string): number {
  const text = new TextDecoder(label).decode(bytes);
  let count = 0;
  for (const ch of text) if (ch === '\uFFFD') count++;
  return count;
}

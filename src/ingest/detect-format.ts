/**
 * Decide what a file is from its first bytes (magic numbers first, the extension only as a tie-break)
 * and which text encoding it uses. Pure: runs on a byte sample in the worker, in Node and in tests.
 */
import { scoreLegacyCjk } from './cjk-score.ts';
import { countLineKinds } from './line-decode.ts';

export type FileFormat = 'csv' | 'xlsx' | 'xls' | 'gzip' | 'zip' | 'parquet' | 'json' | 'empty' | 'binary';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'windows-1252';

/** How the encoding was decided, shown to the user next to it. */
export type EncodingEvidence = 'bom' | 'valid-utf8' | 'utf16-pattern' | 'cjk-score' | 'fallback' | 'user';

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  evidence: EncodingEvidence;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function extension(name: string): string {
  const lower = name.toLowerCase();
  const dot = lower.lastIndexOf('.');
  return dot < 0 ? '' : lower.slice(dot + 1);
}

/** First non-blank character of a text sample (after any BOM), or ''. */
function firstChar(head: Uint8Array, guess: EncodingGuess): string {
  const sample = head.subarray(guess.bomLength, guess.bomLength + 512);
  const text = new TextDecoder(guess.encoding).decode(sample);
  return text.trimStart().charAt(0);
}

export function detectFormat(name: string, head: Uint8Array): FileFormat {
  if (head.byteLength === 0) return 'empty';
  const ext = extension(name);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    // xlsx is a zip; a renamed workbook is recognised by its entry names (the zip path checks again).
    if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
    const text = new TextDecoder('latin1').decode(head);
    if (text.includes('[Content_Types].xml') || text.includes('xl/workbook.xml')) return 'xlsx';
    return 'zip';
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return 'parquet';
  const guess = detectEncoding(head);
  if (guess.encoding === 'utf-8' && looksBinary(head.subarray(guess.bomLength))) return 'binary';
  // Random bytes or a program pass as a legacy encoding or as UTF-16 by their byte pattern (issue 12):
  // decoded, real text has no NULs and almost no control characters.
  if (guess.encoding !== 'utf-8' && looksBinaryText(decodeSample(head, guess))) return 'binary';
  const first = firstChar(head, guess);
  // Chinese back-ends often write an HTML table and call it .xls (exports.md §3.1); SheetJS reads it.
  if (first === '<' && ['xls', 'xlsx', 'htm', 'html'].includes(ext)) return 'xls';
  if (ext === 'json' || ext === 'ndjson' || ext === 'jsonl') return 'json';
  if (first === '{' || (first === '[' && ext !== 'csv' && ext !== 'tsv' && ext !== 'txt')) return 'json';
  return 'csv';
}

/**
 * NUL bytes beyond a stray few (a damaged line is set aside, not the whole file: issue 12), or many
 * control characters, in a text sample mean it is not text.
 */
const MAX_STRAY_NULS = 2;

/** NUL bytes or many control characters in a UTF-8-ish sample mean this is not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.byteLength, 8192);
  if (n === 0) return false;
  let control = 0;
  let nul = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 && ++nul > MAX_STRAY_NULS) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control / n > 0.05;
}

/** The first 8 KiB of a sample decoded in its guessed encoding (after any BOM). */
function decodeSample(head: Uint8Array, guess: EncodingGuess): string {
  return new TextDecoder(guess.encoding).decode(head.subarray(guess.bomLength, guess.bomLength + 8192));
}

/** NUL characters (beyond a stray few) or more than 5 % control characters (other than tab, newlines, ESC) in decoded text. */
export function looksBinaryText(text: string): boolean {
  if (text.length === 0) return false;
  let control = 0;
  let nul = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 && ++nul > MAX_STRAY_NULS) return true;
    if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b) || (c >= 0x7f && c < 0xa0 && c !== 0x85)) control++;
  }
  return control / text.length > 0.05;
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

/** UTF-16 without a BOM: ASCII characters (delimiters, digits) leave NULs on one side of each pair. */
function utf16Pattern(sample: Uint8Array): TextEncoding | null {
  const n = Math.min(sample.byteLength, 8192) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.1 && evenNul <= oddNul / 10) return 'utf-16le';
  if (evenNul / pairs > 0.1 && oddNul <= evenNul / 10) return 'utf-16be';
  return null;
}

/**
 * BOM → UTF-16 NUL pattern → strict UTF-8 → legacy fallbacks: GB18030 or Big5 by which decoding
 * yields fewer invalid sequences and more of the encoding's common characters (cjk-score.ts),
 * Windows-1252 when neither looks like Chinese. The sample is usually the file's first 64 KiB.
 */
export function detectEncoding(sample: Uint8Array, sampleIsTruncated = true): EncodingGuess {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomLength: 3, evidence: 'bom' };
  if (startsWith(sample, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2, evidence: 'bom' };
  if (startsWith(sample, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2, evidence: 'bom' };
  const utf16 = utf16Pattern(sample);
  if (utf16) return { encoding: utf16, bomLength: 0, evidence: 'utf16-pattern' };
  if (isValidUtf8(sample, sampleIsTruncated))
    return { encoding: 'utf-8', bomLength: 0, evidence: 'valid-utf8' };
  // Mixed (issue 12): more non-ASCII lines are UTF-8 than not; the others are read line by line.
  const lines = countLineKinds(sample);
  if (lines.utf8 > lines.invalid) return { encoding: 'utf-8', bomLength: 0, evidence: 'valid-utf8' };
  return { ...detectLegacyEncoding(sample), bomLength: 0 };
}

/** For bytes known not to be UTF-8: GB18030, Big5 or Windows-1252. */
export function detectLegacyEncoding(sample: Uint8Array): {
  encoding: TextEncoding;
  evidence: EncodingEvidence;
} {
  const s = scoreLegacyCjk(sample);
  if (s.sequences === 0) return { encoding: 'gb18030', evidence: 'fallback' };
  const gbBad = s.gbInvalid / s.sequences;
  const big5Bad = s.big5Invalid / s.sequences;
  // Accented Latin text (café, Müller) is invalid or lands on rare characters in both encodings.
  const notChinese = Math.max(s.gbCommon * (1 - gbBad), s.big5Common * (1 - big5Bad)) < 0.3;
  if (notChinese) return { encoding: 'windows-1252', evidence: 'cjk-score' };
  // A stray corrupt byte must not outweigh the character evidence: compare invalid shares with a margin.
  if (big5Bad + 0.01 < gbBad) return { encoding: 'big5', evidence: 'cjk-score' };
  if (gbBad + 0.01 < big5Bad) return { encoding: 'gb18030', evidence: 'cjk-score' };
  if (s.big5Common > s.gbCommon + 0.15) return { encoding: 'big5', evidence: 'cjk-score' };
  return { encoding: 'gb18030', evidence: 'cjk-score' };
}

/**
 * Decoding a text file line by line (issue 12): exports stitched together from several systems mix
 * encodings — a GB18030 file with some UTF-8 lines, or the reverse — and decoding the whole file in
 * one encoding garbles the other lines silently (李四 → 鏉庡洓, José → Jos�). In a legacy file, a line
 * that is valid UTF-8 of believable characters (utf8Check) is read as UTF-8; in a UTF-8 file, a line
 * that is not UTF-8 is read in the legacy encoding; every other line in the file's own. Lines
 * holding a NUL byte are set aside (a stray NUL must not refuse the whole file), with their line
 * numbers. Only for encodings where `\n` is always a line break (not UTF-16). Pure: no DOM, no engine.
 */
import type { TextEncoding } from './detect-format.ts';

/** Encodings in which byte 0x0A is a line break wherever it appears (ASCII-compatible). */
export function lineDecodable(encoding: TextEncoding): boolean {
  return encoding !== 'utf-16le' && encoding !== 'utf-16be';
}

/** Line numbers of lines set aside kept for the report (the count is always exact). */
const MAX_LISTED_LINES = 20;

export interface LineDecodeStats {
  /** Lines read in the other encoding than the file's: UTF-8 lines of a legacy file, or the reverse. */
  otherEncodingLines: number;
  /** The encoding those lines were read in. */
  otherEncoding: TextEncoding;
  /** Lines set aside because they hold a NUL byte. */
  nulLines: number;
  /** 1-based physical line numbers of the first of them. */
  nulLineNumbers: number[];
  /** U+FFFD in the output: bytes invalid in the encoding their line was read in. */
  replacements: number;
}

/**
 * Code points that make a line's UTF-8 reading believable in an export: CJK, CJK and general
 * punctuation, full-width forms, Latin-1 letters (é, ñ, ü). GB18030 text can happen to be valid
 * UTF-8 — 女 (C5 AE) reads as Ů — but then lands on other characters.
 */
function plausible(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3000 && cp <= 0x30ff) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x2000 && cp <= 0x206f) ||
    (cp >= 0xc0 && cp <= 0xff && cp !== 0xd7 && cp !== 0xf7) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    cp >= 0x1f300
  );
}

/**
 * Strict UTF-8 over bytes[start, end) (the Unicode well-formed table: no overlongs, no surrogates,
 * nothing above U+10FFFF): `ascii` when every byte is below 0x80, `utf8` when valid and every
 * character is one a Chinese or Western export plausibly holds, `rare` when valid with others.
 */
export function utf8Check(
  bytes: Uint8Array,
  start: number,
  end: number,
): 'ascii' | 'utf8' | 'rare' | 'invalid' {
  let i = start;
  let high = false;
  let rare = false;
  while (i < end) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    high = true;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return 'invalid';
    if (i + need >= end) return 'invalid';
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return 'invalid';
    let cp = (b & (0x3f >> need)) * 64 + (second & 0x3f);
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return 'invalid';
      cp = cp * 64 + (c & 0x3f);
    }
    if (!rare && !plausible(cp)) rare = true;
    i += need + 1;
  }
  return !high ? 'ascii' : rare ? 'rare' : 'utf8';
}

/**
 * Lines of a sample that are valid UTF-8 with some non-ASCII byte, and lines that are not UTF-8; a
 * last line without its line break (cut by the sample) is not counted.
 */
export function countLineKinds(bytes: Uint8Array): { utf8: number; invalid: number } {
  const out = { utf8: 0, invalid: 0 };
  for (let start = 0; start < bytes.byteLength;) {
    const nl = bytes.indexOf(0x0a, start);
    if (nl < 0) break;
    const kind = utf8Check(bytes, start, nl);
    if (kind === 'utf8' || kind === 'invalid') out[kind]++;
    start = nl + 1;
  }
  return out;
}

/** The lines of `bytes` that are not valid UTF-8 (nor contain a NUL), joined, up to `max` bytes. */
export function notUtf8Lines(bytes: Uint8Array, max: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  let nul = bytes.indexOf(0);
  for (let start = 0; start < bytes.byteLength && size < max;) {
    let stop = bytes.indexOf(0x0a, start);
    stop = stop < 0 ? bytes.byteLength : stop + 1;
    if (nul >= 0 && nul < start) nul = bytes.indexOf(0, start);
    if ((nul < 0 || nul >= stop) && utf8Check(bytes, start, stop) === 'invalid') {
      parts.push(bytes.subarray(start, stop));
      size += stop - start;
    }
    start = stop;
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out.subarray(0, Math.min(size, max));
}

/**
 * Streaming check that a file is strictly UTF-8 without a NUL byte (what DuckDB reads as it is):
 * push() slices in order, false as soon as one is not; end() for the last bytes. Faster than a
 * fatal TextDecoder where the platform's decoder is slow (Node without full ICU), and builds no text.
 */
export class Utf8Scanner {
  private carry: Uint8Array = new Uint8Array(0);

  push(slice: Uint8Array): boolean {
    if (slice.indexOf(0) >= 0) return false;
    let bytes = slice;
    if (this.carry.byteLength) {
      bytes = new Uint8Array(this.carry.byteLength + slice.byteLength);
      bytes.set(this.carry);
      bytes.set(slice, this.carry.byteLength);
    }
    // Check up to the last line break; a character cut by the slice end waits for the next slice.
    const cut = bytes.lastIndexOf(0x0a) + 1;
    this.carry = bytes.slice(cut);
    if (this.carry.byteLength > 1 << 20) {
      // No line break for a megabyte: check all but a possibly cut last character.
      let keep = 0;
      while (keep < 3 && keep < bytes.byteLength && (bytes[bytes.byteLength - 1 - keep]! & 0xc0) === 0x80)
        keep++;
      if (keep < bytes.byteLength && bytes[bytes.byteLength - 1 - keep]! >= 0xc0) keep++;
      else keep = 0;
      const ok = utf8Check(bytes, 0, bytes.byteLength - keep) !== 'invalid';
      this.carry = bytes.slice(bytes.byteLength - keep);
      return ok;
    }
    return utf8Check(bytes, 0, cut) !== 'invalid';
  }

  end(): boolean {
    const ok = utf8Check(this.carry, 0, this.carry.byteLength) !== 'invalid';
    this.carry = new Uint8Array(0);
    return ok;
  }
}

type Choice = 'primary' | 'other' | 'drop';

/**
 * Streaming: push() slices of the file in order, then end(). Each returns the decoded text of the
 * complete lines so far (a line cut by a slice boundary waits for the next slice).
 */
export class LineDecoder {
  readonly stats: LineDecodeStats;
  private readonly primary: TextDecoder;
  private readonly other: TextDecoder;
  private readonly primaryIsUtf8: boolean;
  private carry: Uint8Array = new Uint8Array(0);
  private line = 0;

  /** `fallback`: the legacy encoding of invalid lines when the file's own encoding is UTF-8. */
  constructor(encoding: TextEncoding, fallback: TextEncoding = 'gb18030') {
    if (!lineDecodable(encoding)) throw new Error(`cannot decode ${encoding} line by line`);
    this.primaryIsUtf8 = encoding === 'utf-8';
    const otherEncoding = this.primaryIsUtf8 ? fallback : 'utf-8';
    this.primary = new TextDecoder(encoding);
    this.other = new TextDecoder(otherEncoding);
    this.stats = {
      otherEncodingLines: 0,
      otherEncoding,
      nulLines: 0,
      nulLineNumbers: [],
      replacements: 0,
    };
  }

  push(slice: Uint8Array): string {
    let bytes = slice;
    if (this.carry.byteLength) {
      bytes = new Uint8Array(this.carry.byteLength + slice.byteLength);
      bytes.set(this.carry);
      bytes.set(slice, this.carry.byteLength);
    }
    const last = bytes.lastIndexOf(0x0a);
    if (last < 0) {
      this.carry = bytes.slice();
      return '';
    }
    this.carry = bytes.slice(last + 1);
    return this.decode(bytes, last + 1);
  }

  end(): string {
    const rest = this.carry;
    this.carry = new Uint8Array(0);
    return rest.byteLength ? this.decode(rest, rest.byteLength) : '';
  }

  /** Decode bytes[0, end) (whole lines), runs of lines with the same choice at once. */
  private decode(bytes: Uint8Array, end: number): string {
    const out: string[] = [];
    let runStart = 0;
    let runChoice: Choice | null = null;
    const flush = (to: number) => {
      if (runChoice && runChoice !== 'drop' && to > runStart) {
        const d = runChoice === 'primary' ? this.primary : this.other;
        const text = d.decode(bytes.subarray(runStart, to));
        this.stats.replacements += countReplacements(text);
        out.push(text);
      }
    };
    let start = 0;
    // The next NUL byte (searched again only once passed: one scan per slice, not one per line).
    let nul = bytes.indexOf(0);
    while (start < end) {
      let stop = bytes.indexOf(0x0a, start);
      stop = stop < 0 || stop >= end ? end : stop + 1;
      this.line++;
      if (nul >= 0 && nul < start) nul = bytes.indexOf(0, start);
      const choice = this.choose(bytes, start, stop, nul >= 0 && nul < stop);
      if (choice !== runChoice) {
        flush(start);
        runStart = start;
        runChoice = choice;
      }
      start = stop;
    }
    flush(end);
    return out.join('');
  }

  private choose(bytes: Uint8Array, start: number, stop: number, hasNul: boolean): Choice {
    if (hasNul) {
      this.stats.nulLines++;
      if (this.stats.nulLineNumbers.length < MAX_LISTED_LINES) this.stats.nulLineNumbers.push(this.line);
      return 'drop';
    }
    const check = utf8Check(bytes, start, stop);
    if (check === 'ascii') return 'primary';
    // A UTF-8 file keeps every valid line; a legacy one switches only lines that read believably.
    if (this.primaryIsUtf8 ? check !== 'invalid' : check !== 'utf8') return 'primary';
    this.stats.otherEncodingLines++;
    return 'other';
  }
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

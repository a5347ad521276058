/**
 * Decode a text file that is not plain UTF-8 (GB18030, Big5, UTF-16, Windows-1252, or UTF-8 mixed
 * with another encoding or holding a NUL) slice by slice and re-encode it as UTF-8 for DuckDB, whose
 * CSV reader only knows UTF-8 without the network `encodings` extension. A multi-byte character cut
 * by a slice boundary is carried over to the next slice, so valid text never turns into U+FFFD.
 */
import type { SourceFile } from '../source-file.ts';
import type { TextEncoding } from '../../ingest/detect-format.ts';
import type { LoadProgress } from './load-types.ts';
import { LineDecoder, lineDecodable, type LineDecodeStats } from '../../ingest/line-decode.ts';

export const TRANSCODE_SLICE = 8 * 1024 * 1024;

export interface Transcoded {
  utf8: Uint8Array;
  /** U+FFFD characters in the output: bytes that were invalid in the chosen encoding. */
  replacements: number;
  /** Line by line (line-decode.ts): lines read in the other encoding, lines set aside for a NUL. */
  lines: Omit<LineDecodeStats, 'replacements'> | null;
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

/**
 * The file as UTF-8. ASCII-compatible encodings are decoded line by line (line-decode.ts: lines of
 * the other encoding read in theirs, lines with a NUL set aside); UTF-16 as one stream.
 */
export async function transcodeToUtf8(
  source: SourceFile,
  encoding: TextEncoding,
  skipBytes: number,
  onProgress: (p: LoadProgress) => void,
  signal?: AbortSignal,
  sliceSize = TRANSCODE_SLICE,
  /** The legacy encoding of lines that are not UTF-8 in a UTF-8 file (default GB18030). */
  fallback?: TextEncoding,
): Promise<Transcoded> {
  const byLine = lineDecodable(encoding) ? new LineDecoder(encoding, fallback) : null;
  // ignoreBOM false: a BOM we did not skip (forced encoding) is dropped by the decoder, not kept as text.
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let total = 0;
  let replacements = 0;
  const push = (text: string) => {
    if (!byLine) replacements += countReplacements(text);
    const bytes = encoder.encode(text);
    parts.push(bytes);
    total += bytes.byteLength;
  };
  let first = true;
  for (let start = skipBytes; start < source.size; start += sliceSize) {
    signal?.throwIfAborted();
    const end = Math.min(source.size, start + sliceSize);
    let slice = await source.read(start, end);
    // A BOM left in place (forced encoding): dropped, as the stream decoder would.
    if (
      byLine &&
      first &&
      encoding === 'utf-8' &&
      slice[0] === 0xef &&
      slice[1] === 0xbb &&
      slice[2] === 0xbf
    )
      slice = slice.subarray(3);
    first = false;
    push(byLine ? byLine.push(slice) : decoder.decode(slice, { stream: true }));
    onProgress({ phase: 'decode', done: end, total: source.size, unit: 'bytes' });
  }
  push(byLine ? byLine.end() : decoder.decode());
  const utf8 = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    utf8.set(part, offset);
    offset += part.byteLength;
  }
  if (!byLine) return { utf8, replacements, lines: null };
  const { replacements: invalid, ...lines } = byLine.stats;
  return { utf8, replacements: invalid, lines };
}

/**
 * Decode a non-UTF-8 text file (GB18030, Big5, UTF-16, Windows-1252) slice by slice with the
 * platform's streaming TextDecoder and re-encode it as UTF-8 for DuckDB, whose CSV reader only knows
 * UTF-8 without the network `encodings` extension. `stream: true` carries a multi-byte character cut
 * by a slice boundary over to the next slice, so valid text never turns into U+FFFD.
 */
import type { SourceFile } from '../source-file.ts';
import type { TextEncoding } from '../../ingest/detect-format.ts';
import type { LoadProgress } from './load-types.ts';

export const TRANSCODE_SLICE = 8 * 1024 * 1024;

export interface Transcoded {
  utf8: Uint8Array;
  /** U+FFFD characters in the output: bytes that were invalid in the chosen encoding. */
  replacements: number;
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

export async function transcodeToUtf8(
  source: SourceFile,
  encoding: TextEncoding,
  skipBytes: number,
  onProgress: (p: LoadProgress) => void,
  signal?: AbortSignal,
  sliceSize = TRANSCODE_SLICE,
): Promise<Transcoded> {
  // ignoreBOM false: a BOM we did not skip (forced encoding) is dropped by the decoder, not kept as text.
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let total = 0;
  let replacements = 0;
  const push = (text: string) => {
    replacements += countReplacements(text);
    const bytes = encoder.encode(text);
    parts.push(bytes);
    total += bytes.byteLength;
  };
  for (let start = skipBytes; start < source.size; start += sliceSize) {
    signal?.throwIfAborted();
    const end = Math.min(source.size, start + sliceSize);
    push(decoder.decode(await source.read(start, end), { stream: true }));
    onProgress({ phase: 'decode', done: end, total: source.size, unit: 'bytes' });
  }
  push(decoder.decode());
  const utf8 = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    utf8.set(part, offset);
    offset += part.byteLength;
  }
  return { utf8, replacements };
}

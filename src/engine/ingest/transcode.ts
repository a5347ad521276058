/**
 * Decode a non-UTF-8 text file (GB18030, Big5, UTF-16) slice by slice with the platform's streaming
 * TextDecoder and re-encode it as UTF-8 for DuckDB, whose CSV reader only knows UTF-8 without the
 * network `encodings` extension. Progress is reported in source bytes.
 */
import type { SourceFile } from '../source-file.ts';
import type { TextEncoding } from '../../ingest/detect-format.ts';
import type { LoadProgress } from './load-source.ts';

const SLICE = 8 * 1024 * 1024;

export async function transcodeToUtf8(
  source: SourceFile,
  encoding: TextEncoding,
  skipBytes: number,
  onProgress: (p: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  // ignoreBOM: a BOM we did not skip (forced encoding) must not become text.
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let start = skipBytes; start < source.size; start += SLICE) {
    signal?.throwIfAborted();
    const end = Math.min(source.size, start + SLICE);
    const text = decoder.decode(await source.read(start, end), { stream: true });
    const bytes = encoder.encode(text);
    parts.push(bytes);
    total += bytes.byteLength;
    onProgress({ phase: 'decode', done: end, total: source.size, unit: 'bytes' });
  }
  const tail = encoder.encode(decoder.decode());
  parts.push(tail);
  total += tail.byteLength;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

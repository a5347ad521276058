/**
 * Parquet → a text table with hyparquet in the worker (DuckDB-WASM's own reader is a network
 * extension, engine-notes §2). Values become text so the shared inference types them like any other
 * file; row groups are read one at a time from the source by slices. Snappy is built into hyparquet,
 * gzip goes through fflate; other codecs (zstd, brotli) are refused with parquet_unsupported.
 */
import {
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  snappyUncompress,
  type AsyncBuffer,
  type FileMetaData,
} from 'hyparquet';
import { gunzipCapped } from './archive.ts';
import { EngineError } from '../engine-error.ts';
import type { SourceFile } from '../source-file.ts';
import { uniqueHeaderNames } from '../../ingest/header-row.ts';
import type { LoadProgress } from './load-types.ts';
import type { TextCell, TextTable } from './text-table.ts';
import { jsonText } from './value-text.ts';

/** One page may not inflate past this; hyparquet's snappy output is sized by the page header. */
export const MAX_PAGE_BYTES = 256 * 1024 ** 2;

/**
 * Codec wrappers (issue 19 §5): a page whose declared inflated size passes MAX_PAGE_BYTES, or more than
 * the codec can produce from its bytes, is refused before anything is allocated; gzip is inflated as a
 * stream with a running cap, so a page header that lies cannot make it inflate further.
 */
function pageCheck(name: string, packed: number, declared: number, maxRatio: number): void {
  if (declared > MAX_PAGE_BYTES || declared > Math.max(1024, packed * maxRatio)) {
    throw new EngineError('zip_bomb', `page of ${packed} bytes declares ${declared}`, {
      name,
      size: declared,
    });
  }
}

function cappedCompressors(name: string) {
  return {
    GZIP(input: Uint8Array, outputLength: number): Uint8Array {
      pageCheck(name, input.byteLength, outputLength, 1032);
      return gunzipCapped(input, outputLength, name);
    },
    SNAPPY(input: Uint8Array, outputLength: number): Uint8Array {
      // Snappy's densest element (a 64-byte copy in 3 bytes) bounds its ratio near 22:1.
      pageCheck(name, input.byteLength, outputLength, 32);
      const out = new Uint8Array(outputLength);
      snappyUncompress(input, out);
      return out;
    },
  };
}

function asyncBuffer(source: SourceFile): AsyncBuffer {
  return {
    byteLength: source.size,
    async slice(start: number, end?: number) {
      const bytes = await source.read(start, end ?? source.size);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
}

export async function readParquet(
  source: SourceFile,
  onProgress: (p: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<TextTable> {
  const file = asyncBuffer(source);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (e) {
    throw new EngineError('parquet_unsupported', (e as Error).message, { name: source.name });
  }
  const fields = parquetSchema(metadata).children.map((c) => c.element.name);
  const total = Number(metadata.num_rows);
  const rows: TextCell[][] = [];
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    signal?.throwIfAborted();
    const rowEnd = rowStart + Number(group.num_rows);
    try {
      await parquetRead({
        file,
        metadata,
        rowStart,
        rowEnd,
        compressors: cappedCompressors(source.name),
        onComplete(chunk: unknown[][]) {
          for (const row of chunk) rows.push(row.map(jsonText));
        },
      });
    } catch (e) {
      if (e instanceof EngineError) throw e;
      throw new EngineError('parquet_unsupported', (e as Error).message, { name: source.name });
    }
    rowStart = rowEnd;
    onProgress({ phase: 'parse', done: rowStart, total, unit: 'rows' });
  }
  return { columns: uniqueHeaderNames(fields), rows };
}

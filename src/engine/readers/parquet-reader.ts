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
  type AsyncBuffer,
  type FileMetaData,
} from 'hyparquet';
import { gunzipSync } from 'fflate';
import { EngineError } from '../engine-error.ts';
import type { SourceFile } from '../source-file.ts';
import { uniqueHeaderNames } from '../../ingest/header-row.ts';
import type { LoadProgress } from './load-types.ts';
import type { TextCell, TextTable } from './text-table.ts';
import { jsonText } from './value-text.ts';

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
        compressors: { GZIP: (input: Uint8Array) => gunzipSync(input) },
        onComplete(chunk: unknown[][]) {
          for (const row of chunk) rows.push(row.map(jsonText));
        },
      });
    } catch (e) {
      throw new EngineError('parquet_unsupported', (e as Error).message, { name: source.name });
    }
    rowStart = rowEnd;
    onProgress({ phase: 'parse', done: rowStart, total, unit: 'rows' });
  }
  return { columns: uniqueHeaderNames(fields), rows };
}

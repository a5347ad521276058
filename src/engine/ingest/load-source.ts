/**
 * Load one user file into a DuckDB table, the same way in the browser worker, Node tests and the CLI:
 * detect the format and encoding from the first bytes, hand DuckDB UTF-8 CSV (lazily by handle when
 * the file already is UTF-8 CSV; decoded or converted bytes otherwise), type the columns, profile.
 */
import type { DbPort } from '../db-port.ts';
import type { SourceFile } from '../source-file.ts';
import { EngineError } from '../engine-error.ts';
import {
  detectEncoding,
  detectFormat,
  type FileFormat,
  type TextEncoding,
} from '../../ingest/detect-format.ts';
import {
  buildColumnCountsSql,
  buildCreateTypedTableSql,
  buildDescribeSql,
  buildInferTypesSql,
  buildPreviewSql,
  buildReadCsvSql,
  chooseType,
  INFER_SAMPLE_ROWS,
  TYPE_GUARD_ERROR,
  type ColumnStats,
  type TypedColumn,
} from '../../ingest/build-load-sql.ts';
import { decodeIpc } from '../arrow-rows.ts';
import { transcodeToUtf8 } from './transcode.ts';
import { estimateMemory, toGigabytes } from '../../ingest/memory-estimate.ts';
import { xlsxToCsv } from './xlsx-reader.ts';

export type LoadPhase = 'detect' | 'read' | 'decode' | 'parse' | 'load' | 'profile';

export interface LoadProgress {
  phase: LoadPhase;
  /** Units done and total for this phase (bytes or rows); total 0 = unknown. */
  done: number;
  total: number;
  unit: 'bytes' | 'rows' | 'percent';
}

export interface LoadOptions {
  table: string;
  encoding?: TextEncoding | 'auto';
  sheet?: string;
  previewRows?: number;
  onProgress?: (p: LoadProgress) => void;
  signal?: AbortSignal;
}

export interface ColumnProfile {
  name: string;
  type: string;
  nonNull: number;
}

export interface TableProfile {
  table: string;
  fileName: string;
  fileSize: number;
  format: FileFormat;
  encoding: TextEncoding | null;
  sheet: string | null;
  sheets: { name: string; rows: number }[];
  rowCount: number;
  columns: ColumnProfile[];
  /** First rows as Arrow IPC bytes. */
  preview: Uint8Array;
}

/** Above this a file is refused outright; the engine tops out near 4 GiB of wasm memory. */
export const MAX_FILE_BYTES = 2 * 1024 ** 3;
const HEAD_BYTES = 64 * 1024;

/** Refuse, before any work, a file the tab cannot hold; the message carries the estimate. */
function assertFits(kind: Parameters<typeof estimateMemory>[0], source: SourceFile): void {
  const estimate = estimateMemory(kind, source.size);
  if (!estimate.fits) {
    throw new EngineError('needs_memory', `needs about ${estimate.neededBytes} bytes of memory`, {
      name: source.name,
      needGb: toGigabytes(estimate.neededBytes),
    });
  }
}

export async function loadSource(
  db: DbPort,
  source: SourceFile,
  options: LoadOptions,
): Promise<TableProfile> {
  const { signal } = options;
  const progress = options.onProgress ?? (() => {});
  progress({ phase: 'detect', done: 0, total: 0, unit: 'bytes' });
  if (source.size > MAX_FILE_BYTES) {
    throw new EngineError('too_large', `file is ${source.size} bytes`, {
      name: source.name,
      size: source.size,
    });
  }
  const head = await source.read(0, Math.min(source.size, HEAD_BYTES));
  const format = detectFormat(source.name, head);
  const registered = `src_${options.table}`;
  let encoding: TextEncoding | null = null;
  let sheet: string | null = null;
  let sheets: { name: string; rows: number }[] = [];

  switch (format) {
    case 'empty':
      throw new EngineError('empty_file', 'file is empty', { name: source.name });
    case 'binary':
      throw new EngineError('binary_file', 'file is not text', { name: source.name });
    case 'parquet':
    case 'json':
    case 'gzip':
    case 'zip':
    case 'xls':
      throw new EngineError('unsupported_format', `format ${format} is not supported yet`, {
        name: source.name,
        format,
      });
    case 'xlsx': {
      assertFits('xlsx', source);
      const result = await xlsxToCsv(source, { sheet: options.sheet, onProgress: progress, signal });
      sheet = result.sheet;
      sheets = result.sheets;
      await db.registerBytes(registered, result.csv);
      break;
    }
    case 'csv': {
      const requested = options.encoding && options.encoding !== 'auto' ? options.encoding : null;
      const guess = detectEncoding(head, source.size > head.byteLength);
      encoding = requested ?? guess.encoding;
      const byHandle = encoding === 'utf-8' && source.ref !== null;
      assertFits(byHandle ? 'csvByHandle' : 'csvInMemory', source);
      if (byHandle && source.ref) {
        await db.registerFile(registered, source.ref);
      } else {
        const bom = requested ? 0 : guess.bomLength;
        const utf8 = await transcodeToUtf8(source, encoding, bom, progress, signal);
        await db.registerBytes(registered, utf8);
      }
      break;
    }
  }

  signal?.throwIfAborted();
  progress({ phase: 'load', done: 0, total: 0, unit: 'percent' });
  const reader = buildReadCsvSql({ file: registered });
  let rawColumns: string[];
  try {
    rawColumns = decodeIpc(await db.queryIpc(buildDescribeSql(reader))).rows.map((r) =>
      String(r.column_name),
    );
  } catch (e) {
    throw new EngineError('csv_invalid', (e as Error).message, { name: source.name });
  }
  if (rawColumns.length === 0) throw new EngineError('no_columns', 'no columns found', { name: source.name });

  const typed = await typeColumns(db, options.table, reader, rawColumns, progress);
  signal?.throwIfAborted();

  progress({ phase: 'profile', done: 0, total: 0, unit: 'rows' });
  const counts = decodeIpc(await db.queryIpc(buildColumnCountsSql(options.table, rawColumns))).rows[0]!;
  const preview = await db.queryIpc(buildPreviewSql(options.table, options.previewRows ?? 100));
  return {
    table: options.table,
    fileName: source.name,
    fileSize: source.size,
    format,
    encoding,
    sheet,
    sheets,
    rowCount: Number(counts.row_count ?? 0),
    columns: typed.map((c, i) => ({ name: c.name, type: c.sqlType, nonNull: Number(counts[`n${i}`] ?? 0) })),
    preview,
  };
}

function columnStats(row: Record<string, unknown>, i: number): ColumnStats {
  const stat = (k: string) => Number(row[`c${i}_${k}`] ?? 0);
  return {
    n: stat('n'),
    int: stat('int'),
    dec: stat('dec'),
    scale: stat('scale'),
    date: stat('date'),
    ts: stat('ts'),
    bool: stat('bool'),
  };
}

async function inferTypes(
  db: DbPort,
  reader: string,
  columns: string[],
  sampleRows?: number,
): Promise<TypedColumn[]> {
  const row = decodeIpc(await db.queryIpc(buildInferTypesSql(reader, columns, sampleRows))).rows[0]!;
  return columns.map((name, i) => ({ name, ...chooseType(columnStats(row, i)) }));
}

/**
 * Types from the first rows, then one typed load that checks every value; if any value does not fit,
 * infer again over the whole file (slow, exact) and load with those types.
 */
async function typeColumns(
  db: DbPort,
  table: string,
  reader: string,
  columns: string[],
  progress: (p: LoadProgress) => void,
): Promise<TypedColumn[]> {
  const create = (typed: TypedColumn[], from: number) =>
    db.queryIpc(buildCreateTypedTableSql(table, reader, typed), (f) =>
      progress({ phase: 'load', done: from + f * (100 - from), total: 100, unit: 'percent' }),
    );
  const sampled = await inferTypes(db, reader, columns, INFER_SAMPLE_ROWS);
  try {
    await create(sampled, 0);
    return sampled;
  } catch (e) {
    if (!(e instanceof Error) || !e.message.includes(TYPE_GUARD_ERROR)) throw e;
  }
  progress({ phase: 'load', done: 0, total: 100, unit: 'percent' });
  const exact = await inferTypes(db, reader, columns);
  await create(exact, 50);
  return exact;
}

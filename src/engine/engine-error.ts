/**
 * Errors cross the worker boundary as plain data `{ code, message, sql? }` (protocol.ts); the UI shows
 * a translated text for the code (i18n key `error.<code>`) and keeps the engine's message as detail.
 */
import type { EngineErrorData, ErrorCode } from './protocol.ts';

export type { EngineErrorData, ErrorCode };

export const ERROR_CODES = [
  'empty_file',
  'binary_file',
  'unsupported_format',
  'parquet_unsupported',
  'xlsx_invalid',
  'xlsx_no_sheet',
  'archive_invalid',
  'archive_empty',
  'archive_multiple',
  'json_invalid',
  'zip_bomb',
  'too_large',
  'needs_memory',
  'csv_invalid',
  'no_columns',
  'mapping_invalid',
  'cancelled',
  'out_of_memory',
  'engine_failed',
  'engine',
  'too_many_columns',
  'too_many_cells',
  'itemset_cap',
] as const satisfies readonly ErrorCode[];

// Every code of the protocol is listed above (a compile error names the one missing).
const _allListed: Record<Exclude<ErrorCode, (typeof ERROR_CODES)[number]>, never> = {};

export class EngineError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly sql: string | undefined;
  constructor(code: ErrorCode, message: string, params: Record<string, string | number> = {}, sql?: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.params = params;
    this.sql = sql;
  }
}

export function toErrorData(error: unknown): EngineErrorData {
  if (error instanceof EngineError) {
    return {
      code: error.code,
      message: error.message,
      params: error.params,
      ...(error.sql ? { sql: error.sql } : {}),
    };
  }
  // Some failures arrive without a message (e.g. a wasm trap); say what we know instead of nothing.
  const message =
    (error instanceof Error ? error.message || error.name : String(error ?? '')) || 'unknown engine error';
  if (error instanceof DOMException && error.name === 'AbortError') return { code: 'cancelled', message };
  if (/INTERRUPT|cancel/i.test(message)) return { code: 'cancelled', message };
  if (/Out of Memory|Allocation failure/i.test(message)) return { code: 'out_of_memory', message };
  return { code: 'engine', message };
}

export function isEngineErrorData(value: unknown): value is EngineErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as EngineErrorData).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as EngineErrorData).code)
  );
}

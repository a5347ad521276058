/**
 * Newline-delimited JSON (one object per line; also a top-level array of objects) → a text table,
 * parsed in TS (DuckDB-WASM's read_json is a network extension). Columns are the union of keys in
 * order of first appearance; nested values become JSON text. Where the platform offers JSON.parse
 * source text (Chromium), numbers keep their exact digits, so 19-digit order ids survive.
 */
import { EngineError } from '../engine-error.ts';
import { readAll, type SourceFile } from '../source-file.ts';
import { detectEncoding } from '../../ingest/detect-format.ts';
import { uniqueHeaderNames } from '../../ingest/header-row.ts';
import type { LoadProgress } from './load-types.ts';
import type { TextCell, TextTable } from './text-table.ts';
import { jsonText } from './value-text.ts';

type Reviver = (key: string, value: unknown, context?: { source?: string }) => unknown;

const exactNumbers: Reviver = (_key, value, context) =>
  typeof value === 'number' && context?.source !== undefined ? context.source : value;

const hasSourceText = (() => {
  try {
    return (JSON.parse as (t: string, r: Reviver) => unknown)('1', exactNumbers) === '1';
  } catch {
    return false;
  }
})();

function parse(text: string): unknown {
  return hasSourceText
    ? (JSON.parse as (t: string, r: Reviver) => unknown)(text, exactNumbers)
    : JSON.parse(text);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export async function readNdjson(
  source: SourceFile,
  onProgress: (p: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<TextTable> {
  const bytes = await readAll(
    source,
    (done) => onProgress({ phase: 'read', done, total: source.size, unit: 'bytes' }),
    signal,
  );
  const guess = detectEncoding(bytes.subarray(0, 64 * 1024), bytes.byteLength > 64 * 1024);
  const text = new TextDecoder(guess.encoding).decode(bytes.subarray(guess.bomLength));
  const records: Record<string, unknown>[] = [];
  const fail = (line: number, message: string): never => {
    throw new EngineError('json_invalid', `line ${line}: ${message}`, { name: source.name, line });
  };
  if (text.trimStart().startsWith('[')) {
    let all: unknown;
    try {
      all = parse(text);
    } catch (e) {
      fail(1, (e as Error).message);
    }
    if (!Array.isArray(all)) fail(1, 'not an array of objects');
    (all as unknown[]).forEach((v, i) => (isRecord(v) ? records.push(v) : fail(i + 1, 'not an object')));
  } else {
    let line = 0;
    for (const raw of text.split('\n')) {
      line++;
      const t = raw.trim();
      if (t === '') continue;
      let v: unknown;
      try {
        v = parse(t);
      } catch (e) {
        fail(line, (e as Error).message);
      }
      if (!isRecord(v)) fail(line, 'not an object');
      records.push(v as Record<string, unknown>);
    }
  }
  const keys = new Map<string, number>();
  for (const r of records) for (const k of Object.keys(r)) if (!keys.has(k)) keys.set(k, keys.size);
  const names = [...keys.keys()];
  const rows: TextCell[][] = records.map((r) =>
    names.map((k) => (Object.hasOwn(r, k) ? jsonText(r[k]) : null)),
  );
  onProgress({ phase: 'parse', done: rows.length, total: rows.length, unit: 'rows' });
  return { columns: uniqueHeaderNames(names), rows };
}

/**
 * A delimited text file (CSV/TSV/TXT, any supported encoding) → a SQL source DuckDB can read: UTF-8
 * registered lazily by handle when the file already is UTF-8, transcoded in slices otherwise; the
 * delimiter sniffed (or forced), title rows above the header skipped, DuckDB's sniffer asked for the
 * quote and header, and total rows at the bottom left out.
 */
import type { DbPort } from '../db-port.ts';
import { EngineError } from '../engine-error.ts';
import { readAll, type SourceFile } from '../source-file.ts';
import { queryRows } from '../query-rows.ts';
import {
  detectEncoding,
  detectLegacyEncoding,
  type EncodingEvidence,
  type TextEncoding,
} from '../../ingest/detect-format.ts';
import { notUtf8Lines, Utf8Scanner } from '../../ingest/line-decode.ts';
import { sniffDelimiter, splitDelimitedRows } from '../../ingest/delimited-text.ts';
import { findHeaderRow, trailingSummaryRows } from '../../ingest/header-row.ts';
import { buildReadCsvSql, buildSniffCsvSql, SAMPLE_BUFFER_BYTES } from '../../ingest/build-load-sql.ts';
import { transcodeToUtf8 } from './transcode.ts';
import { assertFits } from './memory-guard.ts';
import type { IngestNote, LoadOptions, LoadProgress } from './load-types.ts';
import { assertTableSize, MAX_COLUMNS } from './sheet-table.ts';

const SAMPLE_BYTES = 64 * 1024;
const SCAN_SLICE = 8 * 1024 * 1024;

export interface CsvSource {
  /** read_csv(...) (possibly wrapped to leave out total rows) over the registered UTF-8 text. */
  reader: string;
  /** The same, read in small buffers (SAMPLE_BUFFER_BYTES): for queries over the first rows. */
  sampleReader: string;
  encoding: TextEncoding;
  encodingEvidence: EncodingEvidence;
  delimiter: string;
  quote: string | null;
  headerRow: number;
  notes: IngestNote[];
}

interface Utf8Text {
  head: string;
  tail: string;
  /** Head/tail are the whole text. */
  complete: boolean;
}

const decodeUtf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);

/** Register UTF-8 text for DuckDB under `registered`, returning its first and last 64 KiB as text. */
async function registerUtf8(
  db: DbPort,
  source: SourceFile,
  registered: string,
  encoding: TextEncoding,
  bomLength: number,
  notes: IngestNote[],
  progress: (p: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<Utf8Text> {
  let bytes: Uint8Array;
  // UTF-8 with a line in another encoding or a NUL byte is decoded line by line (issue 12).
  const scan = encoding === 'utf-8' ? await scanUtf8(source, bomLength, progress, signal) : null;
  const plain = scan?.plain === true;
  assertFits(plain && source.ref ? 'csvByHandle' : 'csvInMemory', source);
  if (plain && source.ref) {
    // Already what DuckDB reads (its reader skips a UTF-8 BOM): no copy into the JS heap.
    await db.registerFile(registered, source.ref);
    const head = await source.read(bomLength, Math.min(source.size, SAMPLE_BYTES));
    const complete = source.size <= SAMPLE_BYTES;
    const tail = complete ? head : await source.read(source.size - SAMPLE_BYTES, source.size);
    return { head: decodeUtf8(head), tail: decodeUtf8(tail), complete };
  }
  if (plain) {
    bytes = (
      await readAll(
        source,
        (done) => progress({ phase: 'read', done, total: source.size, unit: 'bytes' }),
        signal,
      )
    ).subarray(bomLength);
  } else {
    const fallback = scan && !scan.plain ? scan.fallback : undefined;
    const t = await transcodeToUtf8(source, encoding, bomLength, progress, signal, undefined, fallback);
    if (t.replacements > 0) notes.push({ kind: 'invalid_characters', count: t.replacements });
    if (t.lines && t.lines.otherEncodingLines > 0) {
      const count = t.lines.otherEncodingLines;
      notes.push({ kind: 'mixed_encoding', count, sample: t.lines.otherEncoding.toUpperCase() });
    }
    if (t.lines && t.lines.nulLines > 0) {
      const more = t.lines.nulLines > t.lines.nulLineNumbers.length ? ', …' : '';
      const sample = t.lines.nulLineNumbers.join(', ') + more;
      notes.push({ kind: 'nul_lines_set_aside', count: t.lines.nulLines, sample });
    }
    bytes = t.utf8;
  }
  const complete = bytes.byteLength <= SAMPLE_BYTES;
  const head = decodeUtf8(bytes.subarray(0, SAMPLE_BYTES));
  const tail = complete ? head : decodeUtf8(bytes.subarray(bytes.byteLength - SAMPLE_BYTES));
  await db.registerBytes(registered, bytes);
  return { head, tail, complete };
}

/**
 * Whether the file (after its BOM) is strictly UTF-8 with no NUL byte — what DuckDB can read as it
 * is — in one pass over slices, nothing kept. If not, the legacy encoding of its lines that are not
 * UTF-8, judged on those lines of the first bad slice (line-decode.ts reads each line in its own).
 */
async function scanUtf8(
  source: SourceFile,
  bomLength: number,
  progress: (p: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<{ plain: true } | { plain: false; fallback: TextEncoding }> {
  const scanner = new Utf8Scanner();
  let start = bomLength;
  let plain = true;
  for (; start < source.size; start += SCAN_SLICE) {
    signal?.throwIfAborted();
    const end = Math.min(source.size, start + SCAN_SLICE);
    if (!scanner.push(await source.read(start, end))) {
      plain = false;
      break;
    }
    progress({ phase: 'read', done: end, total: source.size, unit: 'bytes' });
  }
  if (plain && scanner.end()) return { plain: true };
  start = Math.min(start, Math.max(bomLength, source.size - SCAN_SLICE));
  // The lines of this slice (and of the 64 KiB before it: a line it cut) that are not UTF-8.
  const from = Math.max(bomLength, start - SAMPLE_BYTES);
  const bytes = await source.read(from, Math.min(source.size, start + SCAN_SLICE + 4));
  return { plain: false, fallback: detectLegacyEncoding(notUtf8Lines(bytes, SAMPLE_BYTES)).encoding };
}

/** DuckDB's sniffer, strict first (it finds escapes), lenient for ragged files it cannot place. */
async function sniffCsv(
  db: DbPort,
  file: string,
  delimiter: string,
  skip: number,
  name: string,
): Promise<Record<string, unknown>> {
  let first: unknown;
  for (const strict of [true, false]) {
    try {
      return (await queryRows(db, buildSniffCsvSql({ file, delimiter, skip }, strict)))[0] ?? {};
    } catch (e) {
      first ??= e;
    }
  }
  const message = (first as Error).message;
  throw new EngineError('csv_invalid', message, { name, detail: message.split('\n')[0] ?? message });
}

function checkDelimiter(d: string): string {
  if ([...d].length !== 1 || d === '"' || d === '\n' || d === '\r') {
    throw new Error(
      `delimiter must be one character other than a quote or newline, got ${JSON.stringify(d)}`,
    );
  }
  return d;
}

export async function prepareCsv(
  db: DbPort,
  source: SourceFile,
  head: Uint8Array,
  registered: string,
  options: Pick<LoadOptions, 'encoding' | 'delimiter' | 'headerRow' | 'signal'>,
  progress: (p: LoadProgress) => void,
): Promise<CsvSource> {
  const notes: IngestNote[] = [];
  const guess = detectEncoding(head, source.size > head.byteLength);
  const forced = options.encoding && options.encoding !== 'auto' ? options.encoding : null;
  const encoding = forced ?? guess.encoding;
  const evidence: EncodingEvidence = forced ? 'user' : guess.evidence;
  // A forced encoding keeps its BOM for the decoder to drop (TextDecoder strips only its own BOM).
  const bom = forced
    ? forced === 'utf-8' && guess.encoding === 'utf-8'
      ? guess.bomLength
      : 0
    : guess.bomLength;
  const text = await registerUtf8(db, source, registered, encoding, bom, notes, progress, options.signal);

  const delimiter = options.delimiter
    ? checkDelimiter(options.delimiter)
    : sniffDelimiter(text.head, text.complete);
  // Refuse an absurdly wide file up front, before DuckDB's sniffer meets 100k columns (issue 19 §8).
  const firstLineEnd = text.head.indexOf('\n');
  const firstLine = firstLineEnd < 0 ? text.head : text.head.slice(0, firstLineEnd);
  const fields = firstLine.split(delimiter).length;
  if (fields > MAX_COLUMNS) assertTableSize(source.name, 0, fields);
  const headRows = splitDelimitedRows(text.head, delimiter, 200, text.complete);
  const headerRow = options.headerRow ?? findHeaderRow(headRows.map((r) => r.cells));
  const skip = headRows[headerRow]?.line ?? 0;
  if (headerRow > 0) {
    const sample = headRows[0]?.cells.filter((c) => c.trim()).join(' ') ?? '';
    notes.push({ kind: 'title_rows_skipped', count: headerRow, sample });
  }

  const sniff = await sniffCsv(db, registered, delimiter, skip, source.name);
  const oneChar = (v: unknown) => (typeof v === 'string' && v.length === 1 ? v : null);
  const quote = oneChar(sniff.Quote);
  // No quoting seen in the sample still means RFC 4180 quoting further on.
  const readQuote = quote ?? '"';
  const escape = oneChar(sniff.Escape) ?? readQuote;
  const readOptions = {
    file: registered,
    delimiter,
    quote: readQuote,
    escape,
    skip,
    header: sniff.HasHeader !== false,
    // The wasm engine runs one thread anyway; natively, only files with multi-line cells need it.
    parallel: db.kind === 'native' && !headRows.some((r) => r.cells.some((c) => c.includes('\n'))),
  };
  let reader = buildReadCsvSql(readOptions);
  let sampleReader = buildReadCsvSql({ ...readOptions, bufferSize: SAMPLE_BUFFER_BYTES });

  // Total rows at the bottom (exports.md §3.2: keeping them doubles the sums).
  const tailRows = text.complete
    ? splitDelimitedRows(text.head, delimiter, Number.MAX_SAFE_INTEGER, true)
        .slice(headerRow + 1)
        .slice(-20)
    : splitDelimitedRows(text.tail.slice(text.tail.indexOf('\n') + 1), delimiter, 100_000, true).slice(-20);
  const summary = trailingSummaryRows(tailRows.map((r) => r.cells));
  if (summary.summaryRows > 0) {
    const count = Number((await queryRows(db, `SELECT count(*) AS n FROM ${reader}`))[0]?.n ?? 0);
    const limit = Math.max(0, count - summary.summaryRows);
    reader = `(SELECT * FROM ${reader} LIMIT ${limit})`;
    sampleReader = `(SELECT * FROM ${sampleReader} LIMIT ${limit})`;
    notes.push({ kind: 'summary_rows_dropped', count: summary.summaryRows, sample: summary.sample });
  }
  return { reader, sampleReader, encoding, encodingEvidence: evidence, delimiter, quote, headerRow, notes };
}

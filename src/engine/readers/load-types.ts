/**
 * Types shared by the per-format readers and loadSource: progress, load options and the notes that
 * tell the user what ingest did to their file (title rows skipped, total rows dropped, …).
 */
import type { EncodingEvidence, FileFormat, TextEncoding } from '../../ingest/detect-format.ts';

export type LoadPhase = 'detect' | 'read' | 'unpack' | 'decode' | 'parse' | 'load' | 'profile';

export interface LoadProgress {
  phase: LoadPhase;
  /** Units done and total for this phase (bytes or rows); total 0 = unknown. */
  done: number;
  total: number;
  unit: 'bytes' | 'rows' | 'percent';
}

export interface LoadOptions {
  table: string;
  /** Force a text encoding (the detected one is in the profile). */
  encoding?: TextEncoding | 'auto';
  /** Force a delimiter for CSV/TSV/TXT: one character such as ',', '\t', ';' or '|'. */
  delimiter?: string;
  /** Force the header row (0-based row index among the file's rows) instead of detecting it. */
  headerRow?: number;
  /** Sheet to load from a workbook (default: the first sheet with data). */
  sheet?: string;
  previewRows?: number;
  onProgress?: (p: LoadProgress) => void;
  signal?: AbortSignal;
}

export type IngestNoteKind =
  /** Rows above the header (report titles, export banners) that were skipped. */
  | 'title_rows_skipped'
  /** Total/summary rows at the bottom (合计/总计/Total) that were dropped. */
  | 'summary_rows_dropped'
  /** Characters that were invalid in the file's encoding and became U+FFFD. */
  | 'invalid_characters'
  /** Merged cells whose value was copied into every cell of the merged range. */
  | 'merged_cells_filled'
  /** A two-level header whose levels were joined as `upper_lower`. */
  | 'two_level_header'
  /** Blank rows skipped in a workbook. */
  | 'blank_rows_skipped'
  /** Columns with neither a header nor any value, dropped. */
  | 'empty_columns_dropped'
  /** The file inside an archive that was loaded. */
  | 'archive_entry';

export interface IngestNote {
  kind: IngestNoteKind;
  count: number;
  /** A short sample of what was affected (the total row's cells, the entry name, …). */
  sample?: string;
}

/** What a format reader found besides the data: shown to the user in the table profile. */
export interface SourceMeta {
  format: FileFormat;
  encoding: TextEncoding | null;
  encodingEvidence: EncodingEvidence | null;
  delimiter: string | null;
  quote: string | null;
  /** 0-based index of the header row among the file's (or sheet's) rows. */
  headerRow: number | null;
  sheet: string | null;
  sheets: { name: string; rows: number }[];
  notes: IngestNote[];
}

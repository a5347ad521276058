/**
 * Types shared by the per-format readers and loadSource: progress, load options and the notes that
 * tell the user what ingest did to their file (title rows skipped, total rows dropped, …).
 */
import type { EncodingEvidence, FileFormat, TextEncoding } from '../../ingest/detect-format.ts';
import type { IngestNote, LoadProgress } from '../protocol.ts';
import type { SheetChoiceReason, SheetProfile } from '../../ingest/sheet-choice.ts';

export type { IngestNote, IngestNoteKind, LoadPhase, LoadProgress } from '../protocol.ts';

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
  /** Workbooks (issue 21): every sheet profiled with its kind and role; empty for other formats. */
  sheetProfiles?: SheetProfile[];
  /** Workbooks: why `sheet` was opened and the sheets of the same shape that can be appended. */
  sheetChoice?: { reason: SheetChoiceReason; sameShape: string[] } | null;
}

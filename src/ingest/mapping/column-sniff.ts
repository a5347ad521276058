/**
 * A column's sample values judged once (issue 19 §2): the kind they look like (sniff-values.ts),
 * whether they are all compact times, and the personal-data kind they hold. The engine worker runs
 * it when a table is loaded and hands the result over in ColumnProfile.sniff, so the main thread
 * never runs a pattern over a cell; mapping and PII detection read it from there.
 */
import { piiKindOfValues } from '../pii/detect-pii.ts';
import { sniffValues, timeLikeValues, type ColumnSniff } from './sniff-values.ts';

export function sniffColumn(type: string, samples: readonly string[]): ColumnSniff {
  return { ...sniffValues(type, samples), timeLike: timeLikeValues(samples), pii: piiKindOfValues(samples) };
}

/** How many of a column's first non-null values mapping and classification read. */
export const SAMPLE_VALUES = 50;

/** A column's first non-null values as text, from decoded rows (the table's preview). */
export function sampleValues(rows: readonly Record<string, unknown>[], column: string): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (out.length >= SAMPLE_VALUES) break;
    const v = r[column];
    if (v !== null && v !== undefined) out.push(String(v));
  }
  return out;
}

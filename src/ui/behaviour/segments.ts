/**
 * Segments for per-segment splits: present only once the RFM section has materialised its customer
 * table; otherwise the screens hide every segment option.
 */
import {
  buildListTablesSql,
  buildSegmentLabelsSql,
  SEGMENTS_TABLE,
} from '../../analyses/behaviour/build-segment-source-sql.ts';
import type { QueryRunner } from './query-runner.ts';
import type { SegmentInfo } from './rows.ts';

/** The segments with their labels, or null when no segment table exists (or it could not be read). */
export async function loadSegments(runner: QueryRunner): Promise<SegmentInfo[] | null> {
  const tables = await runner.rows<{ name: string }>(buildListTablesSql());
  if (!tables || !tables.some((t) => t.name === SEGMENTS_TABLE)) return null;
  const segments = await runner.rows<SegmentInfo>(buildSegmentLabelsSql(SEGMENTS_TABLE));
  return segments && segments.length > 0 ? segments : null;
}

/** Display name of a segment id: its label when it has one. */
export function segmentName(segments: readonly SegmentInfo[] | null, id: string | null): string | null {
  if (id === null) return null;
  return segments?.find((s) => s.segment === id)?.segment_label ?? id;
}

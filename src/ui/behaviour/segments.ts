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
import type { AppState } from '../app-state.svelte.ts';
import { OTHER_SEGMENT, resolveRfmConfig } from '../../analyses/rfm/rfm-config.ts';
import { OTHER_LABEL } from '../../analyses/rfm/presets.ts';

/** The segments with their labels, or null when no segment table exists (or it could not be read). */
export async function loadSegments(runner: QueryRunner): Promise<SegmentInfo[] | null> {
  const tables = await runner.rows<{ name: string }>(buildListTablesSql());
  if (!tables || !tables.some((t) => t.name === SEGMENTS_TABLE)) return null;
  const segments = await runner.rows<SegmentInfo>(buildSegmentLabelsSql(SEGMENTS_TABLE));
  return segments && segments.length > 0 ? segments : null;
}

/**
 * Display name of a segment id in the UI's current language: from the RFM config's segment names when
 * `app` is given (rfm_customers holds labels in the language RFM last ran in), else the stored label.
 */
export function segmentName(
  segments: readonly SegmentInfo[] | null,
  id: string | null,
  app?: Pick<AppState, 'locale' | 'analysis'>,
): string | null {
  if (id === null) return null;
  if (app) {
    if (id === OTHER_SEGMENT) return OTHER_LABEL[app.locale];
    const configured = resolveRfmConfig(app.analysis.config.rfm).segments.find((s) => s.id === id);
    if (configured) return configured.label[app.locale];
  }
  return segments?.find((s) => s.segment === id)?.segment_label ?? id;
}

/**
 * Segments for per-segment splits: present only once the RFM section has materialised its customer
 * table; otherwise the screens hide every segment option.
 */
import type { AppState } from '../app-state.svelte.ts';
import type { SegmentNamesPort } from '../kit/ports.ts';
import { behaviourModule, type SegmentInfo } from '../../analyses/behaviour/module.ts';
import { OTHER_SEGMENT, resolveRfmConfig } from '../../analyses/rfm/rfm-config.ts';
import { OTHER_LABEL } from '../../analyses/rfm/presets.ts';

const { segmentTable, segments } = behaviourModule.parts;

/**
 * The segments with their labels, or null when no segment table exists (or it could not be read).
 * The labels are asked for only once the table is known to exist: their query needs it to bind.
 */
export async function fetchSegments(
  app: Pick<AppState, 'runner' | 'planContext'>,
  /** The asking section: a newer run supersedes an older one of the same section. */
  section: string,
): Promise<SegmentInfo[] | null> {
  const ctx = app.planContext;
  const exists = await app.runner.run(segmentTable, null, ctx, undefined, { key: `${section}.segmentTable` });
  if (!exists) return null;
  return app.runner.run(segments, null, ctx, undefined, { key: `${section}.segments` });
}

/**
 * Display name of a segment id in the UI's current language: from the RFM config's segment names when
 * `app` is given (rfm_customers holds labels in the language RFM last ran in), else the stored label.
 */
export function segmentName(
  segments: readonly SegmentInfo[] | null,
  id: string | null,
  app?: SegmentNamesPort,
): string | null {
  if (id === null) return null;
  if (app) {
    if (id === OTHER_SEGMENT) return OTHER_LABEL[app.locale];
    const configured = resolveRfmConfig(app.analysis.config.rfm).segments.find((s) => s.id === id);
    if (configured) return configured.label[app.locale];
  }
  return segments?.find((s) => s.segment === id)?.segment_label ?? id;
}

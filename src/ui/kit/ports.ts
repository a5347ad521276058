/**
 * What a kit component or a section view needs from the app, and nothing more: text in the UI
 * language, the locale, and whether a task is running. AppState satisfies it; a view typed with this
 * port cannot reach the engine, the tables or another section's state.
 */
import type { Locale, MessageKey } from '../../i18n/i18n.ts';
import type { AnalysisRunner } from '../../client/analysis-runner.ts';
import type { RfmConfig } from '../../analyses/rfm/rfm-config.ts';

export interface UiPort {
  readonly locale: Locale;
  /** The running task, if any (buttons that start work are disabled meanwhile). */
  readonly job: unknown;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** ISO code of the analysed amounts (null = not detected or nothing cleaned yet): money formatting. */
  readonly currency?: string | null;
  /** What one purchase is (config cleaning.purchase; issue 12 item 10): F and order counts are named after it. */
  readonly purchaseUnit?: 'orders' | 'days';
}

/** A view that runs queries and follows the masking choice (set-aside tables). */
export interface RunnerPort extends UiPort {
  readonly runner: Pick<AnalysisRunner, 'rows' | 'downloadQuery'>;
  /** Personal data shown unmasked on this machine (the config's one masking choice). */
  readonly analysis: { revealPii: boolean };
}

/** A view that names RFM segments in the UI language (from the config's segment names). */
export interface SegmentNamesPort extends UiPort {
  readonly analysis: { readonly config: { readonly rfm: RfmConfig } };
}

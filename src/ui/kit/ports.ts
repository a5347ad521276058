/**
 * What a kit component or a section view needs from the app, and nothing more: text in the UI
 * language, the locale, and whether a task is running. AppState satisfies it; a view typed with this
 * port cannot reach the engine, the tables or another section's state.
 */
import type { Locale, MessageKey } from '../../i18n/i18n.ts';

export interface UiPort {
  readonly locale: Locale;
  /** The running task, if any (buttons that start work are disabled meanwhile). */
  readonly job: unknown;
  t(key: MessageKey, params?: Record<string, string | number>): string;
}

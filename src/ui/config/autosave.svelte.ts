/**
 * Autosave of the working config (issue 5): restored from IndexedDB on startup, then saved ~500 ms
 * after each change, so a reload brings the user's setup back (the data files are dropped again;
 * no data is ever stored). Without IndexedDB nothing is saved and the Setup screen says so.
 * Call once during App's initialisation (it registers effects).
 */
import type { AppState } from '../app-state.svelte.ts';
import type { AnalysisConfig } from '../../config/schema.ts';
import { configSession } from './config-session.svelte.ts';

export const AUTOSAVE_DELAY_MS = 500;

export function startConfigAutosave(app: AppState): void {
  const session = configSession(app);
  let restored = $state(false);
  const initial = JSON.stringify($state.snapshot(app.analysis.config));

  void (async () => {
    try {
      const store = await session.store();
      const saved = store ? await store.loadWorking() : null;
      // The user may have dropped files or applied a link meanwhile: their choice wins.
      const untouched =
        !session.touched &&
        app.tables.length === 0 &&
        JSON.stringify($state.snapshot(app.analysis.config)) === initial;
      if (saved?.ok && untouched) session.apply(saved.config, 'restored');
    } catch {
      // A broken store must not stop the app; the Setup screen shows the store's status.
    }
    restored = true;
  })();

  let pending: AnalysisConfig | null = null;
  const save = () => {
    const config = pending;
    pending = null;
    if (!config) return;
    void session
      .store()
      .then((store) => store?.saveWorking(config))
      .catch(() => {
        // Quota or a closed database: the next change tries again.
      });
  };

  $effect(() => {
    const config = $state.snapshot(app.analysis.config) as AnalysisConfig;
    if (!restored) return;
    pending = config;
    const timer = setTimeout(save, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  });

  // A reload right after a change must not lose it: write at once when the page is hidden.
  $effect(() => {
    const flush = () => {
      if (document.visibilityState === 'hidden') save();
    };
    window.addEventListener('pagehide', save);
    document.addEventListener('visibilitychange', flush);
    return () => {
      window.removeEventListener('pagehide', save);
      document.removeEventListener('visibilitychange', flush);
    };
  });
}

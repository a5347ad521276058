/**
 * State of the Setup & sharing screen (issue 5): the saved setups list (IndexedDB via ConfigStore),
 * save as / load / rename / duplicate / delete, the share link of the working config, and .json
 * export / import. Imported files are described first and applied only on the user's word.
 */
import type { AppState } from '../app-state.svelte.ts';
import type { SavedConfigListItem } from '../../client/config-store.ts';
import { buildShareUrl } from '../../config/share-codec.ts';
import {
  CONFIG_FILE_MIME,
  configFileName,
  parseConfigFile,
  serializeConfigFile,
} from '../../config/config-file.ts';
import { ConfigTooLargeError, MAX_CONFIG_BYTES, type ConfigIssue } from '../../config/parse-config.ts';
import type { AnalysisConfig } from '../../config/schema.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { configSession, type ConfigSession } from './config-session.svelte.ts';

export type Notice =
  | { kind: 'ok' | 'error'; key: MessageKey; params?: Record<string, string | number> }
  | { kind: 'issues'; issues: ConfigIssue[] };

const TOO_LARGE: ConfigIssue = {
  code: 'too_large',
  path: '',
  message: 'too large',
  params: { limitKb: MAX_CONFIG_BYTES / 1024 },
};

export class ConfigState {
  items = $state.raw<SavedConfigListItem[]>([]);
  listed = $state(false);
  saveName = $state('');
  copyStatus = $state<'idle' | 'copied' | 'manual'>('idle');
  renamingId = $state<string | null>(null);
  renameValue = $state('');
  confirmDeleteId = $state<string | null>(null);
  notice = $state.raw<Notice | null>(null);
  /** Put the user's file names in the share link (off by default, issue 19 §8). */
  shareFileNames = $state(false);
  /** An imported file, described and waiting for Apply or Discard. */
  imported = $state.raw<AnalysisConfig | null>(null);
  readonly session: ConfigSession;
  readonly #app: AppState;

  /** The share link of the working config, kept current; null when the config is over the limit. */
  readonly shareUrl = $derived.by((): string | null => {
    try {
      return buildShareUrl(location.href, this.#config(), { includeFileNames: this.shareFileNames });
    } catch (e) {
      if (e instanceof ConfigTooLargeError) return null;
      throw e;
    }
  });

  constructor(app: AppState) {
    this.#app = app;
    this.session = configSession(app);
    this.saveName = app.analysis.config.name;
  }

  #config(): AnalysisConfig {
    return $state.snapshot(this.#app.analysis.config) as AnalysisConfig;
  }

  async #withStore<T>(body: (store: NonNullable<Awaited<ReturnType<ConfigSession['store']>>>) => Promise<T>) {
    const store = await this.session.store();
    if (!store) return undefined;
    try {
      return await body(store);
    } catch (e) {
      this.notice = { kind: 'error', key: 'setup.storeFailed', params: { detail: String(e) } };
      return undefined;
    }
  }

  async refresh(): Promise<void> {
    const locale = this.#app.locale;
    const items = await this.#withStore((store) => store.list(locale));
    if (items) this.items = items;
    this.listed = true;
  }

  /** Save the working config under the typed name; an entry with the same name is overwritten. */
  async saveAs(): Promise<void> {
    const name = this.saveName.replace(/\s+/g, ' ').trim();
    if (name === '') {
      this.notice = { kind: 'error', key: 'setup.nameRequired' };
      return;
    }
    const existing = this.items.find((i) => i.name === name);
    this.#app.analysis.updateConfig({ name });
    const saved = await this.#withStore((store) => store.save(name, this.#config(), existing?.id));
    if (!saved) return;
    this.notice = {
      kind: 'ok',
      key: existing ? 'setup.updated' : 'setup.saved',
      params: { name: saved.name },
    };
    await this.refresh();
  }

  async load(id: string): Promise<void> {
    const result = await this.#withStore((store) => store.load(id));
    if (!result) return;
    if (!result.ok) {
      this.notice = { kind: 'issues', issues: result.issues };
      return;
    }
    this.session.apply(result.config, 'saved');
    this.saveName = result.config.name;
    this.notice = { kind: 'ok', key: 'setup.loaded', params: { name: result.config.name } };
  }

  startRename(item: SavedConfigListItem): void {
    this.renamingId = item.id;
    this.renameValue = item.name;
  }

  async rename(): Promise<void> {
    const id = this.renamingId;
    const name = this.renameValue.trim();
    this.renamingId = null;
    if (!id || name === '') return;
    await this.#withStore((store) => store.rename(id, name));
    await this.refresh();
  }

  async duplicate(id: string): Promise<void> {
    await this.#withStore((store) => store.duplicate(id));
    await this.refresh();
  }

  /** First click asks, the second deletes. */
  async remove(id: string): Promise<void> {
    if (this.confirmDeleteId !== id) {
      this.confirmDeleteId = id;
      return;
    }
    this.confirmDeleteId = null;
    await this.#withStore((store) => store.delete(id));
    await this.refresh();
  }

  /** Copy the link when the browser lets us; the read-only field always holds it for copying by hand. */
  async copyShareLink(): Promise<void> {
    const url = this.shareUrl;
    if (url === null) return;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      this.copyStatus = 'copied';
    } catch {
      this.copyStatus = 'manual';
    }
  }

  exportFile(): void {
    const config = this.#config();
    let text: string;
    try {
      text = serializeConfigFile(config);
    } catch (e) {
      if (!(e instanceof ConfigTooLargeError)) throw e;
      this.notice = { kind: 'issues', issues: [TOO_LARGE] };
      return;
    }
    const url = URL.createObjectURL(new Blob([text], { type: CONFIG_FILE_MIME }));
    const a = document.createElement('a');
    a.href = url;
    a.download = configFileName(config);
    a.click();
    // Revoked later: some browsers start the download after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }

  /** Read a chosen .json file (size checked before reading) and describe it; nothing is applied yet. */
  async importFile(file: File): Promise<void> {
    this.imported = null;
    // A BOM may precede the limit's worth of JSON.
    if (file.size > MAX_CONFIG_BYTES + 3) {
      this.notice = { kind: 'issues', issues: [TOO_LARGE] };
      return;
    }
    const result = parseConfigFile(await file.text());
    if (!result.ok) {
      this.notice = { kind: 'issues', issues: result.issues };
      return;
    }
    this.notice = null;
    this.imported = result.config;
  }

  applyImported(): void {
    const config = this.imported;
    this.imported = null;
    if (!config) return;
    this.session.apply(config, 'file');
    this.saveName = config.name;
  }
}

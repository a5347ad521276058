/**
 * Named configs and the autosaved working config in IndexedDB (issue 5), with the raw API. Only
 * configs are stored — never data. Stored configs are re-parsed on every read, so a config saved by
 * an older app version is migrated, and one that no longer validates is listed with its issues
 * instead of being dropped.
 */
import { parseConfig, type ConfigIssue, type ParseResult } from '../config/parse-config.ts';
import type { AnalysisConfig } from '../config/schema.ts';
import { summarizeConfig } from '../config/summary.ts';
import type { Locale } from '../i18n/i18n.ts';

const DB_VERSION = 1;
const CONFIGS = 'configs';
const STATE = 'state';
const WORKING_KEY = 'working';
const MAX_NAME = 200;

interface StoredConfig {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** The config as saved (JSON-like); parsed again on read. */
  config: unknown;
}

export interface SavedConfigMeta {
  id: string;
  name: string;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
}
export interface SavedConfigListItem extends SavedConfigMeta {
  /** One-line summary (config/summary.ts), or null when the stored config no longer parses. */
  summary: string | null;
  issues: ConfigIssue[];
}

export interface ConfigStoreOptions {
  /** Database name; tests use one per case. */
  dbName?: string;
  factory?: IDBFactory;
  now?: () => number;
  newId?: () => string;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function cleanName(name: string): string {
  return Array.from(name.replace(/\s+/g, ' ').trim()).slice(0, MAX_NAME).join('');
}

function meta(record: StoredConfig): SavedConfigMeta {
  return { id: record.id, name: record.name, createdAt: record.createdAt, updatedAt: record.updatedAt };
}

/** Plain JSON data: what a share link or file would carry, nothing the structured clone adds. */
function plain(config: AnalysisConfig): unknown {
  return JSON.parse(JSON.stringify(config)) as unknown;
}

export class ConfigStore {
  private constructor(
    private readonly db: IDBDatabase,
    private readonly now: () => number,
    private readonly newId: () => string,
  ) {
    // Another tab upgrading the schema must not be blocked by this one.
    db.onversionchange = () => db.close();
  }

  /** Opens (creating on first use) the database. Rejects when IndexedDB is unavailable. */
  static async open(options: ConfigStoreOptions = {}): Promise<ConfigStore> {
    const factory = options.factory ?? globalThis.indexedDB;
    if (!factory) throw new Error('IndexedDB is not available in this browser');
    const req = factory.open(options.dbName ?? 'customer-lens', DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(CONFIGS)) db.createObjectStore(CONFIGS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(STATE)) db.createObjectStore(STATE);
    };
    const db = await request(req);
    return new ConfigStore(db, options.now ?? Date.now, options.newId ?? randomId);
  }

  close(): void {
    this.db.close();
  }

  private async run<T>(
    storeName: string,
    mode: IDBTransactionMode,
    body: (store: IDBObjectStore) => Promise<T>,
  ): Promise<T> {
    const tx = this.db.transaction(storeName, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    const result = await body(tx.objectStore(storeName));
    await done;
    return result;
  }

  private get(id: string): Promise<StoredConfig | undefined> {
    return this.run(CONFIGS, 'readonly', (store) =>
      request(store.get(id) as IDBRequest<StoredConfig | undefined>),
    );
  }

  private put(record: StoredConfig): Promise<SavedConfigMeta> {
    return this.run(CONFIGS, 'readwrite', async (store) => {
      await request(store.put(record));
      return meta(record);
    });
  }

  /** All saved configs, most recently changed first, with a summary in `locale`. */
  async list(locale: Locale): Promise<SavedConfigListItem[]> {
    const records = await this.run(CONFIGS, 'readonly', (store) =>
      request(store.getAll() as IDBRequest<StoredConfig[]>),
    );
    return records
      .map((record) => {
        const parsed = parseConfig(record.config);
        return {
          ...meta(record),
          summary: parsed.ok ? summarizeConfig(parsed.config, locale) : null,
          issues: parsed.ok ? [] : parsed.issues,
        };
      })
      .sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  /** The saved config, validated (and migrated) again; null when there is no such id. */
  async load(id: string): Promise<ParseResult | null> {
    const record = await this.get(id);
    return record ? parseConfig(record.config) : null;
  }

  /** Save `config` under `name`: a new entry, or overwrite entry `id` (keeping its creation date). */
  async save(name: string, config: AnalysisConfig, id?: string): Promise<SavedConfigMeta> {
    const existing = id === undefined ? undefined : await this.get(id);
    const now = this.now();
    const clean = cleanName(name);
    return this.put({
      id: existing?.id ?? id ?? this.newId(),
      name: clean,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      config: { ...(plain(config) as object), name: clean },
    });
  }

  /** Rename entry `id` (the config's own `name` follows); false when there is no such id. */
  async rename(id: string, name: string): Promise<boolean> {
    const record = await this.get(id);
    if (!record) return false;
    const clean = cleanName(name);
    const config =
      record.config !== null && typeof record.config === 'object'
        ? { ...record.config, name: clean }
        : record.config;
    await this.put({ ...record, name: clean, config, updatedAt: this.now() });
    return true;
  }

  /** A copy of entry `id` named `name`, or `<name> (2)`, `(3)`, … when no name is given. */
  async duplicate(id: string, name?: string): Promise<SavedConfigMeta | null> {
    const record = await this.get(id);
    if (!record) return null;
    let copyName = name === undefined ? '' : cleanName(name);
    if (copyName === '') {
      const taken = new Set((await this.list('en')).map((entry) => entry.name));
      for (let n = 2; copyName === '' || taken.has(copyName); n++) copyName = `${record.name} (${n})`;
    }
    const now = this.now();
    const config =
      record.config !== null && typeof record.config === 'object'
        ? { ...record.config, name: copyName }
        : record.config;
    return this.put({ id: this.newId(), name: copyName, createdAt: now, updatedAt: now, config });
  }

  async delete(id: string): Promise<void> {
    await this.run(CONFIGS, 'readwrite', (store) => request(store.delete(id)));
  }

  /** Autosave of the setup being edited, restored on reload (the data files are dropped again). */
  async saveWorking(config: AnalysisConfig): Promise<void> {
    await this.run(STATE, 'readwrite', (store) =>
      request(store.put({ savedAt: this.now(), config: plain(config) }, WORKING_KEY)),
    );
  }

  /** The autosaved working config, validated again; null when nothing was saved. */
  async loadWorking(): Promise<ParseResult | null> {
    const saved = await this.run(STATE, 'readonly', (store) =>
      request(store.get(WORKING_KEY) as IDBRequest<{ config: unknown } | undefined>),
    );
    return saved ? parseConfig(saved.config) : null;
  }

  async clearWorking(): Promise<void> {
    await this.run(STATE, 'readwrite', (store) => request(store.delete(WORKING_KEY)));
  }
}

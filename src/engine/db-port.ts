/**
 * The one small interface every DuckDB implementation offers. The browser worker (duckdb-wasm eh
 * bundle), Node tests and the CLI (duckdb-wasm's blocking Node build) implement it; a native
 * implementation (@duckdb/node-api) can be added for the CLI's big-data mode without touching callers.
 */

/** A file the engine can read lazily by name, without copying it into the JS heap first. */
export type FileRef = { kind: 'browser-file'; file: File } | { kind: 'node-path'; path: string };

/** Query progress reported by DuckDB, 0..1 (null when the engine cannot tell). */
export type QueryProgressHandler = (fraction: number) => void;

export interface DbPort {
  readonly kind: 'browser' | 'node' | 'native';
  /** DuckDB version string, e.g. v1.4.3. */
  version(): Promise<string>;
  /** Run statements that return nothing useful. */
  exec(sql: string): Promise<void>;
  /** Run a query and return its result as Arrow IPC stream bytes (an owned copy, safe to transfer). */
  queryIpc(sql: string, onProgress?: QueryProgressHandler): Promise<Uint8Array>;
  /** Make a file readable by SQL under `name` (read lazily where the platform allows). */
  registerFile(name: string, ref: FileRef): Promise<void>;
  /** Make bytes readable by SQL under `name` (the engine takes ownership of the buffer). */
  registerBytes(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Append Arrow IPC stream bytes to a table, creating it when `create` is true. */
  insertArrowIpc(table: string, bytes: Uint8Array, create: boolean): Promise<void>;
  /** Interrupt the running query; resolves true when one was cancelled. */
  cancel(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Every file registered for SQL is named under this virtual folder, the only one DuckDB may read
 * once external access is off (a relative prefix: the same string in wasm's virtual file system and
 * in the native engine's private folder, which is its file_search_path).
 */
export const REGISTERED_DIR = 'cl-files/';

/** The name under which a file is registered and read by SQL. */
export function registeredName(base: string): string {
  return `${REGISTERED_DIR}${base}`;
}

/**
 * Settings applied once at open, identical in every implementation: no extension is ever loaded or
 * installed from the network (duckdb-wasm autoloads by default; see engine-notes §2).
 */
export function offlineSettings(
  ownOrigin: string | null,
  allowedDirectories: readonly string[] = [],
): string[] {
  const settings = ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false'];
  if (ownOrigin) {
    // An explicit LOAD would otherwise go to DuckDB's servers; point it at our own origin (404 → clear error).
    settings.push(`SET custom_extension_repository = '${ownOrigin.replaceAll("'", "''")}/duckdb-ext'`);
  }
  // No file, URL or extension outside what we register (issue 19 §4): SQL from a config can read
  // nothing else. Allowed directories must be set while external access is still on.
  if (allowedDirectories.length > 0) {
    const list = allowedDirectories.map((d) => `'${d.replaceAll("'", "''")}'`).join(', ');
    settings.push(`SET allowed_directories = [${list}]`);
  }
  settings.push('SET enable_external_access = false');
  settings.push('SET lock_configuration = true');
  return settings;
}

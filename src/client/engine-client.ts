/**
 * The main thread's handle on the engine worker: starts it, forwards calls through comlink, and keeps
 * a count of work in flight so the page can say it is busy (aria-busy on <html>).
 */
import * as Comlink from 'comlink';
import type {
  CleanSourceInput,
  CleanSourceOptions,
  CleaningReport,
  CustomerCleaningOptions,
  CustomerCleaningReport,
  DecodedResult,
  EngineApi,
  ExportDisplay,
  ExportSheet,
  GenericRole,
  RoleCleaningOptions,
  RoleCleaningReport,
  EngineInfo,
  LoadFileOptions,
  LoadProgress,
  ModulePlan,
  Plan,
  Result,
  TableProfile,
  ComputeRequest,
  ComputeResult,
} from '../engine/engine-api.ts';
import { decodeIpc } from './decode.ts';
import type { JournalEntry } from '../analyses/sql-script.ts';
import { toErrorData } from '../engine/engine-error.ts';
import { takeEngineWorker } from './engine-worker-start.ts';

/** What the UI needs of the engine's vocabulary: import it from here, never from src/engine. */
export type {
  Cell,
  CleanSourceInput,
  CleanSourceOptions,
  CleaningReport,
  ColumnProfile,
  CustomerCleaningOptions,
  CustomerCleaningReport,
  DecodedResult,
  EngineErrorData,
  GenericRole,
  RoleCleaningOptions,
  RoleCleaningReport,
  EngineInfo,
  ErrorCode,
  IngestNote,
  IngestNoteKind,
  LoadFileOptions,
  LoadPhase,
  LoadProgress,
  ModulePlan,
  Plan,
  Result,
  Row,
  TableProfile,
} from '../engine/engine-api.ts';

export type BusyListener = (busy: boolean) => void;

export class EngineClient {
  readonly #worker: Worker;
  readonly #api: Comlink.Remote<EngineApi>;
  #inFlight = 0;
  #onBusy: BusyListener;

  constructor(onBusy: BusyListener) {
    this.#onBusy = onBusy;
    this.#worker = takeEngineWorker();
    this.#api = Comlink.wrap<EngineApi>(this.#worker);
  }

  /**
   * Count work in flight; a failure of the channel itself (a value that cannot be cloned, a worker that
   * died) becomes an error Result like the engine's own, so callers have one path for errors.
   */
  async #track<T extends Result<unknown>>(work: Promise<T>): Promise<T> {
    if (this.#inFlight++ === 0) this.#onBusy(true);
    try {
      return await work;
    } catch (e) {
      return { ok: false, error: toErrorData(e) } as T;
    } finally {
      if (--this.#inFlight === 0) this.#onBusy(false);
    }
  }

  /**
   * `?trace=sql` in the page address logs every statement's duration in the worker's console
   * (`[cl-sql] <ms> <sql>`): how the benchmark shows where the time goes. Never data values.
   */
  init(): Promise<Result<EngineInfo>> {
    const traceSql = new URLSearchParams(globalThis.location?.search ?? '').get('trace') === 'sql';
    return this.#track<Result<EngineInfo>>(this.#api.init({ traceSql }));
  }

  loadFile(
    file: File,
    options: LoadFileOptions,
    onProgress: (p: LoadProgress) => void,
  ): Promise<Result<TableProfile>> {
    return this.#track<Result<TableProfile>>(this.#api.loadFile(file, options, Comlink.proxy(onProgress)));
  }

  async query(sql: string): Promise<Result<DecodedResult>> {
    const result = await this.#track<Result<Uint8Array>>(this.#api.query(sql));
    return result.ok ? { ok: true, value: decodeIpc(result.value) } : result;
  }

  exec(sql: string): Promise<Result<null>> {
    return this.#track<Result<null>>(this.#api.exec(sql));
  }

  clean(input: CleanSourceInput, options: CleanSourceOptions): Promise<Result<CleaningReport>> {
    return this.#track<Result<CleaningReport>>(this.#api.clean(input, options));
  }

  cleanCustomers(
    input: CleanSourceInput,
    options: CustomerCleaningOptions,
  ): Promise<Result<CustomerCleaningReport>> {
    return this.#track<Result<CustomerCleaningReport>>(this.#api.cleanCustomers(input, options));
  }

  cleanRole(
    role: GenericRole,
    input: CleanSourceInput,
    options: RoleCleaningOptions,
  ): Promise<Result<RoleCleaningReport>> {
    return this.#track<Result<RoleCleaningReport>>(this.#api.cleanRole(role, input, options));
  }

  /** Issue 17: what the loads of `tables` and their cleanings ran, for Export as SQL. */
  sqlJournal(tables: readonly string[]): Promise<Result<JournalEntry[]>> {
    return this.#track<Result<JournalEntry[]>>(this.#api.sqlJournal([...tables]));
  }

  /** Run a plan; the final query's rows come back decoded (null when the plan has no query). */
  async runPlan(plan: Plan, onProgress?: (fraction: number) => void): Promise<Result<DecodedResult | null>> {
    const result = await this.#track<Result<Uint8Array | null>>(
      this.#api.runPlan(plan, onProgress ? Comlink.proxy(onProgress) : undefined),
    );
    if (!result.ok) return result;
    return { ok: true, value: result.value ? decodeIpc(result.value) : null };
  }

  /** Run a module's plan; each named query's rows come back decoded under its name. */
  async runQueries(
    plan: ModulePlan,
    onProgress?: (fraction: number) => void,
  ): Promise<Result<Record<string, DecodedResult>>> {
    const result = await this.#track<Result<Record<string, Uint8Array>>>(
      this.#api.runQueries(plan, onProgress ? Comlink.proxy(onProgress) : undefined),
    );
    if (!result.ok) return result;
    const entries = Object.entries(result.value).map(([name, bytes]) => [name, decodeIpc(bytes)] as const);
    return { ok: true, value: Object.fromEntries(entries) };
  }

  /** A module's computation in the worker (issue 16: the CLV fit); its result as plain data. */
  compute<R extends ComputeRequest>(
    request: R,
    onProgress?: (fraction: number) => void,
  ): Promise<Result<ComputeResult<R>>> {
    return this.#track<Result<ComputeResult<R>>>(
      this.#api.compute(request, onProgress ? Comlink.proxy(onProgress) : undefined) as Promise<
        Result<ComputeResult<R>>
      >,
    );
  }

  /** Export a query as a file and hand it to the browser as a download (headers: display names). */
  async download(
    sql: string,
    format: 'csv' | 'xlsx',
    fileName: string,
    headers?: Readonly<Record<string, string>>,
    display?: ExportDisplay,
  ): Promise<Result<null>> {
    const result = await this.#track<Result<Uint8Array>>(
      this.#api.exportQuery(
        sql,
        format,
        fileName.replace(/\.[a-z]+$/, ''),
        headers ? { ...headers } : undefined,
        display
          ? { weekdays: [...display.weekdays], words: display.words ? { ...display.words } : undefined }
          : undefined,
      ),
    );
    if (!result.ok) return result;
    this.#save(result.value, format, fileName);
    return { ok: true, value: null };
  }

  /** Several queries as one XLSX workbook (a sheet each), downloaded. */
  async downloadWorkbook(sheets: readonly ExportSheet[], fileName: string): Promise<Result<null>> {
    const plain = sheets.map((s) => ({
      name: s.name,
      sql: s.sql,
      headers: s.headers ? { ...s.headers } : undefined,
      // Both carried to the worker (maskIds was dropped here: the report workbook's ids went out unmasked).
      maskIds: s.maskIds,
      note: s.note,
      display: s.display
        ? {
            weekdays: [...s.display.weekdays],
            words: s.display.words ? { ...s.display.words } : undefined,
          }
        : undefined,
    }));
    const result = await this.#track<Result<Uint8Array>>(this.#api.exportWorkbook(plain));
    if (!result.ok) return result;
    this.#save(result.value, 'xlsx', fileName);
    return { ok: true, value: null };
  }

  /** Hand bytes made on this side (an input template, issue 17) to the browser as a download. */
  saveFile(bytes: Uint8Array, format: 'csv' | 'xlsx', fileName: string): void {
    this.#save(bytes, format, fileName);
  }

  #save(bytes: Uint8Array, format: 'csv' | 'xlsx', fileName: string): void {
    const type =
      format === 'csv'
        ? 'text/csv;charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  dropTable(table: string): Promise<Result<null>> {
    return this.#track<Result<null>>(this.#api.dropTable(table));
  }

  cancel() {
    return this.#api.cancel();
  }

  terminate() {
    this.#worker.terminate();
  }
}

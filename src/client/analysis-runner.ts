/**
 * The one client-side runner for analysis modules (issue 11): every section asks it for a module
 * part's typed result instead of building SQL or decoding rows itself.
 *
 * - Queue: work runs one job at a time on the single engine connection, in the order asked.
 * - Stale results: a run with a `key` is superseded by a later run with the same key; the older one
 *   resolves to `null` and its rows are never shown (also for queries started inside an `$effect`).
 * - Tasks: a job shows as the running task with DuckDB's progress; Cancel stops the rest of a batch.
 * - Errors are reported through the task port (translated by the app) and resolve to `null`.
 */
import type { ExportSpec, ModulePlan, Part, PlanContext, QueryRows } from '../analyses/contract.ts';
import type { EngineClient } from './engine-client.ts';
import type { EngineErrorData } from '../engine/protocol.ts';
import type { ComputeRequest, ComputeResult } from '../engine/engine-api.ts';
import type { ExportDisplay, ExportSheet } from '../engine/engine-api.ts';
import { exportHeaders, exportWords, translate, type Locale, type MessageKey } from '../i18n/i18n.ts';

export type TaskKind = 'cleaning' | 'analysis' | 'export';

/** What the runner needs from the app: the task indicator and the error list. */
export interface TaskPort {
  startTask(kind: TaskKind): void;
  taskProgress(fraction: number): void;
  endTask(): void;
  reportError(error: EngineErrorData): void;
  /** The UI language: exports get their column headers in it unless the caller names them (issue 18). */
  readonly locale?: Locale;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: EngineErrorData };

export class AnalysisRunner {
  readonly #engine: EngineClient;
  readonly #tasks: TaskPort;
  #tail: Promise<unknown> = Promise.resolve();
  readonly #generations = new Map<string, number>();
  /** Set when a query of the running batch was cancelled: the rest of the batch is skipped. */
  #cancelled = false;
  #inBatch = false;
  #batches: Promise<unknown> = Promise.resolve();

  constructor(engine: EngineClient, tasks: TaskPort) {
    this.#engine = engine;
    this.#tasks = tasks;
  }

  /** Run `work` after every engine job asked for earlier (the engine has one connection). */
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(work);
    this.#tail = next.catch(() => undefined);
    return next;
  }

  /**
   * A module part's typed result, or null when it failed (reported), was cancelled, or was superseded
   * by a later run with the same `key`.
   */
  async run<C, P, R>(
    part: Part<C, P, R>,
    config: C,
    ctx: PlanContext,
    params: P,
    options: { key?: string; task?: boolean } = {},
  ): Promise<R | null> {
    const rows = await this.rows(part.plan(config, ctx, params), options);
    return rows ? part.read(rows, params, config) : null;
  }

  /**
   * Run a plan's statements and queries; rows by name, or null (error reported, cancelled, or
   * superseded by a later call with the same `key`).
   */
  async rows(plan: ModulePlan, options: { key?: string; task?: boolean } = {}): Promise<QueryRows | null> {
    const generation = options.key ? this.#bump(options.key) : 0;
    const rows = await this.#exclusive(() => this.#runTracked(plan, options.task ?? false));
    if (options.key && this.#generations.get(options.key) !== generation) return null;
    return rows;
  }

  /**
   * Run several steps in order as one analysis task (one progress bar); a cancel skips the rest.
   * Batches follow each other; each step's queries queue with everything else.
   */
  batch(steps: readonly (() => Promise<unknown>)[]): Promise<void> {
    const next = this.#batches.then(async () => {
      this.#cancelled = false;
      this.#inBatch = true;
      this.#tasks.startTask('analysis');
      try {
        for (let i = 0; i < steps.length && !this.#cancelled; i++) {
          await steps[i]!();
          this.#tasks.taskProgress((i + 1) / steps.length);
        }
      } finally {
        this.#cancelled = false;
        this.#inBatch = false;
        this.#tasks.endTask();
      }
    });
    this.#batches = next.catch(() => undefined);
    return next;
  }

  /**
   * Run a module's computation in the worker (issue 16: the CLV fit) as an analysis task with
   * progress and Cancel; its result, or null (error reported, cancelled, or superseded by `key`).
   */
  async compute<C, R extends ComputeRequest>(
    module: { compute?(config: C, ctx: PlanContext): R },
    config: C,
    ctx: PlanContext,
    options: { key?: string } = {},
  ): Promise<ComputeResult<R> | null> {
    if (!module.compute) throw new Error('compute: the module has no compute step');
    const request = module.compute(config, ctx);
    const generation = options.key ? this.#bump(options.key) : 0;
    const result = await this.#exclusive(async () => {
      if (this.#inBatch && this.#cancelled) return null;
      const own = !this.#inBatch;
      if (own) this.#tasks.startTask('analysis');
      try {
        const r = await this.#engine.compute(request, own ? (f) => this.#tasks.taskProgress(f) : undefined);
        return this.#ok(r) ? r.value : null;
      } finally {
        if (own) this.#tasks.endTask();
      }
    });
    if (options.key && this.#generations.get(options.key) !== generation) return null;
    return result;
  }

  /** Export a module's table as CSV or XLSX (formula-guarded by the engine) and download it. */
  download<C, P>(
    spec: ExportSpec<C, P>,
    config: C,
    ctx: PlanContext,
    params: P,
    format: 'csv' | 'xlsx',
    fileName = spec.file.replace(/\.csv$/, `.${format}`),
    headers?: Readonly<Record<string, string>>,
  ): Promise<boolean> {
    const { statements, query, models } = spec.plan(config, ctx, params);
    return this.downloadQuery(query, format, fileName, statements, headers, models);
  }

  /** Export a query a module or the cleaning built (set-aside rows, a filtered list) as a download. */
  downloadQuery(
    query: string,
    format: 'csv' | 'xlsx',
    fileName: string,
    statements: readonly string[] = [],
    headers?: Readonly<Record<string, string>>,
    models: ModulePlan['models'] = [],
  ): Promise<boolean> {
    return this.#exclusive(async () => {
      this.#tasks.startTask('export');
      try {
        if (statements.length > 0 || (models?.length ?? 0) > 0) {
          const prepared = await this.#engine.runPlan({ statements, models: models ?? [] });
          if (!this.#ok(prepared)) return false;
        }
        return this.#ok(
          await this.#engine.download(
            query,
            format,
            fileName,
            headers ?? this.#defaultHeaders(),
            this.#display(),
          ),
        );
      } finally {
        this.#tasks.endTask();
      }
    });
  }

  /** Several queries as one XLSX workbook (a sheet each, issue 18), after `statements`. */
  downloadWorkbook(
    sheets: readonly ExportSheet[],
    fileName: string,
    statements: readonly string[] = [],
  ): Promise<boolean> {
    return this.#exclusive(async () => {
      this.#tasks.startTask('export');
      try {
        if (statements.length > 0) {
          const prepared = await this.#engine.runPlan({ statements });
          if (!this.#ok(prepared)) return false;
        }
        const headers = this.#defaultHeaders();
        return this.#ok(
          await this.#engine.downloadWorkbook(
            sheets.map((s) => ({
              ...s,
              headers: s.headers ?? headers,
              display: s.display ?? this.#display(),
            })),
            fileName,
          ),
        );
      } finally {
        this.#tasks.endTask();
      }
    });
  }

  /** Values as the UI shows them (issue 18): percentages, weekday names in the UI language. */
  #display(): ExportDisplay | undefined {
    const locale = this.#tasks.locale;
    if (!locale) return undefined;
    return {
      weekdays: [1, 2, 3, 4, 5, 6, 7].map((d) => translate(locale, `behaviour.weekday.${d}` as MessageKey)),
      words: exportWords(locale),
    };
  }

  /** Column headers in the UI language for exports whose caller names none (issue 18). */
  #defaultHeaders(): Readonly<Record<string, string>> | undefined {
    return this.#tasks.locale ? exportHeaders(this.#tasks.locale) : undefined;
  }

  #bump(key: string): number {
    const next = (this.#generations.get(key) ?? 0) + 1;
    this.#generations.set(key, next);
    return next;
  }

  async #runTracked(plan: ModulePlan, task: boolean): Promise<QueryRows | null> {
    if (this.#inBatch && this.#cancelled) return null;
    if (task) this.#tasks.startTask('analysis');
    try {
      return await this.#runPlan(plan, task ? (f) => this.#tasks.taskProgress(f) : undefined);
    } finally {
      if (task) this.#tasks.endTask();
    }
  }

  async #runPlan(plan: ModulePlan, onProgress?: (f: number) => void): Promise<QueryRows | null> {
    // One round trip: the worker runs the statements, then each named query in turn.
    const result = await this.#engine.runQueries(plan, onProgress);
    if (!this.#ok(result)) return null;
    return Object.fromEntries(Object.entries(result.value).map(([name, decoded]) => [name, decoded.rows]));
  }

  #ok<T>(result: Outcome<T>): result is { ok: true; value: T } {
    if (result.ok) return true;
    if (result.error.code === 'cancelled' && this.#inBatch) this.#cancelled = true;
    this.#tasks.reportError(result.error);
    return false;
  }
}

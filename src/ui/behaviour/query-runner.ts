/**
 * Runs a section's queries through the engine: one at a time, as one task with a progress bar, and
 * stops the remaining steps when the user cancels. Errors are shown by the app; a failed query
 * yields null so the card keeps its previous content.
 */
import type { AppState } from '../app-state.svelte.ts';
import type { Plan } from '../../client/engine-client.ts';

export class QueryRunner {
  readonly #app: AppState;
  #cancelled = false;
  #tail: Promise<void> = Promise.resolve();

  constructor(app: AppState) {
    this.#app = app;
  }

  /** Rows of `sql`, or null after an error (reported) or a cancel. */
  async rows<T>(sql: string): Promise<T[] | null> {
    if (this.#cancelled) return null;
    const result = await this.#app.engine.query(sql);
    if (result.ok) return result.value.rows as unknown as T[];
    if (result.error.code === 'cancelled') this.#cancelled = true;
    this.#app.reportError(result.error);
    return null;
  }

  /** Run statements, then the plan's query; its rows (empty without a query), or null on error. */
  async plan<T>(plan: Plan): Promise<T[] | null> {
    if (this.#cancelled) return null;
    const result = await this.#app.engine.runPlan(plan);
    if (result.ok) return (result.value?.rows ?? []) as unknown as T[];
    if (result.error.code === 'cancelled') this.#cancelled = true;
    this.#app.reportError(result.error);
    return null;
  }

  /**
   * Run the steps in order as one analysis task; stops early when a step was cancelled. Calls queue
   * behind each other: the engine runs one query at a time on its connection, and the last change the
   * user made is the one whose results stay.
   */
  steps(steps: readonly (() => Promise<unknown>)[]): Promise<void> {
    return this.#queued(() => this.#runSteps(steps));
  }

  #queued(work: () => Promise<void>): Promise<void> {
    const next = this.#tail.then(work);
    this.#tail = next.catch(() => undefined);
    return next;
  }

  async #runSteps(steps: readonly (() => Promise<unknown>)[]): Promise<void> {
    this.#cancelled = false;
    this.#app.startTask('analysis');
    try {
      for (let i = 0; i < steps.length && !this.#cancelled; i++) {
        await steps[i]!();
        this.#app.taskProgress((i + 1) / steps.length);
      }
    } finally {
      this.#cancelled = false;
      this.#app.endTask();
    }
  }

  /** Export a query as CSV or XLSX (the engine adds the BOM and the formula guard). */
  download(sql: string, format: 'csv' | 'xlsx', fileName: string): Promise<void> {
    return this.#queued(async () => {
      this.#app.startTask('export');
      const result = await this.#app.engine.download(sql, format, fileName);
      this.#app.endTask();
      if (!result.ok) this.#app.reportError(result.error);
    });
  }
}

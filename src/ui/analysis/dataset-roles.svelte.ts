/**
 * Which role each loaded file plays (issue 11): the role its headers fit best (classifyDataset), and
 * the use the user gives it in the Data section — the analysed orders, the customer file, the
 * comparison orders (issue 6) or none. Changing the use hands the file to the state that owns it.
 */
import type { AppState, LoadedTable } from '../app-state.svelte.ts';
import { classifyDataset, type RoleGuess } from '../../ingest/mapping/classify-dataset.ts';
import { columnSamples } from './loaded-dataset.ts';
import { fileFit, type FileFit } from '../../ingest/templates/file-fit.ts';

/** The uses a file can be given today; roles without an analysis yet are only shown as detected. */
export const FILE_USES = ['orders', 'customers', 'comparison', 'unused'] as const;
export type FileUse = (typeof FILE_USES)[number];

/**
 * A loaded table is replaced, never changed, when it is read again: classify each one once, not every
 * table again whenever the list of tables changes. Header matching only: the values were judged in
 * the engine worker at load (ColumnProfile.sniff, issue 19 §2).
 */
const guessed = new WeakMap<LoadedTable, RoleGuess | null>();
const fits = new WeakMap<LoadedTable, FileFit | null>();
function classifyOnce(table: LoadedTable): void {
  if (guessed.has(table)) return;
  const guesses = classifyDataset(columnSamples(table));
  guessed.set(table, guesses.find((g) => g.complete) ?? null);
  fits.set(table, fileFit(guesses));
}
function bestGuess(table: LoadedTable): RoleGuess | null {
  classifyOnce(table);
  return guessed.get(table) ?? null;
}

export class DatasetRoles {
  readonly #app: AppState;
  /** The best complete role per loaded table (null: none complete). */
  readonly #detected = $derived.by<Record<string, RoleGuess | null>>(() =>
    Object.fromEntries(this.#tablesOf().map((t) => [t.id, bestGuess(t)])),
  );

  constructor(app: AppState) {
    this.#app = app;
  }

  #tablesOf(): LoadedTable[] {
    return this.#app.tables;
  }

  detected(table: LoadedTable): RoleGuess | null {
    return this.#detected[table.id] ?? null;
  }

  /**
   * The role the file looks most like and the required columns it lacks for it (issue 17: a filled
   * template with a required column deleted); null when it looks like no role.
   */
  fit(table: LoadedTable): FileFit | null {
    classifyOnce(table);
    return fits.get(table) ?? null;
  }

  /** What the file is used as now. */
  useOf(table: LoadedTable): FileUse {
    const app = this.#app;
    if (app.analysis.ordersTableId === table.id) return 'orders';
    if (app.analysis.moreOrdersIds.includes(table.id)) return 'orders';
    if (app.analysis.customers.tableId === table.id) return 'customers';
    if (app.comparison.info?.sourceTable === table.id) return 'comparison';
    return 'unused';
  }

  /** Give the file another use; the use it had is released first. */
  async setUse(table: LoadedTable, use: FileUse): Promise<void> {
    const app = this.#app;
    const current = this.useOf(table);
    if (current === use) return;
    if (current === 'orders') app.analysis.removeOrdersFile(table.id);
    if (current === 'customers') app.analysis.customers.release();
    if (current === 'comparison') await app.comparison.remove();
    // A second orders file is appended to the first (issue 12); the first becomes the orders otherwise.
    if (use === 'orders' && !app.analysis.addOrdersFile(table)) app.analysis.useAsOrders(table);
    if (use === 'customers') {
      const customers = app.analysis.customers;
      customers.choose(table);
      if (customers.canClean) await app.flow(() => customers.clean());
    }
    if (use === 'comparison') await app.comparison.useTable(table.id);
  }
}

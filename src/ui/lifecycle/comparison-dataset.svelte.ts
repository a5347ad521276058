/**
 * A second orders dataset for the group comparison (issue 6), e.g. a competitor panel next to our
 * own customers. It is read through the usual load path (or taken from a table already loaded in the
 * Data section), mapped automatically, and cleaned with the current cleaning settings into its own
 * tables, so the main dataset (`purchases`, which RFM and the other sections read) never changes.
 * It lives on the AppState so it survives leaving the Lifecycle section.
 */
import type { AppState, LoadedTable } from '../app-state.svelte.ts';
import { asDataset } from '../analysis/loaded-dataset.ts';
import type { CleaningReport } from '../../ingest/cleaning/report.ts';
import {
  cleanRequest,
  datasetColumns,
  openDataset,
  planDataset,
  type LoadedDataset,
} from '../../client/dataset-flow.ts';
import { engineDatasetPort, settle } from '../../client/engine-datasets.ts';
import type { MappingProposal } from '../../ingest/mapping/propose-mapping.ts';
import { dropCleaningOutputs } from '../../client/dataset-queries.ts';
import { COMPARE_SOURCE } from '../../ingest/tables.ts';
import { comparisonMapping, mappingUsable } from './comparison-mapping.ts';
import { COMPARISON_PREFIX, roleTables } from '../../ingest/roles/catalogue.ts';

/** Where the comparison dataset is cleaned to (never the canonical orders_clean / purchases). */
export const COMPARISON_TABLES = roleTables('orders', COMPARISON_PREFIX);

/** A file read for the comparison only (not listed in the Data section). */
const SOURCE_TABLE = COMPARE_SOURCE;

export interface ComparisonInfo {
  fileName: string;
  /** The loaded table it was cleaned from; `owned` = loaded here and dropped on removal. */
  sourceTable: string;
  owned: boolean;
  report: CleaningReport;
}

/** The file could not be used: the roles missing or not safely found. */
export interface ComparisonProblem {
  fileName: string;
  missing: string[][];
  unsure: string[];
}

export class ComparisonDataset {
  info = $state.raw<ComparisonInfo | null>(null);
  problem = $state.raw<ComparisonProblem | null>(null);
  readonly #app: AppState;

  constructor(app: AppState) {
    this.#app = app;
  }

  /** Loaded tables that can serve as the comparison (every one but the analysed orders files). */
  get candidates(): LoadedTable[] {
    const orders = this.#app.analysis.ordersTables.map((t) => t.id);
    return this.#app.tables.filter(
      (t) => t.id !== this.#app.analysis.ordersTableId && !orders.includes(t.id),
    );
  }

  /** Read a file and use it as the comparison dataset; false when it could not be used. */
  loadFile(file: File): Promise<boolean> {
    return this.#app.flow(async () => {
      await this.#clear();
      const app = this.#app;
      app.job = { kind: 'load', fileName: file.name, progress: null, queued: 0 };
      const port = engineDatasetPort(app.engine, (progress) => {
        if (app.job) app.job = { ...app.job, progress };
      });
      const opened = await settle(openDataset(port, file, { table: SOURCE_TABLE, role: 'orders' }));
      app.job = null;
      if (!opened.ok) {
        app.reportError(opened.error);
        return false;
      }
      return this.#prepare(opened.value.dataset, opened.value.plan.proposal, true);
    });
  }

  /** Use a table already loaded in the Data section. */
  useTable(id: string): Promise<boolean> {
    const table = this.candidates.find((t) => t.id === id);
    if (!table) return Promise.resolve(false);
    return this.#app.flow(async () => {
      await this.#clear();
      const dataset = asDataset(table);
      return this.#prepare(dataset, planDataset('orders', datasetColumns(dataset)).proposal, false);
    });
  }

  /** Drop the comparison dataset's tables (and the file read for it). */
  remove(): Promise<void> {
    return this.#app.flow(() => this.#clear());
  }

  async #prepare(dataset: LoadedDataset, proposal: MappingProposal, owned: boolean): Promise<boolean> {
    const app = this.#app;
    const { table, fileName, columns } = dataset.profile;
    const check = comparisonMapping(proposal, columns, $state.snapshot(app.analysis.mapping));
    if (!mappingUsable(check)) {
      this.problem = { fileName, missing: check.missing, unsure: check.unsure };
      if (owned) await app.engine.dropTable(table);
      return false;
    }
    app.startTask('cleaning');
    const request = cleanRequest(
      dataset,
      check.mapping,
      $state.snapshot(app.analysis.config.cleaning),
      COMPARISON_TABLES,
      proposal.platform?.id ?? null,
    );
    const result = await settle(engineDatasetPort(app.engine).clean('orders', request));
    app.endTask();
    if (!result.ok) {
      app.reportError(result.error);
      if (owned) await app.engine.dropTable(table);
      return false;
    }
    this.info = { fileName, sourceTable: table, owned, report: result.value };
    return true;
  }

  async #clear(): Promise<void> {
    const app = this.#app;
    const info = this.info;
    this.info = null;
    this.problem = null;
    const failed = await dropCleaningOutputs(app.engine, COMPARISON_TABLES);
    if (failed) return app.reportError(failed);
    if (info?.owned) await app.engine.dropTable(info.sourceTable);
  }
}

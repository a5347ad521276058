/**
 * A second orders dataset for the group comparison (issue 6), e.g. a competitor panel next to our
 * own customers. It is read through the usual load path (or taken from a table already loaded in the
 * Data section), mapped automatically, and cleaned with the current cleaning settings into its own
 * tables, so the main dataset (`purchases`, which RFM and the other sections read) never changes.
 * It lives on the AppState so it survives leaving the Lifecycle section.
 */
import type { AppState, LoadedTable } from '../app-state.svelte.ts';
import { columnSamples } from '../analysis/analysis-state.svelte.ts';
import { decodeIpc } from '../../client/decode.ts';
import type { CleaningReport } from '../../ingest/cleaning/report.ts';
import { proposeMapping } from '../../ingest/mapping/propose-mapping.ts';
import { cleaningOutputRelations } from '../../ingest/cleaning/build-cleaning-sql.ts';
import {
  buildDropRelationsSql,
  buildRelationsSql,
  type Relation,
} from '../../analyses/lifecycle/build-relations-sql.ts';
import { comparisonMapping, mappingUsable } from './comparison-mapping.ts';

/** Where the comparison dataset is cleaned to (never the canonical orders_clean / purchases). */
export const COMPARISON_TABLES = {
  ordersClean: 'compare_orders_clean',
  purchases: 'compare_purchases',
  setAside: 'compare_set_aside',
} as const;

/** A file read for the comparison only (not listed in the Data section). */
const SOURCE_TABLE = 'compare_source';

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

  /** Loaded tables that can serve as the comparison (every one but the main orders table). */
  get candidates(): LoadedTable[] {
    return this.#app.tables.filter((t) => t.id !== this.#app.analysis.ordersTableId);
  }

  /** Read a file and use it as the comparison dataset; false when it could not be used. */
  loadFile(file: File): Promise<boolean> {
    return this.#app.flow(async () => {
      await this.#clear();
      const app = this.#app;
      app.job = { kind: 'load', fileName: file.name, progress: null, queued: 0 };
      const started = performance.now();
      const result = await app.engine.loadFile(file, { table: SOURCE_TABLE }, (progress) => {
        if (app.job) app.job = { ...app.job, progress };
      });
      app.job = null;
      if (!result.ok) {
        app.reportError(result.error);
        return false;
      }
      const { preview, ...profile } = result.value;
      const table: LoadedTable = {
        id: SOURCE_TABLE,
        file,
        profile,
        preview: decodeIpc(preview),
        loadMs: Math.round(performance.now() - started),
      };
      return this.#prepare(table, true);
    });
  }

  /** Use a table already loaded in the Data section. */
  useTable(id: string): Promise<boolean> {
    const table = this.candidates.find((t) => t.id === id);
    if (!table) return Promise.resolve(false);
    return this.#app.flow(async () => {
      await this.#clear();
      return this.#prepare(table, false);
    });
  }

  /** Drop the comparison dataset's tables (and the file read for it). */
  remove(): Promise<void> {
    return this.#app.flow(() => this.#clear());
  }

  async #prepare(table: LoadedTable, owned: boolean): Promise<boolean> {
    const app = this.#app;
    const columns = table.profile.columns.map((c) => ({ name: c.name, type: c.type }));
    const check = comparisonMapping(
      proposeMapping('orders', columnSamples(table)),
      columns,
      $state.snapshot(app.analysis.mapping),
    );
    if (!mappingUsable(check)) {
      this.problem = { fileName: table.profile.fileName, missing: check.missing, unsure: check.unsure };
      if (owned) await app.engine.dropTable(table.id);
      return false;
    }
    app.startTask('cleaning');
    const result = await app.engine.clean(
      { table: table.id, columns },
      {
        mapping: check.mapping,
        cleaning: $state.snapshot(app.analysis.config.cleaning),
        tables: { ...COMPARISON_TABLES },
      },
    );
    app.endTask();
    if (!result.ok) {
      app.reportError(result.error);
      if (owned) await app.engine.dropTable(table.id);
      return false;
    }
    this.info = { fileName: table.profile.fileName, sourceTable: table.id, owned, report: result.value };
    return true;
  }

  async #clear(): Promise<void> {
    const app = this.#app;
    const info = this.info;
    this.info = null;
    this.problem = null;
    const names = cleaningOutputRelations(COMPARISON_TABLES).map((r) => r.name);
    const found = await app.engine.query(buildRelationsSql(names));
    if (!found.ok) return app.reportError(found.error);
    const relations = found.value.rows.map((r) => ({
      name: String(r.name),
      kind: r.kind as Relation['kind'],
    }));
    for (const sql of buildDropRelationsSql(relations)) {
      const dropped = await app.engine.exec(sql);
      if (!dropped.ok) return app.reportError(dropped.error);
    }
    if (info?.owned) await app.engine.dropTable(info.sourceTable);
  }
}

/**
 * The dataset flow's port over a DbPort in Node (duckdb-wasm's Node build or native DuckDB): the
 * shared loadSource and the two cleanings, as the CLI and the benchmark's native run use them.
 * Errors are thrown as the engine throws them (EngineError, CleaningInputError): callers word them.
 */
import type { DbPort } from '../engine/db-port.ts';
import { loadSource } from '../engine/readers/load-source.ts';
import type { SourceFile } from '../engine/source-file.ts';
import { decodeIpc } from '../client/decode.ts';
import { runCleaning } from '../engine/clean-source.ts';
import { runCustomerCleaning } from '../engine/clean-customers.ts';
import { runRoleCleaning } from '../engine/clean-role.ts';
import type { GenericRole } from '../ingest/cleaning/build-role-cleaning-sql.ts';
import { runCombinedCleaning } from '../engine/clean-combined.ts';
import type { CleanReports, CleanRequest, CleanRole, DatasetPort } from '../client/dataset-flow.ts';

/** Rows of the preview each loaded table keeps for mapping and classification (as the app). */
const PREVIEW_ROWS = 100;

export function nodeDatasetPort(db: DbPort): DatasetPort<SourceFile> {
  return {
    async load(file, table, options) {
      const { preview, ...profile } = await loadSource(db, file, {
        table,
        previewRows: PREVIEW_ROWS,
        ...(options?.sheet !== undefined ? { sheet: options.sheet } : {}),
      });
      return { profile, rows: decodeIpc(preview).rows };
    },
    async clean<R extends CleanRole>(role: R, request: CleanRequest): Promise<CleanReports[R]> {
      const input = { table: request.table, columns: request.columns };
      const options = {
        mapping: request.mapping,
        ...(request.cleaning ? { cleaning: request.cleaning } : {}),
        ...(request.platform ? { platform: request.platform } : {}),
        ...(request.tables ? { tables: request.tables } : {}),
      };
      const parts = request.parts;
      const report =
        role === 'orders'
          ? parts && parts.length > 1
            ? await runCombinedCleaning(db, parts, options)
            : await runCleaning(db, input, options)
          : role === 'customers'
            ? await runCustomerCleaning(db, input, options)
            : await runRoleCleaning(db, role as GenericRole, input, options);
      return report as CleanReports[R];
    },
  };
}

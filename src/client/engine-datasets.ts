/**
 * The dataset flow's port over the engine worker (EngineClient): loading reports progress, and an
 * engine error is thrown as a DatasetPortError carrying the plain error data the UI translates.
 */
import type { EngineErrorData } from '../engine/engine-error.ts';
import { toErrorData } from '../engine/engine-error.ts';
import type { LoadProgress } from '../engine/readers/load-source.ts';
import type { GenericRole, Result } from '../engine/engine-api.ts';
import { decodeIpc } from './decode.ts';
import type { EngineClient } from './engine-client.ts';
import type { CleanReports, CleanRequest, CleanRole, DatasetPort } from './dataset-flow.ts';

export class DatasetPortError extends Error {
  readonly error: EngineErrorData;
  constructor(error: EngineErrorData) {
    super(error.message);
    this.error = error;
  }
}

/** The error data of whatever a port call threw. */
export function portErrorData(e: unknown): EngineErrorData {
  return e instanceof DatasetPortError ? e.error : toErrorData(e);
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new DatasetPortError(result.error);
  return result.value;
}

export function engineDatasetPort(
  engine: EngineClient,
  onProgress: (p: LoadProgress) => void = () => {},
): DatasetPort<File> {
  return {
    async load(file, table, options) {
      const sheet = options?.sheet;
      const { preview, ...profile } = unwrap(
        await engine.loadFile(file, { table, ...(sheet !== undefined ? { sheet } : {}) }, onProgress),
      );
      return { profile, rows: decodeIpc(preview).rows };
    },
    async clean<R extends CleanRole>(role: R, request: CleanRequest): Promise<CleanReports[R]> {
      const input = {
        table: request.table,
        columns: request.columns.map((c) => ({ ...c })),
        ...(request.parts
          ? {
              parts: request.parts.map((p) => ({
                table: p.table,
                columns: p.columns.map((c) => ({ ...c })),
                mapping: { ...p.mapping },
                label: p.label,
              })),
            }
          : {}),
      };
      const options = {
        mapping: { ...request.mapping },
        ...(request.cleaning ? { cleaning: request.cleaning } : {}),
        ...(request.platform ? { platform: request.platform } : {}),
        ...(request.tables ? { tables: { ...request.tables } } : {}),
      };
      const report =
        role === 'orders'
          ? unwrap(await engine.clean(input, options))
          : role === 'customers'
            ? unwrap(await engine.cleanCustomers(input, options))
            : unwrap(await engine.cleanRole(role as GenericRole, input, options));
      return report as CleanReports[R];
    },
  };
}

/** A port call as a Result again, for UI code that reports errors as values. */
export async function settle<T>(work: Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work };
  } catch (e) {
    return { ok: false, error: portErrorData(e) };
  }
}

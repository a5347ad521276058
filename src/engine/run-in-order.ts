/**
 * The one way the engine runs a plan (runPlan, runQueries): statements in order, then queries, on the
 * one connection, checking for cancel between them. DuckDB's progress (0..1) is reported over the
 * whole run, each statement and query counting as one step. Returns each query's Arrow IPC bytes.
 */
import type { DbPort } from './db-port.ts';
import type { PlanModelStep } from './protocol.ts';
import { runModelStep } from './run-model.ts';

export async function runInOrder(
  port: DbPort,
  signal: AbortSignal,
  statements: readonly string[],
  queries: readonly string[],
  onProgress?: (fraction: number) => void,
  models: readonly PlanModelStep[] = [],
): Promise<Uint8Array[]> {
  const total = statements.length + models.length + queries.length;
  let step = 0;
  const report = (f: number) => onProgress?.((step + f) / Math.max(1, total));
  for (const sql of statements) {
    signal.throwIfAborted();
    await port.queryIpc(sql, report);
    step++;
  }
  for (const model of models) {
    signal.throwIfAborted();
    await runModelStep(port, model, signal, report);
    step++;
  }
  signal.throwIfAborted();
  const out: Uint8Array[] = [];
  for (const sql of queries) {
    if (out.length) signal.throwIfAborted();
    out.push(await port.queryIpc(sql, report));
    step++;
  }
  return out;
}

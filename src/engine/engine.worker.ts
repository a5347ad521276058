/// <reference lib="webworker" />
/**
 * The engine worker: the only place the app touches DuckDB. It owns one DuckDB instance (opened once,
 * offline settings fixed at open), loads files, runs plans and hands back Arrow IPC bytes transferred.
 */
import * as Comlink from 'comlink';
import { openBrowserDb } from './browser-db.ts';
import type { DbPort } from './db-port.ts';
import type { EngineApi, EngineInfo, Result } from './engine-api.ts';
import { EngineError, toErrorData } from './engine-error.ts';
import { loadSource } from './readers/load-source.ts';
import { browserSourceFile } from './source-file.ts';
import { ident } from '../sql/quote.ts';
import { exportQuery, exportWorkbook } from './export-query.ts';
import { CleaningInputError, runCleaning } from './clean-source.ts';
import { runCustomerCleaning } from './clean-customers.ts';
import { runRoleCleaning } from './clean-role.ts';
import { runCombinedCleaning } from './clean-combined.ts';
import { runInOrder } from './run-in-order.ts';
import { runCompute } from './run-compute.ts';
import { statementShape } from '../sql/statement-shape.ts';

let dbPromise: Promise<DbPort> | null = null;
let info: EngineInfo | null = null;
let current: AbortController | null = null;
let traceSql = false;

/** Log each statement's duration (benchmark profiles); statement shapes only: no literal, no result. */
function traced(port: DbPort): DbPort {
  const wrap =
    <A extends [string, ...unknown[]], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      if (!traceSql) return f(...a);
      const t0 = performance.now();
      try {
        return await f(...a);
      } finally {
        console.debug(`[cl-sql] ${Math.round(performance.now() - t0)} ${statementShape(a[0])}`);
      }
    };
  return { ...port, exec: wrap(port.exec.bind(port)), queryIpc: wrap(port.queryIpc.bind(port)) };
}

function db(): Promise<DbPort> {
  if (!dbPromise) {
    const t0 = performance.now();
    dbPromise = openBrowserDb().then(async (port) => {
      info = {
        duckdbVersion: await port.version(),
        bundle: 'eh',
        startMs: Math.round(performance.now() - t0),
      };
      return traced(port);
    });
    dbPromise.catch(() => {
      dbPromise = null;
    });
  }
  return dbPromise;
}

/** The tail of the work queue: DuckDB has one connection here, so calls run one after another. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Run engine work in order, never two statements at once on the one connection (overlapping calls
 * from two screens used to collide and lose a result). Errors come back as data.
 */
function run<T>(work: (db: DbPort, signal: AbortSignal) => Promise<T>): Promise<Result<T>> {
  const next = queue.then(() => runNow(work));
  queue = next.catch(() => undefined);
  return next;
}

async function runNow<T>(work: (db: DbPort, signal: AbortSignal) => Promise<T>): Promise<Result<T>> {
  const controller = new AbortController();
  current = controller;
  try {
    const port = await db().catch((e: unknown) => {
      throw new EngineError('engine_failed', e instanceof Error ? e.message : String(e), {
        detail: e instanceof Error ? e.message : String(e),
      });
    });
    return { ok: true, value: await work(port, controller.signal) };
  } catch (e) {
    if (controller.signal.aborted) return { ok: false, error: { code: 'cancelled', message: 'cancelled' } };
    return { ok: false, error: toErrorData(e) };
  } finally {
    if (current === controller) current = null;
  }
}

const api: EngineApi = {
  async init(options) {
    if (options?.traceSql) traceSql = true;
    return run(async () => info!);
  },
  async loadFile(file, options, onProgress) {
    const result = await run((port, signal) =>
      loadSource(port, browserSourceFile(file), { ...options, onProgress, signal }),
    );
    return result.ok ? Comlink.transfer(result, [result.value.preview.buffer]) : result;
  },
  async query(sql) {
    const result = await run((port) => port.queryIpc(sql));
    return result.ok ? Comlink.transfer(result, [result.value.buffer]) : result;
  },
  async exec(sql) {
    return run(async (port) => {
      await port.exec(sql);
      return null;
    });
  },
  async clean(input, options) {
    return run(async (port) => {
      try {
        return input.parts && input.parts.length > 1
          ? await runCombinedCleaning(port, input.parts, options)
          : await runCleaning(port, input, options);
      } catch (e) {
        if (e instanceof CleaningInputError) throw new EngineError('mapping_invalid', e.message);
        throw e;
      }
    });
  },
  async cleanCustomers(input, options) {
    return run(async (port) => {
      try {
        return await runCustomerCleaning(port, input, options);
      } catch (e) {
        if (e instanceof CleaningInputError) throw new EngineError('mapping_invalid', e.message);
        throw e;
      }
    });
  },
  async cleanRole(role, input, options) {
    return run(async (port) => {
      try {
        return await runRoleCleaning(port, role, input, options);
      } catch (e) {
        if (e instanceof CleaningInputError) throw new EngineError('mapping_invalid', e.message);
        throw e;
      }
    });
  },
  async runPlan(plan, onProgress) {
    const result = await run(async (port, signal) => {
      const queries = plan.query ? [plan.query] : [];
      const [bytes] = await runInOrder(port, signal, plan.statements, queries, onProgress, plan.models);
      return bytes ?? null;
    });
    return result.ok && result.value ? Comlink.transfer(result, [result.value.buffer]) : result;
  },
  async runQueries(plan, onProgress) {
    const result = await run(async (port, signal) => {
      const names = Object.keys(plan.queries);
      const sqls = names.map((name) => plan.queries[name]!);
      const bytes = await runInOrder(port, signal, plan.statements, sqls, onProgress, plan.models);
      // fromEntries: any name (even `__proto__`) becomes an ordinary key.
      return Object.fromEntries(names.map((name, i) => [name, bytes[i]!]));
    });
    return result.ok
      ? Comlink.transfer(
          result,
          Object.values(result.value).map((b) => b.buffer),
        )
      : result;
  },
  async compute(request, onProgress) {
    return run((port, signal) => runCompute(port, request, signal, onProgress));
  },
  async exportQuery(sql, format, sheetName, headers) {
    const result = await run((port) => exportQuery(port, sql, format, sheetName, headers));
    return result.ok ? Comlink.transfer(result, [result.value.buffer]) : result;
  },
  async exportWorkbook(sheets) {
    const result = await run((port) => exportWorkbook(port, sheets));
    return result.ok ? Comlink.transfer(result, [result.value.buffer]) : result;
  },
  async dropTable(table) {
    return run(async (port) => {
      await port.exec(`DROP TABLE IF EXISTS ${ident(table)}`);
      return null;
    });
  },
  async cancel() {
    const controller = current;
    if (!controller) return;
    controller.abort();
    const port = await dbPromise;
    await port?.cancel();
  },
};

Comlink.expose(api);

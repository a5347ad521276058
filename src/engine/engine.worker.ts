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
import { recordingDb, type JournalEntry, type RecordingDb } from './recording-db.ts';

let dbPromise: Promise<DbPort> | null = null;
let info: EngineInfo | null = null;
let current: AbortController | null = null;
let traceSql = false;
/** Issue 17 (Export as SQL): what each load and cleaning ran, to replay in a script. */
let recorder: RecordingDb | null = null;
const loadJournals = new Map<string, JournalEntry[]>();
/** By cleaning (kind and target tables), latest last; with the tables each one read. */
const cleanJournals = new Map<string, { sources: readonly string[]; entries: JournalEntry[] }>();

/** Run `work` with the recorder on and return what it recorded besides its result. */
async function recorded<T>(port: DbPort, work: () => Promise<T>): Promise<[T, JournalEntry[]]> {
  const rec = recorder;
  if (!rec || port !== rec) return [await work(), []];
  const start = rec.journal.length;
  rec.recording = true;
  try {
    const value = await work();
    return [value, rec.journal.slice(start)];
  } finally {
    rec.recording = false;
    rec.journal.length = start;
  }
}

/** Run a cleaning and keep its journal under `key` (a failed one leaves none: its outputs are gone). */
async function journaledCleaning<T>(
  port: DbPort,
  key: string,
  sources: readonly string[],
  work: () => Promise<T>,
): Promise<T> {
  cleanJournals.delete(key);
  const [report, entries] = await recorded(port, work);
  cleanJournals.set(key, { sources, entries });
  return report;
}

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
      recorder = recordingDb(traced(port));
      recorder.recording = false;
      return recorder;
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
    const result = await run(async (port, signal) => {
      loadJournals.delete(options.table);
      const [profile, entries] = await recorded(port, () =>
        loadSource(port, browserSourceFile(file), { ...options, onProgress, signal }),
      );
      loadJournals.set(options.table, entries);
      return profile;
    });
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
        const sources =
          input.parts && input.parts.length > 1 ? input.parts.map((p) => p.table) : [input.table];
        return await journaledCleaning(port, `orders ${JSON.stringify(options.tables ?? {})}`, sources, () =>
          input.parts && input.parts.length > 1
            ? runCombinedCleaning(port, input.parts, options)
            : runCleaning(port, input, options),
        );
      } catch (e) {
        if (e instanceof CleaningInputError) throw new EngineError('mapping_invalid', e.message);
        throw e;
      }
    });
  },
  async cleanCustomers(input, options) {
    return run(async (port) => {
      try {
        return await journaledCleaning(
          port,
          `customers ${JSON.stringify(options.tables ?? {})}`,
          [input.table],
          () => runCustomerCleaning(port, input, options),
        );
      } catch (e) {
        if (e instanceof CleaningInputError) throw new EngineError('mapping_invalid', e.message);
        throw e;
      }
    });
  },
  async cleanRole(role, input, options) {
    return run(async (port) => {
      try {
        return await journaledCleaning(
          port,
          `${role} ${JSON.stringify(options.tables ?? {})}`,
          [input.table],
          () => runRoleCleaning(port, role, input, options),
        );
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
  async exportQuery(sql, format, sheetName, headers, display) {
    const result = await run((port) => exportQuery(port, sql, format, sheetName, headers, display));
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
  async sqlJournal(tables) {
    return run(async () => [
      ...tables.flatMap((t) => loadJournals.get(t) ?? []),
      ...[...cleanJournals.values()]
        .filter((c) => c.sources.every((t) => tables.includes(t)))
        .flatMap((c) => c.entries),
    ]);
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

// Open DuckDB as soon as the worker runs (issue 20: the page starts this worker before its own code
// loads), so `init` finds it opening or open. A failure is reported by `init`, which tries again.
void db().catch(() => undefined);

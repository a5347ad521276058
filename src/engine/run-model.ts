/**
 * Run a plan's model step (issue 15; analyses/models/model-types.ts) on a DbPort: its input queries,
 * the pure model, then its output tables written back (Arrow IPC where the port takes it, else
 * INSERT batches). Used by the worker (runInOrder) and the CLI, so both compute the same thing.
 */
import { Table, tableFromIPC, tableToIPC, type Vector } from 'apache-arrow';
import { float64Vector, int32Vector, utf8Vector } from './arrow-columns.ts';
import type { DbPort } from './db-port.ts';
import { MODEL_RUNNERS } from '../analyses/models/models.ts';
import type { Cell, Columns, ModelStep, OutputTable } from '../analyses/models/model-types.ts';
import { ident, literal } from '../sql/quote.ts';
import { ModelLimitError } from '../analyses/models/model-types.ts';
import { EngineError } from './engine-error.ts';

function toColumns(bytes: Uint8Array): Columns {
  const table = tableFromIPC(bytes);
  const out: Record<string, Cell[]> = Object.create(null) as Record<string, Cell[]>;
  table.schema.fields.forEach((field, i) => {
    const vector = table.getChildAt(i)!;
    const values: Cell[] = new Array<Cell>(table.numRows);
    for (let r = 0; r < table.numRows; r++) {
      const v: unknown = vector.get(r);
      values[r] =
        v == null ? null : typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : String(v);
    }
    out[field.name] = values;
  });
  return out;
}

const SQL_TYPE = { text: 'VARCHAR', double: 'DOUBLE', int: 'INTEGER' } as const;

export async function writeTable(port: DbPort, t: OutputTable): Promise<void> {
  await port.exec(`DROP TABLE IF EXISTS ${ident(t.name)}`);
  await port.exec(
    `CREATE TABLE ${ident(t.name)} (${t.columns.map((c) => `${ident(c.name)} ${SQL_TYPE[c.type]}`).join(', ')})`,
  );
  const rows = t.values[0]?.length ?? 0;
  if (rows === 0) return;
  if (port.kind !== 'native') {
    const batch = 200_000;
    for (let from = 0; from < rows; from += batch) {
      const to = Math.min(rows, from + batch);
      const vectors: Record<string, Vector> = {};
      t.columns.forEach((c, i) => {
        const values = t.values[i]!.slice(from, to);
        vectors[`c${i}`] =
          c.type === 'text'
            ? utf8Vector(values.map((v) => (v == null ? null : String(v))))
            : (c.type === 'int' ? int32Vector : float64Vector)(
                values.map((v) => (v == null ? null : Number(v))),
              );
      });
      const staging = `${t.name}__staging`;
      await port.insertArrowIpc(staging, tableToIPC(new Table(vectors), 'stream'), true);
      await port.exec(
        `INSERT INTO ${ident(t.name)} SELECT ${t.columns.map((_, i) => ident(`c${i}`)).join(', ')} FROM ${ident(staging)}`,
      );
      await port.exec(`DROP TABLE IF EXISTS ${ident(staging)}`);
    }
    return;
  }
  const batch = 1000;
  for (let from = 0; from < rows; from += batch) {
    const to = Math.min(rows, from + batch);
    const tuples: string[] = [];
    for (let r = from; r < to; r++) {
      tuples.push(`(${t.values.map((col) => literal(col[r] ?? null)).join(', ')})`);
    }
    await port.exec(`INSERT INTO ${ident(t.name)} VALUES ${tuples.join(', ')}`);
  }
}

/** Run a model; its limits become engine errors (translated `error.<code>`). */
async function runModel(
  runner: (typeof MODEL_RUNNERS)[keyof typeof MODEL_RUNNERS],
  ...args: Parameters<(typeof MODEL_RUNNERS)[keyof typeof MODEL_RUNNERS]>
) {
  try {
    return await runner(...args);
  } catch (e) {
    if (e instanceof ModelLimitError) throw new EngineError(e.code, e.message, e.params);
    throw e;
  }
}

/** A macrotask turn: lets the worker receive Cancel while a model computes. */
const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runModelStep(
  port: DbPort,
  step: ModelStep,
  signal: AbortSignal,
  onProgress?: (fraction: number) => void,
): Promise<void> {
  const runner = MODEL_RUNNERS[step.model];
  if (!runner) throw new Error(`unknown model ${String(step.model)}`);
  const inputs: Record<string, Columns> = {};
  for (const [name, sql] of Object.entries(step.inputs)) {
    signal.throwIfAborted();
    inputs[name] = toColumns(await port.queryIpc(sql));
  }
  let last = Date.now();
  const tables = await runModel(runner, inputs, step.params, {
    yieldNow: async () => {
      signal.throwIfAborted();
      if (Date.now() - last < 50) return;
      await macrotask();
      last = Date.now();
      signal.throwIfAborted();
    },
    progress: (f) => onProgress?.(f),
  });
  for (const t of tables) {
    signal.throwIfAborted();
    await writeTable(port, t);
  }
}

/**
 * Model steps (issue 15): computations SQL does not express well (k-means, frequent itemsets,
 * recommendations) run as pure TypeScript beside the SQL of a plan. A plan names a model, the SQL
 * queries that feed it and its JSON parameters; the engine (worker in the browser, the CLI's DbPort
 * in Node) runs the queries, calls the model and writes the tables it returns back into DuckDB, so
 * the plan's queries and exports read them like any other table. Nothing here touches DuckDB.
 */

export type ModelName = 'clusters' | 'rules' | 'recommend';

export interface ModelStep {
  readonly model: ModelName;
  /** Named SQL queries whose rows feed the model. */
  readonly inputs: Readonly<Record<string, string>>;
  /** JSON parameters (the model validates what it reads). */
  readonly params: Readonly<Record<string, unknown>>;
}

export type Cell = string | number | null;

/** A query's rows by column: name → values (numbers stay numbers, dates are ISO text). */
export type Columns = Readonly<Record<string, readonly Cell[]>>;

export type ColumnType = 'text' | 'double' | 'int';

/** A table a model writes (replacing any table of that name), column-major. */
export interface OutputTable {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
  readonly values: readonly (readonly Cell[])[];
}

export interface ModelIo {
  /** Give the event loop a turn (a worker then sees Cancel); throws when cancelled. */
  yieldNow(): Promise<void>;
  progress(fraction: number): void;
}

export type ModelRunner = (
  inputs: Readonly<Record<string, Columns>>,
  params: Readonly<Record<string, unknown>>,
  io: ModelIo,
) => Promise<OutputTable[]>;

/**
 * A limit a model refuses to pass (e.g. too many frequent itemsets): the engine reports it as the
 * error code `code` (translated `error.<code>` with `params`).
 */
export class ModelLimitError extends Error {
  readonly code: 'itemset_cap';
  readonly params: Record<string, string | number>;
  constructor(code: 'itemset_cap', message: string, params: Record<string, string | number>) {
    super(message);
    this.name = 'ModelLimitError';
    this.code = code;
    this.params = params;
  }
}

/** A model's result summary as a one-row table `(json VARCHAR)`. */
export function jsonTable(name: string, value: unknown): OutputTable {
  return { name, columns: [{ name: 'json', type: 'text' }], values: [[JSON.stringify(value)]] };
}

/** A yield for Node and tests: nothing to wait for. */
export const NO_IO: ModelIo = { yieldNow: async () => undefined, progress: () => undefined };

/**
 * Cleaning described as steps, without a database (issue 11): a generator yields one step at a time —
 * statements to run, then an optional query — and receives that query's rows to decide the next step.
 * The engine's driver (src/engine/run-steps.ts) runs them; tests can drive them with rows by hand.
 */

/** A row of a step's query, as the driver decodes it (numbers, ISO dates, text, booleans, null). */
export type StepRow = Readonly<Record<string, unknown>>;

export interface Step {
  /** Statements run in order first. */
  sql?: string | readonly string[];
  /** Then this query; its rows are what the yield returns ([] without a query). */
  query?: string;
}

/** Steps ending in a value of type T (the cleaning report). */
export type Steps<T> = Generator<Step, T, StepRow[]>;

/** A count read back from a query (DuckDB counts arrive as numbers; absent = 0). */
export const num = (x: unknown) => Number(x ?? 0);

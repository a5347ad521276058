/** A decoded result row as the engine hands it over (numbers, ISO date text, strings, booleans). */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

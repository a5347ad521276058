/**
 * Types shared by repair-exprs.ts and text-profile.ts. They live here, not in either file, so neither
 * imports the other (each file re-exports its own type for existing importers).
 */

export interface SourceColumn {
  name: string;
  /** DuckDB type as loaded, e.g. VARCHAR, BIGINT, DECIMAL(18,2), DATE, TIMESTAMP. */
  type: string;
}

/** Known facts about a clean text column (text-profile.ts), for repairExpr / repairConditions. */
export interface CleanText {
  dot: boolean;
  exp: boolean;
}

/**
 * Will a file fit in the tab? duckdb-wasm tops out near 4 GiB of wasm memory (memory_limit 3.1 GiB by
 * default). Measured (engine-notes §4): a 1.47 GB / 25M-row orders CSV loaded and ran RFM at ~2.2 GB
 * of DuckDB memory; 1.76 GB ran out of memory in RFM. So we refuse before starting, with the estimate,
 * rather than crash the tab, and point to the CLI (native engine) for bigger files.
 */
export interface MemoryEstimate {
  /** Estimated peak bytes the engine needs to load and analyse the file. */
  neededBytes: number;
  fits: boolean;
}

/** Bytes of wasm memory we plan to use at most (leaves headroom below the 3.1 GiB limit). */
export const BROWSER_BUDGET_BYTES = 2.6 * 1024 ** 3;

/** Peak memory per byte of input, by how the file reaches DuckDB. */
const FACTOR = {
  /** Read lazily by handle: the typed table plus query working memory (~1.5× of the CSV at 25M rows). */
  csvByHandle: 1.6,
  /** Decoded or converted text is held in memory as UTF-8 next to the table. */
  csvInMemory: 2.8,
  /** SheetJS holds the workbook's cells as JS objects: roughly 20× the zipped size (1M rows: 104 MB → ~2 GB). */
  xlsx: 20,
} as const;

export function estimateMemory(kind: keyof typeof FACTOR, fileBytes: number): MemoryEstimate {
  const neededBytes = Math.round(fileBytes * FACTOR[kind]);
  return { neededBytes, fits: neededBytes <= BROWSER_BUDGET_BYTES };
}

export function toGigabytes(bytes: number): string {
  return (bytes / 1024 ** 3).toFixed(1);
}

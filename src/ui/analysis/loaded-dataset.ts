/** A table loaded in the Data section, as the dataset flow (client/dataset-flow.ts) sees it. */
import type { LoadedTable } from '../app-state.svelte.ts';
import { datasetColumns, type LoadedDataset } from '../../client/dataset-flow.ts';
import type { ColumnInfo } from '../../ingest/mapping/propose-mapping.ts';

export function asDataset(table: LoadedTable): LoadedDataset {
  return { profile: { ...table.profile, table: table.id }, rows: table.preview.rows };
}

/** Columns with their first sample values: what mapping and classification read. */
export function columnSamples(table: LoadedTable): ColumnInfo[] {
  return datasetColumns(asDataset(table));
}

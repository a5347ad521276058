/**
 * One dataset flow for the app, the CLI and the benchmark (issue 11): load a file → classify its role
 * (unless the caller says which) → propose the mapping (a saved one is reused when it fits) →
 * validate → clean → report. Plain TypeScript over a small port, so the same steps run against the
 * engine worker (engine-datasets.ts) and against a DbPort in Node (cli/node-datasets.ts).
 */
import type { TableProfile } from '../engine/readers/load-source.ts';
import type { CleaningReport } from '../ingest/cleaning/report.ts';
import type { CustomerCleaningReport } from '../engine/clean-customers.ts';
import type { RoleCleaningReport } from '../ingest/cleaning/role-cleaning-steps.ts';
import type { CleaningConfig } from '../config/schema.ts';
import type { SourceKind } from '../config/roles.ts';
import { matchColumns } from '../config/match-columns.ts';
import { proposeMapping, type ColumnInfo, type MappingProposal } from '../ingest/mapping/propose-mapping.ts';
import { classifyDataset, type RoleGuess } from '../ingest/mapping/classify-dataset.ts';
import { sampleValues } from '../ingest/mapping/column-sniff.ts';
import { looksLikeCustomers } from '../ingest/cleaning/build-customers-cleaning-sql.ts';
import type { DatasetRole } from '../ingest/roles/index.ts';
import { GENERIC_CLEANING_ROLES, isGenericRole, type GenericRole } from '../ingest/roles/generic.ts';
import { missingRequirements } from '../ingest/templates/file-fit.ts';

export { GENERIC_CLEANING_ROLES, type GenericRole };

/** A loaded table: its profile and first rows (decoded), whatever engine read it. */
export interface LoadedDataset {
  profile: Omit<TableProfile, 'preview'>;
  rows: readonly Record<string, unknown>[];
}

/** Roles that have a cleaning today (touches, experiment, leads: issue 13); the others are classified and mapped only. */
export type CleanRole = 'orders' | 'customers' | 'touches' | 'experiment' | 'leads' | 'events';

export interface CleanRequest {
  table: string;
  columns: readonly { name: string; type: string }[];
  mapping: Readonly<Record<string, string>>;
  /** Absent: the cleaning defaults. */
  cleaning?: CleaningConfig | undefined;
  /** Output table names (roles/catalogue.ts), e.g. the comparison's `compare_` tables. */
  tables?: Readonly<Record<string, string>> | undefined;
  /** Several files of the role, cleaned as one (issue 12): each with its own mapping, latest last. */
  parts?: readonly CleanPart[] | undefined;
  /** Platform recognised from the headers (currency evidence). */
  platform?: string | null | undefined;
}

export interface CleanPart {
  table: string;
  columns: readonly { name: string; type: string }[];
  mapping: Readonly<Record<string, string>>;
  label: string;
}

export interface CleanReports {
  orders: CleaningReport;
  customers: CustomerCleaningReport;
  touches: RoleCleaningReport;
  experiment: RoleCleaningReport;
  leads: RoleCleaningReport;
  events: RoleCleaningReport;
}

/** What the flow needs from an engine. Both methods throw on failure (each adapter says with what). */
export interface DatasetPort<F> {
  /** `options.sheet`: a workbook's sheet to read (default: the one best for its role, issue 21). */
  load(file: F, table: string, options?: { sheet?: string | undefined }): Promise<LoadedDataset>;
  clean<R extends CleanRole>(role: R, request: CleanRequest): Promise<CleanReports[R]>;
}

/**
 * Columns with their first non-null values as text: the input of mapping and classification, with
 * what the engine worker judged of those values at load (`sniff`, issue 19 §2).
 */
export function datasetColumns(dataset: LoadedDataset): ColumnInfo[] {
  return dataset.profile.columns.map((c) => ({
    name: c.name,
    type: c.type,
    samples: sampleValues(dataset.rows, c.name),
    ...(c.sniff ? { sniff: c.sniff } : {}),
  }));
}

/**
 * A mapping saved in a config. `all_columns` (the app): reused as is when every one of its columns is
 * in the file. `by_name` (the CLI and shared configs, issue 5): each column matched by exact then
 * normalised name; roles whose column is absent are dropped.
 */
export interface SavedMapping {
  mapping: Readonly<Record<string, string>>;
  match: 'all_columns' | 'by_name';
  /** The platform the config names, when the headers name none. */
  platform?: string | undefined;
}

export interface DatasetPlan {
  role: DatasetRole | SourceKind;
  proposal: MappingProposal;
  mapping: Record<string, string>;
  /** The saved mapping was used. */
  reused: boolean;
  /**
   * A saved mapping was given but does not fit this file (it leaves a required role without a
   * column while the automatic mapping finds them all): the automatic mapping is used (issue 12
   * item 11), and callers tell the user.
   */
  savedIgnored: boolean;
  platform: string | null;
  /** Requirements without a column, each a list of alternatives (`['order_time', 'paid_time']`). */
  missing: string[][];
}

function savedFits(saved: SavedMapping | null | undefined, columns: readonly string[]) {
  if (!saved || Object.keys(saved.mapping).length === 0) return null;
  if (saved.match === 'by_name') {
    const match = matchColumns(saved.mapping, columns);
    return Object.fromEntries(match.matched.map((m) => [m.role, m.actual]));
  }
  return Object.values(saved.mapping).every((c) => columns.includes(c)) ? { ...saved.mapping } : null;
}

/** Requirements of the role (roles/) that the mapping leaves without a column. */
export { missingRequirements };

/** The mapping of a file for a role: the saved one when it fits, else the proposal; what is missing. */
export function planDataset(
  role: DatasetRole | SourceKind,
  columns: readonly ColumnInfo[],
  saved?: SavedMapping | null,
): DatasetPlan {
  const proposal = proposeMapping(role, columns);
  const kept = savedFits(
    saved,
    columns.map((c) => c.name),
  );
  const ignored =
    kept !== null &&
    missingRequirements(role, kept).length > 0 &&
    missingRequirements(role, proposal.mapping).length === 0;
  const used = ignored ? null : kept;
  const mapping = used ?? { ...proposal.mapping };
  return {
    role,
    proposal,
    mapping,
    reused: used !== null,
    savedIgnored: ignored,
    platform: proposal.platform?.id ?? saved?.platform ?? null,
    missing: missingRequirements(role, mapping),
  };
}

/**
 * Whether the plan is good enough to take the file as that role without asking: nothing missing, and a
 * customer file must look like one (looksLikeCustomers) unless a saved mapping says so.
 */
export function planUsable(plan: DatasetPlan): boolean {
  if (plan.missing.length > 0) return false;
  return plan.role !== 'customers' || plan.reused || looksLikeCustomers(plan.proposal);
}

/** The first of the datasets (in the order given) usable as `role`, with its plan; null when none. */
export function findDataset<D extends LoadedDataset>(
  role: DatasetRole,
  datasets: readonly D[],
  options: { saved?: SavedMapping | null; exclude?: readonly D[] } = {},
): { dataset: D; plan: DatasetPlan } | null {
  for (const dataset of datasets) {
    if (options.exclude?.includes(dataset)) continue;
    const plan = planDataset(role, datasetColumns(dataset), options.saved);
    if (planUsable(plan)) return { dataset, plan };
  }
  return null;
}

export interface OpenedDataset {
  dataset: LoadedDataset;
  /** The ranked roles (empty when the caller forced one). */
  guesses: RoleGuess[];
  plan: DatasetPlan;
}

/** Load a file and plan it: as `role` when given, else as the role its headers fit best. */
export async function openDataset<F>(
  port: DatasetPort<F>,
  file: F,
  options: { table: string; role?: DatasetRole | undefined; saved?: SavedMapping | null },
): Promise<OpenedDataset> {
  const dataset = await port.load(file, options.table);
  const columns = datasetColumns(dataset);
  const guesses = options.role ? [] : classifyDataset(columns);
  const role = options.role ?? guesses[0]!.role;
  return { dataset, guesses, plan: planDataset(role, columns, options.saved) };
}

/** The role a file's headers fit best among those they fully map (classifyDataset), if any. */
export function bestCompleteRole(columns: readonly ColumnInfo[]): DatasetRole | null {
  return classifyDataset(columns).find((g) => g.complete)?.role ?? null;
}

/** The generic role (touches, experiment results, leads) a file's headers say it is, if any. */
export function guessGenericRole(columns: readonly ColumnInfo[]): GenericRole | null {
  const role = bestCompleteRole(columns);
  return role !== null && isGenericRole(role) ? role : null;
}

/** The request that cleans a planned dataset. */
export function cleanRequest(
  dataset: LoadedDataset,
  mapping: Readonly<Record<string, string>>,
  cleaning?: CleaningConfig,
  tables?: Readonly<Record<string, string>>,
  platform?: string | null,
): CleanRequest {
  return {
    table: dataset.profile.table,
    columns: dataset.profile.columns.map((c) => ({ name: c.name, type: c.type })),
    mapping,
    ...(cleaning ? { cleaning } : {}),
    ...(tables ? { tables } : {}),
    ...(platform ? { platform } : {}),
  };
}

/** Every dataset (in the order given) usable as `role`, each with its own plan (issue 12: several files). */
export function findDatasets<D extends LoadedDataset>(
  role: DatasetRole,
  datasets: readonly D[],
  options: { saved?: SavedMapping | null; exclude?: readonly D[] } = {},
): { dataset: D; plan: DatasetPlan }[] {
  return datasets.flatMap((dataset) => {
    if (options.exclude?.includes(dataset)) return [];
    const plan = planDataset(role, datasetColumns(dataset), options.saved);
    return planUsable(plan) ? [{ dataset, plan }] : [];
  });
}

/**
 * The mapping of another file of the same role: the first file's mapping matched by column name
 * (exact, then normalised), and the file's own proposal for roles that match no column.
 */
export function planLikeFirst(
  role: DatasetRole | SourceKind,
  columns: readonly ColumnInfo[],
  first: Readonly<Record<string, string>>,
): DatasetPlan {
  const plan = planDataset(role, columns, { mapping: first, match: 'by_name' });
  const mapping = { ...plan.mapping };
  const used = new Set(Object.values(mapping));
  for (const [r, column] of Object.entries(plan.proposal.mapping)) {
    if (Object.hasOwn(mapping, r) || used.has(column)) continue;
    mapping[r] = column;
    used.add(column);
  }
  return { ...plan, mapping, missing: missingRequirements(role, mapping) };
}

/** The request that cleans several planned files of one role as one dataset (latest file last). */
export function combinedCleanRequest(
  files: readonly { dataset: LoadedDataset; mapping: Readonly<Record<string, string>> }[],
  cleaning?: CleaningConfig,
  tables?: Readonly<Record<string, string>>,
  platform?: string | null,
): CleanRequest {
  const first = files[0]!;
  const request = cleanRequest(first.dataset, first.mapping, cleaning, tables, platform);
  if (files.length < 2) return request;
  return {
    ...request,
    parts: files.map((f) => ({
      table: f.dataset.profile.table,
      columns: f.dataset.profile.columns.map((c) => ({ name: c.name, type: c.type })),
      mapping: { ...f.mapping },
      label: sourceLabel(f.dataset.profile),
    })),
  };
}

/**
 * How a source is named in per-source counts: the file, and the sheet when it is one of several
 * sheets of a workbook (issue 21: monthly sheets appended like several files), `book.xlsx · 1月`.
 */
export function sourceLabel(
  profile: Pick<LoadedDataset['profile'], 'fileName' | 'sheet' | 'sheets'>,
): string {
  return profile.sheet && profile.sheets.length > 1
    ? `${profile.fileName} · ${profile.sheet}`
    : profile.fileName;
}

/**
 * The analysis module contract (issue 11). Every analysis is one object exported by
 * `src/analyses/<id>/module.ts` and listed once in `src/analyses/registry.ts`; navigation, the
 * workspace, the config schema, the CLI's output files and the smoke e2e iterate that list.
 *
 * A module is pure: it turns its config slice and a context into SQL (`plan`), and rows back into a
 * typed result (`read`). It never runs anything: the client runner (browser) and the CLI (Node) run
 * the same plans on the engine. How to add one: docs/adding-an-analysis.md.
 */
import type { ResultRow } from './read-rows.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import type { ComputeRequest } from './clv/fit-request.ts';
import type { ModelStep } from './models/model-types.ts';
import type { Finding } from './findings/finding.ts';

export type { ResultRow } from './read-rows.ts';

export type Locale = 'zh-CN' | 'en';

/** Statements run in order, then every named query; results come back by name. */
export interface ModulePlan {
  readonly statements: readonly string[];
  readonly queries: Readonly<Record<string, string>>;
  /** Model steps (issue 15, models/model-types.ts), run after the statements and before the queries. */
  readonly models?: readonly ModelStep[];
}

/** Rows of a plan's named queries, decoded (numbers, ISO date text, strings, booleans, null). */
export type QueryRows = Readonly<Record<string, readonly ResultRow[]>>;

/** What a plan may depend on besides its config: the data it reads and the run's settings. */
export interface PlanContext {
  readonly locale: Locale;
  /** The canonical purchases table or view of the analysed dataset (src/ingest/canonical.ts). */
  readonly purchases: string;
  /**
   * The returns view beside it (issue 12, item 2; src/ingest/cleaning/cleaning-plan.ts
   * returnsViewName): credit notes not matched to an order, netted into revenue and RFM monetary.
   * Absent = no returns to net (a purchases table made without cleaning).
   */
  readonly returns?: string | undefined;
  /**
   * What one purchase is (issue 12, item 10; the config's `cleaning.purchase`): `orders` or `days`.
   * Absent = purchase days, the builders' convention. Passed to every builder that counts purchases.
   */
  readonly purchaseUnit?: 'orders' | 'days' | undefined;
  /** YYYY-MM-DD: the CLI's --as-of; absent = the config's or the data's own. */
  readonly asOf?: string | undefined;
  /**
   * ISO code of the dataset's amounts (cleaning report), null = not detected; absent = not known to
   * the caller (money thresholds then apply as configured). See rfm/money-cuts.ts.
   */
  readonly currency?: string | null | undefined;
  /**
   * Issue 15: the cleaned basket-file table (basket_id, customer_id, item), when a `baskets` file is
   * loaded; the basket rules then read it instead of the orders.
   */
  readonly baskets?: string | undefined;
  /**
   * Issue 16: the CLV predictions table when the CLV models were fit on these purchases (the app's
   * CLV section ran, the CLI's --clv); the RFM customer list and customers.csv then carry the CLV
   * columns. Absent = not fit (the columns are left out, and the UI says so).
   */
  readonly clv?: string | undefined;
}

/**
 * One piece of a module's result that a screen asks for on its own (a card, the drill-down page),
 * with the view parameters it takes (`P`, e.g. a grouping). `read` returns the typed result: screens
 * never cast rows.
 */
export interface Part<C, P, R> {
  plan(config: C, ctx: PlanContext, params: P): ModulePlan;
  read(rows: QueryRows, params: P, config: C): R;
}

/**
 * A table the module can export: the same SQL feeds the UI's CSV/XLSX buttons and the CLI's file.
 * `statements` run first (e.g. a lazily built feature table), after the module's `prepare`.
 */
export interface ExportSpec<C, P = void> {
  readonly id: string;
  /** File the CLI writes (`customers.csv`); the UI names its download after it. */
  readonly file: string;
  /** Written by `customer-lens analyze` (only exports without parameters can be). */
  readonly cli: P extends void ? boolean : false;
  /**
   * `json` (issue 15): the query gives one row whose `json` column is the file's content, written
   * pretty-printed (e.g. clusters.json); default csv.
   */
  readonly format?: 'csv' | 'json';
  plan(config: C, ctx: PlanContext, params: P): ExportPlan;
}

/** Statements to run first, then the query whose rows are the file. */
export interface ExportPlan {
  readonly statements: readonly string[];
  readonly query: string;
  /** Model steps run after the statements (issue 15). */
  readonly models?: readonly ModelStep[];
}

/**
 * Findings (issue 17): small rules over the module's results. `plan` runs after the module's
 * `prepare` (and compute, when the module has one and it ran); `read` turns the rows into findings,
 * leaving out any that rest on too little data or on a difference a test does not support.
 */
export interface FindingsSpec<C> {
  plan(config: C, ctx: PlanContext): ModulePlan;
  read(rows: QueryRows, config: C, ctx: PlanContext): readonly Finding[];
}

/** Where the module appears in the app's navigation (null: its results show inside another section). */
export interface SectionMeta {
  /** i18n key of the tab title. */
  readonly titleKey: MessageKey;
  /** Position among the analysis tabs (lower first). */
  readonly order: number;
}

export interface AnalysisModule<
  C = unknown,
  Parts = Readonly<Record<string, Part<C, never, unknown>>>,
  K extends string = string,
  Id extends string = string,
> {
  readonly id: Id;
  /** Dataset roles the module needs (src/ingest/roles): the section is enabled when they are cleaned. */
  readonly needs: readonly string[];
  /** Issue 15: besides `needs`, at least one of these roles (e.g. orders or a basket file). */
  readonly needsAny?: readonly string[];
  /**
   * The CLI writes this module's files only when asked (its flag, e.g. --clusters): model steps that
   * take seconds are not in every run. The app runs it when its section is opened.
   */
  readonly cliOptIn?: boolean;
  /** The config slice it reads (`config[configKey]` is its `C`; slices are listed in registry.ts). */
  readonly configKey: K;
  /**
   * Tables its parts and exports read, materialised once per run (e.g. rfm_customers). The UI's first
   * part runs them; the CLI runs them before the exports. Empty when every query stands alone.
   */
  prepare(config: C, ctx: PlanContext): readonly string[];
  /**
   * A computation in TypeScript the engine runs after `prepare` and before the parts and exports
   * (issue 16: the CLV model fit, which writes the table they query). The app runs it in the worker;
   * the CLI runs it only when asked (e.g. `--clv`) and writes `<id>_model.json` from its result.
   */
  compute?(config: C, ctx: PlanContext): ComputeRequest;
  readonly parts: Parts;
  /** Tables the CLI writes and the UI's export buttons download (same SQL). */
  readonly exports: readonly ExportSpec<C>[];
  /** Findings in words (issue 17); absent = the module has none yet. */
  readonly findings?: FindingsSpec<C>;
  readonly section: SectionMeta | null;
}

/** Build a module with its types checked (and inferred for the parts). */
export function defineModule<
  C,
  Parts extends Readonly<Record<string, Part<C, never, unknown>>>,
  const K extends string,
  const Id extends string,
>(module: AnalysisModule<C, Parts, K, Id>): AnalysisModule<C, Parts, K, Id> {
  return module;
}

/** A plan of named queries only. */
export function queriesPlan(queries: Readonly<Record<string, string>>, statements: readonly string[] = []) {
  return { statements, queries } satisfies ModulePlan;
}

/**
 * The analysis session: which loaded table is the orders source, its column mapping (proposed, then
 * fixed by the user), the cleaning options and the cleaning report. All of it lives in the
 * AnalysisConfig (the spine), so it can be saved and shared; the data never is.
 */
import { RoleFilesState } from '../cleaning/role-files-state.svelte.ts';
import type { AppState, LoadedTable } from '../app-state.svelte.ts';
import { defaultConfig } from '../../config/parse-config.ts';
import type { AnalysisConfig, CleaningConfig, SourceConfig } from '../../config/schema.ts';
import type { MappingProposal } from '../../ingest/mapping/propose-mapping.ts';
import type { CleaningReport } from '../../ingest/cleaning/report.ts';
import { detectPiiColumns } from '../../ingest/pii/detect-pii.ts';
import { validateOrdersMapping } from '../../ingest/cleaning/validate-mapping.ts';
import { TABLES } from '../../ingest/canonical.ts';
import { setAsideColumns, setAsideQuery } from '../../client/dataset-queries.ts';
import type { PiiKind } from '../../ingest/pii/mask.ts';
import { combinedCleanRequest, planDataset, planLikeFirst } from '../../client/dataset-flow.ts';
import { engineDatasetPort, settle } from '../../client/engine-datasets.ts';
import { CustomersState } from '../cleaning/customers-state.svelte.ts';
import { asDataset, columnSamples } from './loaded-dataset.ts';
import { DatasetRoles } from './dataset-roles.svelte.ts';

export { columnSamples };

/**
 * Key roles that are mapped but not the proposal's own choice with a safe score (≥ 0.75): cleaning
 * without asking is only safe when this is empty (also used for a comparison dataset, issue 6).
 */
export function unsureRoles(proposal: MappingProposal, mapping: Readonly<Record<string, string>>): string[] {
  const keyRoles = ['customer_id', 'order_time', 'paid_time', 'amount', 'unit_price', 'quantity'];
  return keyRoles
    .filter((r) => mapping[r])
    .filter((r) => !((proposal.confidence[r]?.score ?? 0) >= 0.75 && proposal.mapping[r] === mapping[r]));
}

export class AnalysisState {
  config = $state<AnalysisConfig>(defaultConfig());
  ordersTableId = $state<string | null>(null);
  /**
   * More files of the same role, appended to the first one (issue 12): in the order they were added;
   * when an order is in several files, the copy in the file added last is kept.
   */
  moreOrdersIds = $state<string[]>([]);
  proposal = $state.raw<MappingProposal | null>(null);
  report = $state.raw<CleaningReport | null>(null);
  /** The report belongs to this mapping/cleaning; editing either makes it stale. */
  reportStale = $state(false);
  /** Show personal data unmasked on this machine; stored in the config (view.maskPii), masked by default. */
  get revealPii(): boolean {
    return this.config.view.maskPii === false;
  }
  set revealPii(reveal: boolean) {
    this.config = { ...this.config, view: { ...this.config.view, maskPii: !reveal } };
  }
  readonly #app: AppState;
  /** The customer file (issue 3); here so the Data and Cleaning sections share it. */
  readonly customers: CustomersState;
  /** Touches, experiment and leads files (issue 13). */
  readonly roleFiles: RoleFilesState;
  /** The role each loaded file was recognised as and the use the user gives it (issue 11). */
  readonly roles: DatasetRoles;

  constructor(app: AppState) {
    this.#app = app;
    this.customers = new CustomersState(app);
    this.roleFiles = new RoleFilesState(app);
    this.roles = new DatasetRoles(app);
  }

  get ordersTable(): LoadedTable | null {
    return this.#app.tables.find((t) => t.id === this.ordersTableId) ?? null;
  }

  /** The other orders files, each with its mapping matched to the first file's and what it lacks. */
  get moreOrders(): { table: LoadedTable; mapping: Record<string, string>; missing: string[][] }[] {
    const tables = this.#app.tables;
    const first = this.mapping;
    return this.moreOrdersIds.flatMap((id) => {
      const table = tables.find((t) => t.id === id);
      if (!table) return [];
      const plan = planLikeFirst('orders', columnSamples(table), first);
      return [{ table, mapping: plan.mapping, missing: plan.missing }];
    });
  }

  /** Every orders file cleaned together: the first, then the others that have every required column. */
  get ordersTables(): LoadedTable[] {
    const first = this.ordersTable;
    if (!first) return [];
    return [first, ...this.moreOrders.filter((m) => m.missing.length === 0).map((m) => m.table)];
  }

  /**
   * Append a file to the orders (issue 12) when its columns fit; false when it does not. `sameHeaders`
   * (a file just dropped): only when the first file's required columns are in it by name — another
   * export of the same shop; a file with other headers stays apart until the user combines it.
   */
  addOrdersFile(table: LoadedTable, options: { sameHeaders?: boolean } = {}): boolean {
    if (!this.ordersTable) {
      this.useAsOrders(table);
      return true;
    }
    if (table.id === this.ordersTableId || this.moreOrdersIds.includes(table.id)) return true;
    const columns = columnSamples(table);
    if (options.sameHeaders) {
      const byName = planDataset('orders', columns, { mapping: this.mapping, match: 'by_name' });
      if (byName.missing.length > 0) return false;
    }
    const plan = planLikeFirst('orders', columns, this.mapping);
    if (plan.missing.length > 0) return false;
    this.moreOrdersIds = [...this.moreOrdersIds, table.id];
    this.reportStale = this.report !== null;
    return true;
  }

  /** Take a file out of the orders; the next file becomes the first when the first is removed. */
  removeOrdersFile(id: string): void {
    if (this.moreOrdersIds.includes(id)) {
      this.moreOrdersIds = this.moreOrdersIds.filter((x) => x !== id);
      this.reportStale = this.report !== null;
      return;
    }
    if (id !== this.ordersTableId) return;
    const [next, ...rest] = this.moreOrders.map((m) => m.table);
    const hadReport = this.report !== null;
    this.forget();
    if (next) {
      this.useAsOrders(next);
      this.moreOrdersIds = rest.map((t) => t.id);
      this.reportStale = hadReport;
    }
  }

  get orders(): SourceConfig | null {
    return this.config.sources.find((s) => s.id === 'orders') ?? null;
  }

  get mapping(): Record<string, string> {
    return this.orders?.mapping ?? {};
  }

  /**
   * Roles still needed before cleaning can run, as the cleaning itself decides them (validateOrdersMapping):
   * a customer id, an order or paid time, and an amount or a unit price (amount = price × quantity).
   */
  get missingRequired(): string[][] {
    const table = this.ordersTable;
    if (!table) return [];
    return validateOrdersMapping(this.mapping, table.profile.columns)
      .filter((i) => i.code === 'missing_role')
      .map((i) => i.role.split('|'));
  }

  get canClean(): boolean {
    return this.ordersTable !== null && this.missingRequired.length === 0;
  }

  /** PII columns of the orders source to mask (none when the user revealed them). */
  get piiColumns(): Record<string, PiiKind> {
    const table = this.ordersTable;
    if (!table || this.revealPii) return {};
    const found = detectPiiColumns(columnSamples(table), this.mapping);
    return Object.fromEntries(found.map((p) => [p.column, p.kind]));
  }

  /** PII columns of any loaded table to mask on screen (the orders mapping helps for the orders table). */
  piiColumnsOf(table: LoadedTable): Record<string, PiiKind> {
    if (this.revealPii) return {};
    const mapping = table.id === this.ordersTableId ? this.mapping : {};
    return Object.fromEntries(detectPiiColumns(columnSamples(table), mapping).map((p) => [p.column, p.kind]));
  }

  get setAsideColumns(): string[] {
    const table = this.ordersTable;
    if (!table) return [];
    // Several files: the set-aside rows carry the file, its row there and the combined columns.
    if (this.report?.setAsideColumns) return [...this.report.setAsideColumns];
    return setAsideColumns(table.profile.columns.map((c) => ({ name: c.name, type: c.type })));
  }

  /** The orders set-aside rows (masked unless revealed); `limit` for the view, none for exports. */
  setAsideSql(limit?: number): string {
    return setAsideQuery({
      table: this.report?.tables.setAside ?? TABLES.setAside,
      columns: this.setAsideColumns,
      pii: this.piiColumns,
      limit,
    });
  }

  /** Take a loaded table as the orders source and propose its mapping (kept if the config already has one that fits). */
  useAsOrders(table: LoadedTable): void {
    this.ordersTableId = table.id;
    this.moreOrdersIds = this.moreOrdersIds.filter((id) => id !== table.id);
    const existing = this.orders;
    const plan = planDataset(
      'orders',
      columnSamples(table),
      existing ? { mapping: existing.mapping, match: 'all_columns' } : null,
    );
    const proposal = plan.proposal;
    this.proposal = proposal;
    const source: SourceConfig = {
      id: 'orders',
      kind: 'orders',
      encoding: 'auto',
      fileNameHint: table.profile.fileName,
      mapping: plan.reused ? existing!.mapping : plan.mapping,
      ...(proposal.platform ? { platform: proposal.platform.id } : {}),
    };
    this.#setSource(source);
    this.report = null;
  }

  /** The orders table was removed: keep the config (mapping stays reusable), drop data-bound state. */
  forget(): void {
    this.ordersTableId = null;
    this.moreOrdersIds = [];
    this.proposal = null;
    this.report = null;
  }

  setRole(role: string, column: string | null): void {
    const current = this.orders;
    if (!current) return;
    const mapping = { ...current.mapping };
    if (column) mapping[role] = column;
    else delete mapping[role];
    this.#setSource({ ...current, mapping });
    this.reportStale = this.report !== null;
  }

  /** Whether the proposal is sure enough to clean without asking (every required role ≥ 0.75; a plain "amount" header scores 0.79). */
  get confident(): boolean {
    const p = this.proposal;
    if (!p || this.missingRequired.length > 0) return false;
    return unsureRoles(p, this.mapping).length === 0;
  }

  /** Replace top-level config sections (e.g. `{ rfm }`) — every analysis keeps its settings in the config. */
  updateConfig(patch: Partial<Omit<AnalysisConfig, 'version'>>): void {
    this.config = { ...this.config, ...patch };
  }

  /** Apply a whole config (loaded, imported or from a share link); the orders mapping is re-proposed only if it does not fit. */
  applyConfig(config: AnalysisConfig): void {
    this.config = config;
    this.report = null;
    const table = this.ordersTable;
    if (table) this.useAsOrders(table);
  }

  setCleaning(patch: Partial<CleaningConfig>): void {
    this.config = { ...this.config, cleaning: { ...this.config.cleaning, ...patch } };
    this.reportStale = this.report !== null;
  }

  async clean(): Promise<boolean> {
    const table = this.ordersTable;
    if (!table || !this.canClean) return false;
    this.#app.startTask('cleaning');
    // Snapshots: $state proxies cannot be structured-cloned into the worker.
    const more = this.moreOrders.filter((m) => m.missing.length === 0);
    const request = combinedCleanRequest(
      [
        { dataset: asDataset(table), mapping: $state.snapshot(this.mapping) },
        ...more.map((m) => ({ dataset: asDataset(m.table), mapping: m.mapping })),
      ],
      $state.snapshot(this.config.cleaning),
      undefined,
      this.orders?.platform ?? null,
    );
    const result = await settle(engineDatasetPort(this.#app.engine).clean('orders', request));
    this.#app.endTask();
    if (!result.ok) {
      this.#app.reportError(result.error);
      return false;
    }
    this.report = result.value;
    this.reportStale = false;
    performance.mark('cl:cleaned');
    return true;
  }

  #setSource(source: SourceConfig): void {
    const others = this.config.sources.filter((s) => s.id !== source.id);
    this.config = { ...this.config, sources: [source, ...others] };
  }
}

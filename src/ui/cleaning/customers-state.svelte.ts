/**
 * The customer file on the cleaning screen (issue 3): which loaded table holds customer profiles, its
 * mapping (kept in the config as the `customers` source, next to `orders`), the cleaning report and
 * the set-aside rows' SQL (PII masked unless revealed).
 */
import type { AppState, LoadedTable } from '../app-state.svelte.ts';
import { asDataset, columnSamples } from '../analysis/loaded-dataset.ts';
import { cleanRequest, planDataset } from '../../client/dataset-flow.ts';
import { engineDatasetPort, settle } from '../../client/engine-datasets.ts';
import type { SourceConfig } from '../../config/schema.ts';
import { proposeMapping, type MappingProposal } from '../../ingest/mapping/propose-mapping.ts';
import { looksLikeCustomers, setAsideColumns, setAsideQuery } from '../../client/dataset-queries.ts';
import { CUSTOMERS_SET_ASIDE } from '../../ingest/tables.ts';
import { detectPiiColumns } from '../../ingest/pii/detect-pii.ts';
import type { CustomerCleaningReport } from '../../client/engine-client.ts';

export class CustomersState {
  tableId = $state<string | null>(null);
  proposal = $state.raw<MappingProposal | null>(null);
  report = $state.raw<CustomerCleaningReport | null>(null);
  stale = $state(false);
  /** Tables the user said are not the customer file (never suggested again). */
  #declined = $state.raw<readonly string[]>([]);
  readonly #app: AppState;
  /** Proposals per loaded table (computed once per table list). */
  readonly #proposals = $derived<Record<string, MappingProposal>>(
    Object.fromEntries(this.#tables().map((t) => [t.id, proposeMapping('customers', columnSamples(t))])),
  );

  constructor(app: AppState) {
    this.#app = app;
  }

  #tables(): LoadedTable[] {
    return this.#app.tables;
  }

  /** A loaded table other than the orders one that looks like a customer file. */
  get suggested(): LoadedTable | null {
    const orders = this.#app.analysis.ordersTableId;
    return (
      this.#tables().find(
        (t) =>
          t.id !== orders && !this.#declined.includes(t.id) && looksLikeCustomers(this.#proposals[t.id]!),
      ) ?? null
    );
  }

  /** Show the card when several files are loaded or one looks like a customer file. */
  get visible(): boolean {
    return this.#tables().length > 1 || this.suggested !== null;
  }

  get table(): LoadedTable | null {
    return this.#tables().find((t) => t.id === this.tableId) ?? null;
  }

  get source(): SourceConfig | null {
    return this.#app.analysis.config.sources.find((s) => s.id === 'customers') ?? null;
  }

  get mapping(): Record<string, string> {
    return this.source?.mapping ?? {};
  }

  get isOrdersTable(): boolean {
    return this.tableId !== null && this.tableId === this.#app.analysis.ordersTableId;
  }

  get canClean(): boolean {
    return this.table !== null && !!this.mapping.customer_id && !this.isOrdersTable;
  }

  /** Take a loaded table as the customer file; a saved mapping is kept when its columns are all there. */
  choose(table: LoadedTable): void {
    this.tableId = table.id;
    this.#declined = this.#declined.filter((id) => id !== table.id);
    const existing = this.source;
    const plan = planDataset(
      'customers',
      columnSamples(table),
      existing ? { mapping: existing.mapping, match: 'all_columns' } : null,
    );
    this.proposal = plan.proposal;
    this.#setSource({
      id: 'customers',
      kind: 'customers',
      encoding: 'auto',
      fileNameHint: table.profile.fileName,
      mapping: plan.reused ? existing!.mapping : plan.mapping,
    });
    this.report = null;
  }

  /** No table is the customer file any more (its mapping stays in the config, reusable). */
  release(): void {
    if (this.tableId) this.#declined = [...this.#declined, this.tableId];
    this.tableId = null;
    this.proposal = null;
    this.report = null;
  }

  setRole(role: string, column: string | null): void {
    const current = this.source;
    if (!current) return;
    const mapping = { ...current.mapping };
    if (column) mapping[role] = column;
    else delete mapping[role];
    this.#setSource({ ...current, mapping });
    this.stale = this.report !== null;
  }

  get setAsideColumns(): string[] {
    const table = this.table;
    if (!table) return [];
    return setAsideColumns(table.profile.columns);
  }

  /** The set-aside rows (masked unless revealed); `limit` for the view, none for exports. */
  setAsideSql(limit?: number): string {
    const table = this.table;
    const pii =
      table && !this.#app.analysis.revealPii
        ? Object.fromEntries(
            detectPiiColumns(columnSamples(table), this.mapping).map((p) => [p.column, p.kind]),
          )
        : {};
    return setAsideQuery({
      table: this.report?.tables.setAside ?? CUSTOMERS_SET_ASIDE,
      columns: this.setAsideColumns,
      pii,
      limit,
    });
  }

  async clean(): Promise<boolean> {
    const table = this.table;
    if (!table || !this.canClean) return false;
    this.#app.startTask('cleaning');
    const request = cleanRequest(
      asDataset(table),
      $state.snapshot(this.mapping),
      $state.snapshot(this.#app.analysis.config.cleaning),
    );
    const result = await settle(engineDatasetPort(this.#app.engine).clean('customers', request));
    this.#app.endTask();
    if (!result.ok) {
      this.#app.reportError(result.error);
      return false;
    }
    this.report = result.value;
    this.stale = false;
    return true;
  }

  #setSource(source: SourceConfig): void {
    const sources = this.#app.analysis.config.sources.filter((s) => s.id !== 'customers');
    this.#app.analysis.updateConfig({ sources: [...sources, source] });
  }
}

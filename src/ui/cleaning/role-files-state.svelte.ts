/**
 * Campaign touches, experiment results and leads files on the cleaning screen (issue 13): each loaded
 * table other than the orders and customer files gets a role (detected from its headers, changeable),
 * its mapping (kept in the config as a source of that kind, like orders and customers) and the generic
 * cleaning with its report. A cleaned role opens the sections that need it (AppState.cleanedRoles).
 */
import type { AppState, LoadedTable } from '../app-state.svelte.ts';
import { columnSamples, asDataset } from '../analysis/loaded-dataset.ts';
import {
  cleanRequest,
  GENERIC_CLEANING_ROLES,
  guessGenericRole,
  planDataset,
  type GenericRole,
} from '../../client/dataset-flow.ts';
import { engineDatasetPort, settle } from '../../client/engine-datasets.ts';
import type { RoleCleaningReport } from '../../client/engine-client.ts';
import type { SourceConfig } from '../../config/schema.ts';

export { GENERIC_CLEANING_ROLES, type GenericRole };

export class RoleFilesState {
  readonly #app: AppState;
  /** Role chosen per table id (null: not used). */
  roles = $state<Record<string, GenericRole | null>>({});

  constructor(app: AppState) {
    this.#app = app;
  }

  /** Tables that are neither the cleaned orders nor the customer file (a lone experiment file too). */
  get tables(): LoadedTable[] {
    const orders = this.#app.analysis.report !== null ? this.#app.analysis.ordersTableId : null;
    const customers = this.#app.analysis.customers.tableId;
    // Further orders files or sheets appended to the orders (issues 12, 21) are orders too.
    const more = orders !== null ? this.#app.analysis.moreOrdersIds : [];
    return this.#app.tables.filter((t) => t.id !== orders && t.id !== customers && !more.includes(t.id));
  }

  /** The role of a table: the user's choice, else the best complete guess among these roles. */
  roleOf(table: LoadedTable): GenericRole | null {
    if (Object.hasOwn(this.roles, table.id)) return this.roles[table.id] ?? null;
    return guessGenericRole(columnSamples(table));
  }

  setRole(table: LoadedTable, role: GenericRole | null): void {
    this.roles = { ...this.roles, [table.id]: role };
  }

  source(role: GenericRole): SourceConfig | null {
    return this.#app.analysis.config.sources.find((s) => s.id === role) ?? null;
  }

  /** The mapping of a table for its role: the saved one when its columns are there, else proposed. */
  mapping(table: LoadedTable, role: GenericRole): Record<string, string> {
    const saved = this.source(role);
    const plan = planDataset(
      role,
      columnSamples(table),
      saved ? { mapping: saved.mapping, match: 'all_columns' } : null,
    );
    return plan.mapping;
  }

  setField(table: LoadedTable, role: GenericRole, field: string, column: string | null): void {
    const mapping = { ...this.mapping(table, role) };
    if (column) mapping[field] = column;
    else delete mapping[field];
    this.#save(table, role, mapping);
  }

  report(role: GenericRole): RoleCleaningReport | null {
    return this.#app.roleReports[role] ?? null;
  }

  async clean(table: LoadedTable): Promise<boolean> {
    const role = this.roleOf(table);
    if (!role) return false;
    const mapping = this.mapping(table, role);
    this.#save(table, role, mapping);
    this.#app.startTask('cleaning');
    const request = cleanRequest(
      asDataset(table),
      mapping,
      $state.snapshot(this.#app.analysis.config.cleaning),
    );
    const result = await settle(engineDatasetPort(this.#app.engine).clean(role, request));
    this.#app.endTask();
    if (!result.ok) {
      this.#app.reportError(result.error);
      return false;
    }
    this.#app.roleReports = { ...this.#app.roleReports, [role]: result.value };
    return true;
  }

  #save(table: LoadedTable, role: GenericRole, mapping: Record<string, string>): void {
    const sources = this.#app.analysis.config.sources.filter((s) => s.id !== role);
    this.#app.analysis.updateConfig({
      sources: [
        ...sources,
        { id: role, kind: role, encoding: 'auto', fileNameHint: table.profile.fileName, mapping },
      ],
    });
  }
}

/**
 * Drill-down into one segment's customers (issue 4 "Drill-down", "Export"): sorted and searched in
 * SQL, up to VIEW_LIMIT rows held for the virtualised table, and the target-list export. Both carry
 * the customer features (issue 6) after the RFM columns: the features table is built on first use
 * (see RfmState.ensureFeatures), so the first dashboard does not wait for it.
 */
import type { AppState } from '../app-state.svelte.ts';
import type { ResultRow } from '../../analyses/contract.ts';
import { OTHER_SEGMENT, type RfmConfig } from '../../analyses/rfm/rfm-config.ts';
import {
  ALL_CUSTOMERS,
  HIGH_VALUE_AT_RISK,
  RFM_CLV_COLUMNS,
  RFM_FEATURE_COLUMNS,
  RFM_SORT_COLUMNS,
  rfmModule,
  segmentExport,
  type RfmSortColumn,
} from '../../analyses/rfm/module.ts';

const isFeatureColumn = (c: string) => (RFM_FEATURE_COLUMNS as readonly string[]).includes(c);
const isClvColumn = (c: string) => (RFM_CLV_COLUMNS as readonly string[]).includes(c);
/** Text and clock columns sort A→Z / earliest first on the first click; amounts and counts largest first. */
const ASCENDING_FIRST = new Set<RfmSortColumn>([
  'customer_id',
  'segment',
  'top_category_1',
  'top_channel',
  'top_payment_method',
  'peak_weekday',
  'peak_hour',
]);

/** Up to this many customers are fetched at once; the virtual table scrolls them smoothly. */
export const VIEW_LIMIT = 100_000;
const SEARCH_DEBOUNCE_MS = 250;

export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;
/** Build the features table if needed (inside the exclusive queue); its name, or null when it failed. */
export type EnsureFeatures = () => Promise<string | null>;

export class DrillDownState {
  readonly #app: AppState;
  readonly #exclusive: Exclusive;
  readonly #ensureFeatures: EnsureFeatures;
  segment = $state<string | null>(null);
  rows = $state.raw<readonly ResultRow[]>([]);
  total = $state(0);
  loading = $state(false);
  sortColumn = $state<RfmSortColumn>('monetary');
  sortDir = $state<'asc' | 'desc'>('desc');
  search = $state('');
  /** Only members of this saved customer group (issues 14–16); null = no group filter. */
  group = $state<string | null>(null);
  #request = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  readonly #config: () => RfmConfig;

  constructor(app: AppState, exclusive: Exclusive, ensureFeatures: EnsureFeatures, config: () => RfmConfig) {
    this.#app = app;
    this.#exclusive = exclusive;
    this.#ensureFeatures = ensureFeatures;
    this.#config = config;
  }

  open(segment: string): void {
    if (this.segment !== segment) {
      this.search = '';
      this.rows = [];
      this.total = 0;
    }
    this.segment = segment;
    void this.load();
  }

  /** Open a saved group's members among all customers (the Groups panel's "open in the drill-down"). */
  openGroup(groupId: string): void {
    this.group = groupId;
    this.open(ALL_CUSTOMERS);
  }

  /** Filter the open list by a saved group (null = none). */
  setGroup(groupId: string | null): void {
    this.group = groupId;
    void this.load();
  }

  close(): void {
    this.segment = null;
    this.rows = [];
    this.#request++;
  }

  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#request++;
  }

  /** Click on a header: sort by it (numbers start descending), again to flip. */
  toggleSort(key: string): void {
    if (!(RFM_SORT_COLUMNS as readonly string[]).includes(key)) return;
    const column = key as RfmSortColumn;
    if (this.sortColumn === column) this.sortDir = this.sortDir === 'asc' ? 'desc' : 'asc';
    else {
      this.sortColumn = column;
      this.sortDir = ASCENDING_FIRST.has(column) ? 'asc' : 'desc';
    }
    void this.load();
  }

  setSearch(text: string): void {
    this.search = text;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.load();
    }, SEARCH_DEBOUNCE_MS);
  }

  /** After a new run: reload the open segment, or close it when its rule was deleted. */
  async refreshAfterRun(segmentIds: readonly string[]): Promise<void> {
    const s = this.segment;
    if (s === null) return;
    if (s !== OTHER_SEGMENT && s !== HIGH_VALUE_AT_RISK && s !== ALL_CUSTOMERS && !segmentIds.includes(s))
      return this.close();
    await this.#fetch(++this.#request, s);
  }

  load(): Promise<void> {
    const s = this.segment;
    if (s === null) return Promise.resolve();
    const request = ++this.#request;
    return this.#exclusive(() => this.#fetch(request, s));
  }

  async #fetch(request: number, segment: string): Promise<void> {
    if (request !== this.#request) return;
    const group = this.#groupFilter();
    const filter = { segment, search: this.search, group };
    this.loading = true;
    if (group !== null) await this.#app.groups.refresh();
    if (request !== this.#request) return;
    const features = await this.#ensureFeatures();
    if (request !== this.#request) return;
    // Without the features table (build failed or cancelled) the list still shows its RFM columns.
    const app = this.#app;
    // Without a CLV fit on this data the CLV columns are absent: sort by money instead.
    const sortColumn =
      (features === null && isFeatureColumn(this.sortColumn)) ||
      (!app.clvFitted && isClvColumn(this.sortColumn))
        ? 'monetary'
        : this.sortColumn;
    const page = await app.runner.run(
      rfmModule.parts.drill,
      this.#config(),
      app.planContext,
      { ...filter, features, sort: { column: sortColumn, direction: this.sortDir }, limit: VIEW_LIMIT },
      { key: 'rfm.drill' },
    );
    if (request !== this.#request) return;
    this.loading = false;
    if (page === null) return;
    this.total = page.total;
    this.rows = page.rows;
  }

  /** The group filter when the group is still saved (a deleted group filters nothing). */
  #groupFilter(): string | null {
    const id = this.group;
    return id !== null && this.#app.groups.list.some((g) => g.id === id) ? id : null;
  }

  /**
   * The open segment's customers: the customers.csv columns, then the feature columns (categories,
   * channel, payment method, intervals, rates, peak time). Besides the customer id (never masked,
   * issue 4) personal data goes out only as the contact columns the user adds (issue 18), masked
   * unless revealed for the export.
   */
  /**
   * `named`: the file name (the segment's name and date) and the headers in the UI language (issue 18);
   * `contacts`: the contact columns (masked unless `mask` is false); `note`: written on the XLSX sheet
   * (the unmasked-data note).
   */
  async export(
    format: 'csv' | 'xlsx',
    named?: {
      fileName: string;
      headers: Readonly<Record<string, string>>;
      contacts?: { mask: boolean } | undefined;
      note?: string | undefined;
      sheet?: string | undefined;
    },
  ): Promise<void> {
    const segment = this.segment;
    if (segment === null) return;
    await this.#exclusive(async () => {
      const features = await this.#ensureFeatures();
      if (features === null) return;
      const app = this.#app;
      const params = { segment, features, group: this.#groupFilter(), contacts: named?.contacts };
      if (format === 'xlsx' && named?.note) {
        const { statements, query } = segmentExport.plan(this.#config(), app.planContext, params);
        await app.runner.downloadWorkbook(
          [{ name: named.sheet ?? 'data', sql: query, headers: named.headers, note: named.note }],
          named.fileName,
          statements,
        );
        return;
      }
      await app.runner.download(
        segmentExport,
        this.#config(),
        app.planContext,
        params,
        format,
        named?.fileName ?? `rfm-${segment}.${format}`,
        named?.headers,
      );
    });
  }
}

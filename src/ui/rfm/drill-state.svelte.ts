/**
 * Drill-down into one segment's customers (issue 4 "Drill-down", "Export"): sorted and searched in
 * SQL, up to VIEW_LIMIT rows held for the virtualised table, and the target-list export.
 */
import type { AppState } from '../app-state.svelte.ts';
import type { Row } from '../../engine/arrow-rows.ts';
import { OTHER_SEGMENT } from '../../analyses/rfm/rfm-config.ts';
import {
  buildSegmentCustomersCountSql,
  buildSegmentCustomersPageSql,
  buildSegmentExportSql,
  RFM_SORT_COLUMNS,
  type RfmSortColumn,
} from '../../analyses/rfm/build-segment-customers-sql.ts';

/** Up to this many customers are fetched at once; the virtual table scrolls them smoothly. */
export const VIEW_LIMIT = 100_000;
const SEARCH_DEBOUNCE_MS = 250;

export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

export class DrillDownState {
  readonly #app: AppState;
  readonly #exclusive: Exclusive;
  segment = $state<string | null>(null);
  rows = $state.raw<Row[]>([]);
  total = $state(0);
  loading = $state(false);
  sortColumn = $state<RfmSortColumn>('monetary');
  sortDir = $state<'asc' | 'desc'>('desc');
  search = $state('');
  #request = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(app: AppState, exclusive: Exclusive) {
    this.#app = app;
    this.#exclusive = exclusive;
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
      this.sortDir = column === 'customer_id' || column === 'segment' ? 'asc' : 'desc';
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
    if (s !== OTHER_SEGMENT && !segmentIds.includes(s)) return this.close();
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
    const filter = { segment, search: this.search };
    this.loading = true;
    const count = await this.#app.engine.query(buildSegmentCustomersCountSql(filter));
    const page = count.ok
      ? await this.#app.engine.query(
          buildSegmentCustomersPageSql({
            ...filter,
            sort: { column: this.sortColumn, direction: this.sortDir },
            limit: VIEW_LIMIT,
            offset: 0,
          }),
        )
      : count;
    if (request !== this.#request) return;
    this.loading = false;
    if (!page.ok) return this.#app.reportError(page.error);
    if (count.ok) this.total = Number(count.value.rows[0]?.total ?? 0);
    this.rows = page.value.rows;
  }

  /**
   * The open segment's customers (customers.csv columns). Nothing here is personal data besides the
   * customer id, which is never masked (issue 4); names, phones and addresses are not exported.
   */
  async export(format: 'csv' | 'xlsx'): Promise<void> {
    const segment = this.segment;
    if (segment === null) return;
    await this.#exclusive(async () => {
      this.#app.startTask('export');
      const r = await this.#app.engine.download(
        buildSegmentExportSql({ segment }),
        format,
        `rfm-${segment}.${format}`,
      );
      this.#app.endTask();
      if (!r.ok) this.#app.reportError(r.error);
    });
  }
}

/**
 * State of the CLV section (issue 16): the fit runs in the worker (runner.compute, with progress and
 * Cancel), then the bands and the customer lists are read from the predictions table.
 */
import type { AppState } from '../app-state.svelte.ts';
import {
  churnedValuableExport,
  clvFitRequest,
  clvModule,
  ClvConfigSchema,
  type ClvConfig,
  type ClvModel,
  type ClvSortColumn,
} from '../../analyses/clv/module.ts';
import * as v from 'valibot';

type Bands = NonNullable<Awaited<ReturnType<typeof clvModule.parts.bands.read>>>;
type List = NonNullable<Awaited<ReturnType<typeof clvModule.parts.list.read>>>;

export const LIST_LIMIT = 50;

export class ClvState {
  readonly #app: AppState;
  model = $state.raw<ClvModel | null>(null);
  bands = $state.raw<Bands>([]);
  list = $state.raw<List | null>(null);
  churned = $state.raw<List | null>(null);
  search = $state('');
  sort = $state<{ column: ClvSortColumn; direction: 'asc' | 'desc' }>({ column: 'clv', direction: 'desc' });
  loaded = $state(false);
  invalid = $state(false);

  constructor(app: AppState) {
    this.#app = app;
  }

  get config(): ClvConfig {
    return this.#app.analysis.config.clv;
  }

  async load(): Promise<void> {
    const ctx = this.#app.planContext;
    const runner = this.#app.runner;
    await runner.batch([
      async () => {
        this.model = await runner.compute({ compute: clvFitRequest }, this.config, ctx, { key: 'clv.fit' });
        // The RFM customer list and exports join the predictions while they are for this data.
        const app = this.#app;
        app.clvFit = this.model?.bgnbd
          ? {
              report: app.analysis.report,
              horizonDays: this.config.horizonDays,
              aliveThreshold: this.config.aliveThreshold,
            }
          : null;
      },
      async () => {
        if (!this.model?.bgnbd) return;
        this.bands =
          (await runner.run(clvModule.parts.bands, this.config, ctx, undefined, { key: 'clv.bands' })) ?? [];
      },
      () => this.loadList(),
      async () => {
        if (!this.model?.bgnbd) return;
        this.churned = await runner.run(
          clvModule.parts.list,
          this.config,
          ctx,
          {
            search: '',
            sort: { column: 'clv', direction: 'desc' },
            limit: LIST_LIMIT,
            churnedValuable: true,
          },
          { key: 'clv.churned' },
        );
      },
    ]);
    this.loaded = true;
  }

  async loadList(): Promise<void> {
    if (!this.model) return;
    this.list = await this.#app.runner.run(
      clvModule.parts.list,
      this.config,
      this.#app.planContext,
      { search: this.search, sort: this.sort, limit: LIST_LIMIT },
      { key: 'clv.list' },
    );
  }

  async sortBy(column: ClvSortColumn): Promise<void> {
    this.sort = {
      column,
      direction: this.sort.column === column && this.sort.direction === 'desc' ? 'asc' : 'desc',
    };
    await this.loadList();
  }

  /** Apply a settings change when it is valid (else say so), then refit. */
  async set(patch: Partial<ClvConfig>): Promise<void> {
    const next = v.safeParse(ClvConfigSchema, { ...this.config, ...patch });
    this.invalid = !next.success;
    if (!next.success) return;
    this.#app.analysis.updateConfig({ clv: next.output });
    await this.load();
  }

  download(format: 'csv' | 'xlsx', churned = false): void {
    void this.#app.runner.download(
      churned ? churnedValuableExport : clvModule.exports[0]!,
      this.config,
      this.#app.planContext,
      undefined,
      format,
    );
  }
}

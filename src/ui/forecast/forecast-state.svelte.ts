/** State of the demand forecast section (issue 16): the fit runs in the worker, then the rows. */
import type { AppState } from '../app-state.svelte.ts';
import {
  forecastModule,
  forecastRequest,
  ForecastConfigSchema,
  type ForecastChartRow,
  type ForecastConfig,
  type ForecastSummary,
} from '../../analyses/forecast/module.ts';
import * as v from 'valibot';

export class ForecastState {
  readonly #app: AppState;
  summary = $state.raw<ForecastSummary | null>(null);
  rows = $state.raw<ForecastChartRow[]>([]);
  loaded = $state(false);

  constructor(app: AppState) {
    this.#app = app;
  }

  get config(): ForecastConfig {
    return this.#app.analysis.config.forecast;
  }

  async load(): Promise<void> {
    const ctx = this.#app.planContext;
    const runner = this.#app.runner;
    await runner.batch([
      async () => {
        this.summary = await runner.compute({ compute: forecastRequest }, this.config, ctx, {
          key: 'forecast.fit',
        });
      },
      async () => {
        if (!this.summary) return;
        this.rows =
          (await runner.run(forecastModule.parts.rows, this.config, ctx, undefined, {
            key: 'forecast.rows',
          })) ?? [];
      },
    ]);
    this.loaded = true;
  }

  async set(patch: Partial<ForecastConfig>): Promise<void> {
    const next = v.safeParse(ForecastConfigSchema, { ...this.config, ...patch });
    if (!next.success) return;
    this.#app.analysis.updateConfig({ forecast: next.output });
    await this.load();
  }

  download(format: 'csv' | 'xlsx'): void {
    void this.#app.runner.download(
      forecastModule.exports[0]!,
      this.config,
      this.#app.planContext,
      undefined,
      format,
    );
  }
}

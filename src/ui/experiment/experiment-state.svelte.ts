/** State of the experiment section (issue 13): results of experimentModule's parts via the runner. */
import type { AppState } from '../app-state.svelte.ts';
import { experimentModule, type ExperimentRow } from '../../analyses/experiment/module.ts';

export class ExperimentState {
  readonly #app: AppState;
  rows = $state.raw<ExperimentRow[]>([]);
  arms = $state.raw<{ arm: string; customers: number }[]>([]);
  loaded = $state(false);

  constructor(app: AppState) {
    this.#app = app;
  }

  get config() {
    return this.#app.analysis.config.experiment;
  }

  async load(): Promise<void> {
    await this.#app.runner.batch([
      async () => {
        this.arms =
          (await this.#app.runner.run(
            experimentModule.parts.arms,
            this.config,
            this.#app.planContext,
            undefined,
            {
              key: 'experiment.arms',
            },
          )) ?? [];
      },
      () => this.#loadRows(),
    ]);
    this.loaded = true;
  }

  async #loadRows(): Promise<void> {
    const rows = await this.#app.runner.run(
      experimentModule.parts.table,
      this.config,
      this.#app.planContext,
      undefined,
      {
        key: 'experiment.table',
      },
    );
    if (rows) this.rows = rows;
  }

  async setControl(control: string | null): Promise<void> {
    this.#app.analysis.updateConfig({ experiment: { ...this.config, control } });
    await this.#app.runner.batch([() => this.#loadRows()]);
  }

  download(format: 'csv' | 'xlsx'): void {
    void this.#app.runner.download(
      experimentModule.exports[0]!,
      this.config,
      this.#app.planContext,
      undefined,
      format,
    );
  }
}

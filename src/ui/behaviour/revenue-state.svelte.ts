/**
 * Revenue decomposition (issues 6, 11): the revenue module's parts through the app's runner — by
 * period at the config's grain, optionally split by channel, category or segment, with the totals
 * (PoP / YoY) always at hand; and the category × segment matrix when segments exist.
 */
import type { AppState } from '../app-state.svelte.ts';
import {
  periodsExport,
  revenueModule,
  type CategorySegmentRow,
  type PeriodGrain,
  type RevenueRow,
  type RevenueSplit,
} from '../../analyses/revenue/module.ts';
import type { SegmentInfo } from '../../analyses/behaviour/module.ts';

const parts = revenueModule.parts;

export class RevenueState {
  readonly #app: AppState;
  readonly #segments: () => SegmentInfo[] | null;
  split = $state<RevenueSplit>('none');
  /** Rows of the current split (the chart). */
  rows = $state.raw<RevenueRow[]>([]);
  /** Rows without a split (totals, PoP and YoY). */
  totals = $state.raw<RevenueRow[]>([]);
  matrix = $state.raw<CategorySegmentRow[]>([]);

  constructor(app: AppState, segments: () => SegmentInfo[] | null) {
    this.#app = app;
    this.#segments = segments;
  }

  get grain(): PeriodGrain {
    return this.#app.analysis.config.behaviour.periodGrain;
  }

  async loadPeriods(): Promise<void> {
    const params = { split: this.split, segmentsAvailable: this.#segments() !== null };
    if (params.split === 'segment' && !params.segmentsAvailable) this.split = 'none';
    const result = await this.#app.runner.run(
      parts.periods,
      this.#app.analysis.config.behaviour,
      this.#app.planContext,
      params,
      { key: 'revenue.periods' },
    );
    if (!result) return;
    this.totals = result.totals;
    this.rows = result.rows;
  }

  async loadMatrix(): Promise<void> {
    if (!this.#segments()) {
      this.matrix = [];
      return;
    }
    const cells = await this.#app.runner.run(
      parts.matrix,
      this.#app.analysis.config.behaviour,
      this.#app.planContext,
      undefined,
      { key: 'revenue.matrix' },
    );
    if (cells) this.matrix = cells;
  }

  setGrain(grain: PeriodGrain): Promise<void> {
    const behaviour = this.#app.analysis.config.behaviour;
    this.#app.analysis.updateConfig({ behaviour: { ...behaviour, periodGrain: grain } });
    return this.#app.runner.batch([() => this.loadPeriods()]);
  }

  setSplit(split: RevenueSplit): Promise<void> {
    this.split = split;
    return this.#app.runner.batch([() => this.loadPeriods()]);
  }

  async exportPeriods(format: 'csv' | 'xlsx'): Promise<void> {
    const config = this.#app.analysis.config.behaviour;
    await this.#app.runner.download(periodsExport, config, this.#app.planContext, undefined, format);
  }
}

/**
 * State of the purchase-behaviour section (issues 6, 11): asks the app's runner for the behaviour
 * module's parts and holds their typed results. Parameters the user sets live in `config.behaviour`
 * (saved and shared with the config); view choices (grouping, metric) live here. Revenue
 * decomposition: revenue-state.svelte.ts.
 */
import type { AppState } from '../app-state.svelte.ts';
import type { Part } from '../../analyses/contract.ts';
import type { BehaviourConfig } from '../../analyses/behaviour/behaviour-config.ts';
import {
  behaviourExport,
  behaviourModule,
  type AovBandRow,
  type CustomerFeatureRow,
  type IntervalGrouping,
  type IntervalHistogramRow,
  type IntervalStatRow,
  type Preferences,
  type PriceRow,
  type RepurchaseRow,
  type SecondPurchaseRow,
  type SegmentInfo,
  type TimeCell,
} from '../../analyses/behaviour/module.ts';
import { RevenueState } from './revenue-state.svelte.ts';
import { fetchSegments } from './segments.ts';

const parts = behaviourModule.parts;

export class BehaviourState {
  readonly #app: AppState;
  readonly revenue: RevenueState;
  segments = $state.raw<SegmentInfo[] | null>(null);
  loaded = $state(false);

  intervalGrouping = $state<IntervalGrouping>('overall');
  intervalStats = $state.raw<IntervalStatRow[]>([]);
  intervalHistogram = $state.raw<IntervalHistogramRow[]>([]);
  /** Group whose histogram is shown (null = overall / first group). */
  intervalGroup = $state<string | null>(null);

  repurchase = $state.raw<RepurchaseRow | null>(null);
  secondPurchase = $state.raw<SecondPurchaseRow[]>([]);
  preferences = $state.raw<Preferences>({ category: [], channel: [], payment_method: [] });
  price = $state.raw<PriceRow | null>(null);
  aovBands = $state.raw<AovBandRow[]>([]);
  timeCells = $state.raw<TimeCell[]>([]);
  timeMetric = $state<'orders' | 'revenue'>('orders');
  features = $state.raw<CustomerFeatureRow[]>([]);

  constructor(app: AppState) {
    this.#app = app;
    this.revenue = new RevenueState(app, () => this.segments);
  }

  get config(): BehaviourConfig {
    return this.#app.analysis.config.behaviour;
  }

  /** Save a change of the behaviour parameters in the config spine. */
  setConfig(patch: Partial<BehaviourConfig>): void {
    this.#app.analysis.updateConfig({ behaviour: { ...this.config, ...patch } });
  }

  #run<P, R>(part: Part<BehaviourConfig, P, R>, key: string, params: P): Promise<R | null> {
    return this.#app.runner.run(part, this.config, this.#app.planContext, params, {
      key: `behaviour.${key}`,
    });
  }

  async load(): Promise<void> {
    await this.#app.runner.batch([
      async () => {
        this.segments = await fetchSegments(this.#app, 'behaviour');
        if (!this.segments && this.intervalGrouping === 'segment') this.intervalGrouping = 'overall';
      },
      () => this.loadIntervals(),
      () => this.#loadRepurchase(),
      () => this.#loadPreferences(),
      () => this.#loadPrice(),
      () => this.#loadTime(),
      () => this.revenue.loadPeriods(),
      () => this.revenue.loadMatrix(),
      () => this.#loadFeatures(),
    ]);
    this.loaded = true;
  }

  async loadIntervals(): Promise<void> {
    const result = await this.#run(parts.intervals, 'intervals', { grouping: this.intervalGrouping });
    if (!result) return;
    this.intervalStats = result.stats;
    this.intervalHistogram = result.histogram;
    // Per group, open the group with most intervals first.
    const biggest = [...result.stats].sort((a, b) => b.intervals - a.intervals)[0];
    this.intervalGroup = biggest?.group_key ?? null;
  }

  setIntervalGrouping(grouping: IntervalGrouping): Promise<void> {
    this.intervalGrouping = grouping;
    return this.#app.runner.batch([() => this.loadIntervals()]);
  }

  setIntervalBins(bins: number[]): Promise<void> {
    this.setConfig({ intervalBins: bins });
    return this.#app.runner.batch([() => this.loadIntervals()]);
  }

  async #loadRepurchase(): Promise<void> {
    const result = await this.#run(parts.repurchase, 'repurchase', undefined);
    if (!result) return;
    this.repurchase = result.rate;
    this.secondPurchase = result.second;
  }

  async #loadPreferences(): Promise<void> {
    const result = await this.#run(parts.preferences, 'preferences', undefined);
    if (result) this.preferences = result;
  }

  async #loadPrice(): Promise<void> {
    const price = await this.#run(parts.price, 'price', undefined);
    if (price) this.price = price;
    await this.#loadAovBands();
  }

  async #loadAovBands(): Promise<void> {
    const bands = await this.#run(parts.aovBands, 'aovBands', undefined);
    if (bands) this.aovBands = bands;
  }

  /** New AOV bands: the band table and the features' aov_band column follow. */
  setAovBands(bands: number[]): Promise<void> {
    this.setConfig({ aovBands: bands });
    return this.#app.runner.batch([() => this.#loadAovBands(), () => this.#loadFeatures()]);
  }

  async #loadTime(): Promise<void> {
    const cells = await this.#run(parts.time, 'time', undefined);
    if (cells) this.timeCells = cells;
  }

  async #loadFeatures(): Promise<void> {
    const rows = await this.#run(parts.features, 'features', undefined);
    if (rows) this.features = rows;
  }

  async exportFeatures(format: 'csv' | 'xlsx'): Promise<void> {
    await this.#app.runner.download(behaviourExport, this.config, this.#app.planContext, undefined, format);
  }
}

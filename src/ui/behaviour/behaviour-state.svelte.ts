/**
 * State of the purchase-behaviour section (issue 6): runs the pure builders through the engine and
 * holds their rows. Parameters the user sets live in `config.behaviour` (saved and shared with the
 * config); view choices (grouping, metric) live here. Revenue decomposition: revenue-state.svelte.ts.
 */
import type { AppState } from '../app-state.svelte.ts';
import { TABLES } from '../../ingest/canonical.ts';
import type { BehaviourConfig } from '../../analyses/behaviour/behaviour-config.ts';
import {
  buildIntervalHistogramSql,
  buildIntervalStatsSql,
  type IntervalGrouping,
} from '../../analyses/behaviour/build-intervals-sql.ts';
import {
  buildRepurchaseRateSql,
  buildSecondPurchaseSql,
} from '../../analyses/behaviour/build-repurchase-sql.ts';
import { buildPreferenceMixSql } from '../../analyses/behaviour/build-preference-sql.ts';
import {
  buildAovBandsSql,
  buildPriceSensitivitySql,
} from '../../analyses/behaviour/build-price-sensitivity-sql.ts';
import { buildTimeHeatmapSql } from '../../analyses/behaviour/build-time-heatmap-sql.ts';
import {
  buildCustomerFeaturesSelectSql,
  buildCustomerFeaturesSql,
} from '../../analyses/behaviour/build-customer-features-sql.ts';
import { buildTableRowsSql, SEGMENTS_TABLE } from '../../analyses/behaviour/build-segment-source-sql.ts';
import type { TimeCell } from '../../analyses/behaviour/peak-hours.ts';
import type { Row } from '../../client/engine-client.ts';
import { QueryRunner } from './query-runner.ts';
import { RevenueState } from './revenue-state.svelte.ts';
import { loadSegments } from './segments.ts';
import type {
  AovBandRow,
  IntervalHistogramRow,
  IntervalStatRow,
  PreferenceMixRow,
  PriceRow,
  RepurchaseRow,
  SecondPurchaseRow,
  SegmentInfo,
} from './rows.ts';

export const PREFERENCE_DIMENSIONS = ['category', 'channel', 'payment_method'] as const;
export type PreferenceDimension = (typeof PREFERENCE_DIMENSIONS)[number];

/** The customer features table (kept in DuckDB for later analyses such as clustering). */
export const FEATURES_TABLE = 'customer_features';
/** Rows shown in the browser table; the export always has every customer. */
export const FEATURES_VIEW_LIMIT = 100_000;

export class BehaviourState {
  readonly #app: AppState;
  readonly runner: QueryRunner;
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
  preferences = $state.raw<Record<PreferenceDimension, PreferenceMixRow[]>>({
    category: [],
    channel: [],
    payment_method: [],
  });
  price = $state.raw<PriceRow | null>(null);
  aovBands = $state.raw<AovBandRow[]>([]);
  timeCells = $state.raw<TimeCell[]>([]);
  timeMetric = $state<'orders' | 'revenue'>('orders');
  features = $state.raw<Row[]>([]);

  constructor(app: AppState) {
    this.#app = app;
    this.runner = new QueryRunner(app);
    this.revenue = new RevenueState(app, this.runner, () => this.segments);
  }

  get config(): BehaviourConfig {
    return this.#app.analysis.config.behaviour;
  }

  /** Save a change of the behaviour parameters in the config spine. */
  setConfig(patch: Partial<BehaviourConfig>): void {
    this.#app.analysis.updateConfig({ behaviour: { ...this.config, ...patch } });
  }

  get scope() {
    return { purchases: TABLES.purchases };
  }

  async load(): Promise<void> {
    await this.runner.steps([
      async () => {
        this.segments = await loadSegments(this.runner);
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
    const options = {
      ...this.scope,
      groupBy: this.intervalGrouping,
      ...(this.intervalGrouping === 'segment' ? { segments: SEGMENTS_TABLE } : {}),
    };
    const stats = await this.runner.rows<IntervalStatRow>(buildIntervalStatsSql(options));
    const bins = await this.runner.rows<IntervalHistogramRow>(
      buildIntervalHistogramSql({ ...options, bins: this.config.intervalBins }),
    );
    if (!stats || !bins) return;
    this.intervalStats = stats;
    this.intervalHistogram = bins;
    // Per group, open the group with most intervals first.
    const biggest = [...stats].sort((a, b) => b.intervals - a.intervals)[0];
    this.intervalGroup = biggest?.group_key ?? null;
  }

  setIntervalGrouping(grouping: IntervalGrouping): Promise<void> {
    this.intervalGrouping = grouping;
    return this.runner.steps([() => this.loadIntervals()]);
  }

  setIntervalBins(bins: number[]): Promise<void> {
    this.setConfig({ intervalBins: bins });
    return this.runner.steps([() => this.loadIntervals()]);
  }

  async #loadRepurchase(): Promise<void> {
    const rate = await this.runner.rows<RepurchaseRow>(buildRepurchaseRateSql(this.scope));
    const second = await this.runner.rows<SecondPurchaseRow>(
      buildSecondPurchaseSql({ ...this.scope, withinDays: this.config.secondPurchaseDays }),
    );
    if (rate) this.repurchase = rate[0] ?? null;
    if (second) this.secondPurchase = second;
  }

  async #loadPreferences(): Promise<void> {
    const next = { ...this.preferences };
    for (const dimension of PREFERENCE_DIMENSIONS) {
      const rows = await this.runner.rows<PreferenceMixRow>(
        buildPreferenceMixSql({ ...this.scope, dimension }),
      );
      if (rows) next[dimension] = rows;
    }
    this.preferences = next;
  }

  async #loadPrice(): Promise<void> {
    const price = await this.runner.rows<PriceRow>(buildPriceSensitivitySql(this.scope));
    if (price) this.price = price[0] ?? null;
    await this.#loadAovBands();
  }

  async #loadAovBands(): Promise<void> {
    const bands = await this.runner.rows<AovBandRow>(
      buildAovBandsSql({ ...this.scope, bands: this.config.aovBands }),
    );
    if (bands) this.aovBands = bands;
  }

  /** New AOV bands: the band table and the features' aov_band column follow. */
  setAovBands(bands: number[]): Promise<void> {
    this.setConfig({ aovBands: bands });
    return this.runner.steps([() => this.#loadAovBands(), () => this.#loadFeatures()]);
  }

  async #loadTime(): Promise<void> {
    const cells = await this.runner.rows<TimeCell>(buildTimeHeatmapSql(this.scope));
    if (cells) this.timeCells = cells;
  }

  async #loadFeatures(): Promise<void> {
    const rows = await this.runner.plan<Row>({
      statements: [
        buildCustomerFeaturesSql({ ...this.scope, aovBands: this.config.aovBands, target: FEATURES_TABLE }),
      ],
      query: buildTableRowsSql(FEATURES_TABLE, FEATURES_VIEW_LIMIT),
    });
    if (rows) this.features = rows;
  }

  exportFeatures(format: 'csv' | 'xlsx'): Promise<void> {
    return this.runner.download(
      buildCustomerFeaturesSelectSql({ ...this.scope, aovBands: this.config.aovBands }),
      format,
      `behaviour.${format}`,
    );
  }
}

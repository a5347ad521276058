/**
 * State of the lifecycle section (issue 6): customers per period by status, lost customers by
 * channel, cohort retention, churn warning lists and the comparison of two groups. Parameters live in
 * `config.lifecycle`; view choices (counts or percentages, curve metric, the open list) live here.
 * Results come from lifecycleModule's parts through the app's runner (issue 11).
 */
import * as v from 'valibot';
import type { AppState } from '../app-state.svelte.ts';
import { LifecycleConfigSchema, type LifecycleConfig } from '../../analyses/lifecycle/lifecycle-config.ts';
import { churnListExport, churnListFile, lifecycleModule } from '../../analyses/lifecycle/module.ts';
import type {
  ChannelLoss,
  ChurnLists,
  ChurnRule,
  CohortResultRow,
  EarlyChurnReturns,
  LifecyclePeriodRow,
  SegmentInfo,
} from '../../analyses/lifecycle/results.ts';
import { OTHER_SEGMENT, resolveRfmConfig } from '../../analyses/rfm/rfm-config.ts';
import { OTHER_LABEL } from '../../analyses/rfm/presets.ts';
import { CompareState } from './compare-state.svelte.ts';

const parts = lifecycleModule.parts;

export class LifecycleState {
  readonly #app: AppState;
  readonly compare: CompareState;
  segments = $state.raw<SegmentInfo[] | null>(null);
  loaded = $state(false);

  periods = $state.raw<LifecyclePeriodRow[]>([]);
  lostByChannel = $state.raw<ChannelLoss[]>([]);
  cohorts = $state.raw<CohortResultRow[]>([]);
  cohortValues = $state<'percent' | 'counts'>('percent');
  curveMetric = $state<'retention' | 'revenue'>('retention');
  churn = $state.raw<ChurnLists>({ idle: [], early_churn: [], overdue: [] });
  churnRule = $state<ChurnRule>('idle');
  /** Past early churners and how many came back (not in the early-churn list). */
  earlyReturns = $state.raw<EarlyChurnReturns | null>(null);
  /** Only this RFM segment's customers in the churn lists and their export; null: all. */
  churnSegment = $state<string | null>(null);
  /** Whether rfm_customers exists (the churn lists then carry segment and RFM columns). */
  #segmentTable = false;

  constructor(app: AppState) {
    this.#app = app;
    this.compare = new CompareState(app, () => this.segments);
  }

  get config(): LifecycleConfig {
    return this.#app.analysis.config.lifecycle;
  }

  /** Check a parameter change against the schema (null when valid, else the reason). */
  invalid(patch: Partial<LifecycleConfig>): string | null {
    const result = v.safeParse(LifecycleConfigSchema, { ...this.config, ...patch });
    return result.success ? null : (result.issues[0]?.message ?? 'invalid');
  }

  async load(): Promise<void> {
    await this.#app.runner.batch([
      () => this.#loadSegments(),
      () => this.#loadPeriods(),
      () => this.#loadCohorts(),
      () => this.#loadChurn(),
      () => this.compare.loadChoices(),
      () => this.compare.run(this.config),
    ]);
    this.loaded = true;
  }

  /** Apply a parameter change and recompute what depends on it. */
  set(patch: Partial<LifecycleConfig>): Promise<void> {
    if (this.invalid(patch)) return Promise.resolve();
    this.#app.analysis.updateConfig({ lifecycle: { ...this.config, ...patch } });
    const steps: (() => Promise<unknown>)[] = [];
    if ('periodGrain' in patch || 'lostDays' in patch) steps.push(() => this.#loadPeriods());
    if ('cohortGrain' in patch) steps.push(() => this.#loadCohorts());
    if (
      'lostDays' in patch ||
      'earlyChurnDays' in patch ||
      'overdueFactor' in patch ||
      'overdueMinPurchases' in patch
    )
      steps.push(() => this.#loadChurn());
    if ('lostDays' in patch || 'comparisonFlagThreshold' in patch)
      steps.push(() => this.compare.run(this.config));
    return this.#app.runner.batch(steps);
  }

  /**
   * Display name of a segment id in the UI's current language: from the RFM config's segment names
   * (rfm_customers holds labels in the language RFM last ran in), else the stored label.
   */
  segmentName(id: string): string {
    if (id === OTHER_SEGMENT) return OTHER_LABEL[this.#app.locale];
    const configured = resolveRfmConfig(this.#app.analysis.config.rfm).segments.find((s) => s.id === id);
    if (configured) return configured.label[this.#app.locale];
    return this.segments?.find((s) => s.segment === id)?.segment_label ?? id;
  }

  /** The RFM segments, or null when the RFM section has not materialised its table. */
  async #loadSegments(): Promise<void> {
    const { runner, planContext: ctx } = this.#app;
    const exists = await runner.run(parts.segmentTable, this.config, ctx, undefined, {
      key: 'lifecycle.segmentTable',
    });
    if (exists === null) return;
    this.#segmentTable = exists;
    this.segments = exists
      ? await runner.run(parts.segments, this.config, ctx, undefined, { key: 'lifecycle.segments' })
      : null;
  }

  async #loadPeriods(): Promise<void> {
    const result = await this.#app.runner.run(parts.periods, this.config, this.#app.planContext, undefined, {
      key: 'lifecycle.periods',
    });
    if (!result) return;
    this.periods = result.periods;
    this.lostByChannel = result.lostByChannel;
  }

  async #loadCohorts(): Promise<void> {
    const rows = await this.#app.runner.run(parts.cohorts, this.config, this.#app.planContext, undefined, {
      key: 'lifecycle.cohorts',
    });
    if (rows) this.cohorts = rows;
  }

  async #loadChurn(): Promise<void> {
    const { runner, planContext: ctx } = this.#app;
    const lists = await runner.run(
      parts.churn,
      this.config,
      ctx,
      { segments: this.#segmentTable },
      { key: 'lifecycle.churn' },
    );
    if (lists) this.churn = lists;
    const returns = await runner.run(parts.earlyReturns, this.config, ctx, undefined, {
      key: 'lifecycle.earlyReturns',
    });
    if (returns) this.earlyReturns = returns;
  }

  /** Export one warning list with every column of the builder (the chosen segment's part of it). */
  async exportChurn(rule: ChurnRule, format: 'csv' | 'xlsx'): Promise<void> {
    const segment = this.#segmentTable && this.churnSegment !== null ? { segment: this.churnSegment } : {};
    await this.#app.runner.download(
      churnListExport,
      this.config,
      this.#app.planContext,
      { rule, segments: this.#segmentTable, ...segment },
      format,
      churnListFile(rule, format),
    );
  }
}

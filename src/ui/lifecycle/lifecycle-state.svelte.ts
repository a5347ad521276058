/**
 * State of the lifecycle section (issue 6): customers per period by status, lost customers by
 * channel, cohort retention, churn warning lists and the comparison of two groups. Parameters live in
 * `config.lifecycle`; view choices (counts or percentages, curve metric, the open list) live here.
 */
import * as v from 'valibot';
import type { AppState } from '../app-state.svelte.ts';
import { TABLES } from '../../ingest/canonical.ts';
import { LifecycleConfigSchema, type LifecycleConfig } from '../../analyses/lifecycle/lifecycle-config.ts';
import {
  buildLifecycleSql,
  buildLostByChannelSql,
  channelLosses,
} from '../../analyses/lifecycle/build-lifecycle-sql.ts';
import { buildCohortsSql } from '../../analyses/lifecycle/build-cohorts-sql.ts';
import {
  buildChurnWarningsSql,
  CHURN_RULES,
  type ChurnRule,
  type ChurnWarningOptions,
} from '../../analyses/lifecycle/build-churn-warnings-sql.ts';
import type { LifecycleRow } from '../../charts/lifecycle/lifecycle-bars-option.ts';
import type { CohortRow } from '../../charts/lifecycle/cohort-heatmap-option.ts';
import { QueryRunner } from '../behaviour/query-runner.ts';
import { loadSegments } from '../behaviour/segments.ts';
import type { SegmentInfo } from '../behaviour/rows.ts';
import { CompareState } from './compare-state.svelte.ts';

export type ChurnRow = {
  customer_id: string;
  rule: ChurnRule;
  days_idle: number;
  last_purchase: string;
  threshold_days: number;
  detail: string;
};

export class LifecycleState {
  readonly #app: AppState;
  readonly runner: QueryRunner;
  readonly compare: CompareState;
  segments = $state.raw<SegmentInfo[] | null>(null);
  loaded = $state(false);

  periods = $state.raw<LifecycleRow[]>([]);
  lostByChannel = $state.raw<{ channel: string | null; lost_customers: number }[]>([]);
  cohorts = $state.raw<CohortRow[]>([]);
  cohortValues = $state<'percent' | 'counts'>('percent');
  curveMetric = $state<'retention' | 'revenue'>('retention');
  churn = $state.raw<Record<ChurnRule, ChurnRow[]>>({ idle: [], early_churn: [], overdue: [] });
  churnRule = $state<ChurnRule>('idle');

  constructor(app: AppState) {
    this.#app = app;
    this.runner = new QueryRunner(app);
    this.compare = new CompareState(app, this.runner, () => this.segments);
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
    await this.runner.steps([
      async () => {
        this.segments = await loadSegments(this.runner);
      },
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
    return this.runner.steps(steps);
  }

  async #loadPeriods(): Promise<void> {
    const options = {
      purchases: TABLES.purchases,
      grain: this.config.periodGrain,
      lostDays: this.config.lostDays,
    };
    const rows = await this.runner.rows<LifecycleRow>(buildLifecycleSql(options));
    const lost = await this.runner.rows<{ channel: string | null; lost_customers: number }>(
      buildLostByChannelSql(options),
    );
    if (rows) this.periods = rows;
    if (lost) this.lostByChannel = channelLosses(lost);
  }

  async #loadCohorts(): Promise<void> {
    const rows = await this.runner.rows<CohortRow>(
      buildCohortsSql({ purchases: TABLES.purchases, grain: this.config.cohortGrain }),
    );
    if (rows) this.cohorts = rows;
  }

  #churnOptions(rules?: readonly ChurnRule[]): ChurnWarningOptions {
    const c = this.config;
    return {
      purchases: TABLES.purchases,
      idleDays: c.lostDays,
      earlyChurnDays: c.earlyChurnDays,
      overdueFactor: c.overdueFactor,
      overdueMinPurchases: c.overdueMinPurchases,
      ...(rules ? { rules } : {}),
    };
  }

  async #loadChurn(): Promise<void> {
    const rows = await this.runner.rows<ChurnRow>(buildChurnWarningsSql(this.#churnOptions()));
    if (!rows) return;
    const lists: Record<ChurnRule, ChurnRow[]> = { idle: [], early_churn: [], overdue: [] };
    for (const r of rows) if (CHURN_RULES.includes(r.rule)) lists[r.rule].push(r);
    this.churn = lists;
  }

  /** Export one warning list with every column of the builder. */
  exportChurn(rule: ChurnRule, format: 'csv' | 'xlsx'): Promise<void> {
    return this.runner.download(
      buildChurnWarningsSql(this.#churnOptions([rule])),
      format,
      `churn-${rule.replace('_', '-')}.${format}`,
    );
  }
}

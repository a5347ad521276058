/**
 * State of the basket rules section (issue 15): estimate first (asks above ASK_ITEMSETS), then the
 * rules model and the recommendations model, all in the worker via the runner (progress + Cancel).
 */
import type { AppState } from '../app-state.svelte.ts';
import {
  ASK_ITEMSETS,
  basketModule,
  recommendationsExport,
  rulesExport,
  type BasketConfig,
  type BasketEstimate,
  type BasketSummary,
  type RuleSort,
} from '../../analyses/basket/module.ts';
import { fetchSegments } from '../behaviour/segments.ts';

export const RULES_LIMIT = 200;
export const RECS_LIMIT = 100;

type Rule = {
  rule_id: number;
  antecedent: string;
  consequent: string;
  lhs_size: number;
  support: number;
  confidence: number;
  lift: number;
  count: number;
  leverage: number;
  conviction: number | null;
};
type Rec = { customer_id: string; rank: number; item: string; score: number; because: string };

export class BasketState {
  readonly #app: AppState;
  estimate = $state.raw<BasketEstimate | null>(null);
  /** True while the estimate says "more than ASK_ITEMSETS" and the user has not confirmed. */
  asking = $state(false);
  summary = $state.raw<BasketSummary | null>(null);
  sources = $state.raw<{ read: number; used: number } | null>(null);
  rules = $state.raw<Rule[]>([]);
  /** Rules for the charts (first by lift), unaffected by the filter. */
  topRules = $state.raw<Rule[]>([]);
  recs = $state.raw<Rec[]>([]);
  filter = $state('');
  sort = $state<RuleSort>('lift');
  loaded = $state(false);

  constructor(app: AppState) {
    this.#app = app;
  }

  get config(): BasketConfig {
    return this.#app.analysis.config.basket;
  }

  /** Estimate, then mine unless the estimate is above the ask threshold (then `asking`). */
  async load(confirmed = false): Promise<void> {
    const ctx = this.#app.planContext;
    let go = true;
    await this.#app.runner.batch([
      async () => {
        if (confirmed) return;
        this.estimate = await this.#app.runner.run(basketModule.parts.estimate, this.config, ctx, undefined, {
          key: 'basket.estimate',
        });
        go = this.estimate !== null && this.estimate.itemsets !== null;
        this.asking = this.estimate !== null && this.estimate.itemsets === null;
      },
      async () => {
        if (!go) return;
        this.asking = false;
        const r = await this.#app.runner.run(
          basketModule.parts.rules,
          this.config,
          ctx,
          { item: '', sort: 'lift', limit: RULES_LIMIT },
          { key: 'basket.rules' },
        );
        if (!r) {
          go = false;
          return;
        }
        this.summary = r.summary;
        this.sources = r.sources;
        this.topRules = r.rules;
        this.rules = r.rules;
        this.filter = '';
        this.sort = 'lift';
      },
      async () => {
        if (!go) return;
        const segments = (await fetchSegments(this.#app, 'basket')) !== null;
        this.recs =
          (await this.#app.runner.run(
            basketModule.parts.recommendations,
            this.config,
            ctx,
            { segments, limit: RECS_LIMIT },
            { key: 'basket.recs' },
          )) ?? [];
      },
    ]);
    this.loaded = true;
  }

  async page(): Promise<void> {
    this.rules =
      (await this.#app.runner.run(
        basketModule.parts.page,
        this.config,
        this.#app.planContext,
        { item: this.filter, sort: this.sort, limit: RULES_LIMIT },
        { key: 'basket.page' },
      )) ?? [];
  }

  async set(patch: Partial<BasketConfig>): Promise<void> {
    this.#app.analysis.updateConfig({ basket: { ...this.config, ...patch } });
    await this.load();
  }

  get askAbove(): number {
    return this.estimate?.askAbove ?? ASK_ITEMSETS;
  }

  downloadRules(format: 'csv' | 'xlsx'): void {
    void this.#app.runner.download(rulesExport, this.config, this.#app.planContext, undefined, format);
  }

  downloadRecs(format: 'csv' | 'xlsx'): void {
    void this.#app.runner.download(
      recommendationsExport,
      this.config,
      this.#app.planContext,
      undefined,
      format,
    );
  }
}

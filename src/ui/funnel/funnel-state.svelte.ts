/** State of the funnel section (issue 14): funnelModule's parts via the runner. */
import type { AppState } from '../app-state.svelte.ts';
import {
  funnelDroppedExport,
  funnelModule,
  hasSteps,
  type EventNameRow,
  type EventsInfo,
  type FunnelBreakdown,
  type FunnelConfig,
  type FunnelResult,
} from '../../analyses/funnel/module.ts';
import { fetchSegments, segmentName } from '../behaviour/segments.ts';
import type { SegmentInfo } from '../../analyses/behaviour/module.ts';

export class FunnelState {
  readonly #app: AppState;
  names = $state.raw<EventNameRow[]>([]);
  info = $state.raw<EventsInfo | null>(null);
  suggested = $state.raw<string[]>([]);
  result = $state.raw<FunnelResult | null>(null);
  /** RFM segments (null: RFM has not run, no segment breakdown). */
  segments = $state.raw<SegmentInfo[] | null>(null);
  loaded = $state(false);

  constructor(app: AppState) {
    this.#app = app;
  }

  get config(): FunnelConfig {
    return this.#app.analysis.config.funnel;
  }

  /** The breakdowns on offer: properties with values, the RFM segment when RFM has run. */
  get breakdowns(): FunnelBreakdown[] {
    const i = this.info;
    const props = (['channel', 'page', 'campaign', 'device'] as const).filter((p) => (i?.[p] ?? 0) > 0);
    return ['none', ...props, ...(this.segments ? (['segment'] as const) : [])];
  }

  async load(): Promise<void> {
    const ctx = this.#app.planContext;
    await this.#app.runner.batch([
      async () => {
        const r = await this.#app.runner.run(funnelModule.parts.names, this.config, ctx, undefined, {
          key: 'funnel.names',
        });
        if (!r) return;
        this.names = r.names;
        this.info = r.info;
        this.suggested = r.suggested;
        // No steps chosen yet: start from the suggestion (the user sees and can change it).
        if (!hasSteps(this.config) && r.suggested.length >= 2)
          this.#app.analysis.updateConfig({ funnel: { ...this.config, steps: r.suggested } });
      },
      async () => {
        this.segments = await fetchSegments(this.#app, 'funnel');
        // A saved segment breakdown without RFM results falls back to none.
        if (this.config.breakdown === 'segment' && !this.segments)
          this.#app.analysis.updateConfig({ funnel: { ...this.config, breakdown: 'none' } });
      },
      () => this.#run(),
    ]);
    this.loaded = true;
  }

  async #run(): Promise<void> {
    if (!hasSteps(this.config)) {
      this.result = null;
      return;
    }
    const r = await this.#app.runner.run(
      funnelModule.parts.funnel,
      this.config,
      this.#app.planContext,
      undefined,
      {
        key: 'funnel.funnel',
      },
    );
    if (r) this.result = r;
  }

  async set(patch: Partial<FunnelConfig>): Promise<void> {
    this.#app.analysis.updateConfig({ funnel: { ...this.config, ...patch } });
    await this.#app.runner.batch([() => this.#run()]);
  }

  setStep(index: number, event: string): Promise<void> {
    const steps = [...this.config.steps];
    steps[index] = event;
    if (steps.some((x, j) => steps.indexOf(x) !== j)) return Promise.resolve();
    return this.set({ steps });
  }

  addStep(): Promise<void> {
    const next = this.names.find((n) => !this.config.steps.includes(n.event));
    if (!next || this.config.steps.length >= 8) return Promise.resolve();
    return this.set({ steps: [...this.config.steps, next.event] });
  }

  removeStep(index: number): Promise<void> {
    if (this.config.steps.length <= 2) return Promise.resolve();
    return this.set({ steps: this.config.steps.filter((_, i) => i !== index) });
  }

  breakdownLabel(value: string): string {
    if (this.config.breakdown === 'segment')
      return value === '' ? '' : (segmentName(this.segments, value, this.#app) ?? value);
    return value;
  }

  download(format: 'csv' | 'xlsx'): void {
    void this.#app.runner.download(
      funnelModule.exports[0]!,
      this.config,
      this.#app.planContext,
      undefined,
      format,
    );
  }

  downloadDropped(step: number, format: 'csv' | 'xlsx'): void {
    void this.#app.runner.download(
      funnelDroppedExport,
      this.config,
      this.#app.planContext,
      { step, mask: !this.#app.analysis.revealPii },
      format,
      `funnel_dropped_step${step}.${format}`,
    );
  }
}

/** State of the campaigns section (issue 13): campaignsModule's parts via the runner. */
import type { AppState } from '../app-state.svelte.ts';
import {
  campaignListExport,
  campaignsModule,
  type CampaignMatch,
  type CampaignRow,
  type CampaignsConfig,
  type ChannelRow,
  type DayRow,
  type SegmentLiftRow,
} from '../../analyses/campaigns/module.ts';
import { fetchSegments, segmentName } from '../behaviour/segments.ts';
import type { SegmentInfo } from '../../analyses/behaviour/module.ts';

export class CampaignsState {
  readonly #app: AppState;
  rows = $state.raw<CampaignRow[]>([]);
  match = $state.raw<CampaignMatch | null>(null);
  channels = $state.raw<ChannelRow[]>([]);
  days = $state.raw<DayRow[]>([]);
  /** Lift by RFM segment of the selected campaign; null when RFM has not run (no segment table). */
  segmentLift = $state.raw<SegmentLiftRow[] | null>(null);
  segments = $state.raw<SegmentInfo[] | null>(null);
  selected = $state<string | null>(null);
  sortKey = $state<keyof CampaignRow>('first_send');
  sortDesc = $state(false);
  loaded = $state(false);

  constructor(app: AppState) {
    this.#app = app;
  }

  get config(): CampaignsConfig {
    return this.#app.analysis.config.campaigns;
  }

  get #mask(): boolean {
    return !this.#app.analysis.revealPii;
  }

  get sorted(): CampaignRow[] {
    const k = this.sortKey;
    const dir = this.sortDesc ? -1 : 1;
    return [...this.rows].sort((a, b) => {
      const x = a[k];
      const y = b[k];
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * dir;
    });
  }

  sortBy(key: keyof CampaignRow): void {
    if (this.sortKey === key) this.sortDesc = !this.sortDesc;
    else {
      this.sortKey = key;
      this.sortDesc = true;
    }
  }

  async load(): Promise<void> {
    const ctx = this.#app.planContext;
    await this.#app.runner.batch([
      async () => {
        const r = await this.#app.runner.run(
          campaignsModule.parts.table,
          this.config,
          ctx,
          { mask: this.#mask },
          { key: 'campaigns.table' },
        );
        if (!r) return;
        this.rows = r.rows;
        this.match = r.match;
        if (!this.selected || !r.rows.some((x) => x.campaign === this.selected))
          this.selected = r.rows[0]?.campaign ?? null;
      },
      async () => {
        this.channels =
          (await this.#app.runner.run(campaignsModule.parts.channels, this.config, ctx, undefined, {
            key: 'campaigns.channels',
          })) ?? [];
      },
      () => this.#loadDays(),
    ]);
    this.loaded = true;
  }

  async #loadDays(): Promise<void> {
    if (this.selected === null) return;
    this.segments = await fetchSegments(this.#app, 'campaigns');
    this.segmentLift = this.segments
      ? ((await this.#app.runner.run(
          campaignsModule.parts.segments,
          this.config,
          this.#app.planContext,
          { campaign: this.selected },
          { key: 'campaigns.segments' },
        )) ?? null)
      : null;
    this.days =
      (await this.#app.runner.run(
        campaignsModule.parts.days,
        this.config,
        this.#app.planContext,
        { campaign: this.selected },
        { key: 'campaigns.days' },
      )) ?? [];
  }

  async select(campaign: string): Promise<void> {
    this.selected = campaign;
    await this.#app.runner.batch([() => this.#loadDays()]);
  }

  async set(patch: Partial<CampaignsConfig>): Promise<void> {
    this.#app.analysis.updateConfig({ campaigns: { ...this.config, ...patch } });
    await this.load();
  }

  /** The cost entered for the selected campaign (replaces the file's cost column), or null. */
  get enteredCost(): number | null {
    return this.config.costs.find((c) => c.campaign === this.selected)?.cost ?? null;
  }

  setCost(cost: number | null): Promise<void> {
    const campaign = this.selected;
    if (campaign === null) return Promise.resolve();
    const others = this.config.costs.filter((c) => c.campaign !== campaign);
    return this.set({ costs: cost === null ? others : [...others, { campaign, cost }] });
  }

  segmentLabel(id: string): string {
    return id === '' ? '' : (segmentName(this.segments, id, this.#app) ?? id);
  }

  download(format: 'csv' | 'xlsx'): void {
    void this.#app.runner.download(
      campaignsModule.exports[0]!,
      this.config,
      this.#app.planContext,
      undefined,
      format,
    );
  }

  downloadList(converted: boolean, format: 'csv' | 'xlsx'): void {
    if (this.selected === null) return;
    void this.#app.runner.download(
      campaignListExport,
      this.config,
      this.#app.planContext,
      { campaign: this.selected, converted, mask: this.#mask },
      format,
      `${converted ? 'converted' : 'not_converted'}.${format}`,
    );
  }
}

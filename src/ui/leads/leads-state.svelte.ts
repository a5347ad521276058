/** State of the leads section (issue 13): leadsModule's parts via the runner. */
import type { AppState } from '../app-state.svelte.ts';
import { leadsModule, notContactedExport } from '../../analyses/leads/module.ts';
import type {
  LeadsOwnerRow,
  LeadsSourceRow,
  LeadsSummary,
  LeadsWeekRow,
  NotContactedRow,
} from '../../analyses/leads/module.ts';

export class LeadsState {
  readonly #app: AppState;
  summary = $state.raw<LeadsSummary | null>(null);
  sources = $state.raw<LeadsSourceRow[]>([]);
  owners = $state.raw<LeadsOwnerRow[]>([]);
  weeks = $state.raw<LeadsWeekRow[]>([]);
  notContacted = $state.raw<NotContactedRow[]>([]);
  loaded = $state(false);

  constructor(app: AppState) {
    this.#app = app;
  }

  get config() {
    return this.#app.analysis.config.leads;
  }

  get #mask(): boolean {
    return !this.#app.analysis.revealPii;
  }

  async load(): Promise<void> {
    const ctx = this.#app.planContext;
    await this.#app.runner.batch([
      async () => {
        const r = await this.#app.runner.run(leadsModule.parts.overview, this.config, ctx, undefined, {
          key: 'leads.overview',
        });
        if (!r) return;
        this.summary = r.summary;
        this.sources = r.sources;
        this.owners = r.owners;
        this.weeks = r.weeks;
      },
      async () => {
        this.notContacted =
          (await this.#app.runner.run(
            leadsModule.parts.notContacted,
            this.config,
            ctx,
            { mask: this.#mask },
            { key: 'leads.late' },
          )) ?? [];
      },
    ]);
    this.loaded = true;
  }

  async set(patch: Partial<{ effectiveDays: number; overdueHours: number }>): Promise<void> {
    this.#app.analysis.updateConfig({ leads: { ...this.config, ...patch } });
    await this.load();
  }

  downloadSources(format: 'csv' | 'xlsx'): void {
    void this.#app.runner.download(
      leadsModule.exports[0]!,
      this.config,
      this.#app.planContext,
      undefined,
      format,
    );
  }

  downloadNotContacted(format: 'csv' | 'xlsx'): void {
    void this.#app.runner.download(
      notContactedExport,
      this.config,
      this.#app.planContext,
      { mask: this.#mask },
      format,
    );
  }
}

/**
 * The Findings overview's state (issue 17): runs every contributing module's findings (its `prepare`,
 * then its findings plan) as one analysis task with progress and Cancel, ranks them and publishes them
 * as `app.findings` for the action plan and the report. Exports a finding's customer group.
 */
import type { AppState } from '../app-state.svelte.ts';
import type { Finding } from '../../analyses/findings/finding.ts';
import { findingModules, findingsPlan, rankFindings } from '../../analyses/findings/collect.ts';

export interface Contribution {
  module: string;
  count: number;
}

export class FindingsState {
  readonly #app: AppState;
  loaded = $state(false);
  running = $state(false);
  /** Modules that ran, with how many findings each gave (0 = ran, nothing to say). */
  contributions = $state.raw<Contribution[]>([]);
  #run = 0;

  constructor(app: AppState) {
    this.#app = app;
  }

  async load(): Promise<void> {
    const app = this.#app;
    const run = ++this.#run;
    this.running = true;
    // CLV findings read the predictions table: only once the CLV section fit the models on this data.
    const modules = findingModules(app.cleanedRoles).filter((m) => m.id !== 'clv' || app.clvFitted);
    const found: Finding[] = [];
    const contributions: Contribution[] = [];
    const config = app.analysis.config as unknown as Record<string, unknown>;
    const ctx = app.planContext;
    try {
      await app.runner.batch(
        modules.map((m) => async () => {
          const cfg = config[m.configKey];
          const rows = await app.runner.rows(findingsPlan(m, cfg, ctx), { key: `findings.${m.id}` });
          if (!rows) return;
          const list = m.findings.read(rows, cfg, ctx);
          found.push(...list);
          contributions.push({ module: m.id, count: list.length });
        }),
      );
    } finally {
      if (run === this.#run) {
        this.running = false;
        this.contributions = contributions;
        app.findings = rankFindings(found);
        this.loaded = true;
      }
    }
  }

  /** The finding's customers as CSV or XLSX (formula-guarded by the engine's export path). */
  export(finding: Finding, format: 'csv' | 'xlsx'): Promise<boolean> {
    if (!finding.group) return Promise.resolve(false);
    const name = finding.id.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80);
    return this.#app.runner.downloadQuery(finding.group.query, format, `finding-${name}.${format}`);
  }
}

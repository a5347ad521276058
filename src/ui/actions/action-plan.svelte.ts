/**
 * The action plan's state (issue 17): the actions live in the config (`config.actions`, saved and
 * shared with it); this class edits them and holds the named KPIs' current values, computed by the
 * actions module's part through the runner whenever the cleaned data changes.
 */
import type { AppState } from '../app-state.svelte.ts';
import type { Action } from '../../config/actions.ts';
import type { Finding } from '../../analyses/findings/finding.ts';
import {
  actionsModule,
  BASE_KPIS,
  SEGMENT_KPI_PREFIX,
  type KpiResult,
} from '../../analyses/actions/module.ts';
import { actionsSheet } from '../../analyses/report/report-workbook.ts';
import { kpiLabel } from '../../analyses/report/kpi-text.ts';
import { resolveRfmConfig } from '../../analyses/rfm/rfm-config.ts';
import { uniqueActionId } from './action-from.ts';

export class ActionPlan {
  readonly #app: AppState;
  kpis = $state.raw<KpiResult | null>(null);
  /** The cleaning report and RFM settings the KPIs were computed on: others mean they are stale. */
  #kpisFor: { report: unknown; rfm: unknown } | null = null;

  constructor(app: AppState) {
    this.#app = app;
  }

  get list(): readonly Action[] {
    return this.#app.analysis.config.actions;
  }

  #set(actions: Action[]): void {
    const analysis = this.#app.analysis;
    analysis.config = { ...analysis.config, actions };
  }

  /** Append an action (its id made unique in the plan); the stored action. */
  add(action: Action): Action {
    const stored = {
      ...action,
      id: uniqueActionId(
        action.id,
        this.list.map((a) => a.id),
      ),
    };
    this.#set([...this.list, stored]);
    return stored;
  }

  update(id: string, action: Action): void {
    this.#set(this.list.map((a) => (a.id === id ? { ...action, id } : a)));
  }

  remove(id: string): void {
    this.#set(this.list.filter((a) => a.id !== id));
  }

  setStatus(id: string, status: Action['status']): void {
    this.#set(this.list.map((a) => (a.id === id ? { ...a, status } : a)));
  }

  /** Findings computed by the app (issue 17 part A), when it has them. */
  get findings(): readonly Finding[] | null {
    return (this.#app as unknown as { findings?: readonly Finding[] | null }).findings ?? null;
  }

  /** Compute the KPIs unless they belong to the current data already. */
  async refreshKpis(force = false): Promise<void> {
    const report = this.#app.analysis.report;
    const rfm = this.#app.analysis.config.rfm;
    const fresh = this.#kpisFor?.report === report && this.#kpisFor.rfm === rfm;
    if (report === null || (!force && fresh && this.kpis !== null)) return;
    const result = await this.#app.runner.run(
      actionsModule.parts.kpis,
      rfm,
      this.#app.planContext,
      undefined,
      { key: 'actions.kpis' },
    );
    if (result) {
      this.kpis = result;
      this.#kpisFor = { report, rfm };
    }
  }

  /** The KPI's value on the current data: a named KPI, else the evidence of the finding it came from. */
  current(action: Action): number | null {
    if (!action.kpi) return null;
    const named = this.kpis?.values[action.kpi.id];
    if (named !== undefined) return named;
    const finding = this.findings?.find((f) => f.id === action.fromFinding);
    const value = finding?.numbers[action.kpi.id];
    return typeof value === 'number' ? value : null;
  }

  segmentLabel = (id: string): string | null => {
    const segments = resolveRfmConfig(this.#app.analysis.config.rfm).segments;
    return segments.find((s) => s.id === id)?.label[this.#app.locale] ?? null;
  };

  /** Named KPIs to choose from: the base ones and each RFM segment's size. */
  get kpiChoices(): { id: string; label: string }[] {
    const segments = resolveRfmConfig(this.#app.analysis.config.rfm).segments;
    const ids = [...BASE_KPIS, ...segments.map((s) => `${SEGMENT_KPI_PREFIX}${s.id}`)];
    return ids.map((id) => ({ id, label: this.label(id) }));
  }

  label(id: string): string {
    return kpiLabel(id, this.#app.locale, this.segmentLabel);
  }

  /** The action plan as an XLSX workbook (one sheet, formula-safe through the engine's writer). */
  async exportXlsx(): Promise<void> {
    await this.refreshKpis();
    const app = this.#app;
    const sheet = actionsSheet(this.list, this.currentValues(), app.locale, this.segmentLabel);
    await app.runner.downloadWorkbook([sheet], `${app.t('actions.file')}.xlsx`);
  }

  /** KPI id → current value for every action's KPI (named or from its finding). */
  currentValues(): Record<string, number | null> {
    const out: Record<string, number | null> = { ...(this.kpis?.values ?? {}) };
    for (const a of this.list) if (a.kpi && !(a.kpi.id in out)) out[a.kpi.id] = this.current(a);
    return out;
  }
}

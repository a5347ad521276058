/**
 * Application state for the shell: language, engine, loaded tables, the running job and errors.
 * Components are thin views over this class; nothing here builds SQL.
 */
import type { Finding } from '../analyses/findings/finding.ts';
import type { RoleCleaningReport } from '../client/engine-client.ts';
import {
  EngineClient,
  type DecodedResult,
  type EngineErrorData,
  type LoadFileOptions,
  type LoadProgress,
  type TableProfile,
} from '../client/engine-client.ts';
import { decodeIpc } from '../client/decode.ts';
import { AnalysisRunner } from '../client/analysis-runner.ts';
import type { PlanContext } from '../analyses/contract.ts';
import type { ModuleId } from '../analyses/registry.ts';
import { CLV_TABLE } from '../analyses/clv/fit-request.ts';
import { TABLES } from '../ingest/canonical.ts';
import { returnsViewName } from '../ingest/tables.ts';
import type { TextEncoding } from '../ingest/detect-format.ts';
import { AnalysisState } from './analysis/analysis-state.svelte.ts';
import { ComparisonDataset } from './lifecycle/comparison-dataset.svelte.ts';
import { ActionPlan } from './actions/action-plan.svelte.ts';
import { GroupsState } from './groups/groups-state.svelte.ts';
import type { Action } from '../config/actions.ts';
import { hasMessage, localeFromLanguages, translate, type Locale, type MessageKey } from '../i18n/i18n.ts';

const LOCALE_KEY = 'customer-lens.locale';
export const SAMPLE_URL = './sample/orders-sample.csv';
export const SAMPLE_NAME = 'orders-sample.csv';

export interface LoadedTable {
  id: string;
  /** The user's file, kept so it can be read again with another sheet or encoding. */
  file: File;
  profile: Omit<TableProfile, 'preview'>;
  preview: DecodedResult;
  loadMs: number;
}

/** A workspace tab: data, clean, config, or a registered analysis module's id (ui/shell/sections.ts). */
export type Section = 'data' | 'clean' | 'config' | ModuleId;

export type TaskKind = 'load' | 'cleaning' | 'analysis' | 'export';

export interface Job {
  kind: TaskKind;
  /** The file being loaded (kind 'load'). */
  fileName: string;
  progress: LoadProgress | null;
  queued: number;
}

export interface ShownError {
  id: number;
  code: EngineErrorData['code'] | 'sample_missing' | 'no_rows';
  params: Record<string, string | number>;
  detail: string;
}

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(LOCALE_KEY);
    if (saved === 'zh-CN' || saved === 'en') return saved;
  } catch {
    // Storage may be disabled (private mode); fall back to the browser's language.
  }
  return localeFromLanguages(navigator.languages ?? [navigator.language]);
}

export class AppState {
  locale = $state<Locale>(initialLocale());
  tables = $state.raw<LoadedTable[]>([]);
  activeId = $state<string | null>(null);
  job = $state<Job | null>(null);
  errors = $state<ShownError[]>([]);
  /** The last job the user cancelled, said in words until the next job starts (issue 18). */
  cancelled = $state<{ kind: TaskKind; name: string } | null>(null);
  /** Bumped when a flow opens a result on its own: the workspace moves focus to the page heading. */
  focusHeading = $state(0);
  /** The engine is working, or a multi-step flow (load → clean → analyse) is under way. */
  busy = $derived.by(() => this.#engineBusy || this.#flows > 0);
  #engineBusy = $state(false);
  #flows = $state(0);
  engineVersion = $state<string | null>(null);
  /** Touches / experiment / leads cleaned on the cleaning screen (issue 13), by role. */
  roleReports = $state.raw<Partial<Record<string, RoleCleaningReport>>>({});

  readonly engine: EngineClient;
  /** Runs analysis modules' plans: the only way sections reach the engine for results. */
  readonly runner: AnalysisRunner;
  readonly analysis: AnalysisState;
  /** A second orders dataset for the group comparison (issue 6); never the analysed one. */
  readonly comparison: ComparisonDataset;
  /** The action plan (issue 17): actions saved in the config, and their KPIs' current values. */
  readonly actions: ActionPlan;
  /** Saved customer groups (issues 14–16): definitions in the config, members rebuilt in the worker. */
  readonly groups: GroupsState;
  section = $state<Section>('data');
  /**
   * Issue 17: the findings of the last Findings overview run, ranked (plain data: the action plan and
   * the report read them). Empty until the overview has run on the current data.
   */
  findings = $state.raw<Finding[]>([]);
  /** The last finding link followed: its section reads the view state (e.g. `{ segment }`) and clears it. */
  findingLink = $state.raw<Finding['link'] | null>(null);
  /**
   * Issue 16: the CLV fit the CLV section last made (on which cleaned data, with which horizon), or
   * null. While it is for the current cleaning report, planContext.clv names its predictions table
   * and the RFM customer list and exports carry the CLV columns.
   */
  clvFit = $state.raw<{ report: unknown; horizonDays: number; aliveThreshold: number } | null>(null);
  #nextTable = 1;
  #nextError = 1;
  #cancelled = false;

  constructor() {
    this.engine = new EngineClient((busy) => (this.#engineBusy = busy));
    this.runner = new AnalysisRunner(this.engine, this);
    this.analysis = new AnalysisState(this);
    this.comparison = new ComparisonDataset(this);
    this.actions = new ActionPlan(this);
    this.groups = new GroupsState(this);
  }

  /**
   * Add an action to the plan (issue 17), e.g. from a finding card:
   * `app.addAction(actionFromFinding(finding, app.locale))` (ui/actions/action-from.ts). Saved with
   * the config; its id is made unique. Returns the stored action.
   */
  addAction(action: Action): Action {
    return this.actions.add(action);
  }

  /** Open the section and view a finding came from (issue 17). */
  openFinding(link: Finding['link']): void {
    this.findingLink = link;
    this.section = link.section as Section;
    this.focusHeading++;
  }

  t = (key: MessageKey, params?: Record<string, string | number>): string =>
    translate(this.locale, key, params);

  setLocale(locale: Locale): void {
    this.locale = locale;
    try {
      localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      // Not remembered when storage is disabled; the choice still applies to this page.
    }
  }

  /** Dataset roles cleaned so far (a module's section opens when the roles it needs are here). */
  get cleanedRoles(): readonly string[] {
    return [...(this.analysis.report !== null ? ['orders'] : []), ...Object.keys(this.roleReports)];
  }

  /** ISO code of the cleaned orders' amounts; null = not detected (or nothing cleaned yet). */
  get currency(): string | null {
    return this.analysis.report?.currency.code ?? null;
  }

  /** What one purchase is (orders or purchase days): F and order-count labels follow it. */
  get purchaseUnit(): 'orders' | 'days' {
    return this.analysis.config.cleaning.purchase;
  }

  /** What every module plan reads: the cleaned orders of the analysed dataset, in the UI language. */
  get planContext(): PlanContext {
    const report = this.analysis.report;
    return {
      locale: this.locale,
      purchases: TABLES.purchases,
      ...(report ? { currency: report.currency.code } : {}),
      returns: returnsViewName(TABLES.purchases),
      purchaseUnit: this.analysis.config.cleaning.purchase,
      ...(this.clvFitted ? { clv: CLV_TABLE } : {}),
    };
  }

  /** The CLV fit is for the data analysed now (issue 16). */
  get clvFitted(): boolean {
    const report = this.analysis.report;
    return report !== null && this.clvFit !== null && this.clvFit.report === report;
  }

  get active(): LoadedTable | null {
    return this.tables.find((t) => t.id === this.activeId) ?? this.tables[0] ?? null;
  }

  async start(): Promise<void> {
    const result = await this.engine.init();
    if (result.ok) this.engineVersion = result.value.duckdbVersion;
    else this.#showError(result.error);
  }

  /** Keep the page busy across the steps of a flow, so nothing reads a half-finished state. */
  async flow<T>(work: () => Promise<T>): Promise<T> {
    this.#flows++;
    try {
      return await work();
    } finally {
      this.#flows--;
    }
  }

  loadFiles(files: readonly File[]): Promise<void> {
    return this.flow(() => this.#loadFiles(files));
  }

  async #loadFiles(files: readonly File[]): Promise<void> {
    // Marks for `npm run bench` (time from drop to table and dashboard); cheap, and visible in DevTools.
    performance.mark('cl:drop');
    this.#cancelled = false;
    const hadOrders = this.analysis.report !== null;
    const before = this.#ordersKey();
    const list = [...files];
    for (let i = 0; i < list.length; i++) {
      if (this.#cancelled) break;
      await this.#loadOne(list[i]!, list.length - i - 1);
    }
    this.job = null;
    if (this.#cancelled) return;
    if (!hadOrders) await this.#autoAnalyze();
    // A file added to the cleaned orders (issue 12): clean again with the mapping already chosen.
    else if (this.#ordersKey() !== before && this.analysis.canClean) await this.analysis.clean();
  }

  /** Which files make the orders now (to notice a file added or removed). */
  #ordersKey(): string {
    return this.analysis.ordersTables.map((t) => t.id).join(',');
  }

  loadSample(): Promise<void> {
    return this.flow(() => this.#loadSample());
  }

  async #loadSample(): Promise<void> {
    let response: Response;
    try {
      response = await fetch(SAMPLE_URL);
    } catch (e) {
      this.#pushError('sample_missing', { status: String(e) }, String(e));
      return;
    }
    if (!response.ok) {
      this.#pushError('sample_missing', { status: response.status }, response.statusText);
      return;
    }
    const blob = await response.blob();
    await this.#loadFiles([new File([blob], SAMPLE_NAME, { type: 'text/csv' })]);
  }

  /**
   * After a drop: when the orders mapping is confident, clean at once and open the RFM dashboard (the
   * user can still review the mapping); otherwise open the mapping screen.
   */
  async #autoAnalyze(): Promise<void> {
    if (!this.analysis.ordersTable) return;
    if (!this.analysis.confident) {
      this.section = 'clean';
      return;
    }
    if (await this.analysis.clean()) this.section = 'rfm';
    this.focusHeading++;
  }

  async cancel(): Promise<void> {
    this.#cancelled = true;
    if (this.job) this.cancelled = { kind: this.job.kind, name: this.job.fileName };
    await this.engine.cancel();
  }

  async removeTable(id: string): Promise<void> {
    const analysis = this.analysis;
    const wasOrders = analysis.ordersTables.some((t) => t.id === id);
    const hadReport = analysis.report !== null;
    await this.engine.dropTable(id);
    this.tables = this.tables.filter((t) => t.id !== id);
    if (analysis.ordersTableId === id || analysis.moreOrdersIds.includes(id)) analysis.removeOrdersFile(id);
    // Another file of the orders remains (issue 12): clean the rest again, without starting over.
    if (wasOrders && hadReport && analysis.canClean) await this.flow(() => analysis.clean());
    if (this.activeId === id) this.activeId = this.tables[0]?.id ?? null;
  }

  /** Show a non-file task (cleaning, an analysis, an export) as the running job. */
  startTask(kind: Exclude<TaskKind, 'load'>): void {
    this.cancelled = null;
    this.job = { kind, fileName: '', progress: null, queued: 0 };
  }

  /** Progress of the running task, 0..1. */
  taskProgress(fraction: number): void {
    if (this.job)
      this.job = {
        ...this.job,
        progress: { phase: 'load', done: fraction * 100, total: 100, unit: 'percent' },
      };
  }

  endTask(): void {
    this.job = null;
  }

  reportError(error: EngineErrorData): void {
    if (error.code !== 'cancelled') this.#showError(error);
  }

  dismissError(id: number): void {
    this.errors = this.errors.filter((e) => e.id !== id);
  }

  errorText(error: ShownError): string {
    const key = error.code === 'sample_missing' ? 'error.sampleMissing' : `error.${error.code}`;
    return hasMessage(key) ? this.t(key, { detail: error.detail, ...error.params }) : error.detail;
  }

  /** Read a loaded file again with another sheet or text encoding (the user's override). */
  async reload(id: string, options: { sheet?: string; encoding?: TextEncoding | 'auto' }): Promise<void> {
    const existing = this.tables.find((t) => t.id === id);
    if (!existing) return;
    this.#cancelled = false;
    await this.#loadOne(existing.file, 0, { table: id, ...options });
    this.job = null;
  }

  /**
   * Open another sheet of a loaded workbook in its place (issue 21). When the table was the orders:
   * a sheet of orders becomes the orders (cleaned again when the mapping is sure), any other sheet is
   * shown on the Data tab and the orders are released. A sheet already loaded is just shown.
   */
  switchSheet(id: string, sheet: string): Promise<void> {
    return this.flow(async () => {
      const current = this.tables.find((t) => t.id === id);
      if (!current) return;
      const loaded = this.tables.find((t) => t.file === current.file && t.profile.sheet === sheet);
      if (loaded) {
        this.activeId = loaded.id;
        return;
      }
      const analysis = this.analysis;
      const wasOrders = analysis.ordersTableId === id;
      const wasMore = analysis.moreOrdersIds.includes(id);
      await this.reload(id, { sheet });
      const table = this.tables.find((t) => t.id === id);
      if (!table || table.profile.sheet !== sheet) return;
      const isOrders = analysis.roles.detected(table)?.role === 'orders';
      if (wasMore) {
        // An appended file or sheet: out of the orders unless the new sheet holds orders too.
        if (!isOrders) analysis.removeOrdersFile(id);
        if (analysis.report !== null && analysis.canClean) await analysis.clean();
        return;
      }
      if (!wasOrders) return;
      if (isOrders) {
        analysis.useAsOrders(table);
        await this.#autoAnalyze();
      } else {
        analysis.removeOrdersFile(id);
        this.section = 'data';
      }
    });
  }

  /**
   * Append sheets of a loaded workbook to it (issue 21: monthly sheets, one per store): each sheet is
   * loaded as its own table and combined into the orders as several files are (issue 12), with its
   * own counts (`book.xlsx · 2月`) and the same overlap handling; cleaned again when it was cleaned.
   */
  appendSheets(id: string, sheets: readonly string[]): Promise<void> {
    return this.flow(async () => {
      const base = this.tables.find((t) => t.id === id);
      if (!base) return;
      this.#cancelled = false;
      const before = this.#ordersKey();
      const hadOrders = this.analysis.report !== null;
      for (let i = 0; i < sheets.length; i++) {
        if (this.#cancelled) break;
        if (this.tables.some((t) => t.file === base.file && t.profile.sheet === sheets[i])) continue;
        await this.#loadOne(base.file, sheets.length - i - 1, {
          table: `t${this.#nextTable++}`,
          sheet: sheets[i]!,
        });
      }
      this.job = null;
      this.activeId = id;
      if (this.#cancelled || this.#ordersKey() === before || !this.analysis.canClean) return;
      if (hadOrders) await this.analysis.clean();
      else await this.#autoAnalyze();
    });
  }

  async #loadOne(file: File, queued: number, options?: LoadFileOptions): Promise<void> {
    const table = options?.table ?? `t${this.#nextTable++}`;
    this.cancelled = null;
    this.job = { kind: 'load', fileName: file.name, progress: null, queued };
    const started = performance.now();
    const result = await this.engine.loadFile(file, { ...options, table }, (progress) => {
      if (this.job) this.job = { ...this.job, progress };
    });
    if (!result.ok) {
      if (result.error.code !== 'cancelled') this.#showError(result.error, { name: file.name });
      return;
    }
    const { preview, ...profile } = result.value;
    // A header-only file would open a dashboard of zeros (issue 12): refuse it with the reason.
    if (profile.rowCount === 0) {
      this.#pushError('no_rows', { name: file.name }, `${file.name}: 0 rows`);
      return;
    }
    const loaded: LoadedTable = {
      id: table,
      file,
      profile,
      preview: decodeIpc(preview),
      loadMs: Math.round(performance.now() - started),
    };
    const index = this.tables.findIndex((t) => t.id === table);
    this.tables = index < 0 ? [...this.tables, loaded] : this.tables.with(index, loaded);
    this.activeId = table;
    performance.mark('cl:loaded');
    if (!this.analysis.ordersTable) this.analysis.useAsOrders(loaded);
    // Another file of the same role is appended to the orders (issue 12) when its columns fit.
    else if (index < 0 && this.analysis.roles.detected(loaded)?.role === 'orders')
      this.analysis.addOrdersFile(loaded, { sameHeaders: true });
  }

  #showError(error: EngineErrorData, fallback: Record<string, string | number> = {}): void {
    this.#pushError(error.code, { ...fallback, ...(error.params ?? {}) }, error.message);
  }

  #pushError(code: ShownError['code'], params: Record<string, string | number>, detail: string): void {
    this.errors = [...this.errors, { id: this.#nextError++, code, params, detail }];
  }
}

/**
 * State of the RFM section (issue 4): the RFM config (kept in app.analysis.config.rfm, so it is
 * saved and shared), runs of the plan when it changes (debounced, one at a time, stale results
 * dropped), live segment counts while rules are edited, and the drill-down.
 */
import type { AppState } from '../app-state.svelte.ts';
import { presetConfig, OTHER_LABEL, type BuiltInPresetId } from '../../analyses/rfm/presets.ts';
import {
  OTHER_SEGMENT,
  resolveRfmConfig,
  type Cn8Options,
  type DimensionCuts,
  type RfmConfig,
  type RfmDimension,
  type RfmSegment,
  type ResolvedRfmConfig,
} from '../../analyses/rfm/rfm-config.ts';
import {
  analyzeSegmentRules,
  gridOf,
  segmentCountsFromCells,
  type ScoreGrid,
} from '../../analyses/rfm/segment-rules.ts';
import {
  HIGH_VALUE_AT_RISK,
  ALL_CUSTOMERS,
  rfmFeaturesCutoff,
  rfmModule,
  scoreBand,
  segmentExport,
  segmentSummaryExport,
} from '../../analyses/rfm/module.ts';
import { exportHeaders } from '../../i18n/i18n.ts';
import type { RfmOverview } from '../../analyses/rfm/overview.ts';
import { DrillDownState } from './drill-state.svelte.ts';

/** The overview of one run, with how long it took. */
export type RfmResults = RfmOverview & { ms: number };

const DEBOUNCE_MS = 400;
const DASHBOARD_MARK = 'cl:dashboard';

const sameGrid = (a: ScoreGrid, b: ScoreGrid) => a.r === b.r && a.f === b.f && a.m === b.m;

export class RfmState {
  readonly #app: AppState;
  results = $state.raw<RfmResults | null>(null);
  running = $state(false);
  /** The last run failed or was cancelled (the view offers to run again). */
  failed = $state(false);
  /** The first overview charts have rendered (data-ready on the section root). */
  ready = $state(false);
  segmentChart = $state<'bar' | 'treemap'>('bar');
  heatmapValue = $state<'customers' | 'avg_monetary'>('customers');
  readonly drill: DrillDownState;
  /** Contact columns in customer exports (issue 18): off by default; needs a cleaned customer file. */
  contacts = $state(false);
  /**
   * The contact columns go out unmasked: an explicit step on this screen, never stored in the config,
   * so a shared link cannot switch masking off; the file then says so (rfmUi.unmaskedNote).
   */
  unmasked = $state(false);

  /** The config with cuts and segments filled in; a plain snapshot (safe to clone and compare). */
  config: ResolvedRfmConfig = $derived(resolveRfmConfig($state.snapshot(this.#rawConfig())));
  grid: ScoreGrid = $derived(gridOf(this.config.cuts));
  /** What a run depends on: everything but the recommended-action texts. */
  runKey: string = $derived(
    JSON.stringify({
      ...this.config,
      segments: this.config.segments.map((s) => [s.id, s.rule, s.label[this.#locale()]]),
      preset: undefined,
      cn8: undefined,
      locale: this.#locale(),
    }),
  );
  ruleAnalysis = $derived(analyzeSegmentRules(this.config.segments, this.grid));
  /** Per-segment counts for the current rules from the last run's per-cell counts; null while the grid differs. */
  liveCounts = $derived(
    this.results && sameGrid(this.results.grid, this.grid)
      ? segmentCountsFromCells(this.config.segments, this.results.cells)
      : null,
  );
  presetEdited = $derived(this.#isEdited());

  #queue: Promise<unknown> = Promise.resolve();
  #generation = 0;
  /** Data (cleaning report) and config of the last successful run: what rfm_customers holds. */
  #ranWith: { report: unknown; config: ResolvedRfmConfig } | null = null;
  /** What the features table was built for; null = not built (or stale data). */
  #featuresFor: { report: unknown; cutoff: string | undefined; table: string } | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(app: AppState) {
    this.#app = app;
    this.drill = new DrillDownState(
      app,
      (work) => this.exclusive(work),
      () => this.ensureFeatures(),
      () => this.config,
    );
  }

  #locale() {
    return this.#app.locale;
  }

  #rawConfig(): RfmConfig {
    return this.#app.analysis.config.rfm;
  }

  #isEdited(): boolean {
    const c = this.config;
    const id = c.preset ?? 'value5';
    if (id === 'custom') return true;
    const p = presetConfig(id, c.cn8);
    const strip = (s: readonly RfmSegment[]) => s.map(({ action: _a, ...rest }) => rest);
    return (
      JSON.stringify(p.cuts) !== JSON.stringify(c.cuts) ||
      JSON.stringify(strip(p.segments)) !== JSON.stringify(strip(c.segments))
    );
  }

  /**
   * Issue 16: the CLV fit whose predictions the customer list and exports carry (the CLV section fit
   * the models on this data), or null: the list then says where the CLV columns come from.
   */
  get clv(): { horizonDays: number; aliveThreshold: number } | null {
    return this.#app.clvFitted ? this.#app.clvFit : null;
  }

  /** Run `work` after every earlier engine job of this section (plan runs and drill-down queries). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Schedule a run: at once for the first one, debounced afterwards. */
  schedule(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    const gen = ++this.#generation;
    this.#timer = setTimeout(
      () => {
        this.#timer = null;
        void this.exclusive(() => this.#run(gen));
      },
      this.results === null ? 0 : DEBOUNCE_MS,
    );
  }

  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#generation++;
    this.drill.dispose();
  }

  async #run(gen: number): Promise<void> {
    if (gen !== this.#generation) return;
    const app = this.#app;
    this.running = true;
    const ran = { report: app.analysis.report, config: this.config };
    const t0 = performance.now();
    const overview = await app.runner.run(rfmModule.parts.overview, ran.config, app.planContext, undefined, {
      key: 'rfm.overview',
      task: true,
    });
    this.running = false;
    if (gen !== this.#generation) return;
    this.failed = overview === null;
    if (overview === null) return;
    this.results = { ...overview, ms: Math.round(performance.now() - t0) };
    this.#ranWith = ran;
    await this.drill.refreshAfterRun(this.config.segments.map((s) => s.id));
  }

  /**
   * The customer features table (issue 6) for the data and as-of date of the last run, built from
   * `purchases` the first time the drill-down or its export needs it — not with the RFM plan, so the
   * first dashboard does not wait for it. Call it inside `exclusive` (it shows the progress bar);
   * later analyses (clustering) can use the returned table. Null when there is no run yet or the
   * build failed or was cancelled (the error is reported).
   */
  async ensureFeatures(): Promise<string | null> {
    const ran = this.#ranWith;
    if (ran === null) return null;
    const app = this.#app;
    const cutoff = rfmFeaturesCutoff(ran.config, app.planContext);
    const built = this.#featuresFor;
    if (built !== null && built.report === ran.report && built.cutoff === cutoff) return built.table;
    this.#featuresFor = null;
    const table = await app.runner.run(rfmModule.parts.features, ran.config, app.planContext, undefined, {
      task: true,
    });
    if (table === null) return null;
    this.#featuresFor = { report: ran.report, cutoff, table };
    return table;
  }

  /** The overview charts are on screen: mark the page once for the benchmark (cl:drop → cl:dashboard). */
  markReady(): void {
    if (this.ready) return;
    this.ready = true;
    if (performance.getEntriesByName(DASHBOARD_MARK, 'mark').length === 0) performance.mark(DASHBOARD_MARK);
  }

  labelOf(id: string): string {
    const locale = this.#app.locale;
    if (id === OTHER_SEGMENT) return OTHER_LABEL[locale];
    if (id === HIGH_VALUE_AT_RISK) return this.#app.t('rfmUi.highValueAtRisk');
    if (id === ALL_CUSTOMERS) return this.#app.t('groups.allCustomers');
    return this.config.segments.find((s) => s.id === id)?.label[locale] ?? id;
  }

  /** The "high value at risk" quick view's score band on the current scales (issue 18). */
  get highValueAtRisk(): { maxR: number; minM: number } {
    return scoreBand(this.config);
  }

  update(patch: Partial<RfmConfig>): void {
    const rfm = { ...$state.snapshot(this.#rawConfig()), ...patch } as RfmConfig;
    for (const key of Object.keys(rfm) as (keyof RfmConfig)[]) if (rfm[key] === undefined) delete rfm[key];
    this.#app.analysis.updateConfig({ rfm });
  }

  /** Picking a preset stores its cut points and segments in the config (then they are editable). */
  choosePreset(id: BuiltInPresetId): void {
    const p = presetConfig(id, this.config.cn8);
    this.update({ preset: id, cuts: p.cuts, segments: p.segments });
  }

  setCn8(patch: Partial<Cn8Options>): void {
    const cn8 = { ...this.config.cn8, ...patch };
    const p = presetConfig('cn8', cn8);
    this.update({ preset: 'cn8', cn8, cuts: p.cuts, segments: p.segments });
  }

  setCuts(d: RfmDimension, cuts: DimensionCuts): void {
    this.update({ cuts: { ...this.config.cuts, [d]: cuts } });
  }

  setSegments(segments: RfmSegment[]): void {
    this.update({ segments, cuts: this.config.cuts });
  }

  /** Run a pending (debounced) change now, so an export matches what the screen shows. */
  async #flush(): Promise<void> {
    if (this.#timer === null) return;
    clearTimeout(this.#timer);
    this.#timer = null;
    const gen = this.#generation;
    await this.exclusive(() => this.#run(gen));
  }

  /** A customer file is cleaned: its contact columns can join customer exports. */
  get contactsAvailable(): boolean {
    return this.#app.analysis.customers.report !== null;
  }

  /** The contact columns of an export (masked unless revealed), or none; and the note an unmasked one carries. */
  #contactOptions(): { contacts?: { mask: boolean }; note?: string } {
    if (!this.contacts || !this.contactsAvailable) return {};
    return this.unmasked
      ? { contacts: { mask: false }, note: this.#app.t('rfmUi.unmaskedNote') }
      : { contacts: { mask: true } };
  }

  async exportCustomers(format: 'csv' | 'xlsx'): Promise<void> {
    await this.#flush();
    const segment = this.drill.segment;
    const { contacts, note } = this.#contactOptions();
    // A CSV has no place for a note: its name carries it.
    const stem = segment === null ? 'rfm' : this.#fileStem(this.labelOf(segment));
    const name = note && format === 'csv' ? `${stem}-${note}` : stem;
    await this.drill.export(format, {
      fileName: `${name.replace(/[\\/:*?"<>|]/g, '_')}.${format}`,
      headers: exportHeaders(this.#locale()),
      contacts,
      note,
      sheet: segment === null ? 'data' : this.labelOf(segment),
    });
  }

  /** The date in export file names (issue 18): the as-of date, else the last purchase day, else today. */
  #exportDate(): string {
    const app = this.#app;
    return (
      rfmFeaturesCutoff(this.config, app.planContext) ??
      app.analysis.report?.period?.last ??
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off date for a file name, not state
      new Date().toISOString().slice(0, 10)
    );
  }

  /** `重要挽留客户-2026-06-30`: a name and the date, without characters file systems refuse. */
  #fileStem(name: string): string {
    return `${name}-${this.#exportDate()}`.replace(/[\\/:*?"<>|]/g, '_');
  }

  /** The segment summary (segments.csv columns) in the current locale, headers in the UI language. */
  async exportSummary(format: 'csv' | 'xlsx'): Promise<void> {
    await this.#flush();
    const app = this.#app;
    const segments = rfmModule.exports.find((e) => e.id === 'segments')!;
    await this.exclusive(() =>
      app.runner.download(
        segments,
        this.config,
        app.planContext,
        undefined,
        format,
        `${this.#fileStem(app.t('rfmUi.segmentsFile'))}.${format}`,
        exportHeaders(this.#locale()),
      ),
    );
  }

  /**
   * Every segment in one workbook (issue 18): a summary sheet, then a sheet per segment with
   * customers (named after the segment), headers in the UI language.
   */
  async exportAllSegments(): Promise<void> {
    await this.#flush();
    const app = this.#app;
    const results = this.results;
    if (results === null) return;
    await this.exclusive(async () => {
      const features = await this.ensureFeatures();
      if (features === null) return;
      const headers = exportHeaders(this.#locale());
      const { contacts, note } = this.#contactOptions();
      const sheets = [
        {
          name: app.t('rfmUi.summarySheet'),
          sql: segmentSummaryExport.plan(this.config, app.planContext).query,
          headers,
          note,
        },
        ...results.summary
          .filter((r) => r.customers > 0)
          .map((r) => ({
            name: this.labelOf(r.segment),
            sql: segmentExport.plan(this.config, app.planContext, { segment: r.segment, features, contacts })
              .query,
            headers,
            note,
          })),
      ];
      await app.runner.downloadWorkbook(sheets, `${this.#fileStem(app.t('rfmUi.segmentsFile'))}.xlsx`);
    });
  }
}

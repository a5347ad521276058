/**
 * The app-lifetime side of saved and shared setups (issue 5): the IndexedDB store (opened once, on
 * first use; null when the browser refuses storage), a shared link waiting for the user's decision,
 * and the column match between an applied config and the orders file dropped afterwards.
 * One session per AppState (a WeakMap, not a global), shared by the App-level panel and the view.
 */
import type { AppState } from '../app-state.svelte.ts';
import { ConfigStore } from '../../client/config-store.ts';
import { decodeShareFragment, hasShareFragment } from '../../config/share-codec.ts';
import type { ConfigIssue } from '../../config/parse-config.ts';
import type { AnalysisConfig, SourceConfig } from '../../config/schema.ts';
import { applyColumnMatch, matchColumns, type MatchReport } from '../../config/match-columns.ts';
import { REQUIRED_ROLES } from '../../config/roles.ts';

export type ConfigOrigin = 'link' | 'file' | 'saved' | 'restored';
export type SharedLink = { ok: true; config: AnalysisConfig } | { ok: false; issues: ConfigIssue[] };
export interface ColumnMatchNotice {
  report: MatchReport;
  fileName: string;
  configName: string;
}

function sameMapping(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Remove the `#cfg=…` fragment without a reload or a history entry (a reload must not ask again). */
export function clearLocationHash(): void {
  if (location.hash === '') return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

export class ConfigSession {
  storeStatus = $state<'closed' | 'opening' | 'ready' | 'unavailable'>('closed');
  /** A `#cfg=` link opened in this tab, shown until the user applies or discards it. */
  shared = $state.raw<SharedLink | null>(null);
  /** Shown once after applying a link or file: "now drop your files". */
  applied = $state.raw<{ name: string } | null>(null);
  /** The orders mapping of the last applied config, matched against the next orders file. */
  expected = $state.raw<{ mapping: Record<string, string>; name: string } | null>(null);
  match = $state.raw<ColumnMatchNotice | null>(null);
  /**
   * A saved or autosaved mapping did not fit the orders file dropped (issue 12 item 11): the file
   * was mapped automatically instead, and the user is told so.
   */
  autoMapped = $state.raw<{ fileName: string; configName: string; missing: number } | null>(null);
  /** Where the expected mapping came from: saved ones apply only to files they match. */
  #origin: ConfigOrigin | null = null;
  /** The user applied a config: the autosaved one, restored late, must not replace it. */
  touched = false;
  #store: Promise<ConfigStore | null> | null = null;
  readonly #app: AppState;

  constructor(app: AppState) {
    this.#app = app;
  }

  /** The store, opened on first use; null (and `storeStatus` 'unavailable') without IndexedDB. */
  store(): Promise<ConfigStore | null> {
    if (!this.#store) {
      this.storeStatus = 'opening';
      this.#store = ConfigStore.open().then(
        (store) => {
          this.storeStatus = 'ready';
          return store;
        },
        () => {
          this.storeStatus = 'unavailable';
          return null;
        },
      );
    }
    return this.#store;
  }

  /** Decode a location hash; no `cfg=` part → nothing happens. Never throws. */
  readLink(hash: string): void {
    if (!hasShareFragment(hash)) return;
    const result = decodeShareFragment(hash);
    this.shared = result.ok ? { ok: true, config: result.config } : { ok: false, issues: result.issues };
  }

  applyShared(): void {
    const shared = this.shared;
    this.shared = null;
    clearLocationHash();
    if (shared?.ok) this.apply(shared.config, 'link');
  }

  discardShared(): void {
    this.shared = null;
    clearLocationHash();
  }

  /** Make `config` the working config; the next (or current) orders file is matched to its columns. */
  apply(incoming: AnalysisConfig, origin: ConfigOrigin): void {
    if (origin !== 'restored') this.touched = true;
    const analysis = this.#app.analysis;
    // Masking personal data is a choice of this machine (issue 19 §6): a link or an imported file
    // can suggest showing it unmasked (the preview says so) but never changes it.
    const config =
      origin === 'link' || origin === 'file'
        ? { ...incoming, view: { ...incoming.view, maskPii: analysis.config.view.maskPii } }
        : incoming;
    analysis.applyConfig(config);
    const orders = config.sources.find((s) => s.id === 'orders');
    this.expected =
      orders && Object.keys(orders.mapping).length > 0
        ? { mapping: { ...orders.mapping }, name: config.name }
        : null;
    this.match = null;
    this.autoMapped = null;
    this.#origin = origin;
    this.applied = origin === 'link' || origin === 'file' ? { name: config.name } : null;
    // With data loaded, a link sends the user to the mapping to clean again; the Setup screen
    // shows its own notice and the match report.
    if (analysis.ordersTable && this.reconcile() && origin === 'link') this.#app.section = 'clean';
  }

  /**
   * Match the expected columns to the orders table by name (exact, then normalised). Roles found
   * take the user's column; roles whose column is missing, and required roles the config leaves
   * out, take the automatic proposal, if any, for the user to review; other roles the config leaves
   * out stay out (the same results as the config's author).
   * Returns whether there was anything to match (an expected mapping and an orders table).
   */
  reconcile(): boolean {
    const expected = this.expected;
    const analysis = this.#app.analysis;
    const table = analysis.ordersTable;
    const current = analysis.orders;
    if (!expected || !table || !current) return false;
    const columns = table.profile.columns.map((c) => c.name);
    const report = matchColumns(expected.mapping, columns, 'orders');
    // A saved or autosaved setup applies only to a file that has every one of its columns (issue 12
    // item 11): otherwise the file keeps its automatic mapping, and the user is told. A link or a
    // file applied on purpose is matched column by column and reported (issue 5).
    if (report.missing.length > 0 && (this.#origin === 'restored' || this.#origin === 'saved')) {
      const proposal = analysis.proposal?.mapping ?? {};
      if (!sameMapping(proposal, current.mapping)) {
        const source: SourceConfig = { ...current, mapping: { ...proposal } as SourceConfig['mapping'] };
        analysis.updateConfig({
          sources: analysis.config.sources.map((s) => (s.id === source.id ? source : s)),
        });
        analysis.reportStale = analysis.report !== null;
      }
      this.match = null;
      this.autoMapped = {
        fileName: table.profile.fileName,
        configName: expected.name,
        missing: report.missing.length,
      };
      return true;
    }
    this.autoMapped = null;
    const mapping: Record<string, string> = { ...applyColumnMatch(current, report).mapping };
    const used = Object.values(mapping);
    const proposal: Readonly<Record<string, string>> = analysis.proposal?.mapping ?? {};
    // Required roles the config leaves out could not give results anyway: the proposal may fill them.
    const guessable = [
      ...report.missing.map((m) => m.role),
      ...REQUIRED_ROLES.orders.filter((role) => !Object.hasOwn(expected.mapping, role)),
    ];
    for (const role of guessable) {
      const guess = proposal[role];
      if (guess !== undefined && !used.includes(guess)) {
        mapping[role] = guess;
        used.push(guess);
      }
    }
    if (!sameMapping(mapping, current.mapping)) {
      const source: SourceConfig = { ...current, mapping: mapping as SourceConfig['mapping'] };
      analysis.updateConfig({
        sources: analysis.config.sources.map((s) => (s.id === source.id ? source : s)),
      });
      analysis.reportStale = analysis.report !== null;
    }
    this.match = {
      // "Not used" means by the mapping the user now has, guesses included.
      report: { ...report, extra: columns.filter((c) => !used.includes(c)) },
      fileName: table.profile.fileName,
      configName: expected.name,
    };
    return true;
  }

  /** The orders file changed under an expected mapping: match it, and open the mapping if it needs a look. */
  onOrdersTable(): void {
    const before = $state.snapshot(this.#app.analysis.mapping);
    if (!this.reconcile()) return;
    const changed = JSON.stringify(before) !== JSON.stringify($state.snapshot(this.#app.analysis.mapping));
    if (changed || (this.match?.report.missing.length ?? 0) > 0) this.#app.section = 'clean';
  }

  dismissMatch(): void {
    this.match = null;
    this.autoMapped = null;
    this.expected = null;
    this.applied = null;
  }
}

const sessions = new WeakMap<AppState, ConfigSession>();

export function configSession(app: AppState): ConfigSession {
  let session = sessions.get(app);
  if (!session) {
    session = new ConfigSession(app);
    sessions.set(app, session);
  }
  return session;
}

/**
 * Group comparison (issue 6): two groups side by side on the same metrics, with the large
 * differences flagged by the builder. Groups: all customers, RFM segments (when the RFM section has
 * run), channels, customer attributes of a cleaned customer file (member level, gender, region, a
 * tag), and a second orders dataset (app.comparison) with its channels. Results come from
 * comparisonModule's parts through the app's runner (issue 11).
 */
import type { AppState } from '../app-state.svelte.ts';
import type { LifecycleConfig } from '../../analyses/lifecycle/lifecycle-config.ts';
import { comparisonModule } from '../../analyses/lifecycle/comparison-module.ts';
import type {
  AttributeValue,
  ComparisonRow,
  GroupChoice,
} from '../../analyses/lifecycle/comparison-results.ts';
import type { SegmentInfo } from '../../analyses/lifecycle/results.ts';
import { COMPARISON_TABLES } from './comparison-dataset.svelte.ts';
import { comparisonTable } from './compare-export.ts';
import { tableCsv, tableXlsx } from '../../export/table-file.ts';
import type { MessageKey } from '../../i18n/i18n.ts';

export type {
  AttributeValue,
  ComparisonRow,
  GroupChoice,
} from '../../analyses/lifecycle/comparison-results.ts';

const parts = comparisonModule.parts;

export class CompareState {
  readonly #app: AppState;
  readonly #segments: () => SegmentInfo[] | null;
  channels = $state.raw<string[]>([]);
  attributes = $state.raw<AttributeValue[]>([]);
  compareChannels = $state.raw<string[]>([]);
  a = $state<string>('all');
  b = $state<string>('all');
  rows = $state.raw<ComparisonRow[]>([]);

  constructor(app: AppState, segments: () => SegmentInfo[] | null) {
    this.#app = app;
    this.#segments = segments;
  }

  /** The comparison on screen as a file (issue 18), headers and verdicts in the UI language. */
  async export(format: 'csv' | 'xlsx', labels: { a: string; b: string }): Promise<void> {
    const app = this.#app;
    const t = (key: string, params?: Record<string, string | number>) => app.t(key as MessageKey, params);
    const { header, rows } = comparisonTable(this.rows, labels, t);
    const name = app.t('compareUi.file');
    const bytes = format === 'csv' ? tableCsv(header, rows) : await tableXlsx(name, header, rows);
    app.engine.saveFile(bytes, format, `${name}.${format}`.replace(/[\\/:*?"<>|]/g, '_'));
  }

  get hasDataset(): boolean {
    return this.#app.comparison.info !== null;
  }

  get #config(): LifecycleConfig {
    return this.#app.analysis.config.lifecycle;
  }

  get choices(): GroupChoice[] {
    const list: GroupChoice[] = [
      { key: 'all', kind: 'all', value: '' },
      ...(this.#segments() ?? []).map((s) => ({
        key: `segment:${s.segment}`,
        kind: 'segment' as const,
        value: s.segment,
      })),
      ...this.channels.map((c) => ({ key: `channel:${c}`, kind: 'channel' as const, value: c })),
      ...this.attributes.map((a) => ({
        key: `attr:${a.attribute}:${a.value}`,
        kind: 'attribute' as const,
        value: a.value,
        attribute: a.attribute,
        customers: a.customers,
      })),
    ];
    // Saved customer groups (issues 14–16) that are available on the current data, with their members.
    const states = this.#app.groups.states;
    for (const g of this.#app.groups.list) {
      const state = states?.get(g.id);
      if (state && 'customers' in state)
        list.push({
          key: `group:${g.id}`,
          kind: 'group',
          value: g.id,
          name: g.name,
          customers: state.customers,
        });
    }
    if (this.hasDataset)
      list.push(
        { key: 'dataset:compare', kind: 'dataset', value: '' },
        ...this.compareChannels.map((c) => ({
          key: `compare-channel:${c}`,
          kind: 'compare-channel' as const,
          value: c,
        })),
      );
    return list;
  }

  choice(key: string): GroupChoice {
    return this.choices.find((c) => c.key === key) ?? this.choices[0]!;
  }

  /** Channels, customer attributes and the comparison dataset's channels; then a first pair. */
  async loadChoices(): Promise<void> {
    const channels = await this.#app.runner.run(
      parts.channels,
      this.#config,
      this.#app.planContext,
      {},
      {
        key: 'comparison.channels',
      },
    );
    if (channels) this.channels = channels;
    await this.#loadAttributes();
    await this.#loadCompareChannels();
    if (this.#app.groups.list.length > 0) await this.#app.groups.refresh();
    const segments = this.#segments() ?? [];
    const firstTwo = this.hasDataset
      ? ['all', 'dataset:compare']
      : segments.length >= 2
        ? [`segment:${segments[0]!.segment}`, `segment:${segments[1]!.segment}`]
        : this.channels.length >= 2
          ? [`channel:${this.channels[0]}`, `channel:${this.channels[1]}`]
          : ['all', 'all'];
    const keys = this.choices.map((c) => c.key);
    if (this.a === 'all' || !keys.includes(this.a)) this.a = firstTwo[0]!;
    if (this.b === 'all' || !keys.includes(this.b)) this.b = firstTwo[1]!;
  }

  async #loadAttributes(): Promise<void> {
    const { runner, planContext: ctx } = this.#app;
    const exists = await runner.run(parts.customerTable, this.#config, ctx, undefined, {
      key: 'comparison.customerTable',
    });
    if (!exists) {
      this.attributes = [];
      return;
    }
    const rows = await runner.run(parts.attributes, this.#config, ctx, undefined, {
      key: 'comparison.attributes',
    });
    if (rows) this.attributes = rows;
  }

  async #loadCompareChannels(): Promise<void> {
    if (!this.hasDataset) {
      this.compareChannels = [];
      return;
    }
    const channels = await this.#app.runner.run(
      parts.channels,
      this.#config,
      this.#app.planContext,
      { purchases: COMPARISON_TABLES.purchases },
      { key: 'comparison.compareChannels' },
    );
    if (channels) this.compareChannels = channels;
  }

  async run(config: LifecycleConfig): Promise<void> {
    // A saved group reads customer_groups: rebuild it on the current data and config first.
    if ([this.a, this.b].some((k) => k.startsWith('group:'))) await this.#app.groups.refresh();
    const rows = await this.#app.runner.run(
      parts.compare,
      config,
      this.#app.planContext,
      {
        a: this.choice(this.a),
        b: this.choice(this.b),
        comparisonPurchases: COMPARISON_TABLES.purchases,
      },
      { key: 'comparison.compare' },
    );
    if (rows) this.rows = rows;
  }

  select(side: 'a' | 'b', key: string, config: LifecycleConfig): Promise<void> {
    this[side] = key;
    return this.#app.runner.batch([() => this.run(config)]);
  }

  /** A comparison file was added, replaced or removed: refresh its channels and compare A vs B. */
  datasetChanged(config: LifecycleConfig): Promise<void> {
    return this.#app.runner.batch([
      () => this.#loadCompareChannels(),
      async () => {
        if (this.hasDataset) {
          this.a = 'all';
          this.b = 'dataset:compare';
        } else {
          const keys = this.choices.map((c) => c.key);
          if (!keys.includes(this.a)) this.a = 'all';
          if (!keys.includes(this.b)) this.b = this.channels.length ? `channel:${this.channels[0]}` : 'all';
        }
      },
      () => this.run(config),
    ]);
  }
}

/**
 * Group comparison (issue 6): two groups side by side on the same metrics, with the large
 * differences flagged by the builder. Groups: all customers, RFM segments (when the RFM section has
 * run), channels, customer attributes of a cleaned customer file (member level, gender, region, a
 * tag), and a second orders dataset (app.comparison) with its channels.
 */
import type { AppState } from '../app-state.svelte.ts';
import { TABLES } from '../../ingest/canonical.ts';
import type { LifecycleConfig } from '../../analyses/lifecycle/lifecycle-config.ts';
import {
  buildGroupComparisonSql,
  type COMPARISON_METRICS,
  type GroupSpec,
} from '../../analyses/lifecycle/build-group-comparison-sql.ts';
import {
  buildGroupChoicesSql,
  type GroupAttribute,
} from '../../analyses/lifecycle/build-group-choices-sql.ts';
import { buildRelationsSql } from '../../analyses/lifecycle/build-relations-sql.ts';
import { buildPreferenceMixSql } from '../../analyses/behaviour/build-preference-sql.ts';
import { SEGMENTS_TABLE } from '../../analyses/behaviour/build-segment-source-sql.ts';
import type { QueryRunner } from '../behaviour/query-runner.ts';
import type { SegmentInfo } from '../behaviour/rows.ts';
import { COMPARISON_TABLES } from './comparison-dataset.svelte.ts';

/** The cleaned customer file (src/ingest/cleaning/build-customers-cleaning-sql.ts). */
const CUSTOMERS_TABLE = 'customers_clean';
/** Attribute columns of customers_clean offered as groups, in this order. */
export const CUSTOMER_ATTRIBUTES: readonly GroupAttribute[] = [
  { column: 'member_level' },
  { column: 'gender' },
  { column: 'region' },
  { column: 'tags', split: true },
];
const ATTRIBUTE_LIMIT = 30;

export interface GroupChoice {
  /**
   * Stable key for a <select>: `all`, `segment:<id>`, `channel:<value>`, `attr:<column>:<value>`,
   * `dataset:compare` or `compare-channel:<value>`.
   */
  key: string;
  kind: 'all' | 'segment' | 'channel' | 'attribute' | 'dataset' | 'compare-channel';
  value: string;
  /** For attributes: the customers_clean column. */
  attribute?: string;
  /** For attributes: customers with the value. */
  customers?: number;
}

export interface AttributeValue {
  attribute: string;
  value: string;
  customers: number;
}

export interface ComparisonRow {
  metric: (typeof COMPARISON_METRICS)[number];
  value_a: number | null;
  value_b: number | null;
  diff_abs: number | null;
  diff_rel: number | null;
  flagged: boolean;
}

function specOf(choice: GroupChoice): GroupSpec {
  const main = TABLES.purchases;
  switch (choice.kind) {
    case 'segment':
      return { purchases: main, filter: { kind: 'segment', table: SEGMENTS_TABLE, value: choice.value } };
    case 'channel':
      return { purchases: main, filter: { kind: 'channel', value: choice.value } };
    case 'attribute': {
      const split = CUSTOMER_ATTRIBUTES.find((a) => a.column === choice.attribute)?.split === true;
      return {
        purchases: main,
        filter: {
          kind: 'tag',
          table: CUSTOMERS_TABLE,
          column: choice.attribute!,
          value: choice.value,
          match: split ? 'contains' : 'equals',
        },
      };
    }
    case 'dataset':
      return { purchases: COMPARISON_TABLES.purchases };
    case 'compare-channel':
      return { purchases: COMPARISON_TABLES.purchases, filter: { kind: 'channel', value: choice.value } };
    default:
      return { purchases: main };
  }
}

export class CompareState {
  readonly #app: AppState;
  readonly #runner: QueryRunner;
  readonly #segments: () => SegmentInfo[] | null;
  channels = $state.raw<string[]>([]);
  attributes = $state.raw<AttributeValue[]>([]);
  compareChannels = $state.raw<string[]>([]);
  a = $state<string>('all');
  b = $state<string>('all');
  rows = $state.raw<ComparisonRow[]>([]);

  constructor(app: AppState, runner: QueryRunner, segments: () => SegmentInfo[] | null) {
    this.#app = app;
    this.#runner = runner;
    this.#segments = segments;
  }

  get hasDataset(): boolean {
    return this.#app.comparison.info !== null;
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
    const mix = await this.#runner.rows<{ value: string }>(
      buildPreferenceMixSql({ purchases: TABLES.purchases, dimension: 'channel' }),
    );
    if (mix) this.channels = mix.map((m) => m.value);
    await this.#loadAttributes();
    await this.#loadCompareChannels();
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
    const found = await this.#runner.rows<{ name: string }>(buildRelationsSql([CUSTOMERS_TABLE]));
    if (!found || found.length === 0) {
      this.attributes = [];
      return;
    }
    const rows = await this.#runner.rows<AttributeValue>(
      buildGroupChoicesSql({
        table: CUSTOMERS_TABLE,
        attributes: CUSTOMER_ATTRIBUTES,
        limit: ATTRIBUTE_LIMIT,
      }),
    );
    if (rows)
      this.attributes = rows.map((r) => ({ attribute: r.attribute, value: r.value, customers: r.customers }));
  }

  async #loadCompareChannels(): Promise<void> {
    if (!this.hasDataset) {
      this.compareChannels = [];
      return;
    }
    const mix = await this.#runner.rows<{ value: string }>(
      buildPreferenceMixSql({ purchases: COMPARISON_TABLES.purchases, dimension: 'channel' }),
    );
    if (mix) this.compareChannels = mix.map((m) => m.value);
  }

  async run(config: LifecycleConfig): Promise<void> {
    const rows = await this.#runner.rows<ComparisonRow>(
      buildGroupComparisonSql({
        a: specOf(this.choice(this.a)),
        b: specOf(this.choice(this.b)),
        lostDays: config.lostDays,
        flagThreshold: config.comparisonFlagThreshold,
      }),
    );
    if (rows) this.rows = rows;
  }

  select(side: 'a' | 'b', key: string, config: LifecycleConfig): Promise<void> {
    this[side] = key;
    return this.#runner.steps([() => this.run(config)]);
  }

  /** A comparison file was added, replaced or removed: refresh its channels and compare A vs B. */
  datasetChanged(config: LifecycleConfig): Promise<void> {
    return this.#runner.steps([
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

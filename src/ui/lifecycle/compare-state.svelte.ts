/**
 * Group comparison (issue 6): two groups — RFM segments (when the RFM section has run) or channels —
 * side by side on the same metrics, with the large differences flagged by the builder.
 */
import { TABLES } from '../../ingest/canonical.ts';
import type { LifecycleConfig } from '../../analyses/lifecycle/lifecycle-config.ts';
import {
  buildGroupComparisonSql,
  type COMPARISON_METRICS,
  type GroupFilter,
} from '../../analyses/lifecycle/build-group-comparison-sql.ts';
import { buildPreferenceMixSql } from '../../analyses/behaviour/build-preference-sql.ts';
import { SEGMENTS_TABLE } from '../../analyses/behaviour/build-segment-source-sql.ts';
import type { QueryRunner } from '../behaviour/query-runner.ts';
import type { SegmentInfo } from '../behaviour/rows.ts';

export interface GroupChoice {
  /** Stable key for a <select>: `all`, `segment:<id>` or `channel:<value>`. */
  key: string;
  kind: 'all' | 'segment' | 'channel';
  value: string;
}

export interface ComparisonRow {
  metric: (typeof COMPARISON_METRICS)[number];
  value_a: number | null;
  value_b: number | null;
  diff_abs: number | null;
  diff_rel: number | null;
  flagged: boolean;
}

function filterOf(choice: GroupChoice): GroupFilter {
  if (choice.kind === 'segment') return { kind: 'segment', table: SEGMENTS_TABLE, value: choice.value };
  if (choice.kind === 'channel') return { kind: 'channel', value: choice.value };
  return { kind: 'all' };
}

export class CompareState {
  readonly #runner: QueryRunner;
  readonly #segments: () => SegmentInfo[] | null;
  channels = $state.raw<string[]>([]);
  a = $state<string>('all');
  b = $state<string>('all');
  rows = $state.raw<ComparisonRow[]>([]);

  constructor(runner: QueryRunner, segments: () => SegmentInfo[] | null) {
    this.#runner = runner;
    this.#segments = segments;
  }

  get choices(): GroupChoice[] {
    return [
      { key: 'all', kind: 'all', value: '' },
      ...(this.#segments() ?? []).map((s) => ({
        key: `segment:${s.segment}`,
        kind: 'segment' as const,
        value: s.segment,
      })),
      ...this.channels.map((c) => ({ key: `channel:${c}`, kind: 'channel' as const, value: c })),
    ];
  }

  choice(key: string): GroupChoice {
    return this.choices.find((c) => c.key === key) ?? this.choices[0]!;
  }

  /** Channels from the data; the first comparison is the two largest segments, else channels. */
  async loadChoices(): Promise<void> {
    const mix = await this.#runner.rows<{ value: string }>(
      buildPreferenceMixSql({ purchases: TABLES.purchases, dimension: 'channel' }),
    );
    if (mix) this.channels = mix.map((m) => m.value);
    const segments = this.#segments() ?? [];
    const firstTwo =
      segments.length >= 2
        ? [`segment:${segments[0]!.segment}`, `segment:${segments[1]!.segment}`]
        : this.channels.length >= 2
          ? [`channel:${this.channels[0]}`, `channel:${this.channels[1]}`]
          : ['all', 'all'];
    const keys = this.choices.map((c) => c.key);
    if (this.a === 'all' || !keys.includes(this.a)) this.a = firstTwo[0]!;
    if (this.b === 'all' || !keys.includes(this.b)) this.b = firstTwo[1]!;
  }

  async run(config: LifecycleConfig): Promise<void> {
    const rows = await this.#runner.rows<ComparisonRow>(
      buildGroupComparisonSql({
        a: { purchases: TABLES.purchases, filter: filterOf(this.choice(this.a)) },
        b: { purchases: TABLES.purchases, filter: filterOf(this.choice(this.b)) },
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
}

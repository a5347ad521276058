/**
 * Revenue decomposition (issue 6): by period at the config's grain, optionally split by channel,
 * category or segment, with the totals (PoP / YoY) always at hand; and the category × segment matrix
 * when segments exist.
 */
import type { AppState } from '../app-state.svelte.ts';
import { TABLES } from '../../ingest/canonical.ts';
import {
  buildRevenueByPeriodSql,
  type RevenueSplit,
} from '../../analyses/revenue/build-revenue-by-period-sql.ts';
import { buildPeriodsCsvSql } from '../../analyses/revenue/build-periods-csv-sql.ts';
import { buildCategorySegmentMatrixSql } from '../../analyses/revenue/build-category-segment-matrix-sql.ts';
import { SEGMENTS_TABLE } from '../../analyses/behaviour/build-segment-source-sql.ts';
import type { PeriodGrain } from '../../analyses/revenue/period.ts';
import type { CategorySegmentCell } from '../../charts/behaviour/category-segment-heatmap-option.ts';
import type { QueryRunner } from './query-runner.ts';
import type { RevenueRow, SegmentInfo } from './rows.ts';

export class RevenueState {
  readonly #app: AppState;
  readonly #runner: QueryRunner;
  readonly #segments: () => SegmentInfo[] | null;
  split = $state<RevenueSplit>('none');
  /** Rows of the current split (the chart). */
  rows = $state.raw<RevenueRow[]>([]);
  /** Rows without a split (totals, PoP and YoY). */
  totals = $state.raw<RevenueRow[]>([]);
  matrix = $state.raw<CategorySegmentCell[]>([]);

  constructor(app: AppState, runner: QueryRunner, segments: () => SegmentInfo[] | null) {
    this.#app = app;
    this.#runner = runner;
    this.#segments = segments;
  }

  get grain(): PeriodGrain {
    return this.#app.analysis.config.behaviour.periodGrain;
  }

  async loadPeriods(): Promise<void> {
    if (this.split === 'segment' && !this.#segments()) this.split = 'none';
    const base = { purchases: TABLES.purchases, grain: this.grain };
    const totals = await this.#runner.rows<RevenueRow>(buildRevenueByPeriodSql({ ...base, splitBy: 'none' }));
    if (!totals) return;
    this.totals = totals;
    if (this.split === 'none') {
      this.rows = totals;
      return;
    }
    const rows = await this.#runner.rows<RevenueRow>(
      buildRevenueByPeriodSql({
        ...base,
        splitBy: this.split,
        ...(this.split === 'segment' ? { segments: SEGMENTS_TABLE } : {}),
      }),
    );
    if (rows) this.rows = rows;
  }

  async loadMatrix(): Promise<void> {
    if (!this.#segments()) {
      this.matrix = [];
      return;
    }
    const cells = await this.#runner.rows<CategorySegmentCell>(
      buildCategorySegmentMatrixSql({ purchases: TABLES.purchases, segments: SEGMENTS_TABLE }),
    );
    if (cells) this.matrix = cells;
  }

  setGrain(grain: PeriodGrain): Promise<void> {
    const behaviour = this.#app.analysis.config.behaviour;
    this.#app.analysis.updateConfig({ behaviour: { ...behaviour, periodGrain: grain } });
    return this.#runner.steps([() => this.loadPeriods()]);
  }

  setSplit(split: RevenueSplit): Promise<void> {
    this.split = split;
    return this.#runner.steps([() => this.loadPeriods()]);
  }

  exportPeriods(format: 'csv' | 'xlsx'): Promise<void> {
    return this.#runner.download(
      buildPeriodsCsvSql({ purchases: TABLES.purchases, grain: this.grain }),
      format,
      `periods.${format}`,
    );
  }
}

/** State of the segment-migration section (issue 14): migrationModule's parts via the runner. */
import type { AppState } from '../app-state.svelte.ts';
import {
  migrationCellExport,
  migrationHeadlines,
  migrationModule,
  NOT_YET,
  type Headline,
  type MatrixRow,
  type MigrationConfig,
  type MigrationScores,
} from '../../analyses/migration/module.ts';
import { segmentName } from '../behaviour/segments.ts';

export class MigrationState {
  readonly #app: AppState;
  ends = $state.raw<string[]>([]);
  scores = $state.raw<MigrationScores | null>(null);
  matrix = $state.raw<MatrixRow[]>([]);
  /** 1-based periods of the matrix. */
  from = $state(1);
  to = $state(2);
  cell = $state<{ from: string; to: string } | null>(null);
  loaded = $state(false);

  constructor(app: AppState) {
    this.#app = app;
  }

  get config(): MigrationConfig {
    return this.#app.analysis.config.migration;
  }

  async load(): Promise<void> {
    const ctx = this.#app.planContext;
    const rfm = this.#app.analysis.config.rfm;
    await this.#app.runner.batch([
      async () => {
        const ends = await this.#app.runner.run(
          migrationModule.parts.periods,
          this.config,
          ctx,
          { rfm },
          {
            key: 'migration.periods',
          },
        );
        if (ends) this.ends = ends;
      },
      async () => {
        if (this.ends.length < 2) {
          this.scores = null;
          return;
        }
        this.scores = await this.#app.runner.run(
          migrationModule.parts.scores,
          this.config,
          ctx,
          { rfm, ends: this.ends },
          { key: 'migration.scores' },
        );
        this.to = this.ends.length;
        this.from = this.ends.length - 1;
      },
      () => this.#loadMatrix(),
    ]);
    this.loaded = true;
  }

  async #loadMatrix(): Promise<void> {
    if (!this.scores || this.from >= this.to) {
      this.matrix = [];
      return;
    }
    this.cell = null;
    this.matrix =
      (await this.#app.runner.run(
        migrationModule.parts.matrix,
        this.config,
        this.#app.planContext,
        { from: this.from, to: this.to },
        { key: 'migration.matrix' },
      )) ?? [];
  }

  async choose(from: number, to: number): Promise<void> {
    this.from = from;
    this.to = to;
    await this.#app.runner.batch([() => this.#loadMatrix()]);
  }

  async set(patch: Partial<MigrationConfig>): Promise<void> {
    this.#app.analysis.updateConfig({ migration: { ...this.config, ...patch } });
    await this.load();
  }

  /** The segment's name in the UI language (the stored label when the config does not know it). */
  label(segment: string, stored: string): string {
    if (segment === NOT_YET) return this.#app.t('migration.notYet');
    const name = segmentName(null, segment, this.#app);
    return name === null || name === segment ? stored : name;
  }

  get headlines(): Headline[] {
    const named = this.matrix.map((r) => ({
      ...r,
      from_label: this.label(r.from_segment, r.from_label),
      to_label: this.label(r.to_segment, r.to_label),
    }));
    return migrationHeadlines(named, this.ends[this.from - 1] ?? '');
  }

  downloadCell(format: 'csv' | 'xlsx'): void {
    const c = this.cell;
    if (!c) return;
    void this.#app.runner.download(
      migrationCellExport,
      this.config,
      this.#app.planContext,
      {
        from: this.from,
        to: this.to,
        fromSegment: c.from,
        toSegment: c.to,
        mask: !this.#app.analysis.revealPii,
      },
      format,
      `migration_${c.from}_to_${c.to}.${format}`,
    );
  }
}

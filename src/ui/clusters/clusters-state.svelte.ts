/** State of the clusters section (issue 15): clustersModule's parts via the runner (model in the worker). */
import type { AppState } from '../app-state.svelte.ts';
import {
  clusterMembersExport,
  clustersModule,
  type ClusterProfile,
  type ClustersConfig,
  type ClustersModel,
} from '../../analyses/clusters/module.ts';
import { fetchSegments } from '../behaviour/segments.ts';
import type { ResultRow } from '../../analyses/contract.ts';

export const MEMBERS_LIMIT = 200;

export class ClustersState {
  readonly #app: AppState;
  model = $state.raw<ClustersModel | null>(null);
  profiles = $state.raw<ClusterProfile[]>([]);
  segments = $state.raw<{ cluster: number; segment: string; customers: number }[] | null>(null);
  selected = $state<number | null>(null);
  members = $state.raw<readonly ResultRow[]>([]);
  loaded = $state(false);

  constructor(app: AppState) {
    this.#app = app;
  }

  get config(): ClustersConfig {
    return this.#app.analysis.config.clusters;
  }

  async load(): Promise<void> {
    const ctx = this.#app.planContext;
    await this.#app.runner.batch([
      async () => {
        const r = await this.#app.runner.run(clustersModule.parts.model, this.config, ctx, undefined, {
          key: 'clusters.model',
        });
        if (!r) return;
        this.model = r.model;
        if (!r.model) return;
        this.profiles = r.profiles;
        if (this.selected === null || this.selected > (r.model?.k ?? 0)) this.selected = r.model ? 1 : null;
      },
      async () => {
        // RFM segments inside clusters once the RFM section has built its table.
        if (!this.model) return;
        const seg = await fetchSegments(this.#app, 'clusters');
        this.segments = seg
          ? await this.#app.runner.run(clustersModule.parts.segments, this.config, ctx, undefined, {
              key: 'clusters.segments',
            })
          : null;
      },
      () => this.#loadMembers(),
    ]);
    this.loaded = true;
  }

  async #loadMembers(): Promise<void> {
    if (this.selected === null) return;
    this.members =
      (await this.#app.runner.run(
        clustersModule.parts.members,
        this.config,
        this.#app.planContext,
        { cluster: this.selected, limit: MEMBERS_LIMIT },
        { key: 'clusters.members' },
      )) ?? [];
  }

  async select(cluster: number): Promise<void> {
    this.selected = cluster;
    await this.#app.runner.batch([() => this.#loadMembers()]);
  }

  async set(patch: Partial<ClustersConfig>): Promise<void> {
    this.#app.analysis.updateConfig({ clusters: { ...this.config, ...patch } });
    await this.load();
  }

  /** Rename a cluster (empty = the automatic name); no recomputation. */
  rename(cluster: number, name: string): void {
    const names = this.config.names.filter((n) => n.cluster !== cluster);
    const trimmed = name.trim().slice(0, 100);
    this.#app.analysis.updateConfig({
      clusters: { ...this.config, names: trimmed ? [...names, { cluster, name: trimmed }] : names },
    });
  }

  nameOf(cluster: number): string {
    const own = this.config.names.find((n) => n.cluster === cluster)?.name;
    const auto = this.model?.clusters.find((c) => c.cluster === cluster)?.name[this.#app.locale];
    return own ?? auto ?? String(cluster);
  }

  download(format: 'csv' | 'xlsx'): void {
    void this.#app.runner.download(
      clustersModule.exports[0]!,
      this.config,
      this.#app.planContext,
      undefined,
      format,
    );
  }

  downloadCluster(format: 'csv' | 'xlsx'): void {
    if (this.selected === null) return;
    void this.#app.runner.download(
      clusterMembersExport,
      this.config,
      this.#app.planContext,
      { cluster: this.selected },
      format,
      `cluster-${this.selected}.${format}`,
    );
  }
}

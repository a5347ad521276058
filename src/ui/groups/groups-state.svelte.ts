/**
 * Saved customer groups (issues 14–16): the definitions live in the config (`config.groups`, saved and
 * shared with it); this class adds, renames and deletes them, and materialises their members in the
 * worker through the runner (src/analyses/groups/materialise.ts) — member counts, or why a group is
 * not available. Consumers (the Groups panel, the comparison picker, the RFM drill-down) call
 * `refresh()` before they read the customer_groups table.
 */
import type { AppState } from '../app-state.svelte.ts';
import * as v from 'valibot';
import {
  CustomerGroupSchema,
  MAX_GROUPS,
  MAX_GROUP_NAME,
  type CustomerGroup,
  type GroupSource,
} from '../../config/groups.ts';
import { groupBasis } from '../../analyses/groups/customer-groups.ts';
import { groupMembersExport, materialiseGroups, type GroupState } from '../../analyses/groups/materialise.ts';

/** A source without its basis: the save buttons name what, the config says with which settings. */
export type GroupSourcePick =
  | { kind: 'funnel-drop'; step: number }
  | { kind: 'cluster'; cluster: number }
  | { kind: 'clv'; list: Extract<GroupSource, { kind: 'clv' }>['list'] }
  | { kind: 'rfm-segment'; segment: string }
  | { kind: 'high-value-at-risk' };

export class GroupsState {
  readonly #app: AppState;
  /** Each group's member count or why it is not available; null until counted on the current data. */
  states = $state.raw<ReadonlyMap<string, GroupState> | null>(null);

  constructor(app: AppState) {
    this.#app = app;
  }

  get list(): readonly CustomerGroup[] {
    return this.#app.analysis.config.groups;
  }

  #set(groups: CustomerGroup[]): void {
    const analysis = this.#app.analysis;
    analysis.config = { ...analysis.config, groups };
    this.states = null;
  }

  /** A name as the config accepts it, or null (empty, too long, control characters). */
  static cleanName(name: string): string | null {
    const parsed = v.safeParse(CustomerGroupSchema.entries.name, name);
    return parsed.success ? parsed.output : null;
  }

  get full(): boolean {
    return this.list.length >= MAX_GROUPS;
  }

  /** Save a group from a source with the config's current settings; the stored group, or null. */
  add(pick: GroupSourcePick, name: string): CustomerGroup | null {
    const clean = GroupsState.cleanName(name);
    if (clean === null || this.full) return null;
    const config = this.#app.analysis.config;
    const source = { ...pick, basis: groupBasis(pick.kind, config) } as GroupSource;
    const ids = this.list.map((g) => g.id);
    let n = this.list.length + 1;
    while (ids.includes(`g${n}`)) n++;
    const group: CustomerGroup = { id: `g${n}`, name: clean, source };
    this.#set([...this.list, group]);
    return group;
  }

  rename(id: string, name: string): boolean {
    const clean = GroupsState.cleanName(name);
    if (clean === null) return false;
    const analysis = this.#app.analysis;
    analysis.config = {
      ...analysis.config,
      groups: this.list.map((g) => (g.id === id ? { ...g, name: clean } : g)),
    };
    return true;
  }

  remove(id: string): void {
    this.#set(this.list.filter((g) => g.id !== id));
  }

  /** Rebuild customer_groups on the current data and config; the states, or null (reported). */
  async refresh(): Promise<ReadonlyMap<string, GroupState> | null> {
    const app = this.#app;
    if (app.analysis.report === null && this.list.every((g) => g.source.kind !== 'funnel-drop')) {
      this.states = null;
      return null;
    }
    const states = await materialiseGroups(app.analysis.config, (plan) =>
      app.runner.rows(plan, { key: 'groups.materialise' }),
    );
    if (states) this.states = states;
    return states;
  }

  /** One group's members (group_id, group_name, customer_id), after a refresh, as CSV or XLSX. */
  async export(id: string, format: 'csv' | 'xlsx'): Promise<void> {
    const app = this.#app;
    const states = await this.refresh();
    if (!states || !('customers' in (states.get(id) ?? {}))) return;
    const group = this.list.find((g) => g.id === id);
    if (!group) return;
    await app.runner.download(
      groupMembersExport,
      app.analysis.config,
      app.planContext,
      { ids: [id] },
      format,
      `${app.t('groups.exportName')}-${group.name.replace(/[\\/:*?"<>|\s]+/g, '_')}.${format}`,
    );
  }

  static readonly MAX_NAME = MAX_GROUP_NAME;
  static readonly MAX = MAX_GROUPS;
}

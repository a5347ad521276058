/**
 * Materialise the config's saved groups (issues 14–16) through a caller's plan runner: the app's
 * AnalysisRunner in the browser, the CLI's DuckDB in Node. Three small plans (see customer-groups.ts):
 * which source tables exist, the cluster model's settings when it exists, then customer_groups and its
 * counts. Every group comes back as its member count or the reason it is not available.
 */
import type { ModulePlan, QueryRows } from '../contract.ts';
import type { AnalysisConfig } from '../../config/schema.ts';
import type { CustomerGroup } from '../../config/groups.ts';
import { CLUSTER_TABLES } from '../clusters/cluster-tables.ts';
import {
  buildClusterModelSql,
  buildCustomerGroupsSql,
  buildGroupCountsSql,
  buildGroupsCsvSql,
  buildSourceTablesSql,
  groupAvailability,
  readClusterBasis,
  type GroupUnavailable,
} from './customer-groups.ts';

export type GroupState = { customers: number } | GroupUnavailable;
export type RunPlan = (plan: ModulePlan) => Promise<QueryRows | null>;

/** Each group's state by id, or null when a plan failed or was superseded (the runner reported it). */
export async function materialiseGroups(
  config: AnalysisConfig,
  run: RunPlan,
): Promise<Map<string, GroupState> | null> {
  const groups = config.groups;
  const found = await run({ statements: [], queries: { tables: buildSourceTablesSql() } });
  if (!found) return null;
  const tables = new Set((found.tables ?? []).map((r) => String(r.table_name)));
  let model = null;
  if (tables.has(CLUSTER_TABLES.model) && groups.some((g) => g.source.kind === 'cluster')) {
    const rows = await run({ statements: [], queries: { model: buildClusterModelSql() } });
    if (!rows) return null;
    model = readClusterBasis(rows.model?.[0]?.json);
  }
  const states = new Map<string, GroupState>();
  const available: CustomerGroup[] = [];
  for (const g of groups) {
    const why = groupAvailability(g, config, tables, model);
    if (why) states.set(g.id, why);
    else available.push(g);
  }
  const counted = await run({
    statements: buildCustomerGroupsSql(available, config),
    queries: { counts: buildGroupCountsSql() },
  });
  if (!counted) return null;
  const counts = new Map((counted.counts ?? []).map((r) => [String(r.group_id), Number(r.customers)]));
  for (const g of available) states.set(g.id, { customers: counts.get(g.id) ?? 0 });
  return states;
}

/** The export of some groups' members (group_id, group_name, customer_id); customer_groups must exist. */
export const groupMembersExport = {
  id: 'groups',
  file: 'groups.csv',
  cli: false,
  plan: (config: AnalysisConfig, _ctx: unknown, p: { ids?: readonly string[] }) => ({
    statements: [],
    query: buildGroupsCsvSql(config.groups, p.ids),
  }),
} as const;

export { CUSTOMER_GROUPS } from './customer-groups.ts';

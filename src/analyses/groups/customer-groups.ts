/**
 * Saved customer groups (issues 14–16): a group is a definition in the config (src/config/groups.ts);
 * here are the pure SQL plans that rebuild its members from the tables its source analysis already
 * built — funnel_users (funnel), cluster_assignments (clusters), clv_customers (CLV), rfm_customers
 * (RFM) — into one table, customer_groups(group_id, customer_id).
 *
 * A group whose source has not run, or whose source settings differ from the settings it was saved
 * with, is "not available" with the reason (groupAvailability): members of another definition are
 * never shown. Clusters come from a seeded model: the same data and settings give the same members.
 *
 * Materialising takes three small steps (the worker cannot bind a query on a missing table):
 * 1. buildSourceTablesSql: which source tables exist;
 * 2. when cluster_model exists, its JSON (the model's k, seed and features) — readClusterBasis;
 * 3. buildCustomerGroupsSql over the available groups, then buildGroupCountsSql.
 */
import { ident, literal } from '../../sql/quote.ts';
import type { AnalysisConfig } from '../../config/schema.ts';
import type { CustomerGroup, GroupSource } from '../../config/groups.ts';
import { FUNNEL_USERS, buildFunnelDroppedSql, buildFunnelUsersSql } from '../funnel/build-funnel-sql.ts';
import { CLUSTER_TABLES } from '../clusters/cluster-tables.ts';
import { CLV_TABLE } from '../clv/fit-request.ts';
import { aliveBandSql, churnedValuableWhere } from '../clv/build-clv-sql.ts';
import { RFM_CUSTOMERS } from '../../ingest/tables.ts';
import { resolveRfmConfig } from '../rfm/rfm-config.ts';
import { scoreBand } from '../rfm/module.ts';
import { roleTables } from '../../ingest/roles/catalogue.ts';
import { SEGMENTS_TABLE } from '../behaviour/build-segment-source-sql.ts';
import { modelJsonSql } from '../clusters/build-clusters-sql.ts';

/** The materialised members of the available groups. */
export const CUSTOMER_GROUPS = 'customer_groups';

/**
 * The table each source kind needs: the funnel's users table is rebuilt here from the events file, the
 * others are the source analysis' own result.
 */
export const GROUP_SOURCE_TABLES = {
  'funnel-drop': roleTables('events').events,
  cluster: CLUSTER_TABLES.assignments,
  clv: CLV_TABLE,
  'rfm-segment': RFM_CUSTOMERS,
  'high-value-at-risk': RFM_CUSTOMERS,
} as const satisfies Record<GroupSource['kind'], string>;

/** The source settings a group is saved with, from the current config. */
export function groupBasis<K extends GroupSource['kind']>(
  kind: K,
  config: AnalysisConfig,
): Extract<GroupSource, { kind: K }>['basis'] {
  switch (kind) {
    case 'funnel-drop':
      return { steps: [...config.funnel.steps], windowDays: config.funnel.windowDays } as never;
    case 'cluster': {
      const c = config.clusters;
      return { k: c.k, seed: c.seed, nInit: c.nInit, features: [...c.features], log1p: c.log1p } as never;
    }
    case 'clv': {
      const c = config.clv;
      return { timeUnit: c.timeUnit, calibrationEnd: c.calibrationEnd, horizonDays: c.horizonDays } as never;
    }
    default:
      return { preset: config.rfm.preset ?? 'custom' } as never;
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What a cluster model was fitted with (from cluster_model's JSON). */
export interface ClusterModelBasis {
  requestedK: number | null;
  seed: number;
  nInit: number;
  features: readonly string[];
}

export function readClusterBasis(json: unknown): ClusterModelBasis | null {
  if (typeof json !== 'string') return null;
  const m = JSON.parse(json) as Partial<ClusterModelBasis>;
  return {
    requestedK: m.requestedK ?? null,
    seed: Number(m.seed),
    nInit: Number(m.nInit),
    features: Array.isArray(m.features) ? m.features : [],
  };
}

/**
 * Why a group cannot be rebuilt now: its source has not run (`not-run`), its settings differ from the
 * saved ones (`settings-changed`), or its RFM segment is gone (`segment-gone`). null = available.
 */
export type GroupUnavailable = { reason: 'not-run' | 'settings-changed' | 'segment-gone' };

export function groupAvailability(
  group: CustomerGroup,
  config: AnalysisConfig,
  tables: ReadonlySet<string>,
  clusterModel: ClusterModelBasis | null,
): GroupUnavailable | null {
  const source = group.source;
  if (!sameJson(source.basis, groupBasis(source.kind, config))) return { reason: 'settings-changed' };
  if (!tables.has(GROUP_SOURCE_TABLES[source.kind])) return { reason: 'not-run' };
  if (source.kind === 'funnel-drop' && source.step > source.basis.steps.length)
    return { reason: 'settings-changed' };
  if (source.kind === 'cluster') {
    const b = source.basis;
    if (
      !clusterModel ||
      clusterModel.requestedK !== b.k ||
      clusterModel.seed !== b.seed ||
      clusterModel.nInit !== b.nInit ||
      !sameJson(clusterModel.features, b.features)
    )
      return { reason: 'not-run' };
  }
  if (source.kind === 'rfm-segment') {
    const ids = resolveRfmConfig(config.rfm).segments.map((s) => s.id);
    if (source.segment !== 'other' && !ids.includes(source.segment)) return { reason: 'segment-gone' };
  }
  return null;
}

/** Which of the source tables exist (rows: table_name), and whether cluster_model does. */
export function buildSourceTablesSql(): string {
  const names = [...new Set([...Object.values(GROUP_SOURCE_TABLES), CLUSTER_TABLES.model])];
  return `SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND table_name IN (${names.map((n) => literal(n)).join(', ')})
UNION SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND view_name IN (${names.map((n) => literal(n)).join(', ')})`;
}

/** The cluster model's JSON (one row, column json), when cluster_model exists. */
export const buildClusterModelSql = () => modelJsonSql(CLUSTER_TABLES.model);

/** `SELECT DISTINCT customer_id` of one group's members (its source table must exist). */
export function buildGroupMembersSql(group: CustomerGroup, config: AnalysisConfig): string {
  const s = group.source;
  switch (s.kind) {
    case 'funnel-drop':
      return `SELECT DISTINCT customer_id FROM (${buildFunnelDroppedSql(s.basis.steps, s.step, (e) => e, FUNNEL_USERS)})`;
    case 'cluster':
      return `SELECT DISTINCT CAST(customer_id AS VARCHAR) AS customer_id FROM ${ident(CLUSTER_TABLES.assignments)} WHERE cluster = ${literal(s.cluster)}`;
    case 'clv':
      return `SELECT DISTINCT CAST(customer_id AS VARCHAR) AS customer_id FROM ${ident(CLV_TABLE)} WHERE ${
        s.list === 'valuable-churned'
          ? churnedValuableWhere(CLV_TABLE)
          : `${aliveBandSql()} = ${literal(s.list)}`
      }`;
    case 'rfm-segment':
      return `SELECT DISTINCT CAST(customer_id AS VARCHAR) AS customer_id FROM ${ident(RFM_CUSTOMERS)} WHERE segment = ${literal(s.segment)}`;
    case 'high-value-at-risk': {
      const { maxR, minM } = scoreBand(config.rfm);
      return `SELECT DISTINCT CAST(customer_id AS VARCHAR) AS customer_id FROM ${ident(RFM_CUSTOMERS)} WHERE r_score <= ${literal(maxR)} AND m_score >= ${literal(minM)}`;
    }
  }
}

/**
 * Statements that (re)build customer_groups(group_id, customer_id) from the `available` groups. The
 * funnel's users table is rebuilt first with the config's steps (the same statement the funnel runs),
 * so a funnel group never reads a table left from other steps.
 */
export function buildCustomerGroupsSql(
  available: readonly CustomerGroup[],
  config: AnalysisConfig,
): string[] {
  const statements: string[] = [];
  if (available.some((g) => g.source.kind === 'funnel-drop'))
    statements.push(
      buildFunnelUsersSql({
        events: roleTables('events').events,
        steps: config.funnel.steps,
        windowDays: config.funnel.windowDays,
        breakdown: config.funnel.breakdown,
        segments: SEGMENTS_TABLE,
      }),
    );
  const parts = available.map(
    (g) => `SELECT ${literal(g.id)} AS group_id, customer_id FROM (${buildGroupMembersSql(g, config)})`,
  );
  const body =
    parts.length > 0
      ? parts.join('\nUNION ALL\n')
      : `SELECT CAST(NULL AS VARCHAR) AS group_id, CAST(NULL AS VARCHAR) AS customer_id WHERE FALSE`;
  statements.push(`CREATE OR REPLACE TABLE ${ident(CUSTOMER_GROUPS)} AS ${body}`);
  return statements;
}

/** Members per materialised group (rows: group_id, customers). */
export function buildGroupCountsSql(): string {
  return `SELECT group_id, count(*)::INTEGER AS customers FROM ${ident(CUSTOMER_GROUPS)} GROUP BY group_id ORDER BY group_id`;
}

/**
 * groups.csv / a group's export: group_id, group_name, customer_id, ordered by the config's group
 * order then customer_id. `ids` limits it to some groups (one group's export).
 */
export function buildGroupsCsvSql(groups: readonly CustomerGroup[], ids?: readonly string[]): string {
  const chosen = ids ? groups.filter((g) => ids.includes(g.id)) : groups;
  if (chosen.length === 0)
    return `SELECT CAST(NULL AS VARCHAR) AS group_id, CAST(NULL AS VARCHAR) AS group_name, CAST(NULL AS VARCHAR) AS customer_id WHERE FALSE`;
  const names = chosen.map((g, i) => `(${literal(g.id)}, ${literal(g.name)}, ${literal(i)})`).join(', ');
  return `SELECT m.group_id, n.group_name, m.customer_id
FROM ${ident(CUSTOMER_GROUPS)} m JOIN (VALUES ${names}) n(group_id, group_name, position) ON n.group_id = m.group_id
ORDER BY n.position, m.customer_id`;
}

/** `customer_id IN (…)` of one group, for the comparison and the RFM drill-down. */
export function groupMemberFilterSql(groupId: string, column = 'customer_id'): string {
  return `${column} IN (SELECT customer_id FROM ${ident(CUSTOMER_GROUPS)} WHERE group_id = ${literal(groupId)})`;
}

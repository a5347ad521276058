/**
 * Cleaning the non-order roles (issue 13): campaign touches, experiment results and leads, through
 * one generic builder. Each source row gets its role values repaired as their declared kind
 * (repair-types.ts, the same repair macros as orders and customers) and exactly one fate: used, or set
 * aside with the first reason that applies (ROLE_RULES). Pure builders; src/engine/clean-role.ts runs
 * them through role-cleaning-steps.ts.
 *
 * Outputs: `<role>_clean` (used rows, file order, the role's fields plus derived columns below) and
 * `<role>_set_aside` (source_row, reason, the original cells as text), like orders' set_aside.
 *
 * Derived columns
 * - touches: `arm` ('target' | 'control'): the group text read as 实验组/目标组/test/treatment… or
 *   对照组/控制组/control/holdout…, no group column = everyone target; `delivered` BOOLEAN from the
 *   delivery status (成功/送达/delivered… vs 失败/退回/bounced…), no status column = delivered; a
 *   target row whose status reads as neither is set aside, a control row keeps delivered NULL.
 * - experiment: flags (`converted`, `visited`) as 0/1 integers.
 * - leads: `won` BOOLEAN: the stage reads as won (赢单/成交/won/converted…) when a stage column is
 *   mapped, else a won/closed time is present; `won_time` = closed_time when won.
 * - events (issue 14): none; a row without a user id, an event name or a readable time is set aside.
 */
import { ident, literalList, str } from '../../sql/quote.ts';
import type { CleaningConfig } from '../../config/schema.ts';
import { roleDeclaration } from '../roles/index.ts';
import { repairTypes } from './repair-types.ts';
import {
  repairBindings,
  repairConditions,
  repairExpr,
  type ExprOptions,
  type RepairKind,
  type SourceColumn,
  type ValueType,
} from '../repair/repair-exprs.ts';
import { setAsideAliases } from './build-cleaning-sql.ts';
import type { MappingIssue } from './validate-mapping.ts';

import { GENERIC_CLEANING_ROLES, isGenericRole, type GenericRole } from '../roles/generic.ts';

export { GENERIC_CLEANING_ROLES, isGenericRole, type GenericRole };

/** Set-aside reasons of the generic roles, in precedence order (a row gets the first that applies). */
export const ROLE_REASON_CODES = [
  'exact_duplicate',
  'missing_customer_id',
  'missing_lead_id',
  'duplicate_lead_id',
  'duplicate_customer_id',
  'missing_arm',
  'unparseable_sent_time',
  'unparseable_created_time',
  'unknown_group',
  'unknown_delivery_status',
  'invalid_outcome',
  'missing_event',
  'unparseable_event_time',
] as const;
export type RoleReasonCode = (typeof ROLE_REASON_CODES)[number];

// Words read as a group / a delivery status / a won lead. Matched on lower(trim(value)) as regexes.
export const CONTROL_GROUP_RE = '对照|控制|空白|留出|control|holdout|hold-out|hold out|baseline';
export const TARGET_GROUP_RE =
  '实验|目标|测试|干预|处理|营销组|投放组|test|treatment|target|experiment|variant|exposed|mailed';
export const FAILED_DELIVERY_RE =
  '失败|未送达|未发送|退回|拒收|无效|空号|停机|fail|bounce|undeliver|not delivered|reject|error|invalid|dropped';
export const DELIVERED_RE = '成功|送达|已发送|已触达|已读|打开|点击|deliver|success|sent|ok|read|open|click';
export const WON_STAGE_RE =
  '赢单|成交|已成交|已转化|转化|签约|成单|won|converted|customer|closed won|success';
const TRUE_FLAGS = ['1', 'true', 't', 'yes', 'y', '是', '已转化', '已访问', '有', '√'];
const FALSE_FLAGS = ['0', 'false', 'f', 'no', 'n', '否', '未转化', '未访问', '无', '×'];

export interface RoleCleaningPlan {
  role: GenericRole;
  source: { table: string; columns: readonly SourceColumn[] };
  mapping: Readonly<Record<string, string>>;
  cleaning: CleaningConfig;
  tables?: Partial<{ clean: string; setAside: string }>;
}

export function roleCleaningTables(plan: Pick<RoleCleaningPlan, 'role' | 'source' | 'tables'>) {
  return {
    rows: `__role_${plan.role}_${plan.source.table}_rows`,
    clean: plan.tables?.clean ?? `${plan.role}_clean`,
    setAside: plan.tables?.setAside ?? `${plan.role}_set_aside`,
  };
}

/** Fields a file of the role must map for its analyses, beyond the role's requirements. */
const CLEANING_REQUIRED: Record<GenericRole, readonly (string | readonly string[])[]> = {
  touches: ['customer_id', 'sent_time'],
  experiment: ['arm', ['converted', 'visited', 'revenue']],
  leads: ['lead_id', 'created_time'],
  events: ['customer_id', 'event_time', 'event'],
};

/** Issues (the user's mistake, shown, not thrown): unknown fields or columns, a column twice, a missing field. */
export function validateRoleMapping(
  role: GenericRole,
  mapping: Readonly<Record<string, string>>,
  columns: readonly SourceColumn[],
): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const names = new Set(columns.map((c) => c.name));
  const fields = new Set(roleDeclaration(role).fields.map((f) => f.name));
  const seen = new Set<string>();
  for (const [field, column] of Object.entries(mapping)) {
    if (!fields.has(field)) issues.push({ code: 'unknown_role', role: field, column });
    else if (!names.has(column)) issues.push({ code: 'unknown_column', role: field, column });
    else if (seen.has(column)) issues.push({ code: 'column_used_twice', role: field, column });
    seen.add(column);
  }
  for (const q of CLEANING_REQUIRED[role]) {
    const group = typeof q === 'string' ? [q] : q;
    if (!group.some((f) => Object.hasOwn(mapping, f))) issues.push({ code: 'missing_role', role: group[0]! });
  }
  return issues;
}

function columnOf(plan: RoleCleaningPlan, field: string): SourceColumn | null {
  const name = plan.mapping[field];
  if (name === undefined) return null;
  const c = plan.source.columns.find((x) => x.name === name);
  if (!c)
    throw new Error(`mapping: column ${JSON.stringify(name)} for ${field} is not in ${plan.source.table}`);
  return c;
}

const exprOptions = (plan: RoleCleaningPlan): ExprOptions => ({
  normalize: plan.cleaning.normalizeText,
  dmy: false,
});

function types(role: GenericRole): Record<string, ValueType> {
  return repairTypes(roleDeclaration(role));
}

/** The repaired value of a field as SQL of its final type (NULL when unmapped). */
function valueExpr(plan: RoleCleaningPlan, field: string, as: ValueType): string {
  const c = columnOf(plan, field);
  if (!c) {
    if (as === 'timestamp') return 'CAST(NULL AS TIMESTAMP)';
    if (as === 'amount') return 'CAST(NULL AS DECIMAL(18, 2))';
    if (as === 'number') return 'CAST(NULL AS DECIMAL(18, 3))';
    return 'CAST(NULL AS VARCHAR)';
  }
  const expr = repairExpr(c, as, exprOptions(plan));
  if (as === 'timestamp') return `CAST(${expr} AS TIMESTAMP)`;
  if (as === 'amount' || as === 'number') return expr;
  return `CAST(${expr} AS VARCHAR)`;
}

const matches = (expr: string, re: string) => `regexp_matches(lower(trim(${expr})), ${str(re)})`;

/** 0 / 1 / NULL (unrecognised) of a flag's text. */
function flagExpr(text: string): string {
  const v = `lower(trim(${text}))`;
  return `CASE WHEN ${v} IN ${literalList(TRUE_FLAGS)} THEN 1 WHEN ${v} IN ${literalList(FALSE_FLAGS)} THEN 0
  WHEN TRY_CAST(${v} AS DOUBLE) = 1 THEN 1 WHEN TRY_CAST(${v} AS DOUBLE) = 0 THEN 0 ELSE NULL END`;
}

/** Per role: derived columns (over the typed subquery) and the reasons in precedence order. */
function roleRules(plan: RoleCleaningPlan): {
  derived: string[];
  reasons: [RoleReasonCode, string][];
  out: string[];
} {
  const mapped = (f: string) => Object.hasOwn(plan.mapping, f);
  const dedupe = (key: string) =>
    `row_number() OVER (PARTITION BY ${ident(key)}, is_exact_dup ORDER BY source_row) > 1`;
  switch (plan.role) {
    case 'touches': {
      const arm = mapped('group')
        ? `CASE WHEN "group" IS NULL THEN 'target' WHEN ${matches('"group"', CONTROL_GROUP_RE)} THEN 'control'
            WHEN ${matches('"group"', TARGET_GROUP_RE)} THEN 'target' ELSE NULL END`
        : `'target'`;
      const delivered = mapped('delivery_status')
        ? `CASE WHEN delivery_status IS NULL THEN NULL WHEN ${matches('delivery_status', FAILED_DELIVERY_RE)} THEN FALSE
            WHEN ${matches('delivery_status', DELIVERED_RE)} THEN TRUE ELSE NULL END`
        : 'TRUE';
      return {
        derived: [`${arm} AS arm`, `${delivered} AS delivered`],
        reasons: [
          ['missing_customer_id', 'customer_id IS NULL'],
          ['unparseable_sent_time', 'sent_time IS NULL'],
          ['unknown_group', 'arm IS NULL'],
          // a control row is never sent: its status does not matter
          ['unknown_delivery_status', "delivered IS NULL AND arm = 'target'"],
        ],
        out: [
          'customer_id',
          'campaign_id',
          'group',
          'arm',
          'channel',
          'sent_time',
          'delivery_status',
          'delivered',
          'cost',
          'revenue',
        ],
      };
    }
    case 'experiment': {
      const flags = ['converted', 'visited'].filter(mapped);
      const bad = [
        ...flags.map((f) => `${ident(`${f}_flag`)} IS NULL`),
        ...(mapped('revenue') ? ['revenue IS NULL'] : []),
      ];
      const idKey = mapped('customer_id');
      return {
        derived: flags.map((f) => `${flagExpr(ident(f))} AS ${ident(`${f}_flag`)}`),
        reasons: [
          ...(idKey
            ? ([
                ['missing_customer_id', 'customer_id IS NULL'],
                ['duplicate_customer_id', dedupe('customer_id')],
              ] as [RoleReasonCode, string][])
            : []),
          ['missing_arm', 'arm IS NULL'],
          ['invalid_outcome', bad.length ? bad.join(' OR ') : 'FALSE'],
        ],
        out: [
          'customer_id',
          'arm',
          mapped('converted') ? 'converted_flag AS converted' : 'CAST(NULL AS INTEGER) AS converted',
          mapped('visited') ? 'visited_flag AS visited' : 'CAST(NULL AS INTEGER) AS visited',
          'revenue',
        ],
      };
    }
    case 'leads': {
      const won = mapped('stage')
        ? `coalesce(${matches('stage', WON_STAGE_RE)}, FALSE)`
        : 'closed_time IS NOT NULL';
      return {
        derived: [`${won} AS won`],
        reasons: [
          ['missing_lead_id', 'lead_id IS NULL'],
          ['duplicate_lead_id', dedupe('lead_id')],
          ['unparseable_created_time', 'created_time IS NULL'],
        ],
        out: [
          'lead_id',
          'customer_id',
          'source',
          'owner',
          'stage',
          'created_time',
          'first_contact_time',
          'won',
          'CASE WHEN won THEN closed_time ELSE NULL END AS won_time',
          'amount',
          'phone',
        ],
      };
    }
    case 'events':
      // Issue 14: one row per tracked event; every row with a user, a name and a time is used.
      return {
        derived: [],
        reasons: [
          ['missing_customer_id', 'customer_id IS NULL'],
          ['missing_event', 'event IS NULL'],
          ['unparseable_event_time', 'event_time IS NULL'],
        ],
        out: ['customer_id', 'event', 'event_time', 'channel', 'page', 'campaign', 'device', 'value'],
      };
  }
}

/** Whether exact duplicates are dropped: experiment rows without ids are customers, not copies. */
function dropsExactDuplicates(plan: RoleCleaningPlan): boolean {
  if (!plan.cleaning.dropExactDuplicates) return false;
  return plan.role !== 'experiment' || Object.hasOwn(plan.mapping, 'customer_id');
}

/** CREATE the work table, then `<role>_clean` and `<role>_set_aside`. */
export function buildRoleCleaningSql(plan: RoleCleaningPlan): string[] {
  const t = roleCleaningTables(plan);
  const ty = types(plan.role);
  const values = Object.entries(ty).map(([f, as]) => `${valueExpr(plan, f, as)} AS ${ident(f)}`);
  const all = plan.source.columns.map((c) => ident(c.name)).join(', ');
  const exactDup = dropsExactDuplicates(plan)
    ? `row_number() OVER (PARTITION BY ${all} ORDER BY rowid) > 1`
    : 'FALSE';
  const rules = roleRules(plan);
  const reasons: [RoleReasonCode, string][] = [['exact_duplicate', 'is_exact_dup'], ...rules.reasons];
  const reasonCase = `CASE ${reasons.map(([code, cond]) => `WHEN ${cond} THEN '${code}'`).join(' ')} ELSE NULL END`;
  const outList = rules.out.map((o) => (/^[a-z_]+$/.test(o) ? ident(o) : o)).join(', ');
  const aliases = setAsideAliases(plan.source.columns);
  const original = plan.source.columns
    .map((col, i) => `CAST(s.${ident(col.name)} AS VARCHAR) AS ${ident(aliases[i]!)}`)
    .join(', ');
  return [
    `CREATE OR REPLACE TEMP TABLE ${ident(t.rows)} AS
SELECT *, ${reasonCase} AS reason FROM (
  SELECT *${rules.derived.length ? ', ' + rules.derived.join(', ') : ''} FROM (
    SELECT rowid + 1 AS source_row, ${values.join(', ')}, ${exactDup} AS is_exact_dup
    FROM ${ident(plan.source.table)}) AS typed) AS derived`,
    `CREATE OR REPLACE TABLE ${ident(t.clean)} AS
SELECT ${outList} FROM ${ident(t.rows)} WHERE reason IS NULL ORDER BY source_row`,
    `CREATE OR REPLACE TABLE ${ident(t.setAside)} AS
SELECT r.source_row, r.reason, ${original}
FROM ${ident(t.rows)} r JOIN (SELECT rowid + 1 AS __cl_source_row, * FROM ${ident(plan.source.table)}) s
  ON s.__cl_source_row = r.source_row
WHERE r.reason IS NOT NULL ORDER BY r.source_row`,
    ...outcomeColumnComments(plan, t.clean),
  ];
}

/**
 * Experiment outcomes keep the file's column name (Hillstrom `visit`, `conversion`, `spend`) as the
 * clean column's comment, so experiment.csv can name its outcomes as the file does.
 */
function outcomeColumnComments(plan: RoleCleaningPlan, clean: string): string[] {
  if (plan.role !== 'experiment') return [];
  return ['visited', 'converted', 'revenue']
    .filter((f) => Object.hasOwn(plan.mapping, f))
    .map((f) => `COMMENT ON COLUMN ${ident(clean)}.${ident(f)} IS ${str(plan.mapping[f]!)}`);
}

/** Report queries: reasons (NULL = used) with counts; repairs by kind (as for customers); clean count. */
export function buildRoleReportSql(plan: RoleCleaningPlan) {
  const t = roleCleaningTables(plan);
  const conds: { kind: RepairKind; cond: string }[] = [];
  const levels: string[][] = [];
  Object.entries(types(plan.role)).forEach(([field, as], r) => {
    const col = columnOf(plan, field);
    if (!col) return;
    const o = exprOptions(plan);
    const b = repairBindings(col, as, o, `__ro_b${r}`);
    b.levels.forEach((l, i) => (levels[i] ??= []).push(...l.map(([n, e]) => `${e} AS ${ident(n)}`)));
    conds.push(...repairConditions(col, as, o, b.bound));
  });
  let from = ident(plan.source.table);
  levels.forEach((l, i) => {
    if (l.length) from = `(SELECT *, ${l.join(', ')} FROM ${from}) AS ${ident(`__ro_l${i}`)}`;
  });
  const parts = conds.map((x, i) => `count(*) FILTER (WHERE ${x.cond}) AS r${i}`);
  return {
    reasons: `SELECT reason, count(*) AS n FROM ${ident(t.rows)} GROUP BY reason`,
    repairs: {
      sql: `SELECT count(*) AS row_count${parts.length ? ', ' + parts.join(', ') : ''} FROM ${from}`,
      kinds: conds.map((x) => x.kind),
    },
    clean: `SELECT count(*) AS n FROM ${ident(t.clean)}`,
    dropWork: [`DROP TABLE IF EXISTS ${ident(t.rows)}`],
  };
}

/**
 * Cleaning a customers source (issue 3) into `customers_clean` (one row per customer id) and
 * `customers_set_aside`. Pure builders; src/engine/clean-customers.ts runs them.
 *
 * Work table `<prefix>_rows`: one row per source row with its repaired role values, validity flags
 * and its fate (`reason`, NULL = used). A row gets the first reason that applies:
 *   exact_duplicate        the same values as an earlier row (when dropExactDuplicates)
 *   missing_customer_id    no customer id after trimming (the key; always set aside)
 *   duplicate_customer_id  another row has the same id: the row with the latest registration date
 *                          is kept, ties (and no date) → the last row in the file
 * Invalid contacts never set a customer aside (validateContacts): an invalid phone, e-mail, or an
 * age / birthday outside 0–120 years is NULL in customers_clean and counted as a repair.
 */
import { dateLiteral, ident } from '../../sql/quote.ts';
import type { CleaningConfig } from '../../config/schema.ts';
import { isRole } from '../../config/roles.ts';
import { CUSTOMERS_ROLE, type FieldName } from '../roles/index.ts';
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
import { buildValidAgeSql, buildValidEmailSql, buildValidPhoneSql } from './contact-rules.ts';
import { setAsideAliases } from './build-cleaning-sql.ts';
import type { MappingIssue } from './validate-mapping.ts';
import { CUSTOMERS_WORK_PREFIX } from '../tables.ts';

export type CustomerRole = FieldName<typeof CUSTOMERS_ROLE>;

/** What each customers role is repaired as (phones and e-mails as ids: trimmed, full-width, `.0`). */
export const CUSTOMER_VALUE_TYPES = repairTypes(CUSTOMERS_ROLE) as Record<CustomerRole, ValueType>;
const ROLES = Object.keys(CUSTOMER_VALUE_TYPES) as CustomerRole[];

/** Set-aside reasons for customer rows, in precedence order. */
export const CUSTOMER_REASON_CODES = [
  'exact_duplicate',
  'missing_customer_id',
  'duplicate_customer_id',
] as const;
export type CustomerReasonCode = (typeof CUSTOMER_REASON_CODES)[number];

/** Values cleared by validateContacts, counted over the customers kept in customers_clean. */
export const CONTACT_REPAIR_KINDS = ['invalid_phone', 'invalid_email', 'age_out_of_range'] as const;
export type CustomerRepairKind = RepairKind | (typeof CONTACT_REPAIR_KINDS)[number];

/**
 * Output columns of customers_clean: customer_id VARCHAR NOT NULL (unique), name, phone, email,
 * gender VARCHAR, birthday DATE, age INTEGER, region VARCHAR, registration_date DATE,
 * member_level, tags VARCHAR. Unmapped roles are NULL.
 */
export const CUSTOMER_CLEAN_COLUMNS: readonly CustomerRole[] = ROLES;

export interface CustomerTables {
  customersClean: string;
  setAside: string;
}

export interface CustomerCleaningPlan {
  source: { table: string; columns: readonly SourceColumn[] };
  mapping: Partial<Record<CustomerRole, string>>;
  cleaning: CleaningConfig;
  /** YYYY-MM-DD: birthdays after it, or more than 120 years before it, are out of range. */
  today: string;
  tables?: Partial<CustomerTables>;
  prefix?: string;
}

export function customerTables(plan: CustomerCleaningPlan) {
  return {
    rows: `${plan.prefix ?? `${CUSTOMERS_WORK_PREFIX}${plan.source.table}`}_rows`,
    ...CUSTOMERS_ROLE.tables,
    ...plan.tables,
  };
}

/** Issues (a user's mistake, shown, not thrown): unknown roles/columns, a column used twice, no id. */
export function validateCustomersMapping(
  mapping: Readonly<Record<string, string>>,
  columns: readonly SourceColumn[],
): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const names = new Set(columns.map((c) => c.name));
  const seen = new Set<string>();
  for (const [role, column] of Object.entries(mapping)) {
    if (!isRole('customers', role)) issues.push({ code: 'unknown_role', role, column });
    else if (!names.has(column)) issues.push({ code: 'unknown_column', role, column });
    else if (seen.has(column)) issues.push({ code: 'column_used_twice', role, column });
    seen.add(column);
  }
  if (!Object.hasOwn(mapping, 'customer_id')) issues.push({ code: 'missing_role', role: 'customer_id' });
  return issues;
}

function column(plan: CustomerCleaningPlan, role: CustomerRole): SourceColumn | null {
  const name = plan.mapping[role];
  if (name === undefined) return null;
  const c = plan.source.columns.find((x) => x.name === name);
  if (!c)
    throw new Error(`mapping: column ${JSON.stringify(name)} for ${role} is not in ${plan.source.table}`);
  return c;
}

const options = (plan: CustomerCleaningPlan): ExprOptions => ({
  normalize: plan.cleaning.normalizeText,
  dmy: false,
});

/** The repaired value of a role, before validity checks (NULL of the right type when unmapped). */
function valueExpr(plan: CustomerCleaningPlan, role: CustomerRole): string {
  const c = column(plan, role);
  const as = CUSTOMER_VALUE_TYPES[role];
  const expr = c ? repairExpr(c, as, options(plan)) : 'NULL';
  if (as === 'timestamp') return `CAST(${expr} AS DATE)`;
  if (as === 'number') return `TRY_CAST(${expr} AS INTEGER)`;
  return `CAST(${expr} AS VARCHAR)`;
}

/** CREATE the work table `<prefix>_rows` (see the module comment). */
export function buildCustomerRowsSql(plan: CustomerCleaningPlan): string {
  const t = customerTables(plan);
  const validate = plan.cleaning.validateContacts;
  const all = plan.source.columns.map((c) => ident(c.name)).join(', ');
  const exactDup = plan.cleaning.dropExactDuplicates
    ? `row_number() OVER (PARTITION BY ${all} ORDER BY rowid) > 1`
    : 'FALSE';
  const values = ROLES.map((r) => `${valueExpr(plan, r)} AS ${ident(`${r}_raw`)}`);
  const today = dateLiteral(plan.today);
  const bad = {
    phone: validate
      ? `phone_raw IS NOT NULL AND NOT coalesce(${buildValidPhoneSql('phone_raw')}, FALSE)`
      : 'FALSE',
    email: validate
      ? `email_raw IS NOT NULL AND NOT coalesce(${buildValidEmailSql('email_raw')}, FALSE)`
      : 'FALSE',
    age: validate ? `age_raw IS NOT NULL AND NOT ${buildValidAgeSql('age_raw')}` : 'FALSE',
    birthday: validate
      ? `birthday_raw IS NOT NULL AND (birthday_raw > ${today} OR birthday_raw < ${today} - INTERVAL 120 YEAR)`
      : 'FALSE',
  };
  const kept = ROLES.map((r) =>
    Object.hasOwn(bad, r)
      ? `CASE WHEN ${ident(`${r}_invalid`)} THEN NULL ELSE ${ident(`${r}_raw`)} END AS ${ident(r)}`
      : `${ident(`${r}_raw`)} AS ${ident(r)}`,
  );
  return `CREATE OR REPLACE TEMP TABLE ${ident(t.rows)} AS
SELECT source_row, ${kept.join(', ')}, phone_invalid, email_invalid, age_invalid, birthday_invalid,
  CASE WHEN is_exact_dup THEN 'exact_duplicate'
    WHEN customer_id_raw IS NULL THEN 'missing_customer_id'
    WHEN id_rank > 1 THEN 'duplicate_customer_id' ELSE NULL END AS reason
FROM (
  SELECT *, row_number() OVER (PARTITION BY customer_id_raw, is_exact_dup
      ORDER BY registration_date_raw DESC NULLS LAST, source_row DESC) AS id_rank,
    ${Object.entries(bad)
      .map(([r, cond]) => `(${cond}) AS ${ident(`${r}_invalid`)}`)
      .join(', ')}
  FROM (
    SELECT rowid + 1 AS source_row, ${values.join(', ')}, ${exactDup} AS is_exact_dup
    FROM ${ident(plan.source.table)}) AS typed) AS ranked`;
}

/** CREATE customers_clean (kept rows, in file order) and customers_set_aside (originals as text). */
export function buildCustomerOutputsSql(plan: CustomerCleaningPlan): string[] {
  const t = customerTables(plan);
  const aliases = setAsideAliases(plan.source.columns);
  const original = plan.source.columns
    .map((col, i) => `CAST(s.${ident(col.name)} AS VARCHAR) AS ${ident(aliases[i]!)}`)
    .join(', ');
  return [
    `CREATE OR REPLACE TABLE ${ident(t.customersClean)} AS
SELECT ${CUSTOMER_CLEAN_COLUMNS.map(ident).join(', ')} FROM ${ident(t.rows)}
WHERE reason IS NULL ORDER BY source_row`,
    `CREATE OR REPLACE TABLE ${ident(t.setAside)} AS
SELECT r.source_row, r.reason, ${original}
FROM ${ident(t.rows)} r JOIN (SELECT rowid + 1 AS __cl_source_row, * FROM ${ident(plan.source.table)}) s
  ON s.__cl_source_row = r.source_row
WHERE r.reason IS NOT NULL ORDER BY r.source_row`,
  ];
}

/** Every statement in order (after buildRepairMacrosSql). */
export function buildCustomersCleaningSql(plan: CustomerCleaningPlan): string[] {
  return [buildCustomerRowsSql(plan), ...buildCustomerOutputsSql(plan)];
}

/**
 * Report queries. `reasons`: reason (NULL = used), n. `contacts`: one row, invalid_phone,
 * invalid_email, age_out_of_range over the customers kept. `repairs`: one row, row_count and
 * `r<i>` = source rows where repair `kinds[i]` applied (as for orders).
 */
export function buildCustomerReportSql(plan: CustomerCleaningPlan) {
  const t = customerTables(plan);
  const conds: { kind: RepairKind; cond: string }[] = [];
  const levels: string[][] = [];
  ROLES.forEach((role, r) => {
    const col = column(plan, role);
    if (!col) return;
    const o = options(plan);
    const b = repairBindings(col, CUSTOMER_VALUE_TYPES[role], o, `__cu_b${r}`);
    b.levels.forEach((l, i) => (levels[i] ??= []).push(...l.map(([n, e]) => `${e} AS ${ident(n)}`)));
    conds.push(...repairConditions(col, CUSTOMER_VALUE_TYPES[role], o, b.bound));
  });
  let from = ident(plan.source.table);
  levels.forEach((l, i) => {
    if (l.length) from = `(SELECT *, ${l.join(', ')} FROM ${from}) AS ${ident(`__cu_l${i}`)}`;
  });
  const parts = conds.map((x, i) => `count(*) FILTER (WHERE ${x.cond}) AS r${i}`);
  return {
    reasons: `SELECT reason, count(*) AS n FROM ${ident(t.rows)} GROUP BY reason`,
    contacts: `SELECT count(*) FILTER (WHERE phone_invalid) AS invalid_phone,
  count(*) FILTER (WHERE email_invalid) AS invalid_email,
  count(*) FILTER (WHERE age_invalid OR birthday_invalid) AS age_out_of_range
FROM ${ident(t.rows)} WHERE reason IS NULL`,
    repairs: {
      sql: `SELECT count(*) AS row_count${parts.length ? ', ' + parts.join(', ') : ''} FROM ${from}`,
      kinds: conds.map((x) => x.kind),
    },
    customers: `SELECT count(*) AS n FROM ${ident(t.customersClean)}`,
    dropWork: [`DROP TABLE IF EXISTS ${ident(t.rows)}`],
  };
}

const PROFILE_ROLES = ['name', 'phone', 'email', 'member_level', 'tags'] as const;

/**
 * Whether a proposal (proposeMapping('customers', …)) looks like a customer file: a confident
 * customer id (score ≥ 0.75) and at least one of name / phone / email / member level / tags.
 */
export function looksLikeCustomers(proposal: {
  mapping: Readonly<Record<string, string>>;
  confidence: Readonly<Record<string, { score: number }>>;
}): boolean {
  if ((proposal.confidence.customer_id?.score ?? 0) < 0.75) return false;
  return PROFILE_ROLES.some((r) => Object.hasOwn(proposal.mapping, r));
}

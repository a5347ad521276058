/**
 * AnalysisConfig: the versioned, validated spine shared by the UI, share links and the CLI.
 * It describes how to analyse (sources by logical name, mapping, cleaning, parameters, view
 * choices) and never holds a data value. Later issues extend it; bump CONFIG_VERSION and add a
 * migration in migrations.ts when a change is not backwards compatible.
 */
import * as v from 'valibot';
import { ROLES, SOURCE_KINDS } from './roles.ts';
import { CONFIG_SECTIONS } from '../analyses/registry.ts';
import { CURRENCY_CODES } from '../ingest/currency/currency.ts';
import { ActionsSchema } from './actions.ts';
import { CustomerGroupsSchema } from './groups.ts';

export const CONFIG_VERSION = 1;

/** Names that reach SQL as quoted identifiers; bounded so a config cannot smuggle huge strings. */
const Name = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(256),
  v.check((s) => !s.includes('\u0000'), 'no NUL'),
);
const Label = v.pipe(v.string(), v.maxLength(2000));

const roleNames = Object.values(ROLES).flat() as string[];
const RoleName = v.picklist([...new Set(roleNames)] as [string, ...string[]]);

export const SourceSchema = v.strictObject({
  /** Logical name used by analyses, e.g. "orders". */
  id: v.pipe(Name, v.regex(/^[a-z][a-z0-9_]{0,63}$/, 'use lower-case letters, digits and _')),
  kind: v.picklist(SOURCE_KINDS),
  /** The file name the user dropped last time: a hint for matching, never read from disk. */
  fileNameHint: v.optional(v.pipe(v.string(), v.maxLength(512))),
  encoding: v.optional(v.picklist(['auto', 'utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5']), 'auto'),
  sheet: v.optional(Name),
  /** 1-based header row for files with title rows above the header; absent = detect. */
  headerRow: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
  /** Role → column name in the file. */
  mapping: v.optional(v.record(RoleName, Name), {}),
  /** Platform recognised from the header fingerprint (or chosen by the user), e.g. "taobao". */
  platform: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,31}$/, 'use lower-case letters, digits and _')),
  ),
});

/** Order statuses after normalisation (exports.md §3.7); `unknown` = a value no rule recognises. */
export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'closed',
  'refunding',
  'refunded',
  'partially_refunded',
  'unknown',
] as const;
const OrderStatus = v.picklist(ORDER_STATUSES);
/** Closed, cancelled, unpaid and fully refunded orders are not purchases. */
export const DEFAULT_PURCHASE_STATUSES = [
  'paid',
  'shipped',
  'delivered',
  'completed',
  'refunding',
  'partially_refunded',
  'unknown',
] as const satisfies readonly (typeof ORDER_STATUSES)[number][];

/** Which order statuses count as purchases; `overrides` maps a raw status value to a normalised one. */
export const StatusRulesSchema = v.strictObject({
  purchaseStatuses: v.optional(v.pipe(v.array(OrderStatus), v.maxLength(ORDER_STATUSES.length)), [
    ...DEFAULT_PURCHASE_STATUSES,
  ]),
  overrides: v.optional(v.record(Name, OrderStatus), {}),
});

export const CleaningSchema = v.strictObject({
  dropExactDuplicates: v.optional(v.boolean(), true),
  dedupeOrderIds: v.optional(v.boolean(), true),
  dropMissingKeys: v.optional(v.boolean(), true),
  dropImpossibleValues: v.optional(v.boolean(), true),
  validateContacts: v.optional(v.boolean(), true),
  normalizeText: v.optional(v.boolean(), true),
  /** Category synonyms: raw value → standard value. */
  categorySynonyms: v.optional(v.record(Name, Name), {}),
  statusRules: v.optional(StatusRulesSchema, {}),
  /** Day/month order of `10/05/2023`-style dates; `auto` decides from the data (or asks). */
  dateOrder: v.optional(v.picklist(['auto', 'dmy', 'mdy']), 'auto'),
  /** How rows relate to orders; `auto` detects it (see ingest/cleaning/granularity.ts). */
  granularity: v.optional(
    v.picklist(['auto', 'order_rows', 'first_row', 'repeated_total', 'line_sum']),
    'auto',
  ),
  /** Impossible-value limits: larger order amounts / quantities, earlier dates are set aside. */
  maxAmount: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1e15)), 10_000_000),
  maxQuantity: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1e12)), 100_000),
  minDate: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')), '1990-01-01'),
  /** ISO code of the amounts; `auto` detects it (ingest/currency/detect-currency.ts) or asks. */
  currency: v.optional(v.picklist(['auto', ...CURRENCY_CODES]), 'auto'),
  /**
   * Returns and credit notes (issue 12, item 2): `net` keeps an order whose total is negative (a
   * credit note, e.g. Online Retail's `C536379`) and subtracts it from the customer's revenue — from
   * the original order when its id matches (`C123` → `123`), else on its own date; `ignore` sets
   * credit notes aside and counts gross sales only.
   */
  returns: v.optional(v.picklist(['net', 'ignore']), 'net'),
  /**
   * What one purchase is, for every analysis (issue 12, item 10): `orders` (each order id) or `days`
   * (a customer's orders of one calendar day merged into one purchase, as lifetimes/BTYD do). RFM F,
   * order counts, AOV, intervals, repurchase, churn and lifecycle all count the same unit.
   */
  purchase: v.optional(v.picklist(['orders', 'days']), 'orders'),
});

export const ViewSchema = v.strictObject({
  locale: v.optional(v.picklist(['zh-CN', 'en'])),
  maskPii: v.optional(v.boolean(), true),
});

/** Each analysis module's config slice, optional with its defaults (the registry lists them). */
function moduleSlices<T extends Record<string, v.GenericSchema>>(
  sections: T,
): { [K in keyof T]: v.OptionalSchema<T[K], Record<string, never>> } {
  const entries = Object.entries(sections).map(([key, schema]) => [key, v.optional(schema, {})]);
  return Object.fromEntries(entries) as { [K in keyof T]: v.OptionalSchema<T[K], Record<string, never>> };
}

export const AnalysisConfigSchema = v.strictObject({
  version: v.literal(CONFIG_VERSION),
  name: v.optional(v.pipe(Label, v.maxLength(200)), ''),
  sources: v.optional(v.pipe(v.array(SourceSchema), v.maxLength(20)), []),
  cleaning: v.optional(CleaningSchema, {}),
  view: v.optional(ViewSchema, {}),
  /** The action plan (issue 17, actions.ts). */
  actions: v.optional(ActionsSchema, []),
  /** Saved customer groups (issues 14–16, groups.ts): definitions only, never customer ids. */
  groups: v.optional(CustomerGroupsSchema, []),
  ...moduleSlices(CONFIG_SECTIONS),
});

export type AnalysisConfig = v.InferOutput<typeof AnalysisConfigSchema>;
export type AnalysisConfigInput = v.InferInput<typeof AnalysisConfigSchema>;
export type SourceConfig = v.InferOutput<typeof SourceSchema>;
export type CleaningConfig = v.InferOutput<typeof CleaningSchema>;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type StatusRules = v.InferOutput<typeof StatusRulesSchema>;

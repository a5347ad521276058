/**
 * AnalysisConfig: the versioned, validated spine shared by the UI, share links and the CLI.
 * It describes how to analyse (sources by logical name, mapping, cleaning, parameters, view
 * choices) and never holds a data value. Later issues extend it; bump CONFIG_VERSION and add a
 * migration in migrations.ts when a change is not backwards compatible.
 */
import * as v from 'valibot';
import { ROLES, SOURCE_KINDS } from './roles.ts';

export const CONFIG_VERSION = 1;

/** Names that reach SQL as quoted identifiers; bounded so a config cannot smuggle huge strings. */
const Name = v.pipe(v.string(), v.minLength(1), v.maxLength(256), v.check((s) => !s.includes('\u0000'), 'no NUL'));
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
});

export const ViewSchema = v.strictObject({
  locale: v.optional(v.picklist(['zh-CN', 'en'])),
  maskPii: v.optional(v.boolean(), true),
});

export const AnalysisConfigSchema = v.strictObject({
  version: v.literal(CONFIG_VERSION),
  name: v.optional(v.pipe(Label, v.maxLength(200)), ''),
  sources: v.optional(v.pipe(v.array(SourceSchema), v.maxLength(20)), []),
  cleaning: v.optional(CleaningSchema, {}),
  view: v.optional(ViewSchema, {}),
});

export type AnalysisConfig = v.InferOutput<typeof AnalysisConfigSchema>;
export type AnalysisConfigInput = v.InferInput<typeof AnalysisConfigSchema>;
export type SourceConfig = v.InferOutput<typeof SourceSchema>;
export type CleaningConfig = v.InferOutput<typeof CleaningSchema>;

/**
 * Parse untrusted config input (share links, files, CLI --config, IndexedDB). A user's mistake
 * comes back as a value with readable issues (each with a `code` the UI translates via
 * config/issue-text.ts); nothing here throws on bad input.
 *
 * Order of checks: size (text) → JSON → shape (object, depth, forbidden keys) → version → migration
 * → fields this version does not understand → schema. Unknown fields are reported one by one rather
 * than dropped (issue 5: "the app never silently drops fields it does not understand").
 */
import * as v from 'valibot';
import { AnalysisConfigSchema, CONFIG_VERSION, type AnalysisConfig } from './schema.ts';
import { migrate } from './migrations.ts';
import { findUnknownKeys } from './unknown-keys.ts';

/** Largest config accepted, in UTF-8 bytes of its JSON text (after decompression for links). */
export const MAX_CONFIG_BYTES = 64 * 1024;
/** Deepest nesting accepted (the root object is level 0). The schema needs far less. */
export const MAX_DEPTH = 12;
/** Keys refused anywhere: JSON.parse makes them own properties, and code copying them pollutes prototypes. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
const MAX_REPORTED = 20;

/** Thrown when the app itself is asked to write a config over MAX_CONFIG_BYTES (share link or file). */
export class ConfigTooLargeError extends Error {}

export type ConfigIssueCode =
  | 'too_large'
  | 'not_json'
  | 'not_object'
  | 'too_deep'
  | 'forbidden_key'
  | 'no_version'
  | 'newer_version'
  | 'migration_failed'
  | 'unknown_field'
  | 'invalid'
  | 'no_link_config'
  | 'link_too_long'
  | 'link_bad_characters'
  | 'link_truncated'
  | 'link_corrupt';

export type ConfigIssue = {
  code: ConfigIssueCode;
  /** Dot path of the offending field ('' = the whole config), as valibot's getDotPath writes it. */
  path: string;
  /** English text for logs, the CLI and tests; the UI translates `code` + `params` instead. */
  message: string;
  params?: Record<string, string | number>;
};
export type ParseResult = { ok: true; config: AnalysisConfig } | { ok: false; issues: ConfigIssue[] };

export function configIssue(
  code: ConfigIssueCode,
  message: string,
  path = '',
  params?: Record<string, string | number>,
): ConfigIssue {
  return params ? { code, path, message, params } : { code, path, message };
}

export function fail(
  code: ConfigIssueCode,
  message: string,
  path = '',
  params?: Record<string, string | number>,
): ParseResult {
  return { ok: false, issues: [configIssue(code, message, path, params)] };
}

/** Depth and forbidden keys, walked iteratively so hostile nesting cannot overflow the stack. */
function checkShape(root: object): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0 && issues.length < MAX_REPORTED) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) {
      return [
        configIssue(
          'too_deep',
          `config is nested deeper than ${MAX_DEPTH} levels`,
          path.slice(0, 3).join('.'),
          {
            limit: MAX_DEPTH,
          },
        ),
      ];
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.includes(key)) {
        const at = [...path, key].join('.');
        issues.push(configIssue('forbidden_key', `the key "${key}" is not allowed (at ${at})`, at, { key }));
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return issues;
}

export function parseConfig(input: unknown): ParseResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return fail('not_object', 'config must be a JSON object');
  }
  const shapeIssues = checkShape(input);
  if (shapeIssues.length > 0) return { ok: false, issues: shapeIssues };
  const version = (input as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('no_version', 'config has no valid "version" field', 'version');
  }
  if (version > CONFIG_VERSION) {
    return fail(
      'newer_version',
      `config version ${version} is newer than this app understands (${CONFIG_VERSION}); update Customer Lens`,
      'version',
      { version, supported: CONFIG_VERSION },
    );
  }
  let migrated: unknown;
  try {
    migrated = migrate(input as { version: number; [key: string]: unknown });
  } catch (e) {
    return fail(
      'migration_failed',
      `config version ${version} could not be upgraded: ${(e as Error).message}`,
      '',
      {
        version,
        detail: (e as Error).message,
      },
    );
  }
  const unknown = findUnknownKeys(AnalysisConfigSchema, migrated).map((path) =>
    configIssue(
      'unknown_field',
      `the field "${path}" is not understood by this version of Customer Lens (config version ${CONFIG_VERSION})`,
      path,
      { field: path, supported: CONFIG_VERSION },
    ),
  );
  const result = v.safeParse(AnalysisConfigSchema, migrated);
  if (result.success && unknown.length === 0) return { ok: true, config: result.output };
  const schemaIssues = (result.issues ?? [])
    // valibot reports only the first unknown key per object; `unknown` lists them all.
    .filter((issue) => !(unknown.length > 0 && issue.type === 'strict_object' && issue.expected === 'never'))
    .map((issue) => {
      const path = v.getDotPath(issue) ?? '';
      return configIssue('invalid', issue.message, path, { detail: issue.message });
    });
  return { ok: false, issues: [...unknown, ...schemaIssues].slice(0, MAX_REPORTED) };
}

/** UTF-8 length of `text` without allocating a copy (stops counting once past `cap`). */
export function utf8Length(text: string, cap = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= cap; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Parse JSON text (at most MAX_CONFIG_BYTES); size and JSON syntax errors become issues too. */
export function parseConfigJson(text: string): ParseResult {
  if (text.length > MAX_CONFIG_BYTES || utf8Length(text, MAX_CONFIG_BYTES) > MAX_CONFIG_BYTES) {
    return fail('too_large', `config is larger than the ${MAX_CONFIG_BYTES / 1024} KiB limit`, '', {
      limitKb: MAX_CONFIG_BYTES / 1024,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail('not_json', `not valid JSON: ${(e as Error).message}`, '', { detail: (e as Error).message });
  }
  return parseConfig(data);
}

export function defaultConfig(): AnalysisConfig {
  const result = parseConfig({ version: CONFIG_VERSION });
  if (!result.ok) throw new Error(`default config invalid: ${JSON.stringify(result.issues)}`);
  return result.config;
}

export function formatIssues(issues: ConfigIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

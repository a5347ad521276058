/**
 * Parse untrusted config input (share links, files, CLI --config). A user's mistake comes back as a
 * value with readable messages; nothing here throws on bad input.
 */
import * as v from 'valibot';
import { AnalysisConfigSchema, CONFIG_VERSION, type AnalysisConfig } from './schema.ts';
import { migrate } from './migrations.ts';

export type ConfigIssue = { path: string; message: string };
export type ParseResult = { ok: true; config: AnalysisConfig } | { ok: false; issues: ConfigIssue[] };

const MAX_DEPTH = 12;

function depth(value: unknown, level = 0): number {
  if (level > MAX_DEPTH) return level;
  if (value === null || typeof value !== 'object') return level;
  let max = level;
  for (const child of Object.values(value as object)) max = Math.max(max, depth(child, level + 1));
  return max;
}

function fail(message: string, path = ''): ParseResult {
  return { ok: false, issues: [{ path, message }] };
}

export function parseConfig(input: unknown): ParseResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return fail('config must be a JSON object');
  }
  if (depth(input) > MAX_DEPTH) return fail(`config is nested deeper than ${MAX_DEPTH} levels`);
  const version = (input as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('config has no valid "version" field', 'version');
  }
  if (version > CONFIG_VERSION) {
    return fail(
      `config version ${version} is newer than this app understands (${CONFIG_VERSION}); update Customer Lens`,
      'version',
    );
  }
  const migrated = migrate(input as { version: number });
  const result = v.safeParse(AnalysisConfigSchema, migrated);
  if (result.success) return { ok: true, config: result.output };
  return {
    ok: false,
    issues: result.issues.map((issue) => ({
      path: v.getDotPath(issue) ?? '',
      message: issue.message,
    })),
  };
}

/** Parse JSON text; JSON syntax errors become issues too. */
export function parseConfigJson(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`not valid JSON: ${(e as Error).message}`);
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

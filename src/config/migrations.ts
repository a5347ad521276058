/**
 * Migrations from every earlier config version to the current one (issue 5). A config is plain JSON
 * with an integer `version`; each step turns version n into version n + 1 and nothing else.
 *
 * How to release a schema change that is not backwards compatible:
 * 1. bump CONFIG_VERSION in schema.ts;
 * 2. add `MIGRATIONS[old] = (config) => ({ ...changed, version: old + 1 })` below — pure, defensive
 *    (the input is untrusted JSON that only passed the version check), never dropping a field it does
 *    not understand (leave it in place so validation reports it);
 * 3. add golden fixtures under tests/fixtures/configs/v<new>/ — the older folders must keep parsing.
 *
 * Version 1 is the first released version, so the table is empty.
 */
import { CONFIG_VERSION } from './schema.ts';

export type VersionedJson = { version: number } & Record<string, unknown>;
/** One step: a config of version `n` (its key in the table) → a config of version `n + 1`. */
export type MigrationStep = (config: VersionedJson) => VersionedJson;
export type MigrationTable = Readonly<Record<number, MigrationStep>>;

export const MIGRATIONS: MigrationTable = {};

/**
 * Bring `config` up to `target` by applying `steps[v]` for v = config.version … target − 1.
 * The input is never modified (each step gets a deep copy). A missing step or a step that does not
 * return exactly version n + 1 is a programmer's mistake and throws; callers handling untrusted input
 * (parseConfig) catch it.
 */
export function migrate(
  config: { readonly version: number; readonly [key: string]: unknown },
  steps: MigrationTable = MIGRATIONS,
  target: number = CONFIG_VERSION,
): VersionedJson {
  if (!Number.isInteger(config.version) || config.version < 1 || config.version > target) {
    throw new Error(`migrate: cannot migrate version ${String(config.version)} to ${target}`);
  }
  let current = structuredClone(config) as VersionedJson;
  while (current.version < target) {
    const from = current.version;
    const step = Object.hasOwn(steps, from) ? steps[from] : undefined;
    if (!step) throw new Error(`migrate: no migration from config version ${from}`);
    current = step(current);
    if (current.version !== from + 1) {
      throw new Error(`migrate: step from version ${from} returned version ${String(current.version)}`);
    }
  }
  return current;
}

/** Versions that have no step towards `target` (should be empty; checked by a test). */
export function missingSteps(steps: MigrationTable = MIGRATIONS, target: number = CONFIG_VERSION): number[] {
  const missing: number[] = [];
  for (let v = 1; v < target; v++) if (!Object.hasOwn(steps, v)) missing.push(v);
  return missing;
}

/**
 * Migrations from every earlier config version to the current one. Each step takes a config of
 * version n and returns version n + 1. Version 1 is the first, so there is nothing to migrate yet.
 */
import { CONFIG_VERSION } from './schema.ts';

type Versioned = { version: number } & Record<string, unknown>;
const steps: Record<number, (config: Versioned) => Versioned> = {};

export function migrate(config: { version: number }): Versioned {
  let current = { ...config } as Versioned;
  while (current.version < CONFIG_VERSION) {
    const step = steps[current.version];
    if (!step) throw new Error(`no migration from config version ${current.version}`);
    current = step(current);
  }
  return current;
}

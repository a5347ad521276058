/**
 * RFM configuration (issue 4): the schema, constants and types (rfm-schema.ts, re-exported here) plus
 * resolving a config's absent cuts / segments from its preset, and parsing.
 */
import * as v from 'valibot';
import { presetConfig } from './presets.ts';
import { RfmConfigSchema, type DimensionCuts, type RfmConfig } from './rfm-schema.ts';

export * from './rfm-schema.ts';

/** A parsed config with cuts and segments filled in from its preset when absent. */
export type ResolvedRfmConfig = Omit<RfmConfig, 'cuts' | 'segments'> & {
  cuts: NonNullable<RfmConfig['cuts']>;
  segments: NonNullable<RfmConfig['segments']>;
};

/**
 * Fill absent cuts / segments from the config's preset (`custom` falls back to value5). Kept out of
 * parsing so a default config stays minimal (short share links, "default settings" summaries).
 */
export function resolveRfmConfig(c: RfmConfig): ResolvedRfmConfig {
  if (c.cuts !== undefined && c.segments !== undefined) return { ...c, cuts: c.cuts, segments: c.segments };
  const preset = presetConfig(c.preset === undefined || c.preset === 'custom' ? 'value5' : c.preset, c.cn8);
  return { ...c, cuts: c.cuts ?? preset.cuts, segments: c.segments ?? preset.segments };
}

/**
 * Parse and resolve an RFM config; a user's mistake comes back as readable issue messages, never
 * a throw.
 */
export function parseRfmConfig(
  input: unknown,
): { ok: true; value: ResolvedRfmConfig } | { ok: false; issues: string[] } {
  const r = v.safeParse(RfmConfigSchema, input);
  if (r.success) return { ok: true, value: resolveRfmConfig(r.output) };
  return { ok: false, issues: r.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`) };
}

/** Number of score levels k of a dimension: cut points + 1, or 2 for mean/median. */
export function levelsOf(cuts: DimensionCuts): number {
  switch (cuts.source) {
    case 'fixed':
      return cuts.points.length + 1;
    case 'quantile':
      return cuts.levels;
    default:
      return 2;
  }
}

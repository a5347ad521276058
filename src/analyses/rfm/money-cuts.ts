/**
 * Money thresholds and the data's currency (issue 12 item 3). The fixed M thresholds of the built-in
 * presets (value5: 500 / 2,000 / 5,000 / 10,000; tier3: 500 / 2,000) are yuan. On data in another
 * currency — or whose currency is unknown — they would score every customer against yuan amounts
 * (Shopify in USD: no high-value customer; Online Retail in GBP: 99 % "mid potential"), so the M
 * dimension switches to quantile cut points with the same number of levels, and the UI says so.
 *
 * Only the presets' own yuan thresholds are replaced: M cut points the user typed (any point
 * differing from the preset's) are taken to be in the data's currency and kept as they are.
 */
import { presetConfig, type BuiltInPresetId } from './presets.ts';
import { resolveRfmConfig, type RfmConfig, type DimensionCuts } from './rfm-config.ts';

/** Presets whose M cut points are amounts in yuan. */
const YUAN_PRESETS: readonly BuiltInPresetId[] = ['value5', 'tier3'];

export interface MoneyCutsNotice {
  /** The data's currency (null = not detected). */
  currency: string | null;
  /** The yuan cut points that were replaced. */
  yuanPoints: readonly number[];
  /** Quantile levels M now uses. */
  levels: number;
}

/** The yuan M cut points of the config's preset that apply to it, or null when there are none. */
function yuanPoints(config: RfmConfig): readonly number[] | null {
  const id = config.preset ?? 'value5';
  if (!(YUAN_PRESETS as readonly string[]).includes(id)) return null;
  const m: DimensionCuts = resolveRfmConfig(config).cuts.m;
  const preset = presetConfig(id as BuiltInPresetId).cuts.m;
  if (m.source !== 'fixed' || preset.source !== 'fixed') return null;
  return JSON.stringify(m.points) === JSON.stringify(preset.points) ? m.points : null;
}

/**
 * What happens to the M thresholds for data in `currency` (undefined = not known to the caller, as in
 * tests without a cleaning report: nothing changes); null when the config is applied as it is.
 */
export function moneyCutsNotice(
  config: RfmConfig,
  currency: string | null | undefined,
): MoneyCutsNotice | null {
  if (currency === undefined || currency === 'CNY') return null;
  const points = yuanPoints(config);
  return points === null ? null : { currency, yuanPoints: points, levels: points.length + 1 };
}

/** The config with the presets' yuan M thresholds replaced by quantiles when the data is not in CNY. */
export function configForCurrency(config: RfmConfig, currency: string | null | undefined): RfmConfig {
  const notice = moneyCutsNotice(config, currency);
  if (notice === null) return config;
  const resolved = resolveRfmConfig(config);
  return { ...resolved, cuts: { ...resolved.cuts, m: { source: 'quantile', levels: notice.levels } } };
}

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BehaviourConfigSchema } from './behaviour-config.ts';
import { LifecycleConfigSchema } from '../lifecycle/lifecycle-config.ts';
import { defaultConfig, parseConfig } from '../../config/parse-config.ts';

describe('behaviour and lifecycle config', () => {
  it('defaults every parameter inside AnalysisConfig', () => {
    const c = defaultConfig();
    expect(c.behaviour).toEqual({
      aovBands: [0, 100, 500],
      intervalBins: [1, 8, 15, 31, 61, 91, 181, 366],
      secondPurchaseDays: [30, 60, 90],
      periodGrain: 'month',
    });
    expect(c.lifecycle).toEqual({
      lostDays: 90,
      earlyChurnDays: 30,
      overdueFactor: 1.5,
      overdueMinPurchases: 3,
      periodGrain: 'month',
      cohortGrain: 'month',
      comparisonFlagThreshold: 0.2,
    });
  });

  it('round-trips custom values', () => {
    const input = {
      version: 1,
      behaviour: { aovBands: [0, 50, 200, 1000], periodGrain: 'week' },
      lifecycle: { lostDays: 60, cohortGrain: 'week', overdueFactor: 2 },
    };
    const first = parseConfig(input);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = parseConfig(JSON.parse(JSON.stringify(first.config)));
    expect(again).toEqual(first);
    expect(first.config.lifecycle.lostDays).toBe(60);
  });

  it.each([
    ['descending bands', { aovBands: [100, 0] }],
    ['repeated bands', { aovBands: [0, 0] }],
    ['negative band', { aovBands: [-1, 10] }],
    ['fractional days', { intervalBins: [1, 7.5] }],
    ['SQL in a grain', { periodGrain: "month'); DROP TABLE x; --" }],
    ['unknown key', { surprise: 1 }],
    ['empty windows', { secondPurchaseDays: [] }],
  ])('rejects %s in behaviour', (_, value) => {
    expect(v.safeParse(BehaviourConfigSchema, value).success).toBe(false);
  });

  it.each([
    ['zero lost days', { lostDays: 0 }],
    ['fractional lost days', { lostDays: 1.5 }],
    ['text factor', { overdueFactor: '1.5' }],
    ['infinite factor', { overdueFactor: Infinity }],
    ['daily cohorts', { cohortGrain: 'day' }],
  ])('rejects %s in lifecycle', (_, value) => {
    expect(v.safeParse(LifecycleConfigSchema, value).success).toBe(false);
  });
});

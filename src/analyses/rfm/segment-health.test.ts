import { describe, expect, it } from 'vitest';
import { presetConfig } from './presets.ts';
import { segmentHealth, segmentsNeedingPeriod } from './segment-health.ts';
import type { RfmSegment } from './rfm-config.ts';

const value5 = presetConfig('value5');
const counts = (pairs: Record<string, number>) =>
  Object.entries(pairs).map(([segment, customers]) => ({ segment, customers }));

describe('segment health (issue 12 item 7)', () => {
  it('value5: 低价值 (F = 1) needs a period; 流失风险 (F 2–5) does not', () => {
    expect(segmentsNeedingPeriod(value5)).toEqual(['low_value']);
    for (const id of ['cn8', 'tier3', 'intl11'] as const)
      expect(segmentsNeedingPeriod(presetConfig(id))).toEqual([]);
  });

  it('codes and OR rules: only when every way in needs F = 1', () => {
    const seg = (rule: RfmSegment['rule']): RfmSegment => ({
      id: 's',
      label: { 'zh-CN': 's', en: 's' },
      rule,
      action: { 'zh-CN': '', en: '' },
    });
    const needs = (rule: RfmSegment['rule']) =>
      segmentsNeedingPeriod({ cuts: value5.cuts, segments: [seg(rule)] });
    expect(needs({ codes: [111, 512] })).toEqual(['s']);
    expect(needs({ codes: [111, 521] })).toEqual([]);
    expect(needs({ ranges: { r: [1, 1], f: [1, 1] }, any: true })).toEqual([]);
    expect(needs({ ranges: { f: [1, 1] }, any: true })).toEqual(['s']);
    // A first F cut point above 1 (one order scores 1): nothing needs a period.
    const tier = { ...value5.cuts, f: { source: 'fixed' as const, points: [2, 5] } };
    expect(
      segmentsNeedingPeriod({ cuts: tier, segments: [seg({ ranges: { f: [1, 1] }, any: false })] }),
    ).toEqual([]);
  });

  it('warns: needs a period over the whole history, empty segments, other above 10 %', () => {
    const summary = counts({
      high_value: 5,
      churn_risk: 47,
      mid_potential: 30,
      general: 0,
      low_value: 0,
      other: 12,
    });
    expect(segmentHealth({ ...value5, window: { kind: 'all' } }, summary)).toEqual([
      { kind: 'empty', segment: 'general' },
      { kind: 'needs_period', segment: 'low_value' },
      { kind: 'other_high', share: 12 / 94 },
    ]);
    // With a period low_value is an ordinary segment (empty here); exactly 10 % is not "more than".
    const withPeriod = counts({
      high_value: 5,
      churn_risk: 40,
      mid_potential: 30,
      general: 5,
      low_value: 10,
      other: 10,
    });
    expect(segmentHealth({ ...value5, window: { kind: 'lastMonths', months: 6 } }, withPeriod)).toEqual([]);
    expect(segmentHealth({ ...value5, window: { kind: 'all' } }, [])).toEqual([
      { kind: 'needs_period', segment: 'low_value' },
    ]);
  });
});

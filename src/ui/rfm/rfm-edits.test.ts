import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../analyses/rfm/presets.ts';
import { analyzeSegmentRules } from '../../analyses/rfm/segment-rules.ts';
import {
  addSegment,
  moveSegment,
  parseCodes,
  patchSegment,
  removeSegment,
  toCodesRule,
  toRangesRule,
  withRange,
} from './segment-edits.ts';
import { parseCutPoints, switchSource, usesQuantiles, withLevels } from './cut-edits.ts';
import { parseRfmConfig } from '../../analyses/rfm/rfm-config.ts';
import { scoreBins } from './cut-text.ts';

const grid = { r: 5, f: 5, m: 5 };
const label = (n: number) => ({ 'zh-CN': `新分群 ${n}`, en: `New segment ${n}` });

describe('segment edits', () => {
  it('adds a segment with a free id that collects the rest of the grid', () => {
    const base = presetConfig('value5').segments;
    const added = addSegment(addSegment(base, grid, label), grid, label);
    expect(added.map((s) => s.id).slice(-2)).toEqual(['segment_1', 'segment_2']);
    expect(added.at(-1)!.label.en).toBe('New segment 2');
    // value5 leaves cells to `other`; the first new catch-all takes them, the second is shadowed.
    const issues = analyzeSegmentRules(added, grid).issues;
    expect(issues.find((i) => i.segment === 'segment_2')?.kind).toBe('shadowed');
    expect(analyzeSegmentRules(added, grid).cellsWon.other).toBe(0);
  });

  it('moves, renames and removes', () => {
    const base = presetConfig('value5').segments;
    const ids = (s: { id: string }[]) => s.map((x) => x.id);
    expect(ids(moveSegment(base, 'churn_risk', -1)).slice(0, 2)).toEqual(['churn_risk', 'high_value']);
    expect(moveSegment(base, 'high_value', -1)).toEqual(base);
    expect(moveSegment(base, 'low_value', 1)).toEqual(base);
    const renamed = patchSegment(base, 'general', (s) => ({ ...s, label: { ...s.label, en: 'Plain' } }));
    expect(renamed.find((s) => s.id === 'general')!.label).toEqual({ 'zh-CN': '一般客户', en: 'Plain' });
    expect(ids(removeSegment(base, 'general'))).not.toContain('general');
  });

  it('edits ranges and converts between ranges and code lists', () => {
    const rule = withRange({ ranges: { r: [4, 5] }, any: false }, 'f', [5, 4]);
    expect(rule).toEqual({ ranges: { r: [4, 5], f: [4, 5] }, any: false });
    expect(withRange(rule, 'r', null)).toEqual({ ranges: { f: [4, 5] }, any: false });
    const codes = toCodesRule(rule, { r: 5, f: 5, m: 2 });
    expect(codes).toEqual({ codes: [441, 442, 451, 452, 541, 542, 551, 552] });
    expect(toRangesRule(codes, grid)).toEqual({ ranges: { r: [4, 5], f: [4, 5], m: [1, 2] }, any: false });
    expect(toRangesRule({ codes: [] }, { r: 2, f: 2, m: 2 })).toEqual({
      ranges: { r: [1, 2], f: [1, 2], m: [1, 2] },
      any: false,
    });
  });

  it('parses code lists and names the bad tokens', () => {
    expect(parseCodes('555, 554、545 555')).toEqual({ ok: true, codes: [555, 554, 545] });
    expect(parseCodes('')).toEqual({ ok: true, codes: [] });
    expect(parseCodes('555, 505, 55, abc')).toEqual({ ok: false, bad: ['505', '55', 'abc'] });
  });
});

describe('cut point edits', () => {
  it('parses ascending cut points and explains mistakes', () => {
    expect(parseCutPoints('31, 61 91，181')).toEqual({ ok: true, points: [31, 61, 91, 181] });
    expect(parseCutPoints('0.5, 2.25')).toEqual({ ok: true, points: [0.5, 2.25] });
    expect(parseCutPoints(' ')).toEqual({ ok: false, reason: 'empty' });
    // As marketers write them: slashes, and from the top score down (put in order, and said so).
    expect(parseCutPoints('30/60/90/180')).toEqual({ ok: true, points: [30, 60, 90, 180] });
    expect(parseCutPoints('10/5/3/1')).toEqual({ ok: true, points: [1, 3, 5, 10], reversed: true });
    expect(parseCutPoints('10, 5')).toEqual({ ok: true, points: [5, 10], reversed: true });
    expect(parseCutPoints('10, 5, 7')).toEqual({ ok: false, reason: 'ascending' });
    expect(parseCutPoints('10, 10')).toEqual({ ok: false, reason: 'ascending' });
    expect(parseCutPoints('1e3')).toEqual({ ok: false, reason: 'number' });
    expect(parseCutPoints('1 2 3 4 5 6 7 8 9')).toEqual({ ok: false, reason: 'too_many' });
  });

  it('switches sources keeping what can be kept', () => {
    const inUse = { cuts: [2, 2, 3, 7.004], source: 'quantile' as const, comparison: null, basis: null };
    expect(switchSource({ source: 'quantile', levels: 5 }, 'fixed', inUse)).toEqual({
      source: 'fixed',
      points: [2, 3, 7],
    });
    const mean = { cuts: [], source: 'mean' as const, comparison: 3.456, basis: 'values' as const };
    expect(
      switchSource(
        { source: 'mean', basis: 'values', base: { source: 'quantile', levels: 5 } },
        'fixed',
        mean,
      ),
    ).toEqual({ source: 'fixed', points: [3.46] });
    expect(switchSource({ source: 'fixed', points: [1, 2] }, 'quantile', null)).toEqual({
      source: 'quantile',
      levels: 3,
    });
    expect(
      switchSource(
        { source: 'mean', basis: 'scores', base: { source: 'quantile', levels: 5 } },
        'median',
        null,
      ),
    ).toEqual({ source: 'median', basis: 'scores', base: { source: 'quantile', levels: 5 } });
    expect(switchSource({ source: 'fixed', points: [1] }, 'mean', null)).toEqual({
      source: 'mean',
      basis: 'values',
      base: { source: 'quantile', levels: 5 },
    });
    expect(withLevels({ source: 'quantile', levels: 5 }, 12)).toEqual({ source: 'quantile', levels: 9 });
    expect(withLevels({ source: 'fixed', points: [1] }, 3)).toEqual({ source: 'fixed', points: [1] });
  });
});

describe('score bins text', () => {
  it('reverses recency and skips empty bins of tied cut points', () => {
    const fmt = (n: number) => String(n);
    expect(scoreBins('r', [31, 61], fmt)).toEqual([
      { score: 3, range: '< 31' },
      { score: 2, range: '31 – < 61' },
      { score: 1, range: '≥ 61' },
    ]);
    expect(scoreBins('f', [2, 2, 5], fmt)).toEqual([
      { score: 4, range: '≥ 5' },
      { score: 3, range: '2 – < 5' },
      { score: 1, range: '< 2' },
    ]);
  });

  it('reads whole-number bins with both ends included, so the value at a cut point shows its bin', () => {
    const fmt = (n: number) => String(n);
    // R cuts 30/60/90/180: a customer idle exactly 30 days scores 4 ([30, 60) → "30–59").
    expect(scoreBins('r', [30, 60, 90, 180], fmt, true)).toEqual([
      { score: 5, range: '≤ 29' },
      { score: 4, range: '30–59' },
      { score: 3, range: '60–89' },
      { score: 2, range: '90–179' },
      { score: 1, range: '≥ 180' },
    ]);
    expect(scoreBins('f', [2, 3], fmt, true).map((b) => b.range)).toEqual(['≥ 3', '2', '≤ 1']);
    // A fractional cut (a quantile) keeps the half-open form.
    expect(scoreBins('f', [1.5], fmt, true).map((b) => b.range)).toEqual(['≥ 1.5', '< 1.5']);
  });
});

describe('quantile method', () => {
  it('is offered when a dimension (or the base of 1..k scores) uses quantiles', () => {
    expect(usesQuantiles(presetConfig('value5').cuts)).toBe(false);
    expect(usesQuantiles(presetConfig('intl11').cuts)).toBe(true);
    expect(usesQuantiles(presetConfig('cn8').cuts)).toBe(false);
    expect(
      usesQuantiles(presetConfig('cn8', { compare: 'mean', basis: 'scores', naming: 'default' }).cuts),
    ).toBe(true);
  });

  it('an old config without quantileMethod gets the new default; hostile values are refused', () => {
    const old = parseRfmConfig({ preset: 'intl11' });
    expect(old.ok && old.value.quantileMethod).toBe('interpolated');
    const chosen = parseRfmConfig({ preset: 'intl11', quantileMethod: 'discrete' });
    expect(chosen.ok && chosen.value.quantileMethod).toBe('discrete');
    const bad = parseRfmConfig({ quantileMethod: "x'); DROP TABLE t; --" });
    expect(bad.ok).toBe(false);
  });
});

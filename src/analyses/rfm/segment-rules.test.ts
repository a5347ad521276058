import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRESETS, presetConfig } from './presets.ts';
import { parseRfmConfig, type RfmSegment } from './rfm-config.ts';
import { analyzeSegmentRules, assignSegment, gridOf, segmentCountsFromCells } from './segment-rules.ts';

type Ranges = { r?: [number, number]; f?: [number, number]; m?: [number, number] };
const seg = (id: string, rule: { ranges: Ranges; any?: boolean } | { codes: number[] }): RfmSegment => ({
  id,
  label: { 'zh-CN': `${id}组`, en: id },
  rule: 'codes' in rule ? rule : { ranges: rule.ranges, any: rule.any ?? false },
  action: { 'zh-CN': '', en: '' },
});
const grid5 = { r: 5, f: 5, m: 5 };

describe('assignSegment', () => {
  it('first match wins; OR rules; unmatched → other', () => {
    const rules = [
      seg('top', { ranges: { r: [4, 5], f: [4, 5] }, any: false }),
      seg('either', { ranges: { r: [5, 5], m: [5, 5] }, any: true }),
      seg('code', { codes: [111] }),
    ];
    expect(assignSegment(rules, { r: 5, f: 5, m: 1 })).toBe('top');
    expect(assignSegment(rules, { r: 5, f: 1, m: 1 })).toBe('either');
    expect(assignSegment(rules, { r: 1, f: 1, m: 5 })).toBe('either');
    expect(assignSegment(rules, { r: 1, f: 1, m: 1 })).toBe('code');
    expect(assignSegment(rules, { r: 2, f: 2, m: 2 })).toBe('other');
  });

  it('value5 follows the issue text', () => {
    const s = presetConfig('value5').segments;
    expect(assignSegment(s, { r: 4, f: 4, m: 4 })).toBe('high_value');
    expect(assignSegment(s, { r: 1, f: 5, m: 5 })).toBe('churn_risk');
    expect(assignSegment(s, { r: 1, f: 1, m: 3 })).toBe('mid_potential');
    expect(assignSegment(s, { r: 2, f: 2, m: 2 })).toBe('general');
    expect(assignSegment(s, { r: 1, f: 1, m: 1 })).toBe('low_value');
    expect(assignSegment(s, { r: 2, f: 1, m: 1 })).toBe('other');
  });
});

describe('analyzeSegmentRules', () => {
  it('flags shadowed, impossible and overlapping rules with readable messages', () => {
    const rules = [
      seg('wide', { ranges: { r: [3, 5] }, any: false }),
      seg('inside', { ranges: { r: [4, 5], f: [5, 5] }, any: false }),
      seg('beyond', { ranges: { r: [6, 9] }, any: false }),
      seg('partial', { ranges: { r: [2, 3], f: [1, 1] }, any: false }),
      seg('none', { ranges: {}, any: true }),
    ];
    const a = analyzeSegmentRules(rules, grid5);
    expect(a.issues.map((i) => [i.kind, i.segment, i.by, i.cells])).toEqual([
      ['shadowed', 'inside', ['wide'], 10],
      ['never_matches', 'beyond', undefined, 0],
      ['overlap', 'partial', ['wide'], 5],
      ['never_matches', 'none', undefined, 0],
      ['unmatched_cells', undefined, undefined, 45],
    ]);
    expect(a.issues[0]!.message.en).toBe(
      'Rule “inside” never applies: all 10 of its score combinations are taken by earlier rules “wide”.',
    );
    expect(a.issues[0]!.message['zh-CN']).toContain('“inside组”');
    expect(a.cellsWon).toMatchObject({ wide: 75, inside: 0, partial: 5, other: 45 });
    expect(a.unmatchedCodes).toContain(111);
  });

  it('codes outside a two-level grid never match', () => {
    const a = analyzeSegmentRules([seg('x', { codes: [555] }), seg('y', { codes: [222] })], {
      r: 2,
      f: 2,
      m: 2,
    });
    expect(a.issues.map((i) => i.kind)).toEqual(['never_matches', 'unmatched_cells']);
  });

  it('the built-in presets have no unreachable rule; cn8 and intl11 partition their grids', () => {
    for (const id of BUILT_IN_PRESETS) {
      const p = presetConfig(id);
      const a = analyzeSegmentRules(p.segments, gridOf(p.cuts));
      expect(
        a.issues.filter((i) => i.severity === 'warning'),
        id,
      ).toEqual([]);
      if (id === 'cn8' || id === 'intl11' || id === 'tier3') expect(a.unmatchedCodes, id).toEqual([]);
    }
    const intl = presetConfig('intl11').segments;
    expect(intl.flatMap((s) => ('codes' in s.rule ? s.rule.codes : [])).length).toBe(125);
  });

  it('the R package vignette rules: shadowed and overlapping rules are reported', () => {
    // rfm_segment vignette order: Potential Loyalist (R3-5 F3-5 M2-5) precedes Loyal Customers etc.
    const rules = [
      seg('champions', { ranges: { r: [5, 5], f: [5, 5], m: [5, 5] } }),
      seg('potential_loyalist', { ranges: { r: [3, 5], f: [3, 5], m: [2, 5] } }),
      seg('loyal', { ranges: { r: [2, 4], f: [2, 4], m: [2, 4] } }),
    ];
    const a = analyzeSegmentRules(rules, grid5);
    expect(a.issues.filter((i) => i.kind === 'overlap').map((i) => i.segment)).toEqual([
      'potential_loyalist',
      'loyal',
    ]);
  });
});

describe('segmentCountsFromCells', () => {
  it('adds cell counts up per segment in rule order, other last', () => {
    const rules = [seg('a', { codes: [555] }), seg('b', { ranges: { r: [5, 5] } })];
    const counts = segmentCountsFromCells(rules, [
      { r: 5, f: 5, m: 5, customers: 2, orders: 10, revenue: 100 },
      { r: 5, f: 1, m: 1, customers: 3, orders: 3, revenue: 30 },
      { r: 1, f: 1, m: 1, customers: 4, orders: 4, revenue: 4 },
    ]);
    expect(counts).toEqual([
      { segment: 'a', customers: 2, orders: 10, revenue: 100 },
      { segment: 'b', customers: 3, orders: 3, revenue: 30 },
      { segment: 'other', customers: 4, orders: 4, revenue: 4 },
    ]);
  });
});

describe('parseRfmConfig', () => {
  it('fills cuts and segments from the preset and round-trips', () => {
    const r = parseRfmConfig({ preset: 'cn8', cn8: { naming: 'vecdp' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.cuts.r).toEqual({
      source: 'mean',
      basis: 'values',
      base: { source: 'quantile', levels: 5 },
    });
    expect(r.value.segments[7]!.label['zh-CN']).toBe('流失客户');
    const again = parseRfmConfig(JSON.parse(JSON.stringify(r.value)));
    expect(again).toEqual(r);
    const d = parseRfmConfig({});
    expect(d.ok && [d.value.preset, d.value.window, d.value.monetary, d.value.segments.length]).toEqual([
      undefined,
      { kind: 'all' },
      'sum',
      5,
    ]);
  });

  it('returns readable issues for hostile or wrong input', () => {
    const bad = parseRfmConfig({
      asOf: '2024-02-30',
      window: { kind: 'range', from: '2024-05-01', to: '2024-01-01' },
      cuts: {
        r: { source: 'fixed', points: [10, 5] },
        f: { source: 'quantile', levels: 12 },
        m: { source: 'fixed', points: [1] },
      },
      segments: [
        { id: 'Robert"); DROP', label: { 'zh-CN': 'x', en: 'x' }, rule: { codes: [101] } },
        { id: 'other', label: { 'zh-CN': 'x', en: 'x' }, rule: { ranges: { r: [3, 2] } } },
      ],
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const text = bad.issues.join('\n');
    for (const part of [
      'asOf',
      'the range starts after it ends',
      'cut points must be strictly ascending',
      'cuts.f.levels',
      'segments.0.id',
      'an RFM code has three digits 1–9',
      'reserved',
      'range minimum above its maximum',
    ]) {
      expect(text).toContain(part);
    }
    expect(parseRfmConfig({ segments: [seg('a', { codes: [] }), seg('a', { codes: [] })] }).ok).toBe(false);
    expect(parseRfmConfig({ unknown: 1 }).ok).toBe(false);
  });
});

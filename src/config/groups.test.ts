/** Saved customer groups travel with the config (issues 14–16): definitions only, validated, capped. */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from './parse-config.ts';
import { buildShareUrl, decodeShareFragment } from './share-codec.ts';
import { parseConfigFile, serializeConfigFile } from './config-file.ts';
import type { AnalysisConfig } from './schema.ts';
import { MAX_GROUPS, type CustomerGroup } from './groups.ts';

const groups: CustomerGroup[] = [
  {
    id: 'g-funnel',
    name: '第 3 步流失',
    source: { kind: 'funnel-drop', step: 3, basis: { steps: ['浏览', '加购', '下单'], windowDays: 7 } },
  },
  {
    id: 'g-cluster',
    name: 'Cluster 2',
    source: {
      kind: 'cluster',
      cluster: 2,
      basis: { k: null, seed: 42, nInit: 10, features: ['recency', 'frequency', 'monetary'], log1p: true },
    },
  },
  {
    id: 'g-clv',
    name: '可能流失但有价值',
    source: {
      kind: 'clv',
      list: 'valuable-churned',
      basis: { timeUnit: 'week', calibrationEnd: null, horizonDays: 90 },
    },
  },
  {
    id: 'g-rfm',
    name: 'At risk',
    source: { kind: 'rfm-segment', segment: 'at_risk', basis: { preset: 'value5' } },
  },
  { id: 'g-hvr', name: '高价值流失风险', source: { kind: 'high-value-at-risk', basis: { preset: 'cn8' } } },
];
const config: AnalysisConfig = { ...defaultConfig(), groups };
const parse = (g: unknown) => parseConfigFile(JSON.stringify({ ...defaultConfig(), groups: g }));

describe('customer groups in the config', () => {
  it('default to none and survive a share link and a config file round trip', () => {
    expect(defaultConfig().groups).toEqual([]);
    const url = buildShareUrl('https://example.test/app/', config);
    const fromLink = decodeShareFragment(new URL(url).hash);
    expect(fromLink.ok && fromLink.config.groups).toEqual(groups);
    const fromFile = parseConfigFile(serializeConfigFile(config));
    expect(fromFile.ok && fromFile.config).toEqual(config);
  });

  it('hold a definition, never customer ids', () => {
    const withIds = parse([{ ...groups[0], customers: ['13812345678'] }]);
    expect(withIds.ok).toBe(false);
    if (!withIds.ok) expect(withIds.issues.map((i) => i.path)).toContain('groups.0.customers');
  });

  it('refuse hostile or broken groups with a message', () => {
    const refused = (g: unknown) => {
      const r = parse([g]);
      if (!r.ok) expect(r.issues[0]!.message.length).toBeGreaterThan(0);
      return !r.ok;
    };
    expect(refused({ ...groups[0], id: '<img src=x>' })).toBe(true);
    expect(refused({ ...groups[0], name: '' })).toBe(true);
    expect(refused({ ...groups[0], name: 'x'.repeat(101) })).toBe(true);
    expect(refused({ ...groups[0], name: 'a\u0000b' })).toBe(true);
    expect(refused({ ...groups[0], source: { kind: 'sql', query: 'DROP TABLE x' } })).toBe(true);
    expect(refused({ ...groups[0], source: { ...groups[0]!.source, step: 1 } })).toBe(true);
    expect(
      refused({
        ...groups[3],
        source: { kind: 'rfm-segment', segment: "x'; --", basis: { preset: 'value5' } },
      }),
    ).toBe(true);
    expect(refused({ ...groups[2], source: { ...groups[2]!.source, list: 'everyone' } })).toBe(true);
    expect(refused(groups[1])).toBe(false);
    // Duplicate ids and more than MAX_GROUPS groups.
    expect(parse([groups[0], groups[0]]).ok).toBe(false);
    const many = Array.from({ length: MAX_GROUPS + 1 }, (_, i) => ({ ...groups[4], id: `g${i}` }));
    expect(parse(many).ok).toBe(false);
    expect(parse(many.slice(0, MAX_GROUPS)).ok).toBe(true);
  });
});

describe('the config summary', () => {
  it('counts saved groups instead of calling their fields changed settings', async () => {
    const { summarizeConfig } = await import('./summary.ts');
    expect(summarizeConfig(config, 'en')).toContain('5 customer group(s)');
    expect(summarizeConfig(config, 'en')).not.toMatch(/changed/);
    expect(summarizeConfig(config, 'zh-CN')).toContain('5 个客户群');
  });
});

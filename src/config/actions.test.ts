/** The action plan travels with the config (issue 17): share link and config file, no customer data. */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from './parse-config.ts';
import { buildShareUrl, decodeShareFragment } from './share-codec.ts';
import { parseConfigFile, serializeConfigFile } from './config-file.ts';
import type { AnalysisConfig } from './schema.ts';
import type { Action } from './actions.ts';

const action: Action = {
  id: 'seg-at_risk',
  problem: '重要挽留客户：38 位',
  cause: '超过平均复购周期 2 倍未购买',
  solution: '发放召回券，短信 + 企业微信',
  owner: '运营 · 小王',
  due: '2024-08-01',
  status: 'doing',
  kpi: { id: 'rfm.segment.at_risk', label: '', baseline: 38, baselineDate: '2024-06-30' },
  fromFinding: null,
};
const config: AnalysisConfig = { ...defaultConfig(), actions: [action] };

describe('actions in the config', () => {
  it('survive a share link round trip', () => {
    const url = buildShareUrl('https://example.test/app/', config);
    const parsed = decodeShareFragment(new URL(url).hash);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.config.actions).toEqual([action]);
  });

  it('survive a config file round trip, and hold only what the user wrote (no data rows)', () => {
    const text = serializeConfigFile(config);
    const parsed = parseConfigFile(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.config).toEqual(config);
    expect(Object.keys(JSON.parse(text).actions[0]).sort()).toEqual(
      ['cause', 'due', 'fromFinding', 'id', 'kpi', 'owner', 'problem', 'solution', 'status'].sort(),
    );
  });

  it('refuses a hostile action (unknown key, bad id, bad status) with a message', () => {
    const bad = (a: unknown) => parseConfigFile(JSON.stringify({ ...defaultConfig(), actions: [a] })).ok;
    expect(bad({ ...action, customers: ['13812345678'] })).toBe(false);
    expect(bad({ ...action, id: '<img>' })).toBe(false);
    expect(bad({ ...action, status: 'rm -rf' })).toBe(false);
    expect(bad(action)).toBe(true);
  });
});

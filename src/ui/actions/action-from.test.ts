import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ActionSchema } from '../../config/actions.ts';
import type { Finding } from '../../analyses/findings/finding.ts';
import {
  actionFromFinding,
  actionFromSegment,
  actionId,
  blankAction,
  uniqueActionId,
} from './action-from.ts';

const finding: Finding = {
  id: 'rfm.repurchase_drop.高价值',
  module: 'rfm',
  kind: 'risk',
  score: 72,
  text: {
    'zh-CN': '高价值客户贡献 61% 营收，但近 30 天复购率较上月下降 15 个百分点',
    en: 'High-value customers bring 61% of revenue, but their 30-day repurchase rate fell 15 points',
  },
  title: { 'zh-CN': '高价值客户复购下降', en: 'High-value repurchase falling' },
  numbers: { segment: 'champions', share: 0.61, drop: -0.15 },
  period: { from: '2024-05-01', to: '2024-05-31', compareFrom: '2024-04-01', compareTo: '2024-04-30' },
  link: { section: 'rfm', view: { segment: 'champions' } },
};

describe('actionFromFinding', () => {
  it('prefills problem, cause and the first numeric evidence as the KPI baseline (zh-CN and en)', () => {
    const zh = actionFromFinding(finding, 'zh-CN');
    expect(zh).toMatchObject({
      problem: '高价值客户复购下降',
      cause: '来自结论：高价值客户贡献 61% 营收，但近 30 天复购率较上月下降 15 个百分点',
      status: 'todo',
      kpi: { id: 'share', baseline: 0.61, baselineDate: '2024-05-31' },
      fromFinding: 'rfm.repurchase_drop.高价值',
    });
    // The id keeps to the schema's characters; the action parses as the config stores it.
    expect(zh.id).toBe('f-rfm.repurchase_drop');
    expect(v.parse(ActionSchema, zh)).toEqual(zh);
    const en = actionFromFinding(finding, 'en', { id: 'a1' });
    expect(en.id).toBe('a1');
    expect(en.problem).toBe('High-value repurchase falling');
    expect(en.cause).toContain('From the finding: High-value customers');
  });

  it('has no KPI when the finding has no number, and falls back to the sentence without a title', () => {
    const a = actionFromFinding(
      { ...finding, numbers: { segment: 'x', n: null }, title: { 'zh-CN': '', en: '' }, period: undefined },
      'en',
    );
    expect(a.kpi).toBeNull();
    expect(a.problem).toBe(finding.text.en);
    expect(v.safeParse(ActionSchema, a).success).toBe(true);
  });

  it('clips long text to the schema limits', () => {
    const long = 'x'.repeat(5000);
    const a = actionFromFinding({ ...finding, title: { 'zh-CN': long, en: long } }, 'en');
    expect(a.problem).toHaveLength(2000);
    expect(v.safeParse(ActionSchema, a).success).toBe(true);
  });
});

describe('actionFromSegment and ids', () => {
  it('uses the segment size as the KPI baseline and its recommended action as the solution', () => {
    const seg = {
      id: 'at_risk',
      label: { 'zh-CN': '重要挽留', en: 'At risk' },
      action: { 'zh-CN': '发召回券', en: 'Send a win-back coupon' },
    };
    const a = actionFromSegment(seg, 38, 'zh-CN', { today: '2024-06-30' });
    expect(a).toMatchObject({
      id: 'seg-at_risk',
      problem: '重要挽留：38 位客户',
      solution: '发召回券',
      kpi: { id: 'rfm.segment.at_risk', baseline: 38, baselineDate: '2024-06-30' },
    });
    expect(actionFromSegment(seg, null, 'en').problem).toBe('At risk');
    expect(v.safeParse(ActionSchema, a).success).toBe(true);
  });

  it('makes ids the schema accepts, unique among the taken ones', () => {
    expect(actionId('<script> 行动!')).toBe('script');
    expect(actionId('中文')).toBe('action');
    expect(uniqueActionId('seg-x', ['seg-x', 'seg-x-2'])).toBe('seg-x-3');
    expect(v.safeParse(ActionSchema, { ...blankAction('a'), problem: 'p' }).success).toBe(true);
  });
});

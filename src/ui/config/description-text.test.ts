import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/parse-config.ts';
import { describeConfig } from '../../config/summary.ts';
import type { AnalysisConfig } from '../../config/schema.ts';
import { translate, type Locale, type MessageKey } from '../../i18n/i18n.ts';
import {
  rfmPresetText,
  rfmSegmentLines,
  roleLabel,
  settingLabel,
  settingValueText,
  visibleSettings,
} from './description-text.ts';

function config(input: Record<string, unknown>): AnalysisConfig {
  const result = parseConfig({ version: 1, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.config;
}
const t = (locale: Locale) => (key: MessageKey, params?: Record<string, string | number>) =>
  translate(locale, key, params);

describe('config description text', () => {
  it('labels known settings and translates their values; unknown paths stay as written', () => {
    const c = config({
      cleaning: {
        dropExactDuplicates: false,
        maxAmount: 5000,
        statusRules: { purchaseStatuses: ['paid', 'completed'] },
      },
    });
    const settings = visibleSettings(describeConfig(c));
    const rows = settings.map((s) => [settingLabel(t('en'), s.path), settingValueText(t('en'), s)]);
    expect(rows).toEqual([
      ['Drop exact duplicate rows (overlapping exports)', 'no'],
      ['Order statuses that count as purchases', 'Paid, Completed'],
      ['cleaning.maxAmount', '5000'],
    ]);
    const zh = settings.map((s) => settingValueText(t('zh-CN'), s));
    expect(zh).toEqual(['否', '已付款, 交易成功', '5000']);
  });

  it('shows presets and segments in their own blocks, not as settings', () => {
    const c = config({
      rfm: {
        preset: 'value5',
        segments: [
          {
            id: 'vip',
            label: { 'zh-CN': '<b>贵宾</b>', en: 'VIP' },
            rule: { codes: [555] },
            action: { 'zh-CN': '', en: 'Call them' },
          },
        ],
      },
    });
    expect(visibleSettings(describeConfig(c))).toEqual([]);
    expect(rfmSegmentLines(c, 'zh-CN')).toEqual([{ label: '<b>贵宾</b>', action: '' }]);
    expect(rfmSegmentLines(c, 'en')).toEqual([{ label: 'VIP', action: 'Call them' }]);
    expect(rfmPresetText(c, 'en', t('en'))).toBe('RFM: Five-level value model (fixed thresholds)');
  });

  it('names the implicit default preset and lists its segments', () => {
    const c = config({});
    expect(rfmPresetText(c, 'en', t('en'))).toBe('RFM: Five-level value model (fixed thresholds) (default)');
    expect(rfmSegmentLines(c, 'en').map((s) => s.label)).toContain('High value');
  });

  it('falls back to the raw role name for roles without a message', () => {
    expect(roleLabel(t('en'), 'customer_id')).toBe('Customer id');
    expect(roleLabel(t('en'), 'no_such_role')).toBe('no_such_role');
  });
});

describe('RFM settings in words (issue 18)', () => {
  it('says "R 分档：按平均值", not rfm.cuts.r.source mean', () => {
    const c = config({
      rfm: {
        monetary: 'aov',
        cuts: {
          r: { source: 'mean' },
          f: { source: 'fixed', points: [2, 3, 5, 10] },
          m: { source: 'quantile', levels: 4 },
        },
      },
      view: { maskPii: false },
    });
    const settings = visibleSettings(describeConfig(c));
    const rows = (l: Locale) =>
      Object.fromEntries(settings.map((s) => [settingLabel(t(l), s.path), settingValueText(t(l), s)]));
    const zh = rows('zh-CN');
    expect(zh['R 分档']).toBe('按平均值');
    expect(zh['F 分档']).toBe('固定阈值');
    expect(zh['F 阈值']).toBe('2, 3, 5, 10');
    expect(zh['M 分档']).toBe('按分位数');
    expect(zh['M 的口径']).toBe('客单价');
    expect(zh['个人信息脱敏']).toBe('否');
    const en = rows('en');
    expect(en['R bins']).toBe('by the mean');
    expect(en['M measured as']).toBe('average order value');
    for (const l of ['zh-CN', 'en'] as const)
      expect(Object.keys(rows(l)).filter((k) => /^(rfm|view)\./.test(k))).toEqual([]);
  });
});

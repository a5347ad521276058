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

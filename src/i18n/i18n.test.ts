import { describe, expect, it } from 'vitest';
import { formatCompact, formatInteger, formatPercent } from './format.ts';
import { localeFromLanguages, translate } from './i18n.ts';
import * as i18n from './i18n.ts';

describe('messages', () => {
  it('has every key in both languages with the same placeholders', async () => {
    const modules = import.meta.glob('./messages/*.ts', { eager: true }) as Record<
      string,
      Record<string, unknown>
    >;
    const problems: string[] = [];
    for (const [file, mod] of Object.entries(modules)) {
      for (const exported of Object.values(mod)) {
        if (typeof exported !== 'object' || exported === null) continue;
        for (const [key, message] of Object.entries(
          exported as Record<string, { 'zh-CN': string; en: string }>,
        )) {
          const zh = message['zh-CN'];
          const en = message.en;
          if (!zh?.trim() || !en?.trim()) problems.push(`${file} ${key}: empty`);
          const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
          if (JSON.stringify(params(zh ?? '')) !== JSON.stringify(params(en ?? '')))
            problems.push(`${file} ${key}: placeholders differ`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('translates with parameters and picks the locale from browser languages', () => {
    expect(translate('en', 'error.empty_file', { name: 'a.csv' })).toBe('The file “a.csv” is empty.');
    expect(localeFromLanguages(['zh-TW', 'en'])).toBe('zh-CN');
    expect(localeFromLanguages(['fr-FR', 'en-GB'])).toBe('en');
    expect(localeFromLanguages(['fr-FR'])).toBe('en');
    expect(typeof i18n.hasMessage).toBe('function');
  });
});

describe('number formats', () => {
  it('uses 万/亿 in Chinese and separators in English', () => {
    expect(formatCompact('zh-CN', 123456)).toBe('12.35万');
    expect(formatCompact('zh-CN', 3.2e8)).toBe('3.2亿');
    expect(formatCompact('zh-CN', 999)).toBe('999');
    expect(formatCompact('en', 12345.678)).toBe('12,345.68');
    expect(formatCompact('en', 2_500_000)).toBe('2.5M');
    expect(formatInteger('en', 1234567)).toBe('1,234,567');
    expect(formatPercent('en', 0.1234)).toBe('12.3%');
  });
});

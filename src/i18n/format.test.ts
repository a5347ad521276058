import { describe, expect, it } from 'vitest';
import { formatMoney } from './format.ts';

describe('formatMoney (issue 12 item 3)', () => {
  it('yuan: 万/亿 in zh with ¥, separators in en', () => {
    expect(formatMoney('zh-CN', 18600, 'CNY')).toBe('¥1.86万');
    expect(formatMoney('zh-CN', 450_000_000, 'CNY')).toBe('¥4.5亿');
    expect(formatMoney('en', 18600, 'CNY')).toBe('¥18,600');
  });

  it('other currencies: their symbol, never 万 (USD revenue was shown as 1.86万)', () => {
    expect(formatMoney('zh-CN', 18600, 'USD')).toBe('$18,600');
    expect(formatMoney('en', 18600.5, 'USD')).toBe('$18,600.5');
    expect(formatMoney('en', 1234, 'GBP')).toBe('£1,234');
    expect(formatMoney('zh-CN', 1234, 'EUR')).toBe('€1,234');
    expect(formatMoney('en', 2_500_000, 'USD')).toBe('$2.5M');
    expect(formatMoney('en', -12, 'HKD')).toBe('-HK$12');
  });

  it('unknown currency: the number alone', () => {
    expect(formatMoney('zh-CN', 18600, null)).toBe('1.86万');
    expect(formatMoney('en', 18600, undefined)).toBe('18,600');
  });
});

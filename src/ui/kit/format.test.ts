import { describe, expect, it } from 'vitest';
import { discountRate } from './format.ts';

// Issue 12 item 9: the discount the Chinese way in zh, "not in the data" for NULL.
describe('discountRate', () => {
  it.each([
    [0.98, '9.8折', '98.0%'],
    [0.8, '8折', '80.0%'],
    [0.853, '8.5折', '85.3%'],
    [1, '原价', '100.0%'],
    [0.9996, '原价', '100.0%'],
  ])('%s → %s / %s', (v, zh, en) => {
    expect(discountRate('zh-CN', v)).toBe(zh);
    expect(discountRate('en', v).replace(/\s/g, '')).toBe(en);
  });

  it('shows the missing text for NULL', () => {
    expect(discountRate('zh-CN', null, '数据中没有')).toBe('数据中没有');
    expect(discountRate('en', undefined)).toBe('—');
  });
});

import { describe, expect, it } from 'vitest';
import { currencyMismatch } from './comparison-currency.ts';

describe('currencyMismatch', () => {
  it('is silent when both datasets are in the same currency or neither is detected', () => {
    expect(currencyMismatch('CNY', 'CNY')).toBeNull();
    expect(currencyMismatch(null, null)).toBeNull();
  });
  it('names both currencies when they differ, or when only one is detected', () => {
    expect(currencyMismatch('CNY', 'USD')).toEqual({ main: 'CNY', other: 'USD' });
    expect(currencyMismatch('GBP', null)).toEqual({ main: 'GBP', other: null });
  });
});

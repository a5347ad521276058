import { describe, expect, it } from 'vitest';
import { currencyOfToken } from './currency.ts';
import { decideCurrency } from './detect-currency.ts';

describe('currencyOfToken', () => {
  it('reads codes, symbols and Chinese names, case-insensitively', () => {
    expect(currencyOfToken('usd')).toBe('USD');
    expect(currencyOfToken(' US$ ')).toBe('USD');
    expect(currencyOfToken('$')).toBe('USD');
    expect(currencyOfToken('¥')).toBe('CNY');
    expect(currencyOfToken('￥')).toBe('CNY');
    expect(currencyOfToken('RMB')).toBe('CNY');
    expect(currencyOfToken('人民币')).toBe('CNY');
    expect(currencyOfToken('£')).toBe('GBP');
    expect(currencyOfToken('€')).toBe('EUR');
    expect(currencyOfToken('HK$')).toBe('HKD');
    expect(currencyOfToken('円')).toBe('JPY');
    expect(currencyOfToken('XYZ')).toBeNull();
    expect(currencyOfToken('')).toBeNull();
  });
});

describe('decideCurrency', () => {
  it('takes the currency column first (Shopify exports have one)', () => {
    const d = decideCurrency({
      configured: 'auto',
      column: [{ raw: 'USD', rows: 40 }],
      symbols: [{ raw: '¥', rows: 3 }],
      platform: 'shopify',
    });
    expect(d).toMatchObject({ code: 'USD', source: 'column', mixed: false, setAsideValues: [] });
  });

  it('reports mixed currencies and sets aside every currency but the main one', () => {
    const d = decideCurrency({
      configured: 'auto',
      column: [
        { raw: 'eur', rows: 5 },
        { raw: 'USD', rows: 40 },
        { raw: 'GBP', rows: 2 },
      ],
    });
    expect(d.code).toBe('USD');
    expect(d.mixed).toBe(true);
    expect(d.found.map((f) => [f.code, f.rows])).toEqual([
      ['USD', 40],
      ['EUR', 5],
      ['GBP', 2],
    ]);
    expect(d.setAsideValues).toEqual(['EUR', 'GBP']);
  });

  it('a configured currency wins, and the column rows of other currencies are still set aside', () => {
    const d = decideCurrency({
      configured: 'EUR',
      column: [
        { raw: 'USD', rows: 40 },
        { raw: 'EUR', rows: 5 },
      ],
    });
    expect(d).toMatchObject({ code: 'EUR', source: 'config', mixed: true, setAsideValues: ['USD'] });
  });

  it('reads the marks in amount values ($, £, 元)', () => {
    expect(decideCurrency({ configured: 'auto', symbols: [{ raw: '$', rows: 9 }] })).toMatchObject({
      code: 'USD',
      source: 'symbol',
    });
    expect(
      decideCurrency({
        configured: 'auto',
        symbols: [
          { raw: '£', rows: 9 },
          { raw: '€', rows: 2 },
        ],
      }),
    ).toMatchObject({ code: 'GBP', source: 'symbol', mixed: true, setAsideValues: [] });
    expect(decideCurrency({ configured: 'auto', symbols: [{ raw: '元', rows: 1 }] }).code).toBe('CNY');
  });

  it('Chinese platforms and Chinese money headers are CNY; anything else is unknown', () => {
    expect(decideCurrency({ configured: 'auto', platform: 'taobao' })).toMatchObject({
      code: 'CNY',
      source: 'platform',
    });
    expect(decideCurrency({ configured: 'auto', moneyHeaders: ['实付金额'] })).toMatchObject({
      code: 'CNY',
      source: 'headers',
    });
    // Shopify without a currency column, or the UCI Online Retail file: not guessed.
    expect(
      decideCurrency({ configured: 'auto', platform: 'shopify', moneyHeaders: ['Total'] }),
    ).toMatchObject({ code: null, source: 'none' });
    expect(decideCurrency({ configured: 'auto', moneyHeaders: ['UnitPrice'] })).toMatchObject({
      code: null,
      source: 'none',
    });
  });
});

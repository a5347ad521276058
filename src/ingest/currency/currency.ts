/**
 * Currencies (issue 12 item 3): the ISO codes the app knows, their display symbols, and which
 * written forms (a currency column's value, a symbol in an amount) mean which code.
 *
 * `¥` / `￥` alone means CNY (the product's home market); JPY only from `JPY`, `JP¥`, `円`, `日元`.
 * `$` alone means USD; other dollars only with their prefix (HK$, NT$, A$, C$, S$).
 */

export const CURRENCY_CODES = ['CNY', 'USD', 'GBP', 'EUR', 'HKD', 'JPY', 'TWD', 'AUD', 'CAD', 'SGD'] as const;
export type CurrencyCode = (typeof CURRENCY_CODES)[number];

/** The symbol shown before an amount. */
export const CURRENCY_SYMBOLS: Readonly<Record<CurrencyCode, string>> = {
  CNY: '¥',
  USD: '$',
  GBP: '£',
  EUR: '€',
  HKD: 'HK$',
  JPY: 'JP¥',
  TWD: 'NT$',
  AUD: 'A$',
  CAD: 'C$',
  SGD: 'S$',
};

/** Written forms by code, upper-case (matching is case-insensitive and trims). */
const TOKENS: Readonly<Record<CurrencyCode, readonly string[]>> = {
  CNY: ['CNY', 'RMB', '¥', '￥', 'CN¥', '元', '人民币', '人民币元'],
  USD: ['USD', '$', 'US$', 'US DOLLAR', '美元'],
  GBP: ['GBP', '£', 'UKP', 'POUND', '英镑'],
  EUR: ['EUR', '€', 'EURO', '欧元'],
  HKD: ['HKD', 'HK$', '港币', '港元'],
  JPY: ['JPY', 'JP¥', '円', '日元'],
  TWD: ['TWD', 'NT$', '新台币'],
  AUD: ['AUD', 'A$', 'AU$', '澳元'],
  CAD: ['CAD', 'C$', 'CA$', '加元'],
  SGD: ['SGD', 'S$', '新加坡元'],
};

const BY_TOKEN = new Map<string, CurrencyCode>(
  CURRENCY_CODES.flatMap((code) => TOKENS[code].map((t) => [t, code] as const)),
);

/** The code a written form means, or null when it is not a currency the app knows. */
export function currencyOfToken(raw: string | null | undefined): CurrencyCode | null {
  if (raw === null || raw === undefined) return null;
  return BY_TOKEN.get(raw.trim().toUpperCase()) ?? null;
}

export function isCurrencyCode(s: string): s is CurrencyCode {
  return (CURRENCY_CODES as readonly string[]).includes(s);
}

/**
 * A DuckDB regular expression finding the currency mark in an amount's text (longest forms first so
 * `HK$` is not read as `$`); applied to the upper-cased value.
 */
export const AMOUNT_SYMBOL_PATTERN =
  '(HK\\$|US\\$|NT\\$|AU\\$|CA\\$|CN¥|JP¥|A\\$|C\\$|S\\$|¥|￥|\\$|£|€|RMB|CNY|USD|GBP|EUR|HKD|JPY|元|円)';

/** Platforms whose exports are always in yuan (Chinese marketplaces). */
export const CNY_PLATFORMS: readonly string[] = [
  'taobao',
  'jd',
  'pinduoduo',
  'douyin',
  'wechat_shop',
  'youzan',
  'kuaishou',
  'finance_flow',
  'promotion_report',
];

import { describe, expect, it } from 'vitest';
import { dateLiteral, ident, literal, literalList, str } from './quote.ts';

describe('ident', () => {
  it.each([
    ['amount', '"amount"'],
    ['客户ID', '"客户ID"'],
    ['a"b', '"a""b"'],
    ['x"; DROP TABLE t; --', '"x""; DROP TABLE t; --"'],
  ])('%s → %s', (input, out) => expect(ident(input)).toBe(out));
  it('rejects empty and NUL', () => {
    expect(() => ident('')).toThrow(/non-empty/);
    expect(() => ident('a\u0000b')).toThrow(/NUL/);
  });
});

describe('literal', () => {
  it.each([
    [null, 'NULL'],
    [true, 'TRUE'],
    [12.5, '12.5'],
    [10n, '10'],
    ["O'Brien", "'O''Brien'"],
    ["'); DROP TABLE x; --", "'''); DROP TABLE x; --'"],
  ] as const)('%s', (input, out) => expect(literal(input)).toBe(out));
  it('rejects non-finite numbers', () => expect(() => literal(Number.NaN)).toThrow(/non-finite/));
  it('formats dates and lists', () => {
    expect(dateLiteral('2026-01-31')).toBe("DATE '2026-01-31'");
    expect(() => dateLiteral("2026-01-31' OR 1=1")).toThrow();
    expect(literalList([])).toBe('(NULL)');
    expect(literalList(['a', 1])).toBe("('a', 1)");
    expect(str('x')).toBe("'x'");
  });
});

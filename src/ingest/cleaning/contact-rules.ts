/**
 * Contact and age validity (issue 3 cleaning rules), as SQL predicates and their TypeScript twins.
 * An invalid contact or age clears that value (counted), it never drops the customer or the order.
 */
const CN_MOBILE = '^(?:\\+?86)?1[3-9][0-9]{9}$';
const EMAIL = '^[^@ ]+@[^@ ]+\\.[A-Za-z]{2,}$';

/** Digits of a phone, without spaces, dashes, dots and brackets (`+86 138-1234-5678` → `+8613812345678`). */
export function phoneDigits(value: string): string {
  return value.replace(/[\s\-().]/g, '');
}

/** China mobile: 11 digits starting with 1 (second digit 3–9), optional +86 / 86. */
export function isValidCnMobile(value: string): boolean {
  return new RegExp(CN_MOBILE).test(phoneDigits(value));
}

export function isValidEmail(value: string): boolean {
  return new RegExp(EMAIL).test(value.trim());
}

export function isValidAge(age: number): boolean {
  return Number.isFinite(age) && age >= 0 && age <= 120;
}

/** SQL boolean: `expr` (text) is a valid China mobile; NULL for NULL. */
export function buildValidPhoneSql(expr: string): string {
  return `regexp_full_match(regexp_replace(${expr}, '[ \\t().-]', '', 'g'), '${CN_MOBILE}')`;
}

export function buildValidEmailSql(expr: string): string {
  return `regexp_full_match(trim(${expr}), '${EMAIL}')`;
}

/** SQL boolean: `expr` (number) is an age between 0 and 120. */
export function buildValidAgeSql(expr: string): string {
  return `(${expr} BETWEEN 0 AND 120)`;
}

/**
 * Display masking (exports.md §4.2), pure TypeScript for tables on screen; mask-sql.ts builds the
 * same masks in SQL for exports, and the tests hold the two to identical output. Customer ids are
 * never masked: they are the join key back into the CRM.
 *
 *   name      张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜, John Smith → J*** S***
 *   phone     13812345678 / +86 138 1234 5678 → 138****5678; other numbers keep 3 + 2 digits
 *   email     alice@mail.com → a***@mail.com
 *   address   浙江省杭州市西湖区文三路100号 → 浙江省杭州市西湖区****
 *   id_card   110105198001011234 → 110105********1234 (15 digits: 6 + 3)
 *   bank_card 6217000012345666 → 6217********5666
 */
export const PII_KINDS = ['name', 'phone', 'email', 'address', 'id_card', 'bank_card'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

const stars = (n: number) => '*'.repeat(Math.max(0, n));

/** Chinese names keep the first and (3+ characters) last character; Latin words keep their initial. */
export function maskName(value: string): string {
  const v = value.trim();
  if (/[A-Za-z]/.test(v)) return v.replace(/([A-Za-z])[A-Za-z]*/g, '$1***');
  const chars = Array.from(v);
  if (chars.length <= 1) return stars(chars.length);
  if (chars.length === 2) return chars[0] + '*';
  return chars[0] + stars(chars.length - 2) + chars[chars.length - 1];
}

export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  const mobile = /^(?:86)?(1\d{10})$/.exec(digits);
  if (mobile) return mobile[1]!.slice(0, 3) + '****' + mobile[1]!.slice(7);
  if (digits.length < 6) return stars(digits.length);
  return digits.slice(0, 3) + stars(digits.length - 5) + digits.slice(-2);
}

export function maskEmail(value: string): string {
  const v = value.trim();
  return /^.[^@]*@/.test(v) ? v.replace(/^(.)[^@]*@/, '$1***@') : stars(Array.from(v).length);
}

/** Keeps province / city / district (`省 市 区`, space-separated or not); hides the rest. */
export const ADDRESS_PREFIX_RE =
  '^(?:[^ 省市]{2,8}(?:省|自治区) ?)?(?:[^ 市区县]{2,8}(?:市|自治州|地区|盟) ?)?(?:[^ 区县旗]{1,6}(?:区|县|旗|市) ?)?';

export function maskAddress(value: string): string {
  const v = value.trim();
  const prefix = (new RegExp(ADDRESS_PREFIX_RE, 'u').exec(v)?.[0] ?? '').trimEnd();
  if (prefix) return prefix + '****';
  const chars = Array.from(v);
  return chars.length <= 3 ? stars(chars.length) : chars.slice(0, 3).join('') + '****';
}

export function maskIdCard(value: string): string {
  const v = value.trim();
  if (/^\d{17}[\dXx]$/.test(v)) return v.slice(0, 6) + stars(8) + v.slice(14);
  if (/^\d{15}$/.test(v)) return v.slice(0, 6) + stars(6) + v.slice(12);
  return v.length <= 4 ? stars(v.length) : stars(v.length - 4) + v.slice(-4);
}

export function maskBankCard(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length < 12
    ? stars(digits.length)
    : digits.slice(0, 4) + stars(digits.length - 8) + digits.slice(-4);
}

/** Mask a value of a PII kind; null and empty stay as they are. */
export function maskValue(kind: PiiKind, value: string | null): string | null {
  if (value === null || value.trim() === '') return value;
  switch (kind) {
    case 'name':
      return maskName(value);
    case 'phone':
      return maskPhone(value);
    case 'email':
      return maskEmail(value);
    case 'address':
      return maskAddress(value);
    case 'id_card':
      return maskIdCard(value);
    case 'bank_card':
      return maskBankCard(value);
  }
}

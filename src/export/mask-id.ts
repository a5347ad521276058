/**
 * The id masking of exports (issue 17 report workbook), in TypeScript: the same rule as
 * analyses/campaigns maskedIdSql — a customer id that is a mainland mobile number keeps 3 + 4 digits,
 * an e-mail keeps its first character and domain; other ids are pseudonyms already and stay.
 */
export const MASKED_ID_COLUMNS = ['customer_id'] as const;

export function maskId(value: string): string {
  const digits = value.replace(/[^0-9]/g, '');
  if (/^(?:86)?1[0-9]{10}$/.test(digits) && value.length <= 16)
    return `${digits.slice(-11, -8)}****${digits.slice(-4)}`;
  if (value.includes('@')) return value.replace(/^(.)[^@]*@/, '$1***@');
  return value;
}

/**
 * Header normalisation before synonym lookup (exports.md §2): NFKC (full-width → half-width),
 * trim, drop a trailing `*` and unit suffixes such as `(元)` / `(件)`, unify brackets, drop spaces,
 * underscores, hyphens and dots, lower-case ASCII. `订单编号 ` and `订单编号` match; so do
 * `用户实付金额(元)` and `用户实付金额`, and `Customer ID`, `customer_id`, `CustomerID`.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\*+$/, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/\((?:元|件|个|%|￥|¥|rmb|cny)\)$/i, '')
    .replace(/[\s_\-.:：'"`]+/g, '')
    .toLowerCase();
}

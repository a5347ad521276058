/**
 * Recognise columns holding personal data (exports.md §4.2–4.3) from their role, header and values.
 * The customer id column is never reported, even when it holds phones or e-mails (it is the key).
 */
import { normalizeHeader } from '../mapping/normalize-header.ts';
import { unguard } from '../mapping/sniff-values.ts';
import type { PiiKind } from './mask.ts';
import type { ColumnSniff } from '../mapping/sniff-values.ts';

export interface PiiColumn {
  column: string;
  kind: PiiKind;
  /** Sensitive personal information (PIPL art. 28): ID and bank card numbers; exclude by default. */
  sensitive: boolean;
  reason: 'role' | 'header' | 'values';
}

const ROLE_KINDS: Record<string, PiiKind> = { name: 'name', phone: 'phone', email: 'email' };

/** Header keywords per kind, checked in this order (an `id_card` header wins over `name`). */
const HEADER_WORDS: readonly (readonly [PiiKind, readonly string[]])[] = [
  ['id_card', ['身份证', 'idcard', 'idnumber', '证件号']],
  ['bank_card', ['银行卡', 'bankcard', 'cardnumber']],
  ['email', ['邮箱', '电子邮件', 'email', 'e-mail', 'mail']],
  ['phone', ['手机', '电话', '联系方式', 'phone', 'mobile', 'tel']],
  ['address', ['地址', 'address', 'street', '收货地', '收件地']],
  [
    'name',
    [
      '姓名',
      '收货人',
      '收件人',
      '联系人',
      '提货人',
      'firstname',
      'lastname',
      'fullname',
      'billingname',
      'shippingname',
      'recipient',
    ],
  ],
];

const VALUE_TESTS: readonly (readonly [PiiKind, RegExp])[] = [
  ['email', /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/],
  ['id_card', /^\d{17}[\dXx]$/],
  ['phone', /^(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}$/],
];

/** Whether an 18-character id passes the GB 11643 check digit. */
export function isValidIdCard(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((s, wi, i) => s + wi * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}

/**
 * PII columns of a source. `mapping` (role → column) marks mapped name/phone/email columns; other
 * columns are judged by header keywords, then by values (≥ 80 % of non-empty samples).
 */
export function detectPiiColumns(
  columns: readonly { name: string; samples: readonly string[]; sniff?: ColumnSniff | undefined }[],
  mapping: Readonly<Record<string, string>> = {},
): PiiColumn[] {
  const customerId = mapping.customer_id;
  const byRole = new Map(
    Object.entries(mapping).flatMap(([role, col]) => (ROLE_KINDS[role] ? [[col, ROLE_KINDS[role]!]] : [])),
  );
  const out: PiiColumn[] = [];
  for (const col of columns) {
    if (col.name === customerId) continue;
    const add = (kind: PiiKind, reason: PiiColumn['reason']) =>
      out.push({ column: col.name, kind, sensitive: kind === 'id_card' || kind === 'bank_card', reason });
    const role = byRole.get(col.name);
    if (role) {
      add(role, 'role');
      continue;
    }
    const h = normalizeHeader(col.name);
    const byHeader = HEADER_WORDS.find(([, words]) => words.some((w) => h.includes(normalizeHeader(w))));
    if (byHeader) {
      add(byHeader[0], 'header');
      continue;
    }
    // Judged in the worker at load (col.sniff); sample by sample only for columns built by hand.
    const byValue = col.sniff ? col.sniff.pii : piiKindOfValues(col.samples);
    if (byValue) add(byValue, 'values');
  }
  return out;
}

/** The personal-data kind that ≥ 80 % of the non-empty samples have (e-mail, id card, phone), if any. */
export function piiKindOfValues(samples: readonly string[]): 'email' | 'id_card' | 'phone' | null {
  const values = samples.map(unguard).filter((v): v is string => v !== null);
  if (values.length === 0) return null;
  const byValue = VALUE_TESTS.find(
    ([, re]) => values.filter((v) => re.test(v)).length / values.length >= 0.8,
  );
  return (byValue?.[0] as 'email' | 'id_card' | 'phone' | undefined) ?? null;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { decodeIpc } from '../../client/decode.ts';
import { literal } from '../../sql/quote.ts';
import { buildRepairMacrosSql } from '../repair/build-repair-macros-sql.ts';
import { buildIsPurchaseSql, buildStatusCaseSql, isPurchaseStatus, normalizeStatus } from './status-rules.ts';
import { decideGranularity, type GranularityStats } from './granularity.ts';
import { assertReportAddsUp } from './report.ts';
import {
  buildValidAgeSql,
  buildValidEmailSql,
  buildValidPhoneSql,
  isValidAge,
  isValidCnMobile,
  isValidEmail,
} from './contact-rules.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
  for (const sql of buildRepairMacrosSql()) await db.exec(sql);
});
afterAll(async () => db.close());

const one = async (sql: string) => decodeIpc(await db.queryIpc(`SELECT ${sql} AS v`)).rows[0]!.v;

describe('status normalisation (TypeScript and SQL agree)', () => {
  it.each([
    ['交易成功', 'completed', true],
    ['交易关闭', 'closed', false],
    ['等待买家付款', 'pending_payment', false],
    ['买家已付款，等待卖家发货', 'paid', true],
    ['买家已付款,等待卖家发货', 'paid', true],
    ['已发货，待签收', 'shipped', true],
    ['未发货，退款成功', 'refunded', false],
    ['(删除)等待出库', 'closed', false],
    ['等待出库', 'paid', true],
    ['已关闭', 'closed', false],
    ['交易完成', 'completed', true],
    ['Paid', 'paid', true],
    ['partially_refunded', 'partially_refunded', true],
    ['refunded', 'refunded', false],
    ['voided', 'closed', false],
    ['processing', 'paid', true],
    ['cancelled', 'closed', false],
    ['某种新状态', 'unknown', true],
  ] as const)('%s → %s (purchase %s)', async (raw, status, purchase) => {
    expect(normalizeStatus(raw)).toBe(status);
    expect(isPurchaseStatus(normalizeStatus(raw))).toBe(purchase);
    expect(await one(buildStatusCaseSql(literal(raw)))).toBe(status);
    expect(await one(buildIsPurchaseSql(`${literal(status)}`))).toBe(purchase);
  });

  it('applies user overrides and purchase lists', async () => {
    const overrides = { 锁定: 'closed' as const, 某种新状态: 'completed' as const };
    expect(normalizeStatus('锁定', overrides)).toBe('closed');
    expect(await one(buildStatusCaseSql(literal('某种新状态'), overrides))).toBe('completed');
    expect(isPurchaseStatus('unknown', { purchaseStatuses: ['completed'] })).toBe(false);
    expect(await one(buildIsPurchaseSql(literal('unknown'), { purchaseStatuses: [] }))).toBe(false);
    expect(normalizeStatus(null)).toBeNull();
    expect(isPurchaseStatus(null)).toBe(true);
  });
});

describe('granularity decision', () => {
  const s = (o: Partial<GranularityStats>): GranularityStats => ({
    orders: 10,
    multi: 0,
    extraRows: 0,
    extraRowsWithoutAmount: 0,
    firstRowOnly: 0,
    sameAmountEveryRow: 0,
    linesVary: 0,
    ...o,
  });
  it.each([
    ['no repeated ids', s({}), true, false, 'order_rows'],
    ['Shopify first-row totals', s({ multi: 5, firstRowOnly: 5, linesVary: 5 }), true, false, 'first_row'],
    [
      'total repeated on lines',
      s({ multi: 10, sameAmountEveryRow: 9, linesVary: 10 }),
      true,
      false,
      'repeated_total',
    ],
    ['per-line amounts', s({ multi: 10, sameAmountEveryRow: 2, linesVary: 10 }), true, false, 'line_sum'],
    [
      'repeated versions of orders',
      s({ multi: 4, sameAmountEveryRow: 4, linesVary: 0 }),
      true,
      false,
      'order_rows',
    ],
    ['only unit prices', s({}), false, true, 'line_sum'],
  ] as const)('%s → %s', (_n, stats, hasAmount, hasPrice, mode) => {
    expect(decideGranularity(stats, 'auto', hasAmount, hasPrice)).toMatchObject({ mode, decidedBy: 'data' });
  });
  it('follows the config', () => {
    expect(decideGranularity(s({ multi: 5, firstRowOnly: 5 }), 'line_sum', true, false)).toMatchObject({
      mode: 'line_sum',
      decidedBy: 'config',
    });
  });
});

describe('contact and age rules', () => {
  it.each([
    ['13812345678', true],
    ['+86 138-1234-5678', true],
    ['8613812345678', true],
    ['12812345678', false],
    ['1381234567', false],
    ['138****5678', false],
    ['0571-88886666', false],
  ])('phone %s → %s', async (v, ok) => {
    expect(isValidCnMobile(v)).toBe(ok);
    expect(await one(buildValidPhoneSql(literal(v)))).toBe(ok);
  });
  it.each([
    ['a@mail.com', true],
    ['a.b@c.co', true],
    ['a@b', false],
    ['a b@c.com', false],
  ])('email %s → %s', async (v, ok) => {
    expect(isValidEmail(v)).toBe(ok);
    expect(await one(buildValidEmailSql(literal(v)))).toBe(ok);
  });
  it.each([
    [0, true],
    [120, true],
    [121, false],
    [-1, false],
  ])('age %s → %s', async (v, ok) => {
    expect(isValidAge(v)).toBe(ok);
    expect(await one(buildValidAgeSql(literal(v)))).toBe(ok);
  });
});

describe('assertReportAddsUp', () => {
  it('throws when counts do not add up', () => {
    expect(() =>
      assertReportAddsUp({ rowsRead: 3, rowsUsed: 2, rowsSetAside: 1, reasons: { exact_duplicate: 1 } }),
    ).not.toThrow();
    expect(() =>
      assertReportAddsUp({ rowsRead: 3, rowsUsed: 1, rowsSetAside: 1, reasons: { exact_duplicate: 1 } }),
    ).toThrow(/add up/);
    expect(() =>
      assertReportAddsUp({ rowsRead: 3, rowsUsed: 2, rowsSetAside: 1, reasons: { exact_duplicate: 2 } }),
    ).toThrow(/add up/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, utils } from '@e965/xlsx';
import { openNodeDb } from '../../src/engine/node-db.ts';
import type { DbPort } from '../../src/engine/db-port.ts';
import { exportQuery, exportWorkbook } from '../../src/engine/export-query.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

const SQL = `SELECT * FROM (VALUES ('C1', '=cmd|'' /C calc''!A0', 12.5), ('C2', '张三', -3.0), ('+8613800000000', '-5', 1.0)) t(customer_id, note, amount)`;

describe('exportQuery', () => {
  it('writes CSV with BOM and neutralised formulas', async () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await exportQuery(db, SQL, 'csv'));
    expect(text.startsWith('\uFEFFcustomer_id,note,amount\r\n')).toBe(true);
    expect(text).toContain(`C1,'=cmd|' /C calc'!A0,12.5`);
    expect(text).toContain('C2,张三,-3');
    expect(text).toContain(`'+8613800000000,'-5,1`);
  });

  it('writes XLSX text cells as text (never formulas, no visible apostrophe: +86… ids survive)', async () => {
    const book = read(await exportQuery(db, SQL, 'xlsx', 'segment: vip'), { type: 'array', cellNF: true });
    expect(book.SheetNames).toEqual(['segment_ vip']);
    const sheet = book.Sheets['segment_ vip']!;
    expect(sheet['B2']).toMatchObject({ t: 's', v: `=cmd|' /C calc'!A0`, z: '@' });
    expect(sheet['B2'].f).toBeUndefined();
    expect(sheet['A4']).toMatchObject({ t: 's', v: '+8613800000000', z: '@' });
    expect(sheet['B4']).toMatchObject({ t: 's', v: '-5' });
    expect(sheet['C2']).toMatchObject({ t: 'n', v: 12.5 });
    expect(Object.values(sheet).some((c) => typeof c === 'object' && c !== null && 'f' in c)).toBe(false);
    expect(utils.sheet_to_json(sheet)).toEqual([
      { customer_id: 'C1', note: `=cmd|' /C calc'!A0`, amount: 12.5 },
      { customer_id: 'C2', note: '张三', amount: -3 },
      { customer_id: '+8613800000000', note: '-5', amount: 1 },
    ]);
  });

  it('writes several queries as one workbook: headers in the UI language, sheet names made valid and unique', async () => {
    const headers = { customer_id: '客户ID', amount: '消费金额' };
    const bytes = await exportWorkbook(db, [
      { name: '汇总', sql: 'SELECT 2 AS customers', headers: { customers: '客户数' } },
      { name: '重要挽留客户', sql: `SELECT * FROM (${SQL}) WHERE amount > 0`, headers },
      { name: 'a/b: 重要挽留客户?', sql: `SELECT * FROM (${SQL}) WHERE amount < 0`, headers },
      { name: '重要挽留客户', sql: `SELECT * FROM (${SQL}) LIMIT 1` },
    ]);
    const book = read(bytes, { type: 'array' });
    expect(book.SheetNames).toEqual(['汇总', '重要挽留客户', 'a_b_ 重要挽留客户_', '重要挽留客户 (2)']);
    expect(utils.sheet_to_json(book.Sheets['汇总']!)).toEqual([{ 客户数: 2 }]);
    expect(utils.sheet_to_json(book.Sheets['重要挽留客户']!)).toEqual([
      { 客户ID: 'C1', note: `=cmd|' /C calc'!A0`, 消费金额: 12.5 },
      { 客户ID: '+8613800000000', note: '-5', 消费金额: 1 },
    ]);
    expect(utils.sheet_to_json(book.Sheets['a_b_ 重要挽留客户_']!)).toHaveLength(1);
    expect(Object.keys(utils.sheet_to_json(book.Sheets['重要挽留客户 (2)']!)[0] as object)).toEqual([
      'customer_id',
      'note',
      'amount',
    ]);
  });

  it('writes a sheet note (issue 18: "含未脱敏个人信息") on the header cell and in the book comments', async () => {
    const bytes = await exportWorkbook(db, [
      { name: '汇总', sql: 'SELECT 2 AS customers', note: '含未脱敏个人信息' },
      { name: 'plain', sql: 'SELECT 1 AS x' },
    ]);
    const book = read(bytes, { type: 'array' });
    expect(book.Sheets['汇总']!['A1'].c?.[0]?.t).toBe('含未脱敏个人信息');
    expect(book.Sheets['plain']!['A1'].c).toBeUndefined();
    expect(book.Props?.Comments).toBe('含未脱敏个人信息');
    expect(utils.sheet_to_json(book.Sheets['汇总']!)).toEqual([{ customers: 2 }]);
  });

  it('UI exports show shares as percentages and weekdays as names (issue 18); raw without display', async () => {
    const sql = `SELECT 0.309 AS revenue_share, 0.25 AS conversion_rate, 3 AS peak_weekday, 0.5 AS amount`;
    const headers = { peak_weekday: '高峰星期（1=周一）', revenue_share: '收入占比' };
    const display = { weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] };
    const csv = new TextDecoder().decode(await exportQuery(db, sql, 'csv', 'x', headers, display));
    expect(csv.split('\r\n').slice(0, 2)).toEqual([
      '收入占比,conversion_rate,高峰星期,amount',
      '30.9%,25.0%,周三,0.5',
    ]);
    const raw = new TextDecoder().decode(await exportQuery(db, sql, 'csv', 'x'));
    expect(raw.split('\r\n')[1]).toBe('0.309,0.25,3,0.5');
    const book = read(await exportQuery(db, sql, 'xlsx', 'x', undefined, display), {
      type: 'array',
      cellNF: true,
    });
    const sheet = book.Sheets['x']!;
    expect(sheet['A2']).toMatchObject({ t: 'n', v: 0.309, z: '0.0%' });
    expect(sheet['C2']).toMatchObject({ t: 's', v: '周三' });
    expect(sheet['D2'].z).not.toBe('0.0%');
  });

  it('UI exports write set-aside reasons and churn details in words (issue 18)', async () => {
    const { exportWords } = await import('../../src/i18n/i18n.ts');
    const sql = `SELECT * FROM (VALUES
      ('missing_customer_id', 'last_purchase=2025-01-01'),
      ('no_such_code', 'first_purchase=2025-02-03;second_purchase=none'),
      ('exact_duplicate', 'median_interval_days=41;factor=1.5'),
      ('exact_duplicate', 'unknown=1')) t(reason, detail)`;
    const zh = { weekdays: [], words: exportWords('zh-CN') };
    const csv = new TextDecoder().decode(await exportQuery(db, sql, 'csv', 'x', undefined, zh));
    expect(csv.split('\r\n').slice(1, 5)).toEqual([
      '缺少客户ID,最近购买 2025-01-01',
      'no_such_code,首次购买 2025-02-03；没有第二次购买',
      '完全重复的行,购买间隔中位数 41 天；超期倍数 1.5',
      '完全重复的行,unknown=1',
    ]);
    const en = { weekdays: [], words: exportWords('en') };
    const enCsv = new TextDecoder().decode(await exportQuery(db, sql, 'csv', 'x', undefined, en));
    expect(enCsv.split('\r\n')[3]).toBe('Exact duplicate row,median interval 41 days; overdue factor 1.5');
    // The CLI (no display) keeps the codes.
    const raw = new TextDecoder().decode(await exportQuery(db, sql, 'csv', 'x'));
    expect(raw.split('\r\n')[1]).toBe('missing_customer_id,last_purchase=2025-01-01');
  });

  it('translates CSV headers too', async () => {
    const text = new TextDecoder().decode(
      await exportQuery(db, SQL, 'csv', 'x', { customer_id: 'Customer ID' }),
    );
    expect(text.split('\r\n')[0]).toBe('Customer ID,note,amount');
  });
});

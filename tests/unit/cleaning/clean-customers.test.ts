import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../src/engine/node-db.ts';
import type { DbPort } from '../../../src/engine/db-port.ts';
import { CleaningInputError } from '../../../src/engine/clean-source.ts';
import { runCustomerCleaning, toCustomerCleaningJson } from '../../../src/engine/clean-customers.ts';
import { proposeMapping } from '../../../src/ingest/mapping/propose-mapping.ts';
import { makeTable, query } from './fixtures.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

const TODAY = '2024-06-30';
const header = ['客户ID', '姓名', '手机号', '邮箱', '性别', '生日', '年龄', '注册时间', '会员等级', '标签'];
// prettier-ignore
const rows = [
  ['C1', '张三', '13812345678', 'a@x.com', '男', '1990-01-02', '34', '2020-01-01', '金卡', 'vip'], // duplicate_customer_id (older registration)
  ['C1', '张三', '138 1234 5679', 'a@x.com', '男', '1990-01-02', '34', '2021-05-01', '钻石', 'vip'], // kept (latest registration)
  [' C2 ', '李四', '12345', 'not-an-email', '女', '2030-01-01', '150', '2022-03-04', '普卡', ''], // kept, phone/email/age/birthday cleared
  ['C3', '王五', '+86 139-0000-0000', 'w@y.cn', '', '', '-1', '', '', ''], // kept, age cleared
  ['C3', '王五', '+86 139-0000-0000', 'w@y.cn', '', '', '-1', '', '', ''], // exact_duplicate
  ['', '无名', '13900000001', '', '', '', '', '', '', ''], // missing_customer_id
  ['C4', '赵六', '', 'z@z.org', '', '1985年3月4日', '', '2023/1/2', '银卡', 'a,b'], // kept
  ['C4', '赵六2', '', 'z@z.org', '', '', '', '', '银卡', ''], // duplicate_customer_id (no registration → loses to dated row)
];
const mapping = {
  customer_id: '客户ID',
  name: '姓名',
  phone: '手机号',
  email: '邮箱',
  gender: '性别',
  birthday: '生日',
  age: '年龄',
  registration_date: '注册时间',
  member_level: '会员等级',
  tags: '标签',
};

describe('runCustomerCleaning', () => {
  it('proposes this mapping from the headers', async () => {
    const p = proposeMapping(
      'customers',
      header.map((name, i) => ({ name, type: 'VARCHAR', samples: rows.map((r) => r[i]!) })),
    );
    expect(p.mapping).toMatchObject({ customer_id: '客户ID', phone: '手机号', email: '邮箱' });
  });

  it('keeps one row per customer, sets aside duplicates and missing ids, clears invalid contacts', async () => {
    const input = await makeTable(db, 'cust', header, rows);
    const report = await runCustomerCleaning(db, input, { mapping, today: TODAY });
    expect(report).toMatchObject({
      kind: 'customers',
      rowsRead: 8,
      rowsUsed: 4,
      rowsSetAside: 4,
      customers: 4,
      reasons: { exact_duplicate: 1, missing_customer_id: 1, duplicate_customer_id: 2 },
    });
    expect(report.repairs).toMatchObject({
      invalid_phone: 1,
      invalid_email: 1,
      age_out_of_range: 2,
      whitespace_trimmed: 1,
      date_chinese: 1,
      date_reformatted: 1,
    });
    const clean = await query(db, 'SELECT * FROM customers_clean ORDER BY customer_id');
    expect(clean).toEqual([
      {
        customer_id: 'C1',
        name: '张三',
        phone: '138 1234 5679',
        email: 'a@x.com',
        gender: '男',
        birthday: '1990-01-02',
        age: 34,
        region: null,
        registration_date: '2021-05-01',
        member_level: '钻石',
        tags: 'vip',
      },
      {
        customer_id: 'C2',
        name: '李四',
        phone: null,
        email: null,
        gender: '女',
        birthday: null,
        age: null,
        region: null,
        registration_date: '2022-03-04',
        member_level: '普卡',
        tags: null,
      },
      {
        customer_id: 'C3',
        name: '王五',
        phone: '+86 139-0000-0000',
        email: 'w@y.cn',
        gender: null,
        birthday: null,
        age: null,
        region: null,
        registration_date: null,
        member_level: null,
        tags: null,
      },
      {
        customer_id: 'C4',
        name: '赵六',
        phone: null,
        email: 'z@z.org',
        gender: null,
        birthday: '1985-03-04',
        age: null,
        region: null,
        registration_date: '2023-01-02',
        member_level: '银卡',
        tags: 'a,b',
      },
    ]);
    const aside = await query(db, 'SELECT source_row, reason, "客户ID", "姓名" FROM customers_set_aside');
    expect(aside).toEqual([
      { source_row: 1, reason: 'duplicate_customer_id', 客户ID: 'C1', 姓名: '张三' },
      { source_row: 5, reason: 'exact_duplicate', 客户ID: 'C3', 姓名: '王五' },
      { source_row: 6, reason: 'missing_customer_id', 客户ID: '', 姓名: '无名' },
      { source_row: 8, reason: 'duplicate_customer_id', 客户ID: 'C4', 姓名: '赵六2' },
    ]);
    expect(toCustomerCleaningJson(report, { encoding: 'utf-8', platform: null, mapping })).toEqual({
      rows_read: 8,
      rows_used: 4,
      rows_set_aside: 4,
      reasons: { exact_duplicate: 1, missing_customer_id: 1, duplicate_customer_id: 2 },
      repairs: report.repairs,
      encoding: 'utf-8',
      platform: null,
      mapping,
    });
    // The work table is dropped.
    const work = await query(
      db,
      "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '__cust_%'",
    );
    expect(work[0]!.n).toBe(0);
  });

  it('keeps invalid contacts as they are when validateContacts is off; exact duplicates become id duplicates', async () => {
    const input = await makeTable(db, 'cust2', header, rows);
    const report = await runCustomerCleaning(db, input, {
      mapping,
      today: TODAY,
      cleaning: { validateContacts: false, dropExactDuplicates: false },
    });
    expect(report.reasons).toEqual({ missing_customer_id: 1, duplicate_customer_id: 3 });
    expect(report.repairs.invalid_phone).toBeUndefined();
    const c2 = await query(db, "SELECT phone, email, age FROM customers_clean WHERE customer_id = 'C2'");
    expect(c2).toEqual([{ phone: '12345', email: 'not-an-email', age: 150 }]);
  });

  it('handles typed columns, only an id mapped, and empty input', async () => {
    const typed = await makeTable(
      db,
      'cust3',
      ['id', 'mobile', 'age'],
      [
        [1, 13812345678, 30],
        [2, 1234, 121],
        [2, 1234, 121],
      ],
      { id: 'BIGINT', mobile: 'BIGINT', age: 'INTEGER' },
    );
    const r = await runCustomerCleaning(db, typed, {
      mapping: { customer_id: 'id', phone: 'mobile', age: 'age' },
      today: TODAY,
    });
    expect([r.rowsRead, r.rowsUsed, r.rowsSetAside]).toEqual([3, 2, 1]);
    expect(r.repairs).toEqual({ invalid_phone: 1, age_out_of_range: 1 });
    expect(await query(db, 'SELECT * FROM customers_clean ORDER BY customer_id')).toMatchObject([
      { customer_id: '1', phone: '13812345678', age: 30 },
      { customer_id: '2', phone: null, age: null },
    ]);

    const empty = await makeTable(db, 'cust4', ['id'], []);
    const e = await runCustomerCleaning(db, empty, { mapping: { customer_id: 'id' }, today: TODAY });
    expect([e.rowsRead, e.rowsUsed, e.rowsSetAside, e.customers]).toEqual([0, 0, 0, 0]);
  });

  it('quotes hostile column and table names', async () => {
    const hostile = ['id"; DROP TABLE cust; --', "ph'one", 'source_row', 'reason'];
    const input = await makeTable(db, 'x"; DROP TABLE cust; --', hostile, [
      ['A', '13812345678', 'r1', 'why'],
      ['A', '13812345678', 'r2', 'why'],
      [null, 'bad', 'r3', 'why'],
    ]);
    const r = await runCustomerCleaning(db, input, {
      mapping: { customer_id: hostile[0]!, phone: hostile[1]! },
      today: TODAY,
    });
    expect(r.reasons).toEqual({ duplicate_customer_id: 1, missing_customer_id: 1 });
    const aside = await query(db, 'SELECT * FROM customers_set_aside');
    expect(Object.keys(aside[0]!)).toEqual([
      'source_row',
      'reason',
      hostile[0],
      "ph'one",
      'source_row_2',
      'reason_2',
    ]);
    expect((await query(db, 'SELECT count(*) AS n FROM cust'))[0]!.n).toBe(8);
  });

  it('refuses a mapping without customer id or with unknown columns, as a CleaningInputError', async () => {
    const input = await makeTable(db, 'cust5', ['a'], [['1']]);
    await expect(runCustomerCleaning(db, input, { mapping: { name: 'a' } })).rejects.toBeInstanceOf(
      CleaningInputError,
    );
    await expect(runCustomerCleaning(db, input, { mapping: { customer_id: 'nope' } })).rejects.toBeInstanceOf(
      CleaningInputError,
    );
  });
});

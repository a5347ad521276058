import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { decodeIpc } from '../../client/decode.ts';
import { literal } from '../../sql/quote.ts';
import { maskValue, type PiiKind } from './mask.ts';
import { buildMaskSql, buildMaskedSelectSql } from './mask-sql.ts';
import { detectPiiColumns, isValidIdCard } from './detect-pii.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

// prettier-ignore
const cases: [PiiKind, string, string][] = [
  ['name', '张三', '张*'],
  ['name', '张三丰', '张*丰'],
  ['name', '欧阳娜娜', '欧**娜'],
  ['name', '李', '*'],
  ['name', 'John Smith', 'J*** S***'],
  ['phone', '13812345678', '138****5678'],
  ['phone', '+86 138 1234 5678', '138****5678'],
  ['phone', '8613812345678', '138****5678'],
  ['phone', '0571-88886666', '057*******66'],
  ['phone', '1234', '****'],
  ['email', 'alice@mail.com', 'a***@mail.com'],
  ['email', 'd@126.com', 'd***@126.com'],
  ['email', 'not-an-email', '************'],
  ['address', '浙江省杭州市西湖区文三路100号', '浙江省杭州市西湖区****'],
  ['address', '浙江省 杭州市 西湖区 文三路 100号', '浙江省 杭州市 西湖区****'],
  ['address', '北京市海淀区马连洼北路1号', '北京市海淀区****'],
  ['address', '12 Main Street', '12 ****'],
  ['id_card', '110105198001011234', '110105********1234'],
  ['id_card', '11010519800101X', '***********101X'],
  ['id_card', '110105800101123', '110105******123'],
  ['bank_card', '6217 0000 1234 5666', '6217********5666'],
];

describe('masking: TypeScript and SQL agree', () => {
  it.each(cases)('%s %s → %s', async (kind, input, expected) => {
    expect(maskValue(kind, input)).toBe(expected);
    const row = decodeIpc(await db.queryIpc(`SELECT ${buildMaskSql(kind, literal(input))} AS m`)).rows[0]!;
    expect(row.m).toBe(expected);
  });

  it('leaves NULL and empty values alone', async () => {
    expect(maskValue('phone', null)).toBeNull();
    expect(maskValue('phone', '')).toBe('');
    const row = decodeIpc(
      await db.queryIpc(`SELECT ${buildMaskSql('name', 'NULL')} AS a, ${buildMaskSql('name', "''")} AS b`),
    ).rows[0]!;
    expect(row).toEqual({ a: null, b: '' });
  });

  it('exports a table with PII masked and the customer id untouched', async () => {
    await db.exec(
      `CREATE OR REPLACE TABLE people AS SELECT * FROM (VALUES ('13812345678', '张三丰', '13812345678')) t(customer_id, "收货人姓名", "联系手机")`,
    );
    const sql = buildMaskedSelectSql('people', ['customer_id', '收货人姓名', '联系手机'], {
      收货人姓名: 'name',
      联系手机: 'phone',
    });
    expect(decodeIpc(await db.queryIpc(sql)).rows).toEqual([
      { customer_id: '13812345678', 收货人姓名: '张*丰', 联系手机: '138****5678' },
    ]);
  });
});

describe('detectPiiColumns', () => {
  it('finds PII by role, header and values, never the customer id', () => {
    const found = detectPiiColumns(
      [
        { name: '买家会员名', samples: ['tb123'] },
        { name: '客户手机号', samples: ['13812345678'] },
        { name: '收货人姓名', samples: ['张三'] },
        { name: '收货地址', samples: ['浙江省 杭州市'] },
        { name: 'Billing Phone', samples: [] },
        { name: 'Email Address', samples: [] },
        { name: '身份证号', samples: [] },
        { name: 'col9', samples: ['a@b.com', 'c@d.cn'] },
        { name: 'col10', samples: ['110105198001011234'] },
        { name: '宝贝标题', samples: ['手机壳'] },
      ],
      { customer_id: '买家会员名', phone: '客户手机号' },
    );
    expect(found.map((f) => [f.column, f.kind, f.reason, f.sensitive])).toEqual([
      ['客户手机号', 'phone', 'role', false],
      ['收货人姓名', 'name', 'header', false],
      ['收货地址', 'address', 'header', false],
      ['Billing Phone', 'phone', 'header', false],
      ['Email Address', 'email', 'header', false],
      ['身份证号', 'id_card', 'header', true],
      ['col9', 'email', 'values', false],
      ['col10', 'id_card', 'values', true],
    ]);
  });

  it('checks the GB 11643 id card check digit', () => {
    expect(isValidIdCard('11010519491231002X')).toBe(true);
    expect(isValidIdCard('110105194912310021')).toBe(false);
  });
});

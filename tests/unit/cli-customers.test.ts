import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cl-cli-cust-'));

const run = runCli;

describe('customer-lens analyze with a customer file', () => {
  it('writes customers_cleaning.json with the cleaning.json keys; counts add up', async () => {
    const orders = join(dir, 'orders.csv');
    writeFileSync(
      orders,
      '订单编号,客户ID,下单时间,实付金额\nA1,C1,2026-01-01 10:00:00,100\nA2,C2,2026-02-01 10:00:00,50\n',
    );
    const customers = join(dir, 'customers.csv');
    writeFileSync(
      customers,
      [
        '客户ID,姓名,手机号,邮箱,会员等级',
        'C1,张三,1381234,a@x.com,金卡',
        'C2,李四,12345,bad-email,普卡',
        'C2,李四,13900000000,b@x.com,银卡',
        ',无名,13900000001,,',
      ].join('\n') + '\n',
    );
    const out = join(dir, 'out');
    const r = await run(['analyze', orders, customers, '--out', out, '--as-of', '2026-03-31']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'customers_cleaning.json'), 'utf8'));
    // Same keys, but `currency`: it is the orders' amounts' currency (issue 12 item 3).
    expect(Object.keys(json)).toEqual(
      Object.keys(JSON.parse(readFileSync(join(out, 'cleaning.json'), 'utf8'))).filter(
        (k) => k !== 'currency',
      ),
    );
    expect(json).toMatchObject({
      rows_read: 4,
      rows_used: 2,
      rows_set_aside: 2,
      reasons: { duplicate_customer_id: 1, missing_customer_id: 1 },
      encoding: 'utf-8',
      mapping: {
        customer_id: '客户ID',
        name: '姓名',
        phone: '手机号',
        email: '邮箱',
        member_level: '会员等级',
      },
    });
    // C1's phone is cleared (the customer stays); the kept C2 row is the last one, all valid.
    expect(json.repairs).toMatchObject({ invalid_phone: 1 });
    expect(json.repairs.invalid_email).toBeUndefined();
    expect(json.rows_read).toBe(json.rows_used + json.rows_set_aside);
  });

  it('writes no customers_cleaning.json for a single orders file', async () => {
    const orders = join(dir, 'only.csv');
    writeFileSync(orders, 'customer_id,order_time,amount\n1,2026-01-01,5\n');
    const out = join(dir, 'out2');
    expect((await run(['analyze', orders, '--out', out])).code).toBe(0);
    expect(existsSync(join(out, 'customers_cleaning.json'))).toBe(false);
  });
});

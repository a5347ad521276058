import { describe, expect, it } from 'vitest';
import { applyColumnMatch, matchColumns } from './match-columns.ts';
import type { SourceConfig } from './schema.ts';

const mapping = {
  customer_id: '买家会员名',
  order_id: '订单编号',
  amount: '实付金额(元)',
  order_time: '下单时间',
};

describe('matchColumns', () => {
  it('matches exact names, then normalised names, and reports missing and extra columns', () => {
    const report = matchColumns(
      mapping,
      ['订单编号 ', '买家会员名', '实付金额', '商品名称', '备注'],
      'orders',
    );
    expect(report.matched).toEqual([
      { role: 'customer_id', expected: '买家会员名', actual: '买家会员名', by: 'exact' },
      { role: 'order_id', expected: '订单编号', actual: '订单编号 ', by: 'normalized' },
      { role: 'amount', expected: '实付金额(元)', actual: '实付金额', by: 'normalized' },
    ]);
    expect(report.missing).toEqual([{ role: 'order_time', expected: '下单时间', required: true }]);
    expect(report.extra).toEqual(['商品名称', '备注']);
  });

  it('prefers an exact match and never gives one column to two roles', () => {
    const report = matchColumns({ customer_id: 'Customer ID', order_id: 'customer_id' }, [
      'customer_id',
      'CustomerID',
    ]);
    expect(report.matched).toEqual([
      { role: 'customer_id', expected: 'Customer ID', actual: 'CustomerID', by: 'normalized' },
      { role: 'order_id', expected: 'customer_id', actual: 'customer_id', by: 'exact' },
    ]);
    expect(report.missing).toEqual([]);
    expect(report.extra).toEqual([]);
  });

  it('handles empty inputs and flags optional roles as not required', () => {
    expect(matchColumns({}, ['a'])).toEqual({ matched: [], missing: [], extra: ['a'] });
    expect(matchColumns({ region: '省份' }, [], 'orders').missing).toEqual([
      { role: 'region', expected: '省份', required: false },
    ]);
  });

  it('rewrites the mapping to the file’s own column names', () => {
    const source = { id: 'orders', kind: 'orders', encoding: 'auto', mapping } as SourceConfig;
    const report = matchColumns(mapping, ['订单编号 ', '买家会员名', '实付金额'], 'orders');
    expect(applyColumnMatch(source, report).mapping).toEqual({
      customer_id: '买家会员名',
      order_id: '订单编号 ',
      amount: '实付金额',
    });
  });
});

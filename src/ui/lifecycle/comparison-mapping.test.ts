import { describe, expect, it } from 'vitest';
import { proposeMapping } from '../../ingest/mapping/propose-mapping.ts';
import { comparisonMapping, mappingUsable } from './comparison-mapping.ts';

const col = (name: string, type: string, samples: string[]) => ({ name, type, samples });
const columnsOf = (c: { name: string; type: string }[]) => c.map(({ name, type }) => ({ name, type }));

const taobao = [
  col('订单编号', 'VARCHAR', ['A1', 'A2', 'A3']),
  col('客户ID', 'VARCHAR', ['C1', 'C2', 'C1']),
  col('下单时间', 'TIMESTAMP', ['2024-01-01 10:00:00', '2024-01-02 11:00:00', '2024-01-03 12:00:00']),
  col('实付金额', 'DECIMAL(18,2)', ['10.00', '20.50', '30.00']),
  col('渠道', 'VARCHAR', ['APP', '小程序', 'APP']),
];

describe('comparison mapping', () => {
  it('takes a confident proposal', () => {
    const m = comparisonMapping(proposeMapping('orders', taobao), columnsOf(taobao), {});
    expect(m).toMatchObject({ missing: [], unsure: [], reused: false });
    expect(m.mapping).toMatchObject({ customer_id: '客户ID', order_time: '下单时间', amount: '实付金额' });
    expect(mappingUsable(m)).toBe(true);
  });

  it('names the roles it cannot find', () => {
    const noTime = taobao.filter((c) => c.name !== '下单时间');
    const m = comparisonMapping(proposeMapping('orders', noTime), columnsOf(noTime), {});
    expect(m.missing).toEqual([['order_time', 'paid_time']]);
    expect(mappingUsable(m)).toBe(false);
  });

  it('reuses the main mapping when every column it names is there', () => {
    const odd = [
      col('who', 'VARCHAR', ['C1', 'C2']),
      col('when', 'VARCHAR', ['2024-01-01', '2024-01-02']),
      col('v', 'VARCHAR', ['1', '2']),
    ];
    const main = { customer_id: 'who', order_time: 'when', amount: 'v' };
    const reused = comparisonMapping(proposeMapping('orders', odd), columnsOf(odd), main);
    expect(reused).toEqual({ mapping: main, missing: [], unsure: [], reused: true });
    // Without it, headers like these are not a safe guess.
    const guessed = comparisonMapping(proposeMapping('orders', odd), columnsOf(odd), { customer_id: 'x' });
    expect(guessed.reused).toBe(false);
    expect(mappingUsable(guessed)).toBe(false);
  });
});

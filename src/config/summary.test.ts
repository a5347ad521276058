import { describe, expect, it } from 'vitest';
import { parseConfig } from './parse-config.ts';
import type { AnalysisConfig } from './schema.ts';
import { describeConfig, summarizeConfig } from './summary.ts';

function config(input: unknown): AnalysisConfig {
  const r = parseConfig(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.config;
}

const orders = config({
  version: 1,
  name: 'Q2 <script>alert(1)</script>',
  sources: [
    {
      id: 'orders',
      kind: 'orders',
      platform: 'taobao',
      mapping: {
        customer_id: '买家会员名',
        order_id: '订单编号',
        order_time: '订单创建时间',
        amount: '买家实际支付金额',
        status: '订单状态',
        region: '收货地址',
      },
    },
    { id: 'members', kind: 'customers', mapping: { phone: '手机' } },
  ],
  cleaning: { maxAmount: 50000, categorySynonyms: { 女装: '服装' }, dedupeOrderIds: false },
});

describe('summarizeConfig', () => {
  it('says what a default config does in one line', () => {
    expect(summarizeConfig(config({ version: 1 }), 'zh-CN')).toBe('默认设置');
    expect(summarizeConfig(config({ version: 1 }), 'en')).toBe('Default settings');
  });

  it('lists sources, mapped columns and changed settings in both languages', () => {
    expect(summarizeConfig(orders, 'zh-CN')).toBe('订单: 6 列映射 · 客户: 1 列映射 · 3 项设置已修改');
    expect(summarizeConfig(orders, 'en')).toBe(
      'Orders: 6 column(s) mapped · Customers: 1 column(s) mapped · 3 setting(s) changed',
    );
  });

  it('reads presets and segments of analysis sections generically', () => {
    // Shape an analysis section (e.g. rfm) is expected to have; read without knowing its schema.
    const withRfm = {
      ...orders,
      sources: [orders.sources[0]!],
      cleaning: config({ version: 1 }).cleaning,
      rfm: {
        preset: 'value5',
        segments: [{ name: '重要价值' }, { label: '流失' }, 'x', { rule: {} }, {}, {}],
      },
    } as unknown as AnalysisConfig;
    expect(summarizeConfig(withRfm, 'zh-CN')).toBe('订单: 6 列映射 · RFM value5 · 6 个分群');
    expect(summarizeConfig(withRfm, 'en')).toBe('Orders: 6 column(s) mapped · RFM value5 · 6 segment(s)');
    expect(describeConfig(withRfm).segments).toEqual([
      { section: 'rfm', names: ['重要价值', '流失', 'x', '#4', '#5', '#6'] },
    ]);
  });
});

describe('describeConfig', () => {
  it('lists mapping, missing required roles and settings that differ from the defaults', () => {
    const d = describeConfig(orders);
    expect(d.name).toBe('Q2 <script>alert(1)</script>');
    expect(d.sources[0]).toEqual({
      id: 'orders',
      kind: 'orders',
      platform: 'taobao',
      fileNameHint: null,
      mapping: [
        { role: 'customer_id', column: '买家会员名' },
        { role: 'order_id', column: '订单编号' },
        { role: 'order_time', column: '订单创建时间' },
        { role: 'amount', column: '买家实际支付金额' },
        { role: 'status', column: '订单状态' },
        { role: 'region', column: '收货地址' },
      ],
      missingRequired: [],
    });
    expect(d.sources[1]!.missingRequired).toEqual(['customer_id']);
    expect(d.changed).toEqual([
      { path: 'cleaning.dedupeOrderIds', value: false },
      { path: 'cleaning.categorySynonyms.女装', value: '服装' },
      { path: 'cleaning.maxAmount', value: 50000 },
    ]);
  });

  it('compares list settings as a whole', () => {
    const d = describeConfig(
      config({ version: 1, cleaning: { statusRules: { purchaseStatuses: ['paid'] } } }),
    );
    expect(d.changed).toEqual([{ path: 'cleaning.statusRules.purchaseStatuses', value: ['paid'] }]);
  });
});

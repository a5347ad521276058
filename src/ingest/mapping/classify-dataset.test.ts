import { describe, expect, it } from 'vitest';
import { classifyDataset } from './classify-dataset.ts';
import type { ColumnInfo } from './propose-mapping.ts';
import { SAMPLE_HEADERS } from '../../sample/generate-orders.ts';

const cols = (headers: readonly string[], samples: Record<string, string[]> = {}): ColumnInfo[] =>
  headers.map((name) => ({ name, type: 'VARCHAR', samples: samples[name] ?? [] }));

// prettier-ignore
const cases: { name: string; headers: readonly string[]; role: string; mapped?: Record<string, string> }[] = [
  { name: 'the sample orders file', headers: SAMPLE_HEADERS, role: 'orders',
    mapped: { customer_id: '客户ID', order_time: '下单时间', amount: '实付金额' } },
  { name: 'a Taobao orders export', role: 'orders',
    headers: ['订单编号', '买家会员名', '买家支付宝账号', '买家应付货款', '买家应付邮费', '总金额', '买家实际支付金额', '订单状态', '收货人姓名', '收货地址', '联系手机', '订单创建时间', '订单付款时间', '宝贝标题', '宝贝种类', '物流单号', '宝贝总数量', '店铺名称', '订单关闭原因'],
    mapped: { customer_id: '买家会员名', amount: '买家实际支付金额' } },
  { name: 'a customer file', headers: ['客户ID', '姓名', '手机号', '邮箱', '会员等级'], role: 'customers',
    mapped: { customer_id: '客户ID', phone: '手机号' } },
  { name: 'an English CRM export', headers: ['Customer ID', 'Full Name', 'Phone', 'Email', 'Gender', 'Birthday', 'Loyalty Tier'], role: 'customers' },
  { name: 'the Hillstrom e-mail test', role: 'experiment',
    headers: 'recency,history_segment,history,mens,womens,zip_code,newbie,channel,segment,visit,conversion,spend'.split(','),
    mapped: { arm: 'segment', visited: 'visit', converted: 'conversion', revenue: 'spend' } },
  { name: 'a leads export', headers: ['线索ID', '线索来源', '创建时间', '首次跟进时间', '线索状态', '负责人', '手机号'], role: 'leads',
    mapped: { lead_id: '线索ID', first_contact_time: '首次跟进时间', stage: '线索状态' } },
  { name: 'a Salesforce leads export', headers: ['Id', 'LeadSource', 'CreatedDate', 'Status', 'OwnerId', 'ConvertedDate', 'Phone'], role: 'leads' },
  { name: 'an events export', headers: ['distinct_id', 'event', 'time', 'channel', 'page_url', 'utm_campaign', 'device'], role: 'events',
    mapped: { customer_id: 'distinct_id', event: 'event', event_time: 'time', page: 'page_url' } },
  { name: 'a campaign touches file', headers: ['活动名称', '客户ID', '分组', '触达渠道', '发送时间', '发送状态', '成本'], role: 'touches',
    mapped: { campaign_id: '活动名称', group: '分组', channel: '触达渠道', delivery_status: '发送状态', cost: '成本' } },
  { name: 'baskets, one per line', headers: ['小票号', '商品列表'], role: 'baskets', mapped: { items: '商品列表' } },
];

describe('classifyDataset', () => {
  it.each(cases)('$name → $role', ({ headers, role, mapped }) => {
    const [best, second] = classifyDataset(cols(headers));
    expect(best!.role).toBe(role);
    expect(best!.complete).toBe(true);
    expect(best!.score).toBeGreaterThan(second!.score);
    if (mapped) expect(best!.mapping).toMatchObject(mapped);
  });

  it('ranks every role, and the mapping is the role proposal', () => {
    const ranked = classifyDataset(cols(SAMPLE_HEADERS));
    expect(ranked.map((g) => g.role).sort()).toEqual(
      ['baskets', 'customers', 'events', 'experiment', 'leads', 'orders', 'touches'].sort(),
    );
    expect(ranked[0]!.mapping).toEqual(ranked[0]!.proposal.mapping);
  });

  it('an unrelated file is complete for no role', () => {
    const ranked = classifyDataset(cols(['foo', 'bar', 'baz']));
    expect(ranked.every((g) => !g.complete)).toBe(true);
  });
});

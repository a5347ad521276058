import { describe, expect, it } from 'vitest';
import { proposeMapping, type ColumnInfo } from './propose-mapping.ts';
import { normalizeHeader } from './normalize-header.ts';
import { detectPlatform } from './platforms.ts';

const cols = (headers: string[], samples: Record<string, string[]> = {}): ColumnInfo[] =>
  headers.map((name) => ({ name, type: 'VARCHAR', samples: samples[name] ?? [] }));

describe('normalizeHeader', () => {
  it.each([
    ['订单编号 ', '订单编号'],
    ['用户实付金额(元)', '用户实付金额'],
    ['用户实付金额（元）', '用户实付金额'],
    ['Customer ID', 'customerid'],
    ['customer_id', 'customerid'],
    ['Ｃｕｓｔｏｍｅｒ　ＩＤ', 'customerid'],
    ['Phone Number*', 'phonenumber'],
  ])('%s → %s', (input, out) => expect(normalizeHeader(input)).toBe(out));
});

describe('proposeMapping per platform header set', () => {
  // prettier-ignore
  const cases: { name: string; headers: string[]; platform: string | null; expected: Record<string, string> }[] = [
    { name: 'Taobao classic', platform: 'taobao',
      headers: ['订单编号', '买家会员名', '买家支付宝账号', '买家应付货款', '买家应付邮费', '总金额', '买家实际支付金额', '订单状态', '收货人姓名', '收货地址', '联系手机', '订单创建时间', '订单付款时间', '宝贝标题', '宝贝种类', '物流单号', '宝贝总数量', '店铺名称', '订单关闭原因'],
      expected: { customer_id: '买家会员名', order_id: '订单编号', order_time: '订单创建时间', paid_time: '订单付款时间', amount: '买家实际支付金额', quantity: '宝贝总数量', product: '宝贝标题', status: '订单状态', region: '收货地址', store: '店铺名称' } },
    { name: 'JD', platform: 'jd',
      headers: ['订单号', '商品ID', '商品名称', '订购数量', '支付方式', '下单时间', '京东价', '订单金额', '结算金额', '应付金额', '订单状态', '下单帐号', '客户姓名', '付款确认时间', '订单来源'],
      expected: { customer_id: '下单帐号', order_id: '订单号', order_time: '下单时间', paid_time: '付款确认时间', amount: '应付金额', quantity: '订购数量', unit_price: '京东价', product: '商品名称', payment_method: '支付方式', status: '订单状态', channel: '订单来源' } },
    { name: 'Pinduoduo', platform: 'pinduoduo',
      headers: ['订单成交时间', '商品', '订单号', '订单状态', '商品总价(元)', '邮费(元)', '店铺优惠折扣(元)', '用户实付金额(元)', '商家实收金额(元)', '商品数量(件)', '快递单号'],
      expected: { order_id: '订单号', order_time: '订单成交时间', amount: '用户实付金额(元)', quantity: '商品数量(件)', product: '商品', status: '订单状态', discount: '店铺优惠折扣(元)' } },
    { name: 'Douyin', platform: 'douyin',
      headers: ['主订单编号', '子订单编号', '选购商品', '商品数量', '商品金额', '订单应付金额', '支付方式', '订单提交时间', '支付完成时间', '订单状态', '收件人', '收件人手机号', '省', '达人ID', '达人昵称', '流量来源'],
      expected: { order_id: '主订单编号', order_time: '订单提交时间', paid_time: '支付完成时间', amount: '订单应付金额', unit_price: '商品金额', quantity: '商品数量', product: '选购商品', status: '订单状态', region: '省', channel: '流量来源', payment_method: '支付方式' } },
    { name: 'WeChat shop', platform: 'wechat_shop',
      headers: ['订单号', '订单下单时间', '订单状态', '收件人姓名', '省', '收件人手机', '商品总价', '订单实际支付金额', '订单实际收款金额', '支付方式', '支付时间', '交易单号', '带货方式', '商品名称', '商品数量', '商品已退款金额', '商品发货'],
      expected: { order_id: '订单号', order_time: '订单下单时间', paid_time: '支付时间', amount: '订单实际支付金额', refund: '商品已退款金额', status: '订单状态', product: '商品名称', quantity: '商品数量', channel: '带货方式', payment_method: '支付方式', region: '省' } },
    { name: 'Youzan', platform: 'youzan',
      headers: ['订单号', '销售渠道', '归属店铺', '订单状态', '订单创建时间', '买家付款时间', '付款方式', '支付流水号', '商品金额合计', '订单实付金额', '全部商品名称', '商品种类数', '收货人省份', '收货人/提货人', '买家昵称', '买家手机号', '订单已退款金额'],
      expected: { customer_id: '买家昵称', order_id: '订单号', order_time: '订单创建时间', paid_time: '买家付款时间', amount: '订单实付金额', refund: '订单已退款金额', product: '全部商品名称', channel: '销售渠道', payment_method: '付款方式', status: '订单状态', region: '收货人省份', store: '归属店铺' } },
    { name: 'Shopify', platform: 'shopify',
      headers: ['Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Currency', 'Subtotal', 'Total', 'Discount Amount', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Billing Name', 'Billing Province', 'Billing Phone', 'Payment Method', 'Refunded Amount', 'Id', 'Source'],
      expected: { customer_id: 'Email', order_id: 'Name', order_time: 'Created at', paid_time: 'Paid at', amount: 'Total', refund: 'Refunded Amount', quantity: 'Lineitem quantity', unit_price: 'Lineitem price', discount: 'Discount Amount', product: 'Lineitem name', status: 'Financial Status', region: 'Billing Province', payment_method: 'Payment Method', channel: 'Source', currency: 'Currency' } },
    { name: 'WooCommerce (SkyVerge)', platform: 'woocommerce',
      headers: ['order_id', 'order_number', 'date', 'status', 'order_total', 'payment_method', 'customer_user', 'billing_email', 'billing_phone'],
      expected: { customer_id: 'customer_user', order_id: 'order_id', order_time: 'date', amount: 'order_total', status: 'status', payment_method: 'payment_method' } },
    { name: 'plain Chinese names', platform: null,
      headers: ['客户ID', '订单ID', '下单时间', '金额', '数量', '品类', '渠道'],
      expected: { customer_id: '客户ID', order_id: '订单ID', order_time: '下单时间', amount: '金额', quantity: '数量', category: '品类', channel: '渠道' } },
    { name: 'plain English names', platform: null,
      headers: ['customer_id', 'order_id', 'order_date', 'amount', 'quantity', 'category', 'Payment Method'],
      expected: { customer_id: 'customer_id', order_id: 'order_id', order_time: 'order_date', amount: 'amount', quantity: 'quantity', category: 'category', payment_method: 'Payment Method' } },
  ];

  it.each(cases)('$name', ({ headers, platform, expected }) => {
    const p = proposeMapping('orders', cols(headers));
    expect(p.platform?.id ?? null).toBe(platform);
    expect(p.mapping).toEqual(expected);
    for (const role of Object.keys(expected)) expect(p.confidence[role]!.score).toBeGreaterThanOrEqual(0.5);
  });

  it('never maps affiliates or payment transactions as customer or order ids', () => {
    const p = proposeMapping('orders', cols(['达人ID', '交易单号', '支付流水号', '下单时间', '实付金额']));
    expect(p.mapping.customer_id).toBeUndefined();
    expect(p.mapping.order_id).toBeUndefined();
    expect(p.missingRequired).toEqual(['customer_id']);
    expect(p.unmapped).toEqual(['达人ID', '交易单号', '支付流水号']);
  });

  it('maps customer exports (Youzan, HubSpot)', () => {
    const yz = proposeMapping(
      'customers',
      cols([
        '客户姓名',
        '客户昵称',
        '客户手机号',
        '客户生日',
        '客户性别',
        '标签',
        '消费次数',
        '消费金额',
        '上次消费时间',
        '成为客户时间',
      ]),
    );
    expect(yz.platform?.id).toBe('youzan');
    expect(yz.mapping).toMatchObject({
      customer_id: '客户手机号',
      name: '客户姓名',
      birthday: '客户生日',
      gender: '客户性别',
      tags: '标签',
      registration_date: '成为客户时间',
    });
    const hs = proposeMapping(
      'customers',
      cols([
        'Record ID',
        'First Name',
        'Last Name',
        'Email',
        'Phone Number',
        'Lifecycle Stage',
        'Create Date',
        'Country/Region',
      ]),
    );
    expect(hs.platform?.id).toBe('hubspot');
    expect(hs.mapping).toMatchObject({
      customer_id: 'Record ID',
      email: 'Email',
      phone: 'Phone Number',
      member_level: 'Lifecycle Stage',
      registration_date: 'Create Date',
      region: 'Country/Region',
    });
  });
});

describe('value sniffing', () => {
  it('confirms a header match when the values fit and questions it when they do not', () => {
    const good = proposeMapping(
      'orders',
      cols(['客户ID', '下单时间', '金额'], {
        下单时间: ['2024-01-01 10:00:00', '2024/1/2 9:05'],
        金额: ['¥12.50', '1,234.00'],
      }),
    );
    expect(good.confidence.order_time).toMatchObject({ values: 'agree' });
    expect(good.confidence.amount!.score).toBeGreaterThan(0.75);
    const bad = proposeMapping(
      'orders',
      cols(['客户ID', '下单时间', '金额'], { 下单时间: ['abc', 'def'], 金额: ['x', 'y'] }),
    );
    expect(bad.confidence.order_time).toMatchObject({ values: 'disagree' });
    expect(bad.confidence.order_time!.score).toBeLessThan(0.5);
  });

  it("takes Excel's scientific notation as amounts, long ids in it as ids (issue 12)", () => {
    const p = proposeMapping(
      'orders',
      cols(['客户ID', '订单号', '下单时间', '金额'], {
        订单号: ['1.23457E+17', '1.23458E+17'],
        金额: ['1.5E3', '1.23E+05', '2E1'],
      }),
    );
    expect(p.confidence.amount).toMatchObject({ values: 'agree' });
    expect(p.confidence.order_id!.values).not.toBe('disagree');
  });

  it('proposes date, e-mail and phone columns from values when headers say nothing', () => {
    const c = proposeMapping(
      'customers',
      cols(['客户ID', 'col2', 'col3', 'col4'], {
        col2: ['a@mail.com', 'b@qq.com'],
        col3: ['13812345678', '+86 139 1234 5678'],
        col4: ['2023-05-10', '2023-06-01'],
      }),
    );
    expect(c.mapping).toMatchObject({ email: 'col2', phone: 'col3', birthday: 'col4' });
    expect(c.confidence.email).toMatchObject({ score: 0.4, reason: 'values_only' });
  });

  it('accepts Excel serials and compact dates as date values', () => {
    const p = proposeMapping('orders', [
      { name: 'Created at', type: 'DECIMAL(18,6)', samples: ['45384.347894', '45385.5'] },
      { name: 'Email', type: 'VARCHAR', samples: [] },
      { name: 'Total', type: 'VARCHAR', samples: [] },
    ]);
    expect(p.confidence.order_time).toMatchObject({ values: 'agree' });
  });
});

describe('detectPlatform', () => {
  it.each([
    [['费用名称', '收支方向', '应结金额', '订单编号'], 'jd', 'finance'],
    [['日期', '成交花费(元)', '实际投产比'], 'promotion_report', 'promotion'],
    [['账务流水号', '收入金额（+元）', '支出金额（-元）'], 'finance_flow', 'finance'],
    [['a', 'b'], null, null],
  ])('%j → %s', (headers, id, kind) => {
    const p = detectPlatform(headers);
    expect(p?.id ?? null).toBe(id);
    expect(p?.fileKind ?? null).toBe(kind);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../src/engine/node-db.ts';
import type { DbPort } from '../../../src/engine/db-port.ts';
import { CleaningInputError, runCleaning } from '../../../src/engine/clean-source.ts';
import { toCleaningJson } from '../../../src/ingest/cleaning/report.ts';
import { proposeMapping } from '../../../src/ingest/mapping/propose-mapping.ts';
import { makeTable, plain, query } from './fixtures.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

const TODAY = '2024-06-30';

describe('runCleaning: Taobao-style order export', () => {
  const header = [
    '订单编号',
    '买家会员名',
    '买家实际支付金额',
    '订单状态',
    '订单创建时间',
    '订单付款时间',
    '宝贝标题',
    '宝贝总数量',
    '收货地址',
    '退款金额',
  ];
  const addr = '浙江省 杭州市 西湖区 文三路 1号';
  // prettier-ignore
  const rows = [
    ['="4197010032432749218"', '张三', '¥1,234.50', '交易成功', '2023/5/10 9:05', '2023/5/10 9:06', '手机', '1', addr, ''], // used
    ['="4197010032432749218"', '张三', '¥1,234.50', '交易成功', '2023/5/10 9:05', '2023/5/10 9:06', '手机', '1', addr, ''], // exact_duplicate
    ['="4197010032432749219"', '李四', '99.00元', '交易关闭', '2023-05-11 10:00:00', '0000-00-00 00:00:00', '耳机', '1', addr, ''], // status_not_purchase
    ['="4197010032432749220"', '王五', '50', '等待买家付款', '2023-05-12 10:00:00', '', '耳机', '1', addr, ''], // status_not_purchase
    ['="4197010032432749221"', '', '10', '交易成功', '2023-05-12 10:00:00', '', '耳机', '1', addr, ''], // missing_customer_id
    ['="4197010032432749222"', '赵六', '20', '交易成功', '', '', '耳机', '1', addr, ''], // missing_order_time
    ['="4197010032432749223"', '钱七', '-5', '交易成功', '2023-05-13 10:00:00', '', '耳机', '1', addr, ''], // used: a credit note (issue 12, item 2)
    ['="4197010032432749224"', '孙八', '30', '交易成功', '2099-01-01 10:00:00', '', '耳机', '1', addr, ''], // future_date
    ['="4197010032432749225"', '周九', '100', '交易成功', '2023-05-14 10:00:00', '', '耳机', '1', addr, '100'], // fully_refunded
    ['="4197010032432749230"', '吴十', '88', '卖家已发货，等待买家确认', '2023-06-01 10:00:00', '2023-06-01 10:01:00', '充电器', '2', addr, ''], // duplicate_order_id
    ['="4197010032432749230"', '吴十', '88', '交易成功', '2023-06-01 10:00:00', '2023-06-01 10:01:00', '充电器', '2', addr, ''], // used (latest)
    ['1.23457E+17', '郑一', '12', '交易成功', '2023-06-02 10:00:00', '', '数据线', '1', addr, ''], // used, id_scientific
    ['\t4197010032432749231', '\t王二', '１２３．５０', '买家已付款，等待卖家发货', '2023年5月10日', '', '手机', '1', '北京市海淀区马连洼', ''], // used
    ["'4197010032432749232", '张三', '(10.00)', '(删除)等待出库', '20230515', '', '手机', '1', addr, ''], // negative_amount (a deleted JD-style order, not a refund)
  ];

  it('sets aside each row with one reason, repairs values and counts add up', async () => {
    const input = await makeTable(db, 'taobao', header, rows);
    const proposal = proposeMapping(
      'orders',
      input.columns.map((c, i) => ({ ...c, samples: rows.map((r) => r[i]!) })),
    );
    expect(proposal.platform?.id).toBe('taobao');
    const report = await runCleaning(db, input, { mapping: proposal.mapping, today: TODAY });
    expect(report.rowsRead).toBe(14);
    expect(report.rowsUsed).toBe(5);
    expect(report.rowsSetAside).toBe(9);
    expect(report.returns).toEqual({
      creditNotes: 1,
      rows: 1,
      matched: 0,
      amount: 5,
      customersFullyReturned: 1,
    });
    expect(report.reasons).toEqual({
      exact_duplicate: 1,
      status_not_purchase: 2,
      missing_customer_id: 1,
      missing_order_time: 1,
      negative_amount: 1,
      future_date: 1,
      fully_refunded: 1,
      duplicate_order_id: 1,
    });
    expect(report.granularity.mode).toBe('order_rows');
    expect(report.repairs).toMatchObject({
      text_guard: 11 + 2 + 1, // 11 ="…" ids, a tab-prefixed id and name, an apostrophe-prefixed id
      id_scientific: 1,
      amount_symbol: 3, // ¥1,234.50 twice (the duplicate row is counted too), 99.00元
      amount_negative_parentheses: 1,
      fullwidth: 1,
      date_reformatted: 4, // 2023/5/10 9:05 and 9:06, on the row and its duplicate
      date_chinese: 1,
      date_compact: 1,
      date_zero: 1,
      region_from_address: 14,
    });

    const clean = plain(await query(db, 'SELECT * FROM orders_clean ORDER BY order_id'));
    expect(
      clean.map((r) => [r.order_id, r.customer_id, r.gross_amount, r.net_amount, r.status, r.is_purchase]),
    ).toEqual([
      ['1.23457E+17', '郑一', 12, 12, 'completed', true],
      ['4197010032432749218', '张三', 1234.5, 1234.5, 'completed', true],
      ['4197010032432749219', '李四', 99, 99, 'closed', false],
      ['4197010032432749220', '王五', 50, 50, 'pending_payment', false],
      ['4197010032432749223', '钱七', 0, -5, 'completed', false], // a credit note (is_return)
      ['4197010032432749225', '周九', 100, 0, 'completed', false],
      ['4197010032432749230', '吴十', 88, 88, 'completed', true],
      ['4197010032432749231', '王二', 123.5, 123.5, 'paid', true],
    ]);
    const first = clean.find((r) => r.order_id === '4197010032432749218')!;
    expect(first).toMatchObject({
      order_time: '2023-05-10 09:05:00',
      order_date: '2023-05-10',
      region: '浙江省',
      product: '手机',
    });
    expect(clean.find((r) => r.order_id === '4197010032432749231')).toMatchObject({
      order_time: '2023-05-10 00:00:00',
      region: '北京市',
    });

    const purchases = await query(db, 'SELECT count(*) AS n FROM purchases');
    expect(purchases[0]!.n).toBe(4);
    const aside = await query(
      db,
      'SELECT source_row, reason, "订单编号", "买家会员名" FROM set_aside ORDER BY source_row',
    );
    expect(aside).toHaveLength(9);
    expect(aside[0]).toEqual({
      source_row: 2,
      reason: 'exact_duplicate',
      订单编号: '="4197010032432749218"',
      买家会员名: '张三',
    });
    expect(aside.find((r) => r.source_row === 10)?.reason).toBe('duplicate_order_id');
    expect(report.statuses.find((s) => s.raw === '交易关闭')).toEqual({
      raw: '交易关闭',
      status: 'closed',
      purchase: false,
      rows: 1,
    });

    const json = toCleaningJson(report, {
      encoding: 'gb18030',
      platform: 'taobao',
      mapping: proposal.mapping,
    });
    expect(Object.keys(json)).toEqual([
      'rows_read',
      'rows_used',
      'rows_set_aside',
      'reasons',
      'repairs',
      'returns', // 钱七's credit note (issue 12, item 2)
      'encoding',
      'platform',
      'mapping',
    ]);
    expect(json.rows_read).toBe(json.rows_used + json.rows_set_aside);
    expect(json.mapping.customer_id).toBe('买家会员名');
  });

  it('lets the status rule count closed orders too (editable rule)', async () => {
    const input = await makeTable(db, 'taobao2', header, rows);
    const mapping = {
      order_id: '订单编号',
      customer_id: '买家会员名',
      amount: '买家实际支付金额',
      status: '订单状态',
      order_time: '订单创建时间',
    };
    const report = await runCleaning(db, input, {
      mapping,
      today: TODAY,
      cleaning: {
        statusRules: { purchaseStatuses: ['completed', 'closed', 'paid'] },
        dropExactDuplicates: false,
        dedupeOrderIds: false,
      },
    });
    // 等待买家付款, and the older version of …230 (卖家已发货 = shipped, not in this list).
    expect(report.reasons.status_not_purchase).toBe(2);
    expect(report.reasons.exact_duplicate).toBeUndefined();
    expect(report.reasons.duplicate_order_id).toBeUndefined();
    expect(report.rowsRead).toBe(report.rowsUsed + report.rowsSetAside);
    const n = await query(
      db,
      `SELECT count(*) AS n FROM orders_clean WHERE order_id = '4197010032432749230'`,
    );
    expect(n[0]!.n).toBe(2);
  });
});

describe('runCleaning: Shopify-style line items', () => {
  const header = [
    'Name',
    'Email',
    'Financial Status',
    'Paid at',
    'Created at',
    'Total',
    'Lineitem quantity',
    'Lineitem name',
    'Lineitem price',
    'Refunded Amount',
    'Billing Province',
  ];
  // prettier-ignore
  const rows = [
    ['#1001', 'a@x.com', 'paid', '2024-05-01 10:00:00 +0000', '2024-05-01 09:59:00 +0000', '30.00', '1', 'Mug', '10.00', '0.00', 'CA'],
    ['#1001', 'a@x.com', '', '', '2024-05-01 09:59:00 +0000', '', '2', 'Cup', '10.00', '', ''],
    ['#1002', 'b@x.com', 'refunded', '2024-05-02 10:00:00 -0500', '2024-05-02 09:00:00 -0500', '15.00', '1', 'Tee', '15.00', '15.00', 'NY'],
    ['#1003', 'a@x.com', 'partially_refunded', '2024-05-03 23:30:00 -0700', '2024-05-03 23:30:00 -0700', '40.00', '1', 'Hat', '40.00', '10.00', 'CA'],
    ['#1003', 'a@x.com', '', '', '2024-05-03 23:30:00 -0700', '', '1', 'Pin', '0.00', '', ''],
  ];

  it('counts each order total once and fills order fields down', async () => {
    const input = await makeTable(db, 'shopify', header, rows);
    const proposal = proposeMapping(
      'orders',
      input.columns.map((c, i) => ({ ...c, samples: rows.map((r) => r[i]!) })),
    );
    expect(proposal.platform?.id).toBe('shopify');
    expect(proposal.mapping).toMatchObject({
      order_id: 'Name',
      customer_id: 'Email',
      amount: 'Total',
      status: 'Financial Status',
    });
    const report = await runCleaning(db, input, { mapping: proposal.mapping, today: TODAY });
    expect(report.granularity.mode).toBe('first_row');
    expect(report).toMatchObject({
      rowsRead: 5,
      rowsUsed: 4,
      rowsSetAside: 1,
      reasons: { status_not_purchase: 1 },
    });
    const clean = plain(
      await query(
        db,
        'SELECT order_id, customer_id, order_time, order_date, gross_amount, refund_amount, net_amount, quantity, list_amount, status, is_purchase FROM orders_clean ORDER BY order_id',
      ),
    );
    expect(clean).toEqual([
      {
        order_id: '#1001',
        customer_id: 'a@x.com',
        order_time: '2024-05-01 09:59:00',
        order_date: '2024-05-01',
        gross_amount: 30,
        refund_amount: 0,
        net_amount: 30,
        quantity: 3,
        list_amount: 30,
        status: 'paid',
        is_purchase: true,
      },
      {
        order_id: '#1002',
        customer_id: 'b@x.com',
        order_time: '2024-05-02 09:00:00',
        order_date: '2024-05-02',
        gross_amount: 15,
        refund_amount: 15,
        net_amount: 0,
        quantity: 1,
        list_amount: 15,
        status: 'refunded',
        is_purchase: false,
      },
      {
        order_id: '#1003',
        customer_id: 'a@x.com',
        order_time: '2024-05-03 23:30:00',
        order_date: '2024-05-03',
        gross_amount: 40,
        refund_amount: 10,
        net_amount: 30,
        quantity: 2,
        list_amount: 40,
        status: 'partially_refunded',
        is_purchase: true,
      },
    ]);
    expect(report.repairs.date_offset_dropped).toBe(8);
  });

  it('keeps the latest version when an overlapping export repeats an order', async () => {
    const again = [
      ...rows,
      [
        '#1001',
        'a@x.com',
        'refunded',
        '2024-05-01 10:00:00 +0000',
        '2024-05-01 09:59:00 +0000',
        '30.00',
        '1',
        'Mug',
        '10.00',
        '30.00',
        'CA',
      ],
      ['#1001', 'a@x.com', '', '', '2024-05-01 09:59:00 +0000', '', '2', 'Cup', '10.00', '', ''],
    ];
    const input = await makeTable(db, 'shopify2', header, again);
    const mapping = {
      order_id: 'Name',
      customer_id: 'Email',
      amount: 'Total',
      status: 'Financial Status',
      order_time: 'Created at',
      paid_time: 'Paid at',
      refund: 'Refunded Amount',
      quantity: 'Lineitem quantity',
      product: 'Lineitem name',
      unit_price: 'Lineitem price',
    };
    const report = await runCleaning(db, input, { mapping, today: TODAY });
    expect(report.granularity.mode).toBe('first_row');
    // The second #1001 block is the latest version (same paid time, later rows): refunded → not a
    // purchase. Its line row is identical to the first block's, so it is an exact duplicate.
    expect(report.reasons).toEqual({ duplicate_order_id: 2, status_not_purchase: 2, exact_duplicate: 1 });
    expect(report.rowsUsed).toBe(2);
  });
});

describe('runCleaning: other granularities and rules', () => {
  it('counts a total repeated on every line once, and sums per-line amounts', async () => {
    const header = ['订单号', '客户ID', '下单时间', '订单金额', '商品名称'];
    const repeated = [
      ['A1', 'C1', '2024-01-01 10:00:00', '100', 'x'],
      ['A1', 'C1', '2024-01-01 10:00:00', '100', 'y'],
      ['A2', 'C2', '2024-01-02 10:00:00', '50', 'x'],
      ['A2', 'C2', '2024-01-02 10:00:00', '50', 'z'],
    ];
    const t1 = await makeTable(db, 'rep', header, repeated);
    const mapping = {
      order_id: '订单号',
      customer_id: '客户ID',
      order_time: '下单时间',
      amount: '订单金额',
      product: '商品名称',
    };
    const r1 = await runCleaning(db, t1, { mapping, today: TODAY });
    expect(r1.granularity.mode).toBe('repeated_total');
    expect(plain(await query(db, 'SELECT order_id, gross_amount FROM orders_clean ORDER BY 1'))).toEqual([
      { order_id: 'A1', gross_amount: 100 },
      { order_id: 'A2', gross_amount: 50 },
    ]);
    const lines = [
      ['A1', 'C1', '2024-01-01 10:00:00', '60', 'x'],
      ['A1', 'C1', '2024-01-01 10:00:00', '40', 'y'],
      ['A2', 'C2', '2024-01-02 10:00:00', '50', 'x'],
    ];
    const t2 = await makeTable(db, 'lines', header, lines);
    const r2 = await runCleaning(db, t2, { mapping, today: TODAY });
    expect(r2.granularity.mode).toBe('line_sum');
    expect(plain(await query(db, 'SELECT order_id, gross_amount FROM orders_clean ORDER BY 1'))).toEqual([
      { order_id: 'A1', gross_amount: 100 },
      { order_id: 'A2', gross_amount: 50 },
    ]);
  });

  it('computes amounts from unit price × quantity when no amount column exists (Online Retail shape)', async () => {
    const header = ['InvoiceNo', 'CustomerID', 'InvoiceDate', 'Quantity', 'UnitPrice', 'Description'];
    const rows = [
      ['536365', '17850', '12/1/2010 8:26', 6, 2.55, 'HEART'],
      ['536365', '17850', '12/1/2010 8:26', 2, 3.39, 'LANTERN'],
      ['C536379', '14527', '12/1/2010 9:41', -1, 27.5, 'Discount'],
      ['536380', '', '12/13/2010 9:41', 1, 1, 'NO CUSTOMER'],
    ];
    const t = await makeTable(db, 'retail', header, rows, { Quantity: 'BIGINT', UnitPrice: 'DECIMAL(18,2)' });
    const proposal = proposeMapping(
      'orders',
      t.columns.map((c, i) => ({ ...c, samples: rows.map((r) => String(r[i])) })),
    );
    expect(proposal.mapping).toMatchObject({
      order_id: 'InvoiceNo',
      customer_id: 'CustomerID',
      order_time: 'InvoiceDate',
      quantity: 'Quantity',
      unit_price: 'UnitPrice',
    });
    const report = await runCleaning(db, t, { mapping: proposal.mapping, today: TODAY });
    expect(report.granularity.mode).toBe('line_sum');
    expect(report.dateOrders[0]).toMatchObject({ order: 'mdy', decidedBy: 'data' });
    // C536379 is a credit note (issue 12, item 2): used, netted; its customer bought nothing else.
    expect(report.reasons).toEqual({ missing_customer_id: 1 });
    expect(report.returns).toMatchObject({ creditNotes: 1, amount: 27.5, customersFullyReturned: 1 });
    expect(
      plain(await query(db, 'SELECT order_id, order_time, gross_amount, quantity FROM purchases')),
    ).toEqual([{ order_id: '536365', order_time: '2010-12-01 08:26:00', gross_amount: 22.08, quantity: 8 }]);
  });

  it('asks about ambiguous day/month order and follows the config once answered', async () => {
    const header = ['客户ID', '订单日期', '金额'];
    const rows = [
      ['C1', '10/05/2023', '10'],
      ['C2', '01/02/2023', '20'],
    ];
    const t = await makeTable(db, 'amb', header, rows);
    const mapping = { customer_id: '客户ID', order_time: '订单日期', amount: '金额' };
    const asked = await runCleaning(db, t, { mapping, today: TODAY });
    expect(asked.questions).toEqual([
      { kind: 'ambiguous_date_order', column: '订单日期', values: 2, conflicting: false },
    ]);
    const answered = await runCleaning(db, t, { mapping, today: TODAY, cleaning: { dateOrder: 'dmy' } });
    expect(answered.questions).toEqual([]);
    expect(await query(db, 'SELECT order_date FROM orders_clean ORDER BY customer_id')).toEqual([
      { order_date: '2023-05-10' },
      { order_date: '2023-02-01' },
    ]);
    expect(answered.repairs.date_day_month).toBe(2);
  });

  it('applies impossible-value limits, minimum date, Excel serials and category synonyms', async () => {
    const header = ['客户ID', '下单时间', '实付金额', '数量', '品类'];
    const rows = [
      ['C1', '45384.34789351852', '10', '1', '手机'], // Excel serial 2024-04-02 08:20:58
      ['C2', '2024-01-01', '20000000', '1', '智能手机'], // absurd_amount
      ['C3', '2024-01-01', '10', '200000', '手机'], // absurd_quantity
      ['C4', '1985-01-01', '10', '1', '手机'], // implausible_date
      ['C5', '2024-01-01', '10', '-1', '手机'], // negative_quantity
      ['C6', 'not a date', '10', '1', '手机'], // unparseable_order_time
    ];
    const t = await makeTable(db, 'limits', header, rows);
    const mapping = {
      customer_id: '客户ID',
      order_time: '下单时间',
      amount: '实付金额',
      quantity: '数量',
      category: '品类',
    };
    const report = await runCleaning(db, t, {
      mapping,
      today: TODAY,
      cleaning: { categorySynonyms: { 手机: '智能手机' } },
    });
    expect(report.reasons).toEqual({
      absurd_amount: 1,
      absurd_quantity: 1,
      implausible_date: 1,
      negative_quantity: 1,
      unparseable_order_time: 1,
    });
    expect(report.repairs).toMatchObject({
      date_excel_serial: 1,
      date_unparseable: 1,
      category_standardised: 5,
    });
    expect(await query(db, 'SELECT order_time, category FROM purchases')).toEqual([
      { order_time: '2024-04-02 08:20:58', category: '智能手机' },
    ]);
    const off = await runCleaning(db, t, {
      mapping,
      today: TODAY,
      cleaning: { dropImpossibleValues: false },
    });
    expect(off.reasons).toEqual({ unparseable_order_time: 1 });
    expect(off.rowsUsed).toBe(5);
  });

  it('handles an empty table and refuses an unusable mapping with issues as values', async () => {
    const t = await makeTable(db, 'empty', ['客户ID', '下单时间', '实付金额'], []);
    const report = await runCleaning(db, t, {
      mapping: { customer_id: '客户ID', order_time: '下单时间', amount: '实付金额' },
      today: TODAY,
    });
    expect(report).toMatchObject({ rowsRead: 0, rowsUsed: 0, rowsSetAside: 0, reasons: {} });
    const bad = runCleaning(db, t, { mapping: { customer_id: 'nope', amount: '实付金额' }, today: TODAY });
    await expect(bad).rejects.toBeInstanceOf(CleaningInputError);
    await expect(bad).rejects.toMatchObject({
      issues: [
        { code: 'unknown_column', role: 'customer_id', column: 'nope' },
        { code: 'missing_role', role: 'order_time|paid_time' },
      ],
    });
  });

  it('quotes hostile column names and values (config from a stranger)', async () => {
    const evil = 'x"; DROP TABLE orders_clean; --';
    const t = await makeTable(db, 'evil', [evil, 'time', "amt'"], [["C1'); --", '2024-01-01', '1']]);
    const report = await runCleaning(db, t, {
      mapping: { customer_id: evil, order_time: 'time', amount: "amt'" },
      today: TODAY,
      cleaning: { categorySynonyms: { "a'b": "c'); --" } },
    });
    expect(report.rowsUsed).toBe(1);
    expect(await query(db, 'SELECT customer_id FROM purchases')).toEqual([{ customer_id: "C1'); --" }]);
  });
});

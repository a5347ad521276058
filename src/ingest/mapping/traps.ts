/**
 * Columns that look like a role by name but are something else (exports.md §2.1 ⚠): affiliates are
 * not customers, payment transactions and parcels are not orders.
 */
export const TRAPS: { [R in string]?: readonly string[] } = {
  customer_id: [
    '达人ID',
    '达人昵称',
    '带货ID',
    '带货账号昵称',
    'CPS达人ID',
    '团长ID',
    '分销员',
    '买家支付宝账号',
    '快赚客ID',
  ],
  order_id: [
    '交易单号',
    '支付单号',
    '支付流水号',
    '支付宝交易号',
    '外部订单号',
    '父单号',
    '物流单号',
    '快递单号',
    '运单号',
    '子订单编号',
    '退款编号',
  ],
  amount: ['商品种类数', '宝贝种类', '买家应付邮费', '邮费', '运费'],
  quantity: ['商品种类数', '宝贝种类'],
  unit_price: ['商品金额合计', '商品总价'],
};

/**
 * Order status normalisation (exports.md §3.7): each platform's raw status → one of ORDER_STATUSES,
 * then the config's `statusRules.purchaseStatuses` decides what counts as a purchase. Matching
 * ignores width and case (`已发货，待签收` = `已发货,待签收`). Unrecognised values go through a few
 * keyword rules and are `unknown` otherwise; the report lists every raw value so the user can fix it.
 */
import { literal, str } from '../../sql/quote.ts';
import { DEFAULT_PURCHASE_STATUSES, type OrderStatus, type StatusRules } from '../../config/schema.ts';
import { toHalfWidth } from '../repair/fullwidth.ts';

type Vocabulary = Record<string, OrderStatus>;

/** Raw status values per platform, as exported. */
export const STATUS_VOCABULARY: Record<string, Vocabulary> = {
  taobao: {
    等待买家付款: 'pending_payment',
    '买家已付款，等待卖家发货': 'paid',
    等待卖家发货: 'paid',
    买家已付款: 'paid',
    卖家部分发货: 'shipped',
    '卖家已发货，等待买家确认': 'shipped',
    等待买家确认收货: 'shipped',
    卖家已发货: 'shipped',
    买家已签收: 'delivered',
    交易成功: 'completed',
    交易关闭: 'closed',
    交易被淘宝关闭: 'closed',
    余额宝0元购合约中: 'pending_payment',
    外卡支付付款确认中: 'pending_payment',
    退款中: 'refunding',
  },
  jd: { 等待出库: 'paid', 等待确认收货: 'shipped', 完成: 'completed', 已取消: 'closed' },
  pinduoduo: {
    待支付: 'pending_payment',
    待发货: 'paid',
    '已发货，待签收': 'shipped',
    已签收: 'delivered',
    已收货: 'delivered',
    '未发货，退款成功': 'refunded',
    '已发货，退款成功': 'refunded',
    已取消: 'closed',
  },
  douyin: {
    待付款: 'pending_payment',
    待发货: 'paid',
    已发货: 'shipped',
    已完成: 'completed',
    已关闭: 'closed',
  },
  youzan: {
    待付款: 'pending_payment',
    待发货: 'paid',
    已发货: 'shipped',
    交易完成: 'completed',
    已完成: 'completed',
    已关闭: 'closed',
  },
  wechat_shop: {
    待付款: 'pending_payment',
    待发货: 'paid',
    已发货: 'shipped',
    已完成: 'completed',
    已关闭: 'closed',
  },
  kuaishou: { 交易成功: 'completed', 已发货: 'shipped', 已收货: 'delivered' },
  alibaba_1688: {
    待发货: 'paid',
    已发货: 'shipped',
    已完成: 'completed',
    已退款: 'refunded',
    退款成功: 'refunded',
    部分退款: 'partially_refunded',
    退款中: 'refunding',
    退货退款: 'refunded',
    已取消: 'closed',
  },
  shopify: {
    pending: 'pending_payment',
    authorized: 'pending_payment',
    partially_paid: 'paid',
    paid: 'paid',
    partially_refunded: 'partially_refunded',
    refunded: 'refunded',
    voided: 'closed',
  },
  woocommerce: {
    completed: 'completed',
    processing: 'paid',
    refunded: 'refunded',
    cancelled: 'closed',
    pending: 'pending_payment',
    'on-hold': 'pending_payment',
    failed: 'closed',
  },
  generic: {
    已付款: 'paid',
    已支付: 'paid',
    未付款: 'pending_payment',
    已退款: 'refunded',
    已取消: 'closed',
    canceled: 'closed',
    closed: 'closed',
    shipped: 'shipped',
    delivered: 'delivered',
    complete: 'completed',
    unpaid: 'pending_payment',
  },
};

/** Keyword rules for values no vocabulary lists, first match wins (JD's `(删除)` prefix = deleted). */
export const STATUS_KEYWORDS: readonly (readonly [string, OrderStatus])[] = [
  ['(删除)', 'closed'],
  ['部分退款', 'partially_refunded'],
  ['退款成功', 'refunded'],
  ['已退款', 'refunded'],
  ['退款中', 'refunding'],
  ['关闭', 'closed'],
  ['取消', 'closed'],
  ['cancel', 'closed'],
  ['待付款', 'pending_payment'],
  ['待支付', 'pending_payment'],
  ['未付款', 'pending_payment'],
  ['等待买家付款', 'pending_payment'],
  ['交易成功', 'completed'],
  ['完成', 'completed'],
  ['已签收', 'delivered'],
  ['已收货', 'delivered'],
  ['已发货', 'shipped'],
  ['待发货', 'paid'],
];

/** The matching key of a raw status: half-width, trimmed, lower-case (SQL twin: `statusKeySql`). */
export function statusKey(raw: string): string {
  return toHalfWidth(raw).trim().toLowerCase();
}

function mergedVocabulary(overrides: Record<string, OrderStatus>): Map<string, OrderStatus> {
  const map = new Map<string, OrderStatus>();
  for (const vocab of Object.values(STATUS_VOCABULARY)) {
    for (const [raw, status] of Object.entries(vocab))
      if (!map.has(statusKey(raw))) map.set(statusKey(raw), status);
  }
  for (const [raw, status] of Object.entries(overrides)) map.set(statusKey(raw), status);
  return map;
}

/** Normalise one raw status (null/empty → null: the file has no status for that row). */
export function normalizeStatus(
  raw: string | null,
  overrides: Record<string, OrderStatus> = {},
): OrderStatus | null {
  if (raw === null || raw.trim() === '') return null;
  const key = statusKey(raw);
  const exact = mergedVocabulary(overrides).get(key);
  if (exact) return exact;
  for (const [word, status] of STATUS_KEYWORDS) if (key.includes(statusKey(word))) return status;
  return 'unknown';
}

/** Whether a normalised status counts as a purchase; orders without a status count. */
export function isPurchaseStatus(status: OrderStatus | null, rules: Partial<StatusRules> = {}): boolean {
  if (status === null) return true;
  const list: readonly OrderStatus[] = rules.purchaseStatuses ?? DEFAULT_PURCHASE_STATUSES;
  return list.includes(status);
}

/** SQL: the matching key of a text expression. */
export function statusKeySql(expr: string): string {
  return `lower(trim(cl_hw(${expr})))`;
}

/** SQL CASE mapping a raw status expression to its normalised status (NULL stays NULL). */
export function buildStatusCaseSql(expr: string, overrides: Record<string, OrderStatus> = {}): string {
  const key = 'cl_k';
  const byStatus = new Map<OrderStatus, string[]>();
  for (const [raw, status] of mergedVocabulary(overrides))
    byStatus.set(status, [...(byStatus.get(status) ?? []), raw]);
  const exact = [...byStatus].map(
    ([status, raws]) => `WHEN ${key} IN (${raws.map(str).join(', ')}) THEN ${str(status)}`,
  );
  const words = STATUS_KEYWORDS.map(
    ([w, status]) => `WHEN contains(${key}, ${str(statusKey(w))}) THEN ${str(status)}`,
  );
  // The key is computed once per row (list_transform binds it), not once per WHEN.
  const body = `CASE WHEN ${key} IS NULL THEN NULL ${exact.join(' ')} ${words.join(' ')} ELSE 'unknown' END`;
  return `list_transform([${statusKeySql(expr)}], lambda ${key}: ${body})[1]`;
}

/** SQL boolean: the normalised status expression counts as a purchase. */
export function buildIsPurchaseSql(statusExpr: string, rules: Partial<StatusRules> = {}): string {
  const list = rules.purchaseStatuses ?? DEFAULT_PURCHASE_STATUSES;
  if (list.length === 0) return `(${statusExpr} IS NULL)`;
  return `(${statusExpr} IS NULL OR ${statusExpr} IN (${list.map((s) => literal(s)).join(', ')}))`;
}

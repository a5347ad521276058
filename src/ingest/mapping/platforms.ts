/**
 * Platform fingerprints (exports.md §2.7): headers that co-occur in one platform's export, plus the
 * columns that platform uses for a role when a generic synonym would pick another one (Shopify's
 * `Name` is the order number; Douyin's `商品金额` is a unit price).
 */
import type { SourceKind } from '../../config/roles.ts';
import { normalizeHeader } from './normalize-header.ts';

export const PLATFORM_IDS = [
  'taobao',
  'jd',
  'pinduoduo',
  'douyin',
  'wechat_shop',
  'youzan',
  'kuaishou',
  'shopify',
  'woocommerce',
  'hubspot',
  'salesforce',
  'finance_flow',
  'promotion_report',
] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export interface Fingerprint {
  platform: PlatformId;
  /** The kind of file this fingerprint describes. `finance` and `promotion` files are not orders. */
  fileKind: SourceKind | 'finance' | 'promotion';
  /** Every group must be present; a group is satisfied by any one of its headers. */
  all: readonly (readonly string[])[];
  /** Extra headers that raise confidence when present. */
  some?: readonly string[];
}

export const FINGERPRINTS: readonly Fingerprint[] = [
  {
    platform: 'taobao',
    fileKind: 'orders',
    all: [['买家会员名'], ['宝贝标题', '商品标题']],
    some: ['订单付款时间', '买家实际支付金额', '收货地址'],
  },
  {
    platform: 'taobao',
    fileKind: 'orders',
    all: [['买家实付金额'], ['总金额(旧版)', '商品标题']],
    some: ['支付单号'],
  },
  { platform: 'jd', fileKind: 'finance', all: [['费用名称'], ['收支方向'], ['应结金额']] },
  {
    platform: 'jd',
    fileKind: 'orders',
    all: [['下单帐号', '下单账号'], ['京东价']],
    some: ['付款确认时间', '订单号'],
  },
  {
    platform: 'pinduoduo',
    fileKind: 'orders',
    all: [
      ['商家实收金额(元)', '商家实收金额'],
      ['用户实付金额(元)', '用户实付金额'],
    ],
    some: ['订单成交时间'],
  },
  {
    platform: 'promotion_report',
    fileKind: 'promotion',
    all: [['成交花费(元)', '成交花费'], ['实际投产比']],
  },
  {
    platform: 'douyin',
    fileKind: 'orders',
    all: [['主订单编号'], ['选购商品']],
    some: ['达人昵称', '子订单编号'],
  },
  {
    platform: 'wechat_shop',
    fileKind: 'orders',
    all: [['订单实际收款金额'], ['带货方式', '商品发货']],
    some: ['收件人手机'],
  },
  {
    platform: 'youzan',
    fileKind: 'orders',
    all: [['收货人/提货人'], ['订单实付金额']],
    some: ['归属店铺', '买家昵称'],
  },
  { platform: 'youzan', fileKind: 'customers', all: [['客户手机号'], ['消费次数'], ['上次消费时间']] },
  { platform: 'kuaishou', fileKind: 'orders', all: [['CPS达人ID', '快赚客ID'], ['实付款']] },
  {
    platform: 'shopify',
    fileKind: 'orders',
    all: [['Lineitem name'], ['Financial Status']],
    some: ['Paid at', 'Total'],
  },
  {
    platform: 'shopify',
    fileKind: 'customers',
    all: [['First Name'], ['Accepts Email Marketing', 'Accepts Marketing'], ['Total Spent']],
  },
  {
    platform: 'woocommerce',
    fileKind: 'orders',
    all: [['First Name (Billing)', 'billing_email', 'Email (Billing)']],
  },
  {
    platform: 'hubspot',
    fileKind: 'customers',
    all: [
      ['Record ID', 'Contact ID'],
      ['Lifecycle Stage', 'Contact owner'],
    ],
  },
  {
    platform: 'salesforce',
    fileKind: 'leads',
    all: [
      ['LeadSource', 'Lead Source'],
      ['IsConverted', 'OwnerId', 'Lead Owner'],
    ],
  },
  {
    platform: 'finance_flow',
    fileKind: 'finance',
    all: [['入帐类型', '动账方向', '动帐类型', '收入金额(+元)', '账务流水号']],
  },
];

/** Columns a platform uses for a role, overriding the generic ranking. */
export const PLATFORM_PREFERENCES: { [P in PlatformId]?: Record<string, readonly string[]> } = {
  shopify: {
    order_id: ['Name'],
    customer_id: ['Email', 'Customer ID'],
    amount: ['Total'],
    order_time: ['Created at'],
    paid_time: ['Paid at'],
    status: ['Financial Status'],
    quantity: ['Lineitem quantity'],
    unit_price: ['Lineitem price'],
    product: ['Lineitem name'],
    refund: ['Refunded Amount'],
    discount: ['Discount Amount'],
    region: ['Billing Province', 'Shipping Province'],
    store: ['Location'],
    channel: ['Source'],
  },
  woocommerce: {
    product: ['Item Name', 'Name'],
    amount: ['Order Total Amount', 'order_total', 'Order Line Total'],
  },
  douyin: {
    order_id: ['主订单编号'],
    unit_price: ['商品金额'],
    amount: ['订单应付金额'],
    product: ['选购商品'],
  },
  taobao: { customer_id: ['买家会员名'], region: ['收货地址'] },
  youzan: { customer_id: ['买家昵称', '买家手机号', '客户手机号'], store: ['归属店铺'] },
  hubspot: { customer_id: ['Record ID', 'Contact ID'] },
  salesforce: { lead_id: ['Id'], stage: ['Status'], source: ['LeadSource', 'Lead Source'] },
};

export interface PlatformGuess {
  id: PlatformId;
  fileKind: Fingerprint['fileKind'];
  /** 0–1: required groups all present → ≥ 0.8, more with the optional headers. */
  confidence: number;
}

/** Recognise the platform from the header set; null when no fingerprint matches completely. */
export function detectPlatform(headers: readonly string[]): PlatformGuess | null {
  const present = new Set(headers.map(normalizeHeader));
  const has = (h: string) => present.has(normalizeHeader(h));
  let best: PlatformGuess | null = null;
  for (const fp of FINGERPRINTS) {
    if (!fp.all.every((group) => group.some(has))) continue;
    const extra = fp.some?.length ? fp.some.filter(has).length / fp.some.length : 1;
    const confidence = Math.round((0.8 + 0.15 * extra + Math.min(0.04, 0.01 * fp.all.length)) * 100) / 100;
    if (!best || confidence > best.confidence) best = { id: fp.platform, fileKind: fp.fileKind, confidence };
  }
  return best;
}

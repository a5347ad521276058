/**
 * One sample order: its time, lines (1–3 distinct products), prices after the day's promotion, an
 * order-level coupon shared out over the lines, payment, and a Taobao-style status — mostly
 * 交易成功, about 3 % 交易关闭 (never paid), 2 % fully refunded (已退款 / 退款成功), 2 % partly
 * refunded (still 交易成功), and recent orders still 等待买家付款 / awaiting shipment or receipt.
 */
import {
  CATEGORIES,
  CHANNELS,
  PAYMENTS_BY_CHANNEL,
  PROVINCES,
  type Channel,
  type Product,
} from './catalog.ts';
import { DAY_MS, promoFactor, secondOfDay } from './calendar.ts';
import type { CustomerProfile, SpendLevel } from './customers.ts';
import { normal, weighted, Weighted, type Rng } from './prng.ts';

export interface SampleLine {
  readonly product: Product;
  readonly category: string;
  readonly quantity: number;
  readonly unitCents: number;
  /** What the buyer paid for the line (after the shared coupon). */
  readonly paidCents: number;
  readonly refundCents: number;
}

export interface SampleOrder {
  /** Seconds since 1970-01-01 (wall-clock time stored as UTC). */
  readonly time: number;
  readonly paidTime: number | null;
  readonly customer: number;
  readonly channel: Channel;
  readonly payment: string;
  readonly province: string;
  readonly status: string;
  readonly lines: readonly SampleLine[];
}

const channels = weighted(CHANNELS);
const provinces = weighted(PROVINCES);
const payments = Object.fromEntries(
  Object.entries(PAYMENTS_BY_CHANNEL).map(([c, pairs]) => [c, weighted(pairs)]),
) as Record<Channel, Weighted<string>>;
const lineCounts = {
  usual: weighted([
    [1, 0.72],
    [2, 0.21],
    [3, 0.07],
  ] as const),
  loyal: weighted([
    [1, 0.55],
    [2, 0.3],
    [3, 0.15],
  ] as const),
};
const quantityTables = new Map<readonly number[], Weighted<number>>();
const productTables = new Map<string, Weighted<Product>>();

function quantity(product: Product, rng: Rng): number {
  let table = quantityTables.get(product.qty);
  if (!table)
    quantityTables.set(
      product.qty,
      (table = new Weighted(
        product.qty.map((_, i) => i + 1),
        product.qty,
      )),
    );
  return table.pick(rng);
}

function seasonFactor(product: Product, month: number): number {
  if (product.season === 'winter')
    return month >= 10 || month <= 2 ? 2.5 : month >= 6 && month <= 8 ? 0.15 : 0.7;
  if (product.season === 'summer')
    return month >= 5 && month <= 8 ? 2.5 : month >= 11 || month <= 2 ? 0.2 : 0.8;
  return 1;
}

const PRICE_EXPONENT: Readonly<Record<SpendLevel, number>> = { 0: -0.35, 1: 0, 2: 0.45 };

function pickProduct(category: number, spend: SpendLevel, month: number, rng: Rng): Product {
  const key = `${category}|${spend}|${month}`;
  let table = productTables.get(key);
  if (!table) {
    const products = CATEGORIES[category]!.products;
    const weights = products.map((p) => p.price ** PRICE_EXPONENT[spend] * seasonFactor(p, month));
    productTables.set(key, (table = new Weighted(products, weights)));
  }
  return table.pick(rng);
}

/** 满减 coupon on the order subtotal (cents), or 0. */
function coupon(subtotal: number, promo: boolean, rng: Rng): number {
  if (rng() >= (promo ? 0.6 : 0.25)) return 0;
  if (subtotal >= 30000) return 3000;
  if (subtotal >= 20000) return 2000;
  if (subtotal >= 9900) return 1000;
  return subtotal >= 4900 ? 500 : 0;
}

function status(ageDays: number, rng: Rng): string {
  const r = rng();
  if (r < 0.03) return '交易关闭';
  if (ageDays >= 3 && r < 0.05) return rng() < 0.5 ? '已退款' : '退款成功';
  if (ageDays >= 3 && r < 0.07) return 'partial_refund';
  if (ageDays < 1.5) return rng() < 0.1 ? '等待买家付款' : '买家已付款，等待卖家发货';
  if (ageDays < 3) return rng() < 0.3 ? '买家已付款，等待卖家发货' : '卖家已发货，等待买家确认';
  if (ageDays < 10) return rng() < 0.6 ? '卖家已发货，等待买家确认' : '交易成功';
  return '交易成功';
}

/** Build the customer's order on `day`; `endSecond` is the export's last second (for recent statuses). */
export function buildOrder(customer: CustomerProfile, day: number, endSecond: number, rng: Rng): SampleOrder {
  const channel = rng() < 0.78 ? customer.channel : channels.pick(rng);
  const time = (day * DAY_MS) / 1000 + secondOfDay(day, channel === '线下门店', rng);
  const month = new Date(day * DAY_MS).getUTCMonth() + 1;
  const factor = promoFactor(day, rng);
  const n = (customer.segment === 'loyal' ? lineCounts.loyal : lineCounts.usual).pick(rng);
  const drafts: { product: Product; category: number; quantity: number; unitCents: number }[] = [];
  for (let tries = 0; drafts.length < n && tries < 8; tries++) {
    const category = drafts.length > 0 && rng() < 0.55 ? drafts[0]!.category : customer.affinity.pick(rng);
    const product = pickProduct(category, customer.spend, month, rng);
    if (drafts.some((d) => d.product === product)) continue;
    const extra = customer.segment === 'loyal' && rng() < 0.15 ? 1 : 0;
    const unitCents = Math.max(100, Math.round((product.price * 100 * factor) / 10) * 10);
    drafts.push({ product, category, quantity: quantity(product, rng) + extra, unitCents });
  }
  const subtotal = drafts.reduce((s, d) => s + d.unitCents * d.quantity, 0);
  const off = coupon(subtotal, factor < 0.9, rng);
  let left = off;
  const paid = drafts.map((d, i) => {
    const share = i === drafts.length - 1 ? left : Math.floor((off * d.unitCents * d.quantity) / subtotal);
    left -= share;
    return d.unitCents * d.quantity - share;
  });

  const raw = status((endSecond - time) / 86400, rng);
  const refunds = paid.map(() => 0);
  if (raw === '已退款' || raw === '退款成功') paid.forEach((c, i) => (refunds[i] = c));
  if (raw === 'partial_refund') {
    const i = Math.floor(rng() * drafts.length);
    const d = drafts[i]!;
    const whole = drafts.length > 1 && rng() < 0.5;
    // A returned line, one unit of several, or a 10–40 % price-protection / damage refund.
    const share =
      d.quantity > 1
        ? paid[i]! / d.quantity
        : Math.max(100, Math.round((paid[i]! * (0.1 + 0.3 * rng())) / 100) * 100);
    refunds[i] = whole ? paid[i]! : Math.round(share);
  }
  const unpaid = raw === '交易关闭' || raw === '等待买家付款';
  const delay =
    channel === '线下门店'
      ? Math.floor(rng() * 15)
      : Math.min(3 * 86400, Math.round(Math.exp(3.5 + 1.2 * normal(rng))));
  return {
    time,
    paidTime: unpaid ? null : time + delay,
    customer: customer.number,
    channel,
    payment: payments[channel].pick(rng),
    province: rng() < 0.04 ? provinces.pick(rng) : customer.province,
    status: raw === 'partial_refund' ? '交易成功' : raw,
    lines: drafts.map((d, i) => ({
      product: d.product,
      category: CATEGORIES[d.category]!.name,
      quantity: d.quantity,
      unitCents: d.unitCents,
      paidCents: paid[i]!,
      refundCents: Math.min(refunds[i]!, paid[i]!),
    })),
  };
}

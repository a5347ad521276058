/**
 * Seeded generator of the app's built-in sample: a Chinese e-commerce order export at line-item
 * level (one row per product in an order), shaped like a Taobao/Tmall export with simple headers the
 * column mapper recognises. 18 months of orders from simulated customers: many one-time buyers and a
 * loyal high-value few, category affinity, repurchase cycles, churn, 双11 / 618 peaks, an evening
 * peak in the hour of day, closed / refunded / unpaid orders. Pure and deterministic: the same
 * options give the same rows on every platform (no clock, no locale, no Math.random).
 *
 * Amounts are per line: 实付金额 is what the buyer paid for that line (its share of any coupon
 * deducted), 退款金额 what was refunded on it. Closed and unpaid orders keep the amount payable and
 * have no 付款时间, so only the status tells them apart from purchases, as in real exports.
 */
import {
  DAY_MS,
  formatTimestamp,
  parseDay,
  shoppingWeight,
  WarpedCalendar,
  windowStart,
} from './calendar.ts';
import { makeCustomer, purchaseDays } from './customers.ts';
import { buildOrder, type SampleOrder } from './orders.ts';
import { mulberry32 } from './prng.ts';

export { toCsv, type CsvValue } from './csv.ts';
export { generateBenchCsvChunks, BENCH_HEADERS } from './bench-csv.ts';

export const SAMPLE_HEADERS = [
  '订单编号',
  '客户ID',
  '下单时间',
  '付款时间',
  '商品名称',
  '商品类目',
  '数量',
  '单价',
  '实付金额',
  '退款金额',
  '订单状态',
  '渠道',
  '支付方式',
  '省份',
] as const;
export type SampleHeader = (typeof SAMPLE_HEADERS)[number];
/** One line item; every value is text as it appears in the CSV ('' for an empty cell). */
export type SampleOrderRow = Readonly<Record<SampleHeader, string>>;

export interface SampleOptions {
  seed?: number;
  /** Customers simulated (those who ordered only before the window do not appear). */
  customers?: number;
  months?: number;
  /** Last day of the export, 'YYYY-MM-DD'. */
  endDate?: string;
}

export const DEFAULT_SAMPLE_OPTIONS: Required<SampleOptions> = {
  seed: 20261111,
  customers: 11_500,
  months: 18,
  endDate: '2026-10-31',
};

/** Customers are simulated from this many days before the window, so its first month has regulars. */
const LEAD_IN_DAYS = 183;

/** Sample export rows, newest order first (as platforms export them). */
export function generateSampleOrders(options: SampleOptions = {}): SampleOrderRow[] {
  const { seed, customers, months, endDate } = { ...DEFAULT_SAMPLE_OPTIONS, ...options };
  if (!Number.isInteger(customers) || customers < 1 || customers > 999_999) {
    throw new Error(`customers must be an integer in 1..999999, got ${customers}`);
  }
  if (!Number.isInteger(months) || months < 1 || months > 120)
    throw new Error(`months must be 1..120, got ${months}`);
  const rng = mulberry32(seed);
  const endDay = parseDay(endDate);
  const startDay = windowStart(endDay, months);
  const first = startDay - LEAD_IN_DAYS;
  const growth = (day: number) => 1 + (0.2 * (day - first)) / 365;
  const cal = new WarpedCalendar(first, endDay, (d) => shoppingWeight(d) * growth(d));
  // New customers arrive even more around big promotions, and more as the store grows.
  const arrivals = new WarpedCalendar(first, endDay, (d) => shoppingWeight(d) ** 1.3 * growth(d) ** 2);
  const firstDays = Array.from(
    { length: customers },
    () => arrivals.dayAt(rng() * arrivals.length) ?? endDay,
  );
  firstDays.sort((a, b) => a - b);

  const endSecond = ((endDay + 1) * DAY_MS) / 1000 - 1;
  const orders: SampleOrder[] = [];
  firstDays.forEach((firstDay, i) => {
    const customer = makeCustomer(rng, i + 1);
    for (const day of purchaseDays(customer, firstDay, cal, rng)) {
      if (day >= startDay) orders.push(buildOrder(customer, day, endSecond, rng));
    }
  });
  orders.sort((a, b) => a.time - b.time || a.customer - b.customer);
  const ids = orders.map((_, seq) => orderId(seq, rng));
  const rows: SampleOrderRow[] = [];
  for (let k = orders.length - 1; k >= 0; k--) rows.push(...orderRows(orders[k]!, ids[k]!));
  return rows;
}

/**
 * 18- or 19-digit order number: random leading digits and a 7-digit tail that is a bijection of the
 * order's sequence number (so ids are unique without looking sequential).
 */
function orderId(seq: number, rng: () => number): string {
  if (seq >= 10_000_000) throw new Error(`too many orders for 7-digit order tails: ${seq}`);
  const tail = String((seq * 4_194_301 + 2_654_435) % 10_000_000).padStart(7, '0');
  let head = String(1 + Math.floor(rng() * 4));
  const headLength = rng() < 0.7 ? 12 : 11;
  while (head.length < headLength) head += String(Math.floor(rng() * 10));
  return head + tail;
}

const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

function orderRows(order: SampleOrder, id: string): SampleOrderRow[] {
  const customerId = `C${String(order.customer).padStart(6, '0')}`;
  return order.lines.map((line) => ({
    订单编号: id,
    客户ID: customerId,
    下单时间: formatTimestamp(order.time),
    付款时间: order.paidTime === null ? '' : formatTimestamp(order.paidTime),
    商品名称: line.product.name,
    商品类目: line.category,
    数量: String(line.quantity),
    单价: money(line.unitCents),
    实付金额: money(line.paidCents),
    退款金额: money(line.refundCents),
    订单状态: order.status,
    渠道: order.channel,
    支付方式: order.payment,
    省份: order.province,
  }));
}

export interface SampleStats {
  rows: number;
  orders: number;
  customers: number;
  /** Earliest and latest 下单时间. */
  firstOrderTime: string;
  lastOrderTime: string;
}

export function sampleStats(rows: readonly SampleOrderRow[]): SampleStats {
  let firstOrderTime = '';
  let lastOrderTime = '';
  for (const r of rows) {
    if (!firstOrderTime || r.下单时间 < firstOrderTime) firstOrderTime = r.下单时间;
    if (r.下单时间 > lastOrderTime) lastOrderTime = r.下单时间;
  }
  return {
    rows: rows.length,
    orders: new Set(rows.map((r) => r.订单编号)).size,
    customers: new Set(rows.map((r) => r.客户ID)).size,
    firstOrderTime,
    lastOrderTime,
  };
}

/**
 * Time for the sample generator: UTC day numbers (no time zones: the export's wall-clock time is
 * stored as if it were UTC), a shopping-calendar weight per day (双11, 618, 双12, 38节, 春节 dip,
 * growth) and a time warp that turns "average days" into calendar days, so that purchases bunch up
 * on promotion days while repurchase intervals keep their average length.
 */
import { Weighted, type Rng } from './prng.ts';

export const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' → days since 1970-01-01; throws on anything that is not a real date. */
export function parseDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== iso) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  return ms / DAY_MS;
}

/**
 * First day of the 18 months ending at `endDay`: a month-end date covers whole calendar months
 * (2026-10-31 → 2025-05-01), any other date the same day 18 months earlier plus one.
 */
export function windowStart(endDay: number, months: number): number {
  const d = new Date(endDay * DAY_MS);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  const monthEnd = new Date(Date.UTC(y, m + 1, 0)).getUTCDate() === day;
  return (monthEnd ? Date.UTC(y, m - months + 1, 1) : Date.UTC(y, m - months, day + 1)) / DAY_MS;
}

const MONTH_FACTOR = [0.9, 0.72, 1, 0.95, 1, 1.1, 0.9, 0.9, 1, 1.02, 1.25, 1.12];

/** Relative order volume on a calendar day (before normalisation). */
export function shoppingWeight(day: number): number {
  const d = new Date(day * DAY_MS);
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  let w = MONTH_FACTOR[m - 1]!;
  if (m === 11 && dd === 11) w *= 7;
  else if (m === 11 && dd <= 10) w *= 1.7;
  else if (m === 11 && dd <= 13) w *= 0.7;
  else if (m === 10 && dd >= 24) w *= 1.3;
  else if (m === 6 && dd === 18) w *= 4.5;
  else if (m === 6 && dd < 18) w *= 1.5;
  else if (m === 12 && dd === 12) w *= 2.5;
  else if (m === 3 && dd === 8) w *= 2;
  if (d.getUTCDay() === 0 || d.getUTCDay() === 6) w *= 1.06;
  return w;
}

/** Promotion price factor of a day: what a list price is multiplied by for most orders that day. */
export function promoFactor(day: number, rng: Rng): number {
  const d = new Date(day * DAY_MS);
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  if (m === 11 && dd === 11) return 0.75;
  if (m === 11 && dd <= 10) return 0.82;
  if (m === 6 && dd <= 18) return 0.85;
  if (m === 12 && dd === 12) return 0.88;
  if (m === 3 && dd === 8) return 0.9;
  return rng() < 0.15 ? 0.92 : 1;
}

/** Days from `first` to `last` inclusive with a cumulative weight, mean weight 1 per day. */
export class WarpedCalendar {
  readonly first: number;
  readonly last: number;
  readonly #cum: Float64Array;

  constructor(first: number, last: number, weight: (day: number) => number) {
    this.first = first;
    this.last = last;
    const n = last - first + 1;
    const raw = Array.from({ length: n }, (_, i) => weight(first + i));
    const scale = n / raw.reduce((a, b) => a + b, 0);
    this.#cum = new Float64Array(n + 1);
    raw.forEach((w, i) => (this.#cum[i + 1] = this.#cum[i]! + w * scale));
  }

  /** Total warped length (= number of days). */
  get length(): number {
    return this.#cum[this.#cum.length - 1]!;
  }

  /** Warped position of the start of `day`. */
  at(day: number): number {
    return this.#cum[Math.min(Math.max(day - this.first, 0), this.#cum.length - 1)]!;
  }

  /** Calendar day containing warped position `x`, or null past the last day. */
  dayAt(x: number): number | null {
    const cum = this.#cum;
    if (x >= cum[cum.length - 1]!) return null;
    let lo = 0;
    let hi = cum.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (cum[mid]! <= x) lo = mid;
      else hi = mid - 1;
    }
    return this.first + lo;
  }
}

// Online orders: a lunch bump and an evening peak around 21:00; shops: opening hours.
const ONLINE_HOURS = [
  1.2, 0.6, 0.3, 0.15, 0.1, 0.1, 0.2, 0.5, 0.9, 1.3, 1.7, 1.8, 1.9, 1.7, 1.6, 1.6, 1.6, 1.6, 1.7, 2.1, 2.7,
  3.0, 2.6, 1.8,
];
const STORE_HOURS = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.8, 1.2, 1.4, 1.3, 1.4, 1.6, 1.7, 1.8, 1.9, 2, 1.8, 1, 0, 0,
];
const hourTable = (hours: readonly number[]) =>
  new Weighted(
    hours.map((_, h) => h),
    hours,
  );
const online = hourTable(ONLINE_HOURS);
const store = hourTable(STORE_HOURS);
// 双11 and 618 open at midnight: the first hour is the busiest of the year.
const midnightRush = hourTable(ONLINE_HOURS.map((w, h) => (h === 0 ? w * 12 : w)));

/** Seconds since midnight for an order placed on `day`. */
export function secondOfDay(day: number, inStore: boolean, rng: Rng): number {
  const d = new Date(day * DAY_MS);
  const rush =
    (d.getUTCMonth() === 10 && d.getUTCDate() === 11) || (d.getUTCMonth() === 5 && d.getUTCDate() === 18);
  const hour = (inStore ? store : rush ? midnightRush : online).pick(rng);
  return hour * 3600 + Math.floor(rng() * 3600);
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Seconds since 1970-01-01 → 'YYYY-MM-DD HH:MM:SS'. */
export function formatTimestamp(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

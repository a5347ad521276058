/**
 * Typed rows of the behaviour, revenue and lifecycle queries as the screens read them (columns as
 * documented on each builder), plus small helpers shared by both sections.
 */
import type { Row } from '../../client/engine-client.ts';

export type IntervalStatRow = {
  group_key: string | null;
  customers: number;
  intervals: number;
  avg_interval_days: number;
  p25_days: number;
  median_days: number;
  p75_days: number;
  p90_days: number;
};

export type IntervalHistogramRow = {
  group_key: string | null;
  bin_index: number;
  bin_lower: number;
  bin_upper: number | null;
  intervals: number;
  share: number | null;
};

export type RepurchaseRow = {
  customers: number;
  repeat_customers: number;
  repurchase_rate: number | null;
};

export type SecondPurchaseRow = {
  within_days: number;
  customers: number;
  eligible_customers: number;
  second_purchasers: number;
  second_purchase_rate: number | null;
};

export type PreferenceMixRow = {
  value: string;
  orders: number;
  customers: number;
  revenue: number;
  order_share: number;
  revenue_share: number | null;
  preferring_customers: number;
  preferring_share: number;
};

export type PriceRow = {
  orders: number;
  priced_orders: number;
  avg_discount_rate: number | null;
  promo_orders: number;
  promo_order_share: number | null;
  revenue: number;
  aov: number | null;
};

export type AovBandRow = {
  band_index: number;
  band_lower: number;
  band_upper: number | null;
  customers: number;
  orders: number;
  revenue: number;
  customer_share: number | null;
};

export type RevenueRow = {
  period_start: string;
  group_key: string | null;
  revenue: number;
  orders: number;
  customers: number;
  aov: number | null;
  new_customers: number;
  new_customer_revenue: number;
  returning_customer_revenue: number;
  revenue_pop_change: number | null;
  revenue_yoy_change: number | null;
};

export interface SegmentInfo {
  segment: string;
  segment_label: string | null;
  customers: number;
}

/** One bar of a share list (ShareBars.svelte). */
export interface ShareBar {
  key: string;
  label: string;
  /** 0..1; bars are scaled to the largest share in the list. */
  share: number;
  text: string;
}

/** Rows decoded from Arrow, read as the builder's documented shape. */
export function asRows<T>(rows: readonly Row[]): T[] {
  return rows as unknown as T[];
}

/** Rows sorted by one column (NULLs last either way), without touching the input. */
export function sortRows<T>(rows: readonly T[], key: string, dir: 'asc' | 'desc'): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  const get = (r: T) => (r as Record<string, unknown>)[key];
  return [...rows].sort((a, b) => {
    const x = get(a);
    const y = get(b);
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
    return String(x).localeCompare(String(y)) * sign;
  });
}

/** Next sort state after clicking a column header: a new column starts descending. */
export function nextSort(
  current: { key: string | null; dir: 'asc' | 'desc' },
  key: string,
): { key: string; dir: 'asc' | 'desc' } {
  if (current.key !== key) return { key, dir: 'desc' };
  return { key, dir: current.dir === 'desc' ? 'asc' : 'desc' };
}

/** Parse "0, 100, 500" (commas, spaces, Chinese commas) into numbers; null when any part is not a number. */
export function parseEdges(text: string): number[] | null {
  const parts = text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (parts.length === 0) return null;
  const values = parts.map(Number);
  return values.every(Number.isFinite) ? values : null;
}

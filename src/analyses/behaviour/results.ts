/**
 * Typed results of the behaviour module's parts (issues 6, 11): each query's columns named once
 * (meanings as documented on its builder) and read with `readRows`, so no screen casts rows.
 */
import type { RowOf } from '../read-rows.ts';
import type { TimeCell } from './peak-hours.ts';

export const PREFERENCE_DIMENSIONS = ['category', 'channel', 'payment_method'] as const;
export type PreferenceDimension = (typeof PREFERENCE_DIMENSIONS)[number];

export const SEGMENT_TABLE_ROW = { name: 'text' } as const;

export const SEGMENT_INFO = { segment: 'text', segment_label: 'text?', customers: 'num' } as const;
export type SegmentInfo = RowOf<typeof SEGMENT_INFO>;

export const INTERVAL_STAT = {
  group_key: 'text?',
  customers: 'num',
  intervals: 'num',
  avg_interval_days: 'num',
  p25_days: 'num',
  median_days: 'num',
  p75_days: 'num',
  p90_days: 'num',
} as const;
export type IntervalStatRow = RowOf<typeof INTERVAL_STAT>;

export const INTERVAL_HISTOGRAM = {
  group_key: 'text?',
  bin_index: 'num',
  bin_lower: 'num',
  bin_upper: 'num?',
  intervals: 'num',
  share: 'num?',
} as const;
export type IntervalHistogramRow = RowOf<typeof INTERVAL_HISTOGRAM>;

export interface Intervals {
  stats: IntervalStatRow[];
  histogram: IntervalHistogramRow[];
}

export const REPURCHASE = { customers: 'num', repeat_customers: 'num', repurchase_rate: 'num?' } as const;
export type RepurchaseRow = RowOf<typeof REPURCHASE>;

export const SECOND_PURCHASE = {
  within_days: 'num',
  customers: 'num',
  eligible_customers: 'num',
  second_purchasers: 'num',
  second_purchase_rate: 'num?',
} as const;
export type SecondPurchaseRow = RowOf<typeof SECOND_PURCHASE>;

export interface Repurchase {
  /** Null when the query gave no row. */
  rate: RepurchaseRow | null;
  second: SecondPurchaseRow[];
}

export const PREFERENCE_MIX = {
  value: 'text',
  orders: 'num',
  customers: 'num',
  revenue: 'num',
  order_share: 'num',
  revenue_share: 'num?',
  preferring_customers: 'num',
  preferring_share: 'num',
} as const;
export type PreferenceMixRow = RowOf<typeof PREFERENCE_MIX>;
export type Preferences = Record<PreferenceDimension, PreferenceMixRow[]>;

export const PRICE = {
  orders: 'num',
  priced_orders: 'num',
  avg_discount_rate: 'num?',
  promo_orders: 'num',
  promo_order_share: 'num?',
  revenue: 'num',
  aov: 'num?',
} as const;
export type PriceRow = RowOf<typeof PRICE>;

export const AOV_BAND = {
  band_index: 'num',
  band_lower: 'num',
  band_upper: 'num?',
  customers: 'num',
  orders: 'num',
  revenue: 'num',
  customer_share: 'num?',
} as const;
export type AovBandRow = RowOf<typeof AOV_BAND>;

export const TIME_CELL = { weekday: 'num', hour: 'num', orders: 'num', revenue: 'num' } as const;
export type { TimeCell };

/** Columns of the customer features table (CUSTOMER_FEATURE_COLUMNS, in that order). */
export const CUSTOMER_FEATURE = {
  customer_id: 'text',
  orders: 'num',
  purchase_days: 'num',
  first_purchase: 'text?',
  last_purchase: 'text?',
  revenue: 'num?',
  avg_interval_days: 'num?',
  median_interval_days: 'num?',
  top_category_1: 'text?',
  top_category_2: 'text?',
  top_category_3: 'text?',
  top_channel: 'text?',
  top_payment_method: 'text?',
  avg_discount_rate: 'num?',
  promo_order_share: 'num?',
  aov: 'num?',
  aov_band: 'text?',
  peak_weekday: 'num?',
  peak_hour: 'num?',
} as const;
export type CustomerFeatureRow = RowOf<typeof CUSTOMER_FEATURE>;

/**
 * Customer behaviour for the sample: each simulated customer gets a loyalty segment (many one-time
 * buyers, a few loyal ones), a main channel, a province, a spending level and a category affinity,
 * and then buys at intervals set by their main category's cycle (fast-moving goods every few weeks)
 * until they churn or the window ends. Intervals run on the warped calendar, so purchases bunch up
 * around 双11 and 618.
 */
import { CATEGORIES, CHANNELS, PROVINCES, type Channel } from './catalog.ts';
import type { WarpedCalendar } from './calendar.ts';
import { normal, weighted, Weighted, type Rng } from './prng.ts';

export type Segment = 'one_time' | 'occasional' | 'regular' | 'loyal';
/** 0 budget, 1 mid-range, 2 premium: shifts product choice towards cheaper or dearer items. */
export type SpendLevel = 0 | 1 | 2;

export interface CustomerProfile {
  /** Number behind the id: 123 → 'C000123' (ids follow acquisition order). */
  readonly number: number;
  readonly segment: Segment;
  readonly channel: Channel;
  readonly province: string;
  readonly spend: SpendLevel;
  /** Index into CATEGORIES of the category this customer buys most. */
  readonly mainCategory: number;
  /** Category index of each line, weighted by this customer's affinity. */
  readonly affinity: Weighted<number>;
}

/** Interval multiplier (× the main category's cycle) and chance to stop after each order. */
const SEGMENT_SPEC: Readonly<Record<Segment, { interval: number; churn: number }>> = {
  one_time: { interval: 0, churn: 1 },
  occasional: { interval: 3, churn: 0.35 },
  regular: { interval: 1.4, churn: 0.12 },
  loyal: { interval: 0.9, churn: 0.035 },
};

const SEGMENTS_BY_CHANNEL: Readonly<Record<Channel, Weighted<Segment>>> = {
  天猫旗舰店: segmentMix(0.45, 0.33, 0.16, 0.06),
  APP: segmentMix(0.4, 0.33, 0.19, 0.08),
  小程序: segmentMix(0.4, 0.33, 0.19, 0.08),
  // Live-stream buyers are impulse buyers; shop customers come back.
  抖音直播: segmentMix(0.58, 0.28, 0.1, 0.04),
  线下门店: segmentMix(0.38, 0.32, 0.2, 0.1),
};

function segmentMix(oneTime: number, occasional: number, regular: number, loyal: number): Weighted<Segment> {
  return weighted<Segment>([
    ['one_time', oneTime],
    ['occasional', occasional],
    ['regular', regular],
    ['loyal', loyal],
  ]);
}

const SPEND: Readonly<Record<Segment, Weighted<SpendLevel>>> = {
  one_time: spendMix(0.45, 0.4, 0.15),
  occasional: spendMix(0.45, 0.4, 0.15),
  regular: spendMix(0.3, 0.45, 0.25),
  loyal: spendMix(0.2, 0.4, 0.4),
};

function spendMix(budget: number, mid: number, premium: number): Weighted<SpendLevel> {
  return weighted<SpendLevel>([
    [0, budget],
    [1, mid],
    [2, premium],
  ]);
}

const channels = weighted(CHANNELS);
const provinces = weighted(PROVINCES);
const categoryIndexes = CATEGORIES.map((_, i) => i);
const categories = new Weighted(
  categoryIndexes,
  CATEGORIES.map((c) => c.weight),
);

export function makeCustomer(rng: Rng, number: number): CustomerProfile {
  const channel = channels.pick(rng);
  const segment = SEGMENTS_BY_CHANNEL[channel].pick(rng);
  const mainCategory = categories.pick(rng);
  let second = categories.pick(rng);
  while (second === mainCategory) second = categories.pick(rng);
  const affinity = new Weighted(
    categoryIndexes,
    CATEGORIES.map((c, i) => (i === mainCategory ? 0.62 : i === second ? 0.22 : 0) + 0.16 * c.weight),
  );
  return {
    number,
    segment,
    channel,
    province: provinces.pick(rng),
    spend: SPEND[segment].pick(rng),
    mainCategory,
    affinity,
  };
}

/** Calendar days on which the customer orders, from their first purchase on `firstDay`. */
export function purchaseDays(
  customer: CustomerProfile,
  firstDay: number,
  cal: WarpedCalendar,
  rng: Rng,
): number[] {
  const spec = SEGMENT_SPEC[customer.segment];
  const cycle = CATEGORIES[customer.mainCategory]!.cycleDays;
  const days: number[] = [];
  let x = cal.at(firstDay) + rng() * (cal.at(firstDay + 1) - cal.at(firstDay));
  for (let day: number | null = firstDay; day !== null; day = cal.dayAt(x)) {
    days.push(day);
    if (rng() < spec.churn) break;
    x += Math.max(3, cycle * spec.interval * Math.exp(0.45 * normal(rng)));
  }
  return days;
}

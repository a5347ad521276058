/** Typed rows of the campaign review (issue 13). */
import type { RowOf } from '../read-rows.ts';

export const CAMPAIGN_ROW = {
  campaign: 'text',
  channel: 'text?',
  first_send: 'text?',
  targeted: 'num',
  reached: 'num',
  reach_rate: 'num?',
  converted: 'num',
  conversion_rate: 'num?',
  revenue: 'num',
  cost: 'num?',
  roi: 'num?',
  control_customers: 'num?',
  control_converted: 'num?',
  target_rate: 'num?',
  control_rate: 'num?',
  lift: 'num?',
  lift_ci_low: 'num?',
  lift_ci_high: 'num?',
  p_value: 'num?',
  incremental_revenue: 'num?',
  incremental_roi: 'num?',
  needed_per_group: 'num?',
} as const;
export type CampaignRow = RowOf<typeof CAMPAIGN_ROW>;

export const CHANNEL_ROW = { ...CAMPAIGN_ROW, channel_key: 'text' } as const;
export type ChannelRow = RowOf<typeof CHANNEL_ROW>;

export const DAY_ROW = { arm: 'text', day: 'num', customers: 'num', converted: 'num', rate: 'num' } as const;
export type DayRow = RowOf<typeof DAY_ROW>;

export const SEGMENT_LIFT_ROW = {
  segment: 'text',
  segment_label: 'text',
  targeted: 'num',
  target_converted: 'num',
  control_customers: 'num',
  control_converted: 'num',
  target_rate: 'num?',
  control_rate: 'num?',
  lift: 'num?',
  lift_ci_low: 'num?',
  lift_ci_high: 'num?',
  p_value: 'num?',
} as const;
export type SegmentLiftRow = RowOf<typeof SEGMENT_LIFT_ROW>;

export const MATCH_ROW = {
  customers: 'num',
  matched: 'num',
  match_rate: 'num?',
  in_both_groups: 'num',
} as const;
export interface CampaignMatch {
  customers: number;
  matched: number;
  matchRate: number | null;
  inBothGroups: number;
  /** Up to 5 touched customer ids with no purchase, masked when they are phones or e-mails. */
  unmatchedSamples: string[];
}

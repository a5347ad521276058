/** Typed rows of the conversion funnel (issue 14). */
import type { RowOf } from '../read-rows.ts';

export const FUNNEL_STEP_ROW = {
  step: 'num',
  event: 'text',
  users: 'num',
  conversion_from_previous: 'num?',
  conversion_from_first: 'num?',
  median_minutes_from_previous: 'num?',
} as const;
export type FunnelStepRow = RowOf<typeof FUNNEL_STEP_ROW>;

export const FUNNEL_BREAKDOWN_ROW = { ...FUNNEL_STEP_ROW, breakdown: 'text', entered: 'num' } as const;
export type FunnelBreakdownRow = RowOf<typeof FUNNEL_BREAKDOWN_ROW>;

export const FUNNEL_WEEK_ROW = {
  entry_week: 'text',
  entered: 'num',
  completed: 'num',
  conversion: 'num',
  complete: 'bool',
} as const;
export type FunnelWeekRow = RowOf<typeof FUNNEL_WEEK_ROW>;

export const EVENT_NAME_ROW = { event: 'text', events: 'num', users: 'num' } as const;
export type EventNameRow = RowOf<typeof EVENT_NAME_ROW>;

export const EVENTS_INFO_ROW = {
  events: 'num',
  users: 'num',
  channel: 'num',
  page: 'num',
  campaign: 'num',
  device: 'num',
  first_event: 'text?',
  last_event: 'text?',
} as const;
export type EventsInfo = RowOf<typeof EVENTS_INFO_ROW>;

export interface FunnelResult {
  steps: FunnelStepRow[];
  /** Per breakdown value and step; empty without a breakdown. */
  breakdown: FunnelBreakdownRow[];
  weeks: FunnelWeekRow[];
}

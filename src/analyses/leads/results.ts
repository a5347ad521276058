/** Typed rows of the leads section (issue 13). */
import type { RowOf } from '../read-rows.ts';

const METRICS = {
  leads: 'num',
  contacted: 'num',
  avg_response_hours: 'num?',
  median_response_hours: 'num?',
  converted_30d: 'num',
  effective_rate: 'num?',
} as const;

export const LEADS_SOURCE_ROW = { source: 'text', ...METRICS } as const;
export const LEADS_OWNER_ROW = { owner: 'text', ...METRICS } as const;
export const LEADS_WEEK_ROW = { week: 'text', ...METRICS } as const;
export type LeadsSourceRow = RowOf<typeof LEADS_SOURCE_ROW>;
export type LeadsOwnerRow = RowOf<typeof LEADS_OWNER_ROW>;
export type LeadsWeekRow = RowOf<typeof LEADS_WEEK_ROW>;

export const LEADS_SUMMARY_ROW = {
  leads: 'num',
  contacted: 'num',
  won: 'num',
  effective: 'num',
  won_without_time: 'num',
  contact_before_created: 'num',
  avg_response_hours: 'num?',
  median_response_hours: 'num?',
  answered_1h: 'num?',
  answered_24h: 'num?',
  b_1h: 'num',
  b_4h: 'num',
  b_24h: 'num',
  b_72h: 'num',
  b_more: 'num',
} as const;
export type LeadsSummary = RowOf<typeof LEADS_SUMMARY_ROW>;

export const NOT_CONTACTED_ROW = {
  lead_id: 'text',
  source: 'text?',
  owner: 'text?',
  created_time: 'text',
  hours_waiting: 'num',
  phone: 'text?',
} as const;
export type NotContactedRow = RowOf<typeof NOT_CONTACTED_ROW>;

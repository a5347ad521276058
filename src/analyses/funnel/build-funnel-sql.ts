/**
 * The conversion funnel (issue 14) over the cleaned events (`events_clean`: customer_id, event,
 * event_time, channel, page, campaign, device, value).
 *
 * Definition (the UI help and README say the same; funnel.test.ts pins it):
 * - Only events whose name is one of the steps are read; other events are ignored.
 * - A user enters at their first step-1 event (t1 = the earliest step-1 time).
 * - Step k (k ≥ 2) is reached at the earliest step-k event at or after the time step k−1 was reached
 *   and before t1 + W days (W = windowDays). A user who never reaches step k−1 does not reach step k.
 *   Equal timestamps count as "at or after".
 * - Median time between steps: the median of (t_k − t_{k−1}) in minutes over users who reached step k.
 * - Breakdown: the property (channel, page, campaign, device) of the entry event (the smallest value
 *   when several step-1 events share t1; empty = no value), or the user's RFM segment (empty = no
 *   segment: the user has no orders up to the RFM as-of). The 19 breakdown values with most entrants
 *   are shown; the rest are summed as one row, `__other` (listed last).
 * - Entry week: the ISO week (Monday) of t1. A week is complete when its last entrant's window ended
 *   before the last event of the file (later weeks can still convert).
 *
 * `funnel_users` holds one row per entrant: customer_id, breakdown, entry_week, t1 … tk.
 */
import { ident, literal, literalList } from '../../sql/quote.ts';
import type { FunnelBreakdown } from './funnel-config.ts';

export const FUNNEL_USERS = 'funnel_users';
export const OTHER_BREAKDOWN = '__other';
const BREAKDOWN_ROWS = 19;

export interface FunnelSqlOptions {
  /** The cleaned events table. */
  events: string;
  steps: readonly string[];
  windowDays: number;
  breakdown: FunnelBreakdown;
  /** The RFM customer table (customer_id, segment); required for the `segment` breakdown. */
  segments?: string | undefined;
  target?: string;
}

const t = (k: number) => ident(`t${k}`);

function checkSteps(steps: readonly string[]): void {
  if (steps.length < 2 || steps.length > 8) throw new Error(`funnel: ${steps.length} steps (2 to 8)`);
  if (new Set(steps).size !== steps.length) throw new Error('funnel: steps repeat an event');
}

/** CREATE OR REPLACE TABLE funnel_users (see the header). */
export function buildFunnelUsersSql(o: FunnelSqlOptions): string {
  checkSteps(o.steps);
  const ev = ident(o.events);
  const days = `to_days(CAST(${literal(o.windowDays)} AS INTEGER))`;
  const property = o.breakdown === 'none' || o.breakdown === 'segment' ? null : ident(o.breakdown);
  const entryValue = property ? `coalesce(CAST(${property} AS VARCHAR), '')` : `''`;
  const ctes = [
    `ev AS (SELECT customer_id, event, event_time AS t FROM ${ev}
    WHERE event IN ${literalList(o.steps)} AND customer_id IS NOT NULL AND event_time IS NOT NULL)`,
    // min over (time, value): the earliest step-1 event, the smallest value among ties
    `r1 AS (SELECT customer_id, min({'t': event_time, 'v': ${entryValue}}) AS entry FROM ${ev}
    WHERE event = ${literal(o.steps[0]!)} AND customer_id IS NOT NULL AND event_time IS NOT NULL
    GROUP BY customer_id)`,
    `s1 AS (SELECT customer_id, entry.v AS breakdown, entry.t AS t1 FROM r1)`,
  ];
  for (let k = 2; k <= o.steps.length; k++) {
    const prev = Array.from({ length: k - 1 }, (_, i) => `p.${t(i + 1)}`);
    ctes.push(`s${k} AS (SELECT p.customer_id, p.breakdown, ${prev.join(', ')}, min(e.t) AS ${t(k)}
    FROM s${k - 1} p LEFT JOIN ev e ON e.customer_id = p.customer_id AND e.event = ${literal(o.steps[k - 1]!)}
      AND e.t >= p.${t(k - 1)} AND e.t < p.t1 + ${days}
    GROUP BY p.customer_id, p.breakdown, ${prev.join(', ')})`);
  }
  const last = `s${o.steps.length}`;
  const times = o.steps.map((_, i) => `f.${t(i + 1)}`).join(', ');
  const breakdown = o.breakdown === 'segment' ? `coalesce(CAST(g.segment AS VARCHAR), '')` : 'f.breakdown';
  const join =
    o.breakdown === 'segment'
      ? ` LEFT JOIN ${ident(o.segments ?? 'rfm_customers')} g ON g.customer_id = f.customer_id`
      : '';
  return `CREATE OR REPLACE TABLE ${ident(o.target ?? FUNNEL_USERS)} AS
WITH ${ctes.join(',\n  ')}
SELECT f.customer_id, ${breakdown} AS breakdown, CAST(date_trunc('week', f.t1) AS DATE) AS entry_week, ${times}
FROM ${last} f${join}
ORDER BY f.customer_id`;
}

/** `users` of step k with its conversions and median minutes, one SELECT over funnel_users. */
function stepSelect(k: number, steps: readonly string[], users: string, extra = '', group = ''): string {
  const prev = k === 1 ? null : t(k - 1);
  const median =
    prev === null
      ? 'CAST(NULL AS DOUBLE)'
      : `median(date_diff('second', ${prev}, ${t(k)}) / 60.0) FILTER (WHERE ${t(k)} IS NOT NULL)`;
  return `SELECT ${extra}${literal(k)} AS step, ${literal(steps[k - 1]!)} AS event,
    count(${t(k)}) AS users, ${prev === null ? 'count(t1)' : `count(${prev})`} AS previous_users,
    count(t1) AS first_users, ${median} AS median_minutes_from_previous
  FROM ${users}${group}`;
}

function withRates(inner: string, keys: string): string {
  return `SELECT ${keys}step, event, users,
  CASE WHEN previous_users > 0 THEN users / previous_users END AS conversion_from_previous,
  CASE WHEN first_users > 0 THEN users / first_users END AS conversion_from_first,
  median_minutes_from_previous, first_users AS entered
FROM (${inner}) AS s`;
}

export const FUNNEL_CSV_COLUMNS = [
  'step',
  'event',
  'users',
  'conversion_from_previous',
  'conversion_from_first',
  'median_minutes_from_previous',
] as const;

/**
 * One row per step: step (1-based), event, users, conversion_from_previous, conversion_from_first
 * (fractions, NULL when nobody entered), median_minutes_from_previous (NULL for step 1 and when nobody
 * reached the step). These are funnel.csv's columns.
 */
export function buildFunnelStepsSql(steps: readonly string[], users = FUNNEL_USERS): string {
  checkSteps(steps);
  const parts = steps.map((_, i) => stepSelect(i + 1, steps, ident(users)));
  return `SELECT ${FUNNEL_CSV_COLUMNS.map(ident).join(', ')}
FROM (${withRates(parts.join('\nUNION ALL\n'), '')}) ORDER BY step`;
}

/**
 * The same per breakdown value: breakdown ('' = none, `__other` = the values beyond the 19 with most
 * entrants), entered (step-1 users of the value), then the step columns. Sorted by entrants, then value.
 */
export function buildFunnelBreakdownSql(steps: readonly string[], users = FUNNEL_USERS): string {
  checkSteps(steps);
  const ranked = `(SELECT u.* REPLACE (CASE WHEN r.rank <= ${BREAKDOWN_ROWS} THEN u.breakdown ELSE ${literal(OTHER_BREAKDOWN)} END AS breakdown)
    FROM ${ident(users)} u JOIN (
      SELECT breakdown, row_number() OVER (ORDER BY count(*) DESC, breakdown) AS rank
      FROM ${ident(users)} GROUP BY breakdown) r ON r.breakdown = u.breakdown) AS ranked`;
  const parts = steps.map((_, i) => stepSelect(i + 1, steps, ranked, 'breakdown, ', ' GROUP BY breakdown'));
  return `SELECT * FROM (${withRates(parts.join('\nUNION ALL\n'), 'breakdown, ')})
ORDER BY breakdown = ${literal(OTHER_BREAKDOWN)}, entered DESC, breakdown, step`;
}

/**
 * Conversion by entry week: entry_week (Monday), entered, completed (reached the last step),
 * conversion (completed / entered), complete (every entrant's window ended by the file's last event).
 */
export function buildFunnelWeeksSql(
  o: Pick<FunnelSqlOptions, 'events' | 'steps' | 'windowDays'>,
  users = FUNNEL_USERS,
): string {
  checkSteps(o.steps);
  const lastStep = t(o.steps.length);
  return `SELECT entry_week, count(*) AS entered, count(${lastStep}) AS completed,
  count(${lastStep}) / count(*) AS conversion,
  max(t1) + to_days(CAST(${literal(o.windowDays)} AS INTEGER)) <= (SELECT max(event_time) FROM ${ident(o.events)}) AS complete
FROM ${ident(users)} GROUP BY entry_week ORDER BY entry_week`;
}

/**
 * The users who dropped at step k (k ≥ 2): reached step k−1, not step k. Columns: customer_id
 * (masked when it is a phone or e-mail and `mask`), breakdown, entered_at, reached_previous_at,
 * last_step (k−1). Sorted by customer_id.
 */
export function buildFunnelDroppedSql(
  steps: readonly string[],
  step: number,
  maskId: (expr: string) => string,
  users = FUNNEL_USERS,
): string {
  checkSteps(steps);
  if (!Number.isInteger(step) || step < 2 || step > steps.length)
    throw new Error(`funnel: no drop-off at step ${step}`);
  return `SELECT ${maskId('customer_id')} AS customer_id, breakdown, t1 AS entered_at,
  ${t(step - 1)} AS reached_previous_at, ${literal(steps[step - 2]!)} AS last_step
FROM ${ident(users)} WHERE ${t(step - 1)} IS NOT NULL AND ${t(step)} IS NULL ORDER BY customer_id`;
}

/** Event names with their counts (events, users), the most frequent first; at most 500 names. */
export function buildEventNamesSql(events: string): string {
  return `SELECT event, count(*) AS events, count(DISTINCT customer_id) AS users
FROM ${ident(events)} WHERE event IS NOT NULL GROUP BY event ORDER BY events DESC, event LIMIT 500`;
}

/** Which properties have values (the breakdown choices) and the file's time range. */
export function buildEventsInfoSql(events: string): string {
  return `SELECT count(*) AS events, count(DISTINCT customer_id) AS users,
  count(channel) AS channel, count(page) AS page, count(campaign) AS campaign, count(device) AS device,
  CAST(min(event_time) AS VARCHAR) AS first_event, CAST(max(event_time) AS VARCHAR) AS last_event
FROM ${ident(events)}`;
}

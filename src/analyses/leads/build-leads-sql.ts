/**
 * Lead follow-up (issue 13) over `leads_clean` (build-role-cleaning-sql.ts). Definitions (README and
 * the section's help):
 * - contacted = has a first follow-up time; response time = follow-up − created, in hours, over
 *   contacted leads whose follow-up is not before creation (those are counted as `contact_before_created`
 *   and left out of the times);
 * - won = the stage reads as won (or a won/closed time when no stage is mapped); effective =
 *   won with a won time in [created, created + N days) (N = effectiveDays, default 30);
 *   effective_rate = effective / all leads; a won lead without a won time is not effective and is counted;
 * - the "as of" time of the not-contacted list is the latest time in the file unless given.
 */
import { ident, literal } from '../../sql/quote.ts';
import type { LeadsConfig } from './leads-config.ts';
import { maskedIdSql } from '../campaigns/build-campaigns-sql.ts';

const hours = (a: string, b: string) => `(epoch(${a}) - epoch(${b})) / 3600.0`;

function enriched(table: string, config: LeadsConfig): string {
  return `SELECT *, ${hours('first_contact_time', 'created_time')} AS response_hours,
  won AND won_time IS NOT NULL AND won_time >= created_time
    AND won_time < created_time + to_days(CAST(${literal(config.effectiveDays)} AS INTEGER)) AS effective
FROM ${ident(table)}`;
}

const metrics = `count(*) AS leads,
  count(first_contact_time) AS contacted,
  avg(response_hours) FILTER (WHERE response_hours >= 0) AS avg_response_hours,
  median(response_hours) FILTER (WHERE response_hours >= 0) AS median_response_hours,
  count(*) FILTER (WHERE effective) AS converted_30d,
  count(*) FILTER (WHERE effective) / count(*) AS effective_rate`;

/** leads.csv: one row per source (empty source as ''), then `__all__`. */
export function buildLeadsBySourceSql(table: string, config: LeadsConfig): string {
  return `WITH l AS (${enriched(table, config)})
SELECT * FROM (
  SELECT coalesce(source, '') AS source, ${metrics} FROM l GROUP BY 1 ORDER BY leads DESC, source)
UNION ALL
SELECT '__all__' AS source, ${metrics} FROM l`;
}

/** One row per owner (empty owner as ''), by leads. */
export function buildLeadsByOwnerSql(table: string, config: LeadsConfig): string {
  return `WITH l AS (${enriched(table, config)})
SELECT coalesce(owner, '') AS owner, ${metrics} FROM l GROUP BY 1 ORDER BY leads DESC, owner`;
}

/** One row per (Monday) week of creation. */
export function buildLeadsByWeekSql(table: string, config: LeadsConfig): string {
  return `WITH l AS (${enriched(table, config)})
SELECT CAST(date_trunc('week', created_time) AS DATE) AS week, ${metrics} FROM l GROUP BY 1 ORDER BY week`;
}

/**
 * The funnel and response times, one row: leads, contacted, won, effective, won_without_time,
 * contact_before_created, answered_1h, answered_24h (shares of contacted leads with a valid time),
 * and the response-time distribution buckets.
 */
export function buildLeadsSummarySql(table: string, config: LeadsConfig): string {
  const ok = 'response_hours >= 0';
  return `WITH l AS (${enriched(table, config)})
SELECT count(*) AS leads, count(first_contact_time) AS contacted, count(*) FILTER (WHERE won) AS won,
  count(*) FILTER (WHERE effective) AS effective,
  count(*) FILTER (WHERE won AND won_time IS NULL) AS won_without_time,
  count(*) FILTER (WHERE response_hours < 0) AS contact_before_created,
  avg(response_hours) FILTER (WHERE ${ok}) AS avg_response_hours,
  median(response_hours) FILTER (WHERE ${ok}) AS median_response_hours,
  count(*) FILTER (WHERE ${ok} AND response_hours <= 1) / nullif(count(*) FILTER (WHERE ${ok}), 0) AS answered_1h,
  count(*) FILTER (WHERE ${ok} AND response_hours <= 24) / nullif(count(*) FILTER (WHERE ${ok}), 0) AS answered_24h,
  count(*) FILTER (WHERE ${ok} AND response_hours <= 1) AS b_1h,
  count(*) FILTER (WHERE ${ok} AND response_hours > 1 AND response_hours <= 4) AS b_4h,
  count(*) FILTER (WHERE ${ok} AND response_hours > 4 AND response_hours <= 24) AS b_24h,
  count(*) FILTER (WHERE ${ok} AND response_hours > 24 AND response_hours <= 72) AS b_72h,
  count(*) FILTER (WHERE ${ok} AND response_hours > 72) AS b_more
FROM l`;
}

/**
 * Leads not contacted `overdueHours` after creation, as of `asOf` (YYYY-MM-DD, end of that day) or
 * the latest time in the file: lead_id, source, owner, created_time, hours_waiting, phone (masked).
 */
export function buildNotContactedSql(
  table: string,
  config: LeadsConfig,
  mask: boolean,
  asOf?: string,
): string {
  const t = ident(table);
  const now = asOf
    ? `(CAST(${literal(asOf)} AS DATE) + INTERVAL 1 DAY)`
    : `(SELECT max(greatest(created_time, coalesce(first_contact_time, created_time), coalesce(won_time, created_time))) FROM ${t})`;
  return `SELECT lead_id, source, owner, created_time, round(${hours(now, 'created_time')}, 1) AS hours_waiting,
  ${maskedIdSql('phone', mask)} AS phone
FROM ${t}
WHERE first_contact_time IS NULL AND NOT won AND ${hours(now, 'created_time')} >= ${literal(config.overdueHours)}
ORDER BY created_time, lead_id`;
}

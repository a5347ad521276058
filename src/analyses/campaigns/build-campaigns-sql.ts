/**
 * The campaign review (issue 13) over `touches_clean` (build-role-cleaning-sql.ts) and the canonical
 * purchases. Definitions (the README and the section's help say the same):
 *
 * - A customer's send time is its earliest row of the campaign (repeated sends are one customer);
 *   it is reached when one of its rows was delivered. Exact duplicate rows were dropped by cleaning.
 * - It converts when it has a purchase (a valid order after cleaning, the RFM rule) in
 *   [send, send + W days): a purchase exactly at send + W is outside. revenue = net amount of the
 *   target customers' purchases inside their windows.
 * - targeted = distinct target customers; reach_rate = reached / targeted; converted = reached target
 *   customers who converted; conversion_rate = converted / reached.
 * - cost = the user's campaign cost when entered, else the cost column summed over the target rows
 *   (resends count); ROI = (revenue × margin − cost) / cost, empty when cost is 0 or unknown.
 * - With a control group: target_rate = converted targeted / targeted (intent to treat),
 *   control_rate = converted control / control; lift = target_rate − control_rate, 95 % CI by
 *   Newcombe's hybrid score method, p by the pooled two-proportion z-test; incremental revenue =
 *   (revenue per targeted − revenue per control customer) × targeted; incremental ROI from it.
 * A customer listed in both groups of a campaign is counted in both and reported (diagnostics).
 */
import { ident, literal } from '../../sql/quote.ts';
import type { CampaignsConfig } from './campaigns-config.ts';

/** The per campaign × customer × group table the parts and exports read (built by `prepare`). */
export const CAMPAIGN_CUSTOMERS = 'campaign_customers';

export interface CampaignTables {
  touches: string;
  purchases: string;
}

/** CREATE campaign_customers: campaign, customer_id, arm, send, delivered, channel, cost, sends, converted, revenue, day. */
export function buildCampaignCustomersSql(
  t: CampaignTables,
  config: Pick<CampaignsConfig, 'attributionDays'>,
): string {
  const w = literal(config.attributionDays);
  return `CREATE OR REPLACE TEMP TABLE ${ident(CAMPAIGN_CUSTOMERS)} AS
WITH c AS (
  SELECT coalesce(campaign_id, '') AS campaign, customer_id, arm, min(sent_time) AS send,
    bool_or(delivered) AS delivered, arg_min(channel, sent_time) AS channel, sum(cost) AS cost, count(*) AS sends
  FROM ${ident(t.touches)} GROUP BY ALL),
w AS (
  SELECT c.campaign, c.customer_id, c.arm, sum(p.net_amount) AS revenue, min(p.order_time) AS first_purchase
  FROM c JOIN ${ident(t.purchases)} p ON p.customer_id = c.customer_id
    AND p.order_time >= c.send AND p.order_time < c.send + to_days(CAST(${w} AS INTEGER))
  GROUP BY ALL)
SELECT c.*, w.first_purchase IS NOT NULL AS converted, coalesce(CAST(w.revenue AS DOUBLE), 0) AS revenue,
  CAST(floor(epoch(w.first_purchase - c.send) / 86400) AS INTEGER) AS day
FROM c LEFT JOIN w ON w.campaign = c.campaign AND w.customer_id = c.customer_id AND w.arm = c.arm`;
}

function costsSql(config: CampaignsConfig): string {
  if (config.costs.length === 0)
    return 'SELECT CAST(NULL AS VARCHAR) AS campaign, CAST(NULL AS DOUBLE) AS cost WHERE FALSE';
  const rows = config.costs.map((c) => `(${literal(c.campaign)}, CAST(${literal(c.cost)} AS DOUBLE))`);
  return `SELECT * FROM (VALUES ${rows.join(', ')}) AS v(campaign, cost)`;
}

/** Aggregates of `campaign_customers` grouped by `key` (an expression), then every derived column. */
function summarySql(config: CampaignsConfig, key: string, keyAs: string, where = 'TRUE'): string {
  const m = `CAST(${literal(config.margin)} AS DOUBLE)`;
  return `WITH k AS (
  SELECT ${key} AS ${ident(keyAs)},
    string_agg(DISTINCT channel, ', ' ORDER BY channel) AS channel,
    min(send) AS first_send,
    count(*) FILTER (WHERE arm = 'target') AS targeted,
    count(*) FILTER (WHERE arm = 'target' AND delivered) AS reached,
    count(*) FILTER (WHERE arm = 'target' AND delivered AND converted) AS converted,
    count(*) FILTER (WHERE arm = 'target' AND converted) AS target_converted,
    coalesce(sum(revenue) FILTER (WHERE arm = 'target'), 0) AS revenue,
    sum(cost) FILTER (WHERE arm = 'target') AS file_cost,
    count(*) FILTER (WHERE arm = 'control') AS control_n,
    count(*) FILTER (WHERE arm = 'control' AND converted) AS control_conv,
    coalesce(sum(revenue) FILTER (WHERE arm = 'control'), 0) AS control_revenue
  FROM ${ident(CAMPAIGN_CUSTOMERS)} WHERE ${where} GROUP BY ALL),
u AS (${costsSql(config)}),
j AS (
  SELECT k.*, CAST(coalesce(u.cost, k.file_cost) AS DOUBLE) AS cost,
    CASE WHEN control_n > 0 AND targeted > 0 THEN (revenue / targeted - control_revenue / control_n) * targeted END AS incr
  FROM k LEFT JOIN u ON ${keyAs === 'campaign' ? 'u.campaign = k.campaign' : 'FALSE'})
SELECT ${ident(keyAs)}, channel, first_send, targeted, reached,
  CASE WHEN targeted > 0 THEN reached / targeted END AS reach_rate,
  converted, CASE WHEN reached > 0 THEN converted / reached END AS conversion_rate,
  revenue, cost,
  CASE WHEN cost > 0 THEN (revenue * ${m} - cost) / cost END AS roi,
  CASE WHEN control_n > 0 THEN control_n END AS control_customers,
  CASE WHEN control_n > 0 THEN control_conv END AS control_converted,
  CASE WHEN control_n > 0 AND targeted > 0 THEN target_converted / targeted END AS target_rate,
  CASE WHEN control_n > 0 THEN control_conv / control_n END AS control_rate,
  CASE WHEN control_n > 0 AND targeted > 0 THEN target_converted / targeted - control_conv / control_n END AS lift,
  CASE WHEN control_n > 0 AND targeted > 0 THEN cl_newcombe_low(target_converted, targeted, control_conv, control_n) END AS lift_ci_low,
  CASE WHEN control_n > 0 AND targeted > 0 THEN cl_newcombe_high(target_converted, targeted, control_conv, control_n) END AS lift_ci_high,
  CASE WHEN control_n > 0 AND targeted > 0 THEN cl_prop_p(target_converted, targeted, control_conv, control_n) END AS p_value,
  incr AS incremental_revenue,
  CASE WHEN cost > 0 AND incr IS NOT NULL THEN (incr * ${m} - cost) / cost END AS incremental_roi,
  CASE WHEN control_n > 0 AND targeted > 0 THEN cl_n_props(target_converted / targeted, control_conv / control_n) END AS needed_per_group
FROM j`;
}

/** One row per campaign (the campaigns.csv columns plus needed_per_group), by first send. */
export function buildCampaignTableSql(config: CampaignsConfig): string {
  return `${summarySql(config, 'campaign', 'campaign')}
ORDER BY first_send, campaign`;
}

/** campaigns.csv: exactly the columns. */
export function buildCampaignsCsvSql(config: CampaignsConfig): string {
  return `SELECT campaign, channel, first_send, targeted, reached, reach_rate, converted, conversion_rate, revenue,
  cost, roi, control_customers, control_converted, target_rate, control_rate, lift, lift_ci_low, lift_ci_high,
  p_value, incremental_revenue, incremental_roi
FROM (${buildCampaignTableSql(config)}) AS c`;
}

/** One row per channel (a customer's channel is that of its first send): reach, response and ROI. */
export function buildChannelSql(config: CampaignsConfig): string {
  return `${summarySql({ ...config, costs: [] }, "coalesce(channel, '')", 'channel_key')}
ORDER BY targeted DESC, channel_key`;
}

/**
 * Conversion by days since send: per campaign, arm and day 0…W−1, the share of the group's customers
 * (targeted, or control) who had converted by the end of that day (cumulative).
 */
export function buildConversionByDaySql(
  config: Pick<CampaignsConfig, 'attributionDays'>,
  campaign: string,
): string {
  return `WITH g AS (SELECT arm, count(*) AS n FROM ${ident(CAMPAIGN_CUSTOMERS)} WHERE campaign = ${literal(campaign)} GROUP BY arm),
d AS (SELECT range AS day FROM range(0, ${literal(config.attributionDays)})),
c AS (SELECT arm, day, count(*) AS k FROM ${ident(CAMPAIGN_CUSTOMERS)}
  WHERE campaign = ${literal(campaign)} AND converted GROUP BY ALL)
SELECT g.arm, CAST(d.day AS INTEGER) AS day, g.n AS customers,
  coalesce((SELECT sum(k) FROM c WHERE c.arm = g.arm AND c.day <= d.day), 0) AS converted,
  coalesce((SELECT sum(k) FROM c WHERE c.arm = g.arm AND c.day <= d.day), 0) / g.n AS rate
FROM g CROSS JOIN d ORDER BY g.arm DESC, d.day`;
}

/** Lift by RFM segment for one campaign: target vs control per segment of `segments` (rfm_customers). */
export function buildLiftBySegmentSql(campaign: string, segments: string): string {
  const n = (cond: string) => `count(*) FILTER (WHERE ${cond})`;
  const inner = `WITH seg AS (SELECT customer_id, CAST(segment AS VARCHAR) AS segment, CAST(segment_label AS VARCHAR) AS segment_label FROM ${ident(segments)}),
x AS (SELECT cc.*, coalesce(s.segment, '') AS seg_id, coalesce(s.segment_label, s.segment, '') AS seg_label
  FROM ${ident(CAMPAIGN_CUSTOMERS)} cc LEFT JOIN seg s ON s.customer_id = cc.customer_id
  WHERE cc.campaign = ${literal(campaign)})
SELECT seg_id AS segment, min(seg_label) AS segment_label,
  ${n("arm = 'target'")} AS targeted, ${n("arm = 'target' AND converted")} AS target_converted,
  ${n("arm = 'control'")} AS control_customers, ${n("arm = 'control' AND converted")} AS control_converted
FROM x GROUP BY seg_id`;
  return `SELECT *,
  CASE WHEN targeted > 0 THEN target_converted / targeted END AS target_rate,
  CASE WHEN control_customers > 0 THEN control_converted / control_customers END AS control_rate,
  CASE WHEN targeted > 0 AND control_customers > 0 THEN target_converted / targeted - control_converted / control_customers END AS lift,
  CASE WHEN targeted > 0 AND control_customers > 0 THEN cl_newcombe_low(target_converted, targeted, control_converted, control_customers) END AS lift_ci_low,
  CASE WHEN targeted > 0 AND control_customers > 0 THEN cl_newcombe_high(target_converted, targeted, control_converted, control_customers) END AS lift_ci_high,
  CASE WHEN targeted > 0 AND control_customers > 0 THEN cl_prop_p(target_converted, targeted, control_converted, control_customers) END AS p_value
FROM (${inner}) AS s ORDER BY targeted DESC, segment`;
}

/** SQL masking a customer id that is a phone number or an e-mail (other ids are pseudonyms already). */
export function maskedIdSql(expr: string, mask: boolean): string {
  if (!mask) return expr;
  const digits = `regexp_replace(${expr}, '[^0-9]', '', 'g')`;
  return `CASE WHEN regexp_full_match(${digits}, '(?:86)?1[0-9]{10}') AND length(${expr}) <= 16
    THEN left(right(${digits}, 11), 3) || '****' || right(${digits}, 4)
  WHEN ${expr} LIKE '%@%' THEN regexp_replace(${expr}, '^(.)[^@]*@', '\\1***@')
  ELSE ${expr} END`;
}

/**
 * Converted or non-converted reached target customers of a campaign, for export: campaign,
 * customer_id (masked when it is a phone or e-mail and `mask`), channel, send, revenue, first purchase day.
 */
export function buildCampaignListSql(campaign: string, converted: boolean, mask: boolean): string {
  return `SELECT campaign, ${maskedIdSql('customer_id', mask)} AS customer_id, channel, send AS first_send,
  revenue, day AS days_to_purchase
FROM ${ident(CAMPAIGN_CUSTOMERS)}
WHERE campaign = ${literal(campaign)} AND arm = 'target' AND delivered AND ${converted ? 'converted' : 'NOT converted'}
ORDER BY revenue DESC, customer_id`;
}

/**
 * How well the touches' customer ids match the orders: touched customers, matched (some purchase
 * at any time), match_rate, customers in both groups of a campaign, and up to 5 unmatched ids (masked).
 */
export function buildMatchSql(t: CampaignTables, mask: boolean): { summary: string; samples: string } {
  return {
    summary: `WITH ids AS (SELECT DISTINCT customer_id FROM ${ident(t.touches)}),
m AS (SELECT count(*) AS customers, count(*) FILTER (WHERE customer_id IN (SELECT customer_id FROM ${ident(t.purchases)})) AS matched FROM ids)
SELECT customers, matched, CASE WHEN customers > 0 THEN matched / customers END AS match_rate,
  (SELECT count(*) FROM (SELECT campaign, customer_id FROM ${ident(CAMPAIGN_CUSTOMERS)} GROUP BY ALL HAVING count(DISTINCT arm) > 1)) AS in_both_groups
FROM m`,
    samples: `SELECT ${maskedIdSql('customer_id', mask)} AS customer_id FROM (
  SELECT DISTINCT customer_id FROM ${ident(t.touches)}
  WHERE customer_id NOT IN (SELECT customer_id FROM ${ident(t.purchases)}) ORDER BY customer_id LIMIT 5)`,
  };
}

/**
 * Campaign finding (issue 17), `campaigns.roi`: the channel with the lowest ROI against the one with
 * the highest, over campaigns with a cost and one channel. ROI = (revenue × margin − cost) / cost as in
 * the campaign table. Said only when both channels have MIN_CHANNEL_CUSTOMERS targeted customers and
 * their revenue per targeted customer differs by Welch's t-test at p < ALPHA (the cost is fixed, so
 * revenue per customer is what makes ROI differ by more than chance).
 */
import type { FindingsSpec, PlanContext, QueryRows } from '../contract.ts';
import type { Finding } from './finding.ts';
import { readRows } from '../read-rows.ts';
import { ident, literal } from '../../sql/quote.ts';
import { welch } from '../stats/intervals.ts';
import { buildCampaignTableSql, CAMPAIGN_CUSTOMERS, maskedIdSql } from '../campaigns/build-campaigns-sql.ts';
import type { CampaignsConfig } from '../campaigns/campaigns-config.ts';
import { FINDING_THRESHOLDS as T, score } from './thresholds.ts';
import { both, fmt } from './text.ts';

/**
 * Targeted customers of a channel's costed campaigns (the finding's group); ids that are phones or
 * e-mails are masked, as the campaign lists are by default.
 */
export function channelGroupSql(config: CampaignsConfig, channel: string): string {
  return `SELECT ${maskedIdSql('customer_id', true)} AS customer_id, campaign, channel, send, converted, revenue
FROM ${ident(CAMPAIGN_CUSTOMERS)}
WHERE arm = 'target' AND channel = ${literal(channel)}
  AND campaign IN (SELECT campaign FROM (${buildCampaignTableSql(config)}) WHERE cost > 0)
ORDER BY customer_id, campaign`;
}

export function planCampaignFindings(config: CampaignsConfig) {
  return {
    statements: [],
    queries: {
      channels: `WITH c AS (${buildCampaignTableSql(config)}),
  costed AS (SELECT * FROM c WHERE cost > 0 AND channel IS NOT NULL AND NOT contains(channel, ', ')),
  ch AS (SELECT channel, sum(cost)::DOUBLE AS cost, sum(revenue)::DOUBLE AS revenue FROM costed GROUP BY channel),
  s AS (SELECT channel, count(*) AS n, avg(revenue)::DOUBLE AS mean, coalesce(var_samp(revenue), 0)::DOUBLE AS var
    FROM ${ident(CAMPAIGN_CUSTOMERS)} WHERE arm = 'target' AND campaign IN (SELECT campaign FROM costed)
    GROUP BY channel)
SELECT ch.channel, ch.cost, ch.revenue, s.n, s.mean, s.var,
  (ch.revenue * CAST(${literal(config.margin)} AS DOUBLE) - ch.cost) / ch.cost AS roi
FROM ch JOIN s ON s.channel = ch.channel ORDER BY roi, ch.channel`,
    },
  };
}

const CHANNEL = {
  channel: 'text',
  cost: 'num',
  revenue: 'num',
  n: 'num',
  mean: 'num',
  var: 'num',
  roi: 'num',
} as const;

export function readCampaignFindings(rows: QueryRows, config: CampaignsConfig, ctx: PlanContext): Finding[] {
  const channels = readRows(rows.channels, CHANNEL).filter((c) => c.n >= T.MIN_CHANNEL_CUSTOMERS);
  if (channels.length < 2) return [];
  const worst = channels[0]!;
  const best = channels[channels.length - 1]!;
  if (!(best.roi > worst.roi)) return [];
  const test = welch(best.mean, best.var, best.n, worst.mean, worst.var, worst.n);
  if (!test || test.p === null || !(test.p < T.ALPHA)) return [];
  const p = test.p;
  return [
    {
      id: `campaigns.roi.${worst.channel}`,
      module: 'campaigns',
      kind: 'risk',
      score: score(30 + Math.min(50, (best.roi - worst.roi) * 10) + Math.min(20, worst.cost / 1000)),
      title: both('findings.campaigns.roi.title', () => ({ worst: worst.channel })),
      text: both('findings.campaigns.roi.text', (l) => {
        const f = fmt(l, ctx.currency);
        return {
          worst: worst.channel,
          best: best.channel,
          worstRoi: f.dec(worst.roi),
          bestRoi: f.dec(best.roi),
          worstRevenue: f.money(worst.mean),
          bestRevenue: f.money(best.mean),
          n: f.int(worst.n),
          nBest: f.int(best.n),
          p: f.p(p),
        };
      }),
      numbers: {
        channel: worst.channel,
        roi: worst.roi,
        compared_channel: best.channel,
        compared_roi: best.roi,
        revenue_per_customer: worst.mean,
        compared_revenue_per_customer: best.mean,
        customers: worst.n,
        compared_customers: best.n,
        margin: config.margin,
        p_value: p,
      },
      link: { section: 'campaigns' },
      group: { query: channelGroupSql(config, worst.channel), size: worst.n },
    },
  ];
}

export const campaignFindings: FindingsSpec<CampaignsConfig> = {
  plan: (config) => planCampaignFindings(config),
  read: (rows, config, ctx) => readCampaignFindings(rows, config, ctx),
};

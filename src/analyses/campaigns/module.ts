/**
 * The campaign review as an analysis module (issue 13): one row per campaign (reach, conversion,
 * revenue, cost, ROI, and target vs control lift with its CI and p-value), channels, conversion by
 * days since send, lift by RFM segment, the converted / non-converted lists and how well the touches
 * match the orders. Definitions: build-campaigns-sql.ts. campaigns.csv is its CLI file.
 */
import { defineModule, type PlanContext } from '../contract.ts';
import { readRow, readRows } from '../read-rows.ts';
import { roleTables } from '../../ingest/roles/catalogue.ts';
import { buildStatsMacrosSql } from '../stats/build-stats-sql.ts';
import { SEGMENTS_TABLE } from '../behaviour/build-segment-source-sql.ts';
import {
  buildCampaignCustomersSql,
  buildCampaignListSql,
  buildCampaignsCsvSql,
  buildCampaignTableSql,
  buildChannelSql,
  buildConversionByDaySql,
  buildLiftBySegmentSql,
  buildMatchSql,
} from './build-campaigns-sql.ts';
import type { CampaignsConfig } from './campaigns-config.ts';
import {
  CAMPAIGN_ROW,
  CHANNEL_ROW,
  DAY_ROW,
  MATCH_ROW,
  SEGMENT_LIFT_ROW,
  type CampaignMatch,
} from './results.ts';
import { campaignFindings } from '../findings/campaigns-findings.ts';

export type * from './results.ts';
export type { CampaignsConfig };

const tables = (ctx: PlanContext) => ({ touches: roleTables('touches').touches, purchases: ctx.purchases });

/** Statements every part runs first: the stats macros and campaign_customers for this window. */
const base = (config: CampaignsConfig, ctx: PlanContext) => [
  ...buildStatsMacrosSql(),
  buildCampaignCustomersSql(tables(ctx), config),
];

export interface ListParams {
  campaign: string;
  converted: boolean;
  /** Mask ids that are phones or e-mails (view.maskPii). */
  mask: boolean;
}

export const campaignsModule = defineModule({
  id: 'campaigns',
  needs: ['orders', 'touches'],
  configKey: 'campaigns',
  prepare: base,
  parts: {
    /** The campaign table with the match diagnostics (the warning when ids do not match orders). */
    table: {
      plan: (config: CampaignsConfig, ctx: PlanContext, p: { mask: boolean }) => {
        const match = buildMatchSql(tables(ctx), p.mask);
        return {
          statements: base(config, ctx),
          queries: { rows: buildCampaignTableSql(config), match: match.summary, samples: match.samples },
        };
      },
      read: (rows) => {
        const m = readRow(rows.match?.[0], MATCH_ROW);
        const match: CampaignMatch = {
          customers: m.customers,
          matched: m.matched,
          matchRate: m.match_rate,
          inBothGroups: m.in_both_groups,
          unmatchedSamples: readRows(rows.samples, { customer_id: 'text' } as const).map(
            (r) => r.customer_id,
          ),
        };
        return { rows: readRows(rows.rows, CAMPAIGN_ROW), match };
      },
    },
    channels: {
      plan: (config: CampaignsConfig, ctx: PlanContext, _p: void) => ({
        statements: base(config, ctx),
        queries: { rows: buildChannelSql(config) },
      }),
      read: (rows) => readRows(rows.rows, CHANNEL_ROW),
    },
    days: {
      plan: (config: CampaignsConfig, ctx: PlanContext, p: { campaign: string }) => ({
        statements: base(config, ctx),
        queries: { rows: buildConversionByDaySql(config, p.campaign) },
      }),
      read: (rows) => readRows(rows.rows, DAY_ROW),
    },
    /** Run only when the RFM segments table exists. */
    segments: {
      plan: (config: CampaignsConfig, ctx: PlanContext, p: { campaign: string }) => ({
        statements: base(config, ctx),
        queries: { rows: buildLiftBySegmentSql(p.campaign, SEGMENTS_TABLE) },
      }),
      read: (rows) => readRows(rows.rows, SEGMENT_LIFT_ROW),
    },
  },
  exports: [
    {
      id: 'campaigns',
      file: 'campaigns.csv',
      cli: true,
      plan: (config: CampaignsConfig, ctx: PlanContext) => ({
        statements: base(config, ctx),
        query: buildCampaignsCsvSql(config),
      }),
    },
  ],
  findings: campaignFindings,
  section: { titleKey: 'nav.campaigns', order: 50 },
});

/** The converted / non-converted list of one campaign (the section's export buttons). */
export const campaignListExport = {
  id: 'campaign_list',
  file: 'campaign_customers.csv',
  cli: false as const,
  plan: (config: CampaignsConfig, ctx: PlanContext, p: ListParams) => ({
    statements: base(config, ctx),
    query: buildCampaignListSql(p.campaign, p.converted, p.mask),
  }),
};

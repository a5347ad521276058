/**
 * Lead follow-up as an analysis module (issue 13): the funnel created → contacted → won, response
 * times, the effective rate by source, owner and week, and the leads not yet contacted. leads.csv is
 * its CLI file. Definitions: build-leads-sql.ts.
 */
import { defineModule, type PlanContext } from '../contract.ts';
import { readRow, readRows } from '../read-rows.ts';
import { roleTables } from '../../ingest/roles/catalogue.ts';
import {
  buildLeadsByOwnerSql,
  buildLeadsBySourceSql,
  buildLeadsByWeekSql,
  buildLeadsSummarySql,
  buildNotContactedSql,
} from './build-leads-sql.ts';
import type { LeadsConfig } from './leads-config.ts';
import {
  LEADS_OWNER_ROW,
  LEADS_SOURCE_ROW,
  LEADS_SUMMARY_ROW,
  LEADS_WEEK_ROW,
  NOT_CONTACTED_ROW,
} from './results.ts';

export type * from './results.ts';
export type { LeadsConfig };

const TABLE = roleTables('leads').leads;

export const leadsModule = defineModule({
  id: 'leads',
  needs: ['leads'],
  configKey: 'leads',
  prepare: () => [],
  parts: {
    overview: {
      plan: (config: LeadsConfig, _ctx: PlanContext, _p: void) => ({
        statements: [],
        queries: {
          summary: buildLeadsSummarySql(TABLE, config),
          sources: buildLeadsBySourceSql(TABLE, config),
          owners: buildLeadsByOwnerSql(TABLE, config),
          weeks: buildLeadsByWeekSql(TABLE, config),
        },
      }),
      read: (rows) => ({
        summary: readRow(rows.summary?.[0], LEADS_SUMMARY_ROW),
        sources: readRows(rows.sources, LEADS_SOURCE_ROW),
        owners: readRows(rows.owners, LEADS_OWNER_ROW),
        weeks: readRows(rows.weeks, LEADS_WEEK_ROW),
      }),
    },
    notContacted: {
      plan: (config: LeadsConfig, ctx: PlanContext, p: { mask: boolean }) => ({
        statements: [],
        queries: { rows: buildNotContactedSql(TABLE, config, p.mask, ctx.asOf) },
      }),
      read: (rows) => readRows(rows.rows, NOT_CONTACTED_ROW),
    },
  },
  exports: [
    {
      id: 'leads',
      file: 'leads.csv',
      cli: true,
      plan: (config: LeadsConfig) => ({ statements: [], query: buildLeadsBySourceSql(TABLE, config) }),
    },
  ],
  section: { titleKey: 'nav.leads', order: 70 },
});

/** The not-contacted list (the section's export buttons). */
export const notContactedExport = {
  id: 'leads_not_contacted',
  file: 'leads_not_contacted.csv',
  cli: false as const,
  plan: (config: LeadsConfig, ctx: PlanContext, p: { mask: boolean }) => ({
    statements: [],
    query: buildNotContactedSql(TABLE, config, p.mask, ctx.asOf),
  }),
};

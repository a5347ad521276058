/**
 * The conversion funnel as an analysis module (issue 14): event names and the suggested steps, the
 * funnel (steps, breakdown, conversion by entry week), the users who dropped at a step, and funnel.csv.
 * Definition: build-funnel-sql.ts. It needs only an events file; the RFM segment breakdown reads the
 * RFM section's customer table when it exists.
 */
import { defineModule, type PlanContext } from '../contract.ts';
import { readRow, readRows } from '../read-rows.ts';
import { roleTables } from '../../ingest/roles/catalogue.ts';
import { ident } from '../../sql/quote.ts';
import { maskedIdSql } from '../campaigns/build-campaigns-sql.ts';
import { SEGMENTS_TABLE } from '../behaviour/build-segment-source-sql.ts';
import {
  buildEventNamesSql,
  buildEventsInfoSql,
  buildFunnelBreakdownSql,
  buildFunnelDroppedSql,
  buildFunnelStepsSql,
  buildFunnelUsersSql,
  buildFunnelWeeksSql,
  FUNNEL_CSV_COLUMNS,
  FUNNEL_USERS,
} from './build-funnel-sql.ts';
import type { FunnelConfig } from './funnel-config.ts';
import { suggestSteps } from './suggest-steps.ts';
import {
  EVENT_NAME_ROW,
  EVENTS_INFO_ROW,
  FUNNEL_BREAKDOWN_ROW,
  FUNNEL_STEP_ROW,
  FUNNEL_WEEK_ROW,
  type FunnelResult,
} from './results.ts';
import { funnelFindings } from '../findings/funnel-findings.ts';

export type * from './results.ts';
export type { FunnelConfig };
export type { FunnelBreakdown } from './funnel-config.ts';
export { FUNNEL_BREAKDOWNS, FUNNEL_PROPERTIES, MAX_FUNNEL_STEPS } from './funnel-config.ts';
export { OTHER_BREAKDOWN } from './build-funnel-sql.ts';
export { suggestSteps, FUNNEL_STAGES } from './suggest-steps.ts';

const EVENTS = roleTables('events').events;

/** Whether the config names a funnel (2–8 steps). */
export function hasSteps(config: FunnelConfig): boolean {
  return config.steps.length >= 2;
}

/** funnel_users for the config (nothing when no steps are chosen yet). */
function usersSql(config: FunnelConfig): string[] {
  if (!hasSteps(config)) return [];
  return [
    buildFunnelUsersSql({
      events: EVENTS,
      steps: config.steps,
      windowDays: config.windowDays,
      breakdown: config.breakdown,
      segments: SEGMENTS_TABLE,
    }),
  ];
}

export interface DroppedParams {
  /** The step not reached (2 … number of steps). */
  step: number;
  /** Mask ids that are phones or e-mails (view.maskPii). */
  mask: boolean;
}

export const funnelModule = defineModule({
  id: 'funnel',
  needs: ['events'],
  configKey: 'funnel',
  prepare: (config: FunnelConfig) => usersSql(config),
  parts: {
    /** The file's event names by frequency, which properties have values, and the suggested steps. */
    names: {
      plan: (_config: FunnelConfig, _ctx: PlanContext, _p: void) => ({
        statements: [],
        queries: { names: buildEventNamesSql(EVENTS), info: buildEventsInfoSql(EVENTS) },
      }),
      read: (rows) => {
        const names = readRows(rows.names, EVENT_NAME_ROW);
        return { names, info: readRow(rows.info?.[0], EVENTS_INFO_ROW), suggested: suggestSteps(names) };
      },
    },
    /** Steps, breakdown (when chosen) and weeks; empty until 2–8 steps are chosen. */
    funnel: {
      plan: (config: FunnelConfig, _ctx: PlanContext, _p: void) =>
        hasSteps(config)
          ? {
              statements: usersSql(config),
              queries: {
                steps: buildFunnelStepsSql(config.steps),
                ...(config.breakdown !== 'none' ? { breakdown: buildFunnelBreakdownSql(config.steps) } : {}),
                weeks: buildFunnelWeeksSql({ events: EVENTS, ...config }),
              },
            }
          : { statements: [], queries: {} },
      read: (rows): FunnelResult => ({
        steps: readRows(rows.steps, FUNNEL_STEP_ROW),
        breakdown: readRows(rows.breakdown, FUNNEL_BREAKDOWN_ROW),
        weeks: readRows(rows.weeks, FUNNEL_WEEK_ROW),
      }),
    },
  },
  exports: [
    {
      id: 'funnel',
      file: 'funnel.csv',
      cli: true,
      // No steps (fewer than two event names in the file): the columns with no rows.
      plan: (config: FunnelConfig) =>
        hasSteps(config)
          ? {
              statements: usersSql({ ...config, breakdown: 'none' }),
              query: buildFunnelStepsSql(config.steps),
            }
          : {
              statements: [],
              query: `SELECT ${FUNNEL_CSV_COLUMNS.map((c) => `NULL AS ${ident(c)}`).join(', ')} WHERE FALSE`,
            },
    },
  ],
  findings: funnelFindings,
  section: { titleKey: 'nav.funnel', order: 55 },
});

/** The users who dropped at a step (the section's export buttons); funnel_users must exist. */
export const funnelDroppedExport = {
  id: 'funnel_dropped',
  file: 'funnel_dropped.csv',
  cli: false as const,
  plan: (config: FunnelConfig, _ctx: PlanContext, p: DroppedParams) => ({
    statements: usersSql(config),
    query: buildFunnelDroppedSql(config.steps, p.step, (e) => maskedIdSql(e, p.mask), FUNNEL_USERS),
  }),
};

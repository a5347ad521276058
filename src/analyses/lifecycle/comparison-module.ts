/**
 * Group comparison as an analysis module (issues 6, 11): the groups on offer (channels of the analysed
 * and of a second orders dataset, customer attributes and tags of a cleaned customer file) and two
 * groups side by side on the same metrics. It reads the lifecycle config slice (lostDays, the flag
 * threshold) and shows inside the lifecycle section, so it has no section of its own.
 *
 * It lives in lifecycle/ rather than a comparison/ folder: its builders, config slice and tests are
 * lifecycle's, and the comparison dataset's load flow reads build-relations-sql.ts from here.
 * Segments come from lifecycleModule's `segmentTable` / `segments` parts.
 */
import { defineModule, queriesPlan, type PlanContext } from '../contract.ts';
import { readRows } from '../read-rows.ts';
import { buildPreferenceMixSql } from '../behaviour/build-preference-sql.ts';
import { SEGMENTS_TABLE } from '../behaviour/build-segment-source-sql.ts';
import { buildGroupComparisonSql, type GroupSpec } from './build-group-comparison-sql.ts';
import { buildGroupChoicesSql } from './build-group-choices-sql.ts';
import { buildRelationsSql } from './build-relations-sql.ts';
import type { LifecycleConfig } from './lifecycle-config.ts';
import { CUSTOMER_GROUPS } from '../groups/customer-groups.ts';
import {
  ATTRIBUTE_LIMIT,
  ATTRIBUTE_ROW,
  CUSTOMER_ATTRIBUTES,
  CUSTOMERS_TABLE,
  readComparison,
  type GroupChoice,
} from './comparison-results.ts';

export interface ChannelsParams {
  /** Purchases table to read; default the analysed dataset's (ctx.purchases). */
  purchases?: string;
}

export interface CompareParams {
  a: GroupChoice;
  b: GroupChoice;
  /** Purchases table of the second orders dataset (groups `dataset` and `compare-channel`). */
  comparisonPurchases: string;
}

/** Which purchases a picked group reads. */
export function groupSpec(choice: GroupChoice, ctx: PlanContext, comparisonPurchases: string): GroupSpec {
  const main = ctx.purchases;
  switch (choice.kind) {
    case 'segment':
      return { purchases: main, filter: { kind: 'segment', table: SEGMENTS_TABLE, value: choice.value } };
    case 'channel':
      return { purchases: main, filter: { kind: 'channel', value: choice.value } };
    case 'attribute': {
      const attribute = CUSTOMER_ATTRIBUTES.find((a) => a.column === choice.attribute);
      if (!attribute)
        throw new Error(`group comparison: unknown attribute ${JSON.stringify(choice.attribute)}`);
      return {
        purchases: main,
        filter: {
          kind: 'tag',
          table: CUSTOMERS_TABLE,
          column: attribute.column,
          value: choice.value,
          match: attribute.split === true ? 'contains' : 'equals',
        },
      };
    }
    case 'group':
      return { purchases: main, filter: { kind: 'group', table: CUSTOMER_GROUPS, value: choice.value } };
    case 'dataset':
      return { purchases: comparisonPurchases };
    case 'compare-channel':
      return { purchases: comparisonPurchases, filter: { kind: 'channel', value: choice.value } };
    default:
      return { purchases: main };
  }
}

export const comparisonModule = defineModule({
  id: 'comparison',
  needs: ['orders'],
  configKey: 'lifecycle',
  prepare: () => [],
  parts: {
    /** Channels of a purchases table, most orders first. */
    channels: {
      plan: (_config: LifecycleConfig, ctx: PlanContext, p: ChannelsParams) =>
        queriesPlan({
          channels: buildPreferenceMixSql({ purchases: p.purchases ?? ctx.purchases, dimension: 'channel' }),
        }),
      read: (rows) => readRows(rows.channels, { value: 'text' }).map((r) => r.value),
    },
    /**
     * Whether a customer file has been cleaned (customers_clean exists). Its own part: the attribute
     * query does not bind without the table, so `attributes` runs only when this is true.
     */
    customerTable: {
      plan: (_config: LifecycleConfig, _ctx: PlanContext, _params: void) =>
        queriesPlan({ relations: buildRelationsSql([CUSTOMERS_TABLE]) }),
      read: (rows) => (rows.relations?.length ?? 0) > 0,
    },
    /** The most frequent values of each customer attribute (tags split into single tags). */
    attributes: {
      plan: (_config: LifecycleConfig, _ctx: PlanContext, _params: void) =>
        queriesPlan({
          attributes: buildGroupChoicesSql({
            table: CUSTOMERS_TABLE,
            attributes: CUSTOMER_ATTRIBUTES,
            limit: ATTRIBUTE_LIMIT,
          }),
        }),
      read: (rows) => readRows(rows.attributes, ATTRIBUTE_ROW),
    },
    /** Group A vs group B: one row per metric with differences and flags. */
    compare: {
      plan: (config: LifecycleConfig, ctx: PlanContext, p: CompareParams) =>
        queriesPlan({
          comparison: buildGroupComparisonSql({
            a: groupSpec(p.a, ctx, p.comparisonPurchases),
            b: groupSpec(p.b, ctx, p.comparisonPurchases),
            lostDays: config.lostDays,
            flagThreshold: config.comparisonFlagThreshold,
            purchaseUnit: ctx.purchaseUnit,
            ...(ctx.asOf ? { asOf: ctx.asOf } : {}),
          }),
        }),
      read: (rows) => readComparison(rows),
    },
  },
  exports: [],
  section: null,
});

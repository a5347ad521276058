/**
 * Market-basket rules and next-product recommendations as an analysis module (issue 15). Baskets
 * come from the orders (one order = one basket of products or categories) or from a basket file
 * (`ctx.baskets`); the `rules` model (Eclat itemsets, arules-style rules) and the `recommend` model
 * run in the engine and write basket_rules / basket_recommendations; the section's table, charts and
 * the CSVs are SQL over those tables.
 */
import { defineModule, type PlanContext, type QueryRows } from '../contract.ts';
import { readRows } from '../read-rows.ts';
import type { ModelStep } from '../models/model-types.ts';
import { RFM_CUSTOMERS } from '../../ingest/tables.ts';
import { ASK_ITEMSETS, MAX_ITEMSETS, type BasketConfig } from './basket-config.ts';
import { BASKET_TABLES } from './basket-tables.ts';
import {
  basketInputSql,
  basketSourcesSql,
  boughtSql,
  recommendationsCsvSql,
  ruleItemsInputSql,
  rulesCsvSql,
  rulesInputSql,
  rulesPageSql,
  segmentsInputSql,
  type BasketSource,
} from './build-basket-sql.ts';
import { basketFindings } from '../findings/basket-findings.ts';

export { ASK_ITEMSETS, MAX_ITEMSETS, type BasketConfig } from './basket-config.ts';

function source(config: BasketConfig, ctx: PlanContext): BasketSource {
  return { baskets: ctx.baskets ?? null, purchases: ctx.purchases, level: config.level, unit: config.unit };
}

function rulesStep(config: BasketConfig, ctx: PlanContext, estimateOnly = false): ModelStep {
  return {
    model: 'rules',
    inputs: { baskets: basketInputSql(source(config, ctx)) },
    params: {
      minSupport: config.minSupport,
      minConfidence: config.minConfidence,
      maxLen: config.maxLen,
      minLen: 2,
      maxItemsets: MAX_ITEMSETS,
      estimateOnly,
      askAbove: ASK_ITEMSETS,
    },
  };
}

/**
 * Recommendations: segments are the RFM segments when the orders are the source (the RFM tables are
 * built first: by the CLI's module order, and by the section before it asks), none for a basket file.
 */
function recommendStep(config: BasketConfig, ctx: PlanContext, segments: boolean): ModelStep {
  const s = source(config, ctx);
  return {
    model: 'recommend',
    inputs: {
      bought: boughtSql(s),
      rules: rulesInputSql(),
      rule_items: ruleItemsInputSql(),
      ...(segments && !s.baskets ? { segments: segmentsInputSql(RFM_CUSTOMERS) } : {}),
    },
    params: { top: config.top, locale: ctx.locale },
  };
}

export interface BasketSummary {
  transactions: number;
  items: number;
  minCount: number;
  itemsets: number;
  capped: boolean;
  rules: number;
}

export interface BasketEstimate {
  transactions: number;
  items: number;
  /** null: more than askAbove. */
  itemsets: number | null;
  askAbove: number;
}

function json<T>(rows: QueryRows, name: string): T | null {
  const text = rows[name]?.[0]?.json;
  return typeof text === 'string' ? (JSON.parse(text) as T) : null;
}

export const RULE_ROW = {
  rule_id: 'num',
  antecedent: 'text',
  consequent: 'text',
  lhs_size: 'num',
  support: 'num',
  confidence: 'num',
  lift: 'num',
  count: 'num',
  leverage: 'num',
  conviction: 'num?',
} as const;
const SOURCES = { read: 'num', used: 'num' } as const;
const REC_ROW = { customer_id: 'text', rank: 'num', item: 'text', score: 'num', because: 'text' } as const;

export type RuleSort = 'lift' | 'confidence' | 'support' | 'count';

export const basketModule = defineModule({
  id: 'basket',
  needs: [],
  needsAny: ['orders', 'baskets'],
  configKey: 'basket',
  prepare: () => [],
  parts: {
    /** The explosion estimate: frequent itemsets counted up to ASK_ITEMSETS (null = more). */
    estimate: {
      plan: (config: BasketConfig, ctx: PlanContext, _p: void) => ({
        statements: [],
        models: [rulesStep(config, ctx, true)],
        queries: { estimate: `SELECT json FROM "${BASKET_TABLES.estimate}"` },
      }),
      read: (rows) => json<BasketEstimate>(rows, 'estimate'),
    },
    /** Mine the rules; the summary, the baskets read/used and the first rules by lift. */
    rules: {
      plan: (config: BasketConfig, ctx: PlanContext, p: { item: string; sort: RuleSort; limit: number }) => ({
        statements: [],
        models: [rulesStep(config, ctx)],
        queries: {
          summary: `SELECT json FROM "${BASKET_TABLES.model}"`,
          sources: basketSourcesSql(source(config, ctx)),
          rules: rulesPageSql(p),
        },
      }),
      read: (rows) => ({
        summary: json<BasketSummary>(rows, 'summary'),
        sources: readRows(rows.sources, SOURCES)[0] ?? null,
        rules: readRows(rows.rules, RULE_ROW),
      }),
    },
    /** The rules table again (filter / sort) without mining. */
    page: {
      plan: (
        _config: BasketConfig,
        _ctx: PlanContext,
        p: { item: string; sort: RuleSort; limit: number },
      ) => ({
        statements: [],
        queries: { rules: rulesPageSql(p) },
      }),
      read: (rows) => readRows(rows.rules, RULE_ROW),
    },
    /** Recommendations for every customer (after the rules); the first `limit` rows. */
    recommendations: {
      plan: (config: BasketConfig, ctx: PlanContext, p: { segments: boolean; limit: number }) => ({
        statements: [],
        models: [recommendStep(config, ctx, p.segments)],
        queries: {
          recs: `${recommendationsCsvSql()} LIMIT ${Math.max(1, Math.floor(p.limit))}`,
        },
      }),
      read: (rows) => readRows(rows.recs, REC_ROW),
    },
  },
  exports: [
    {
      id: 'rules',
      file: 'rules.csv',
      cli: true,
      plan: (config: BasketConfig, ctx: PlanContext) => ({
        statements: [],
        models: [rulesStep(config, ctx)],
        query: rulesCsvSql(),
      }),
    },
    {
      id: 'recommendations',
      file: 'recommendations.csv',
      cli: true,
      plan: (config: BasketConfig, ctx: PlanContext) => ({
        statements: [],
        models: [recommendStep(config, ctx, !ctx.baskets)],
        query: recommendationsCsvSql(),
      }),
    },
  ],
  cliOptIn: true,
  findings: basketFindings(source, (config, ctx) => rulesStep(config, ctx)),
  section: { titleKey: 'nav.basket', order: 90 },
});

/** rules.csv for the UI (after the section mined the rules). */
export const rulesExport = {
  id: 'rules',
  file: 'rules.csv',
  cli: false,
  plan: () => ({ statements: [], query: rulesCsvSql() }),
} as const;

/** The recommendations export for the UI (after the section ran its model). */
export const recommendationsExport = {
  id: 'recommendations',
  file: 'recommendations.csv',
  cli: false,
  plan: () => ({ statements: [], query: recommendationsCsvSql() }),
} as const;

/**
 * Lifecycle finding (issue 17), `lifecycle.churn-risk`: the lifecycle section's own "overdue" warning
 * list (customers with at least `overdueMinPurchases` purchase days whose days since the last purchase
 * exceed `overdueFactor` × their median interval; build-churn-warnings-sql.ts) as one sentence with
 * what they spent. Said when the data has MIN_CUSTOMERS customers and the list MIN_GROUP; the list is
 * the group (the churn card's export).
 */
import type { FindingsSpec, PlanContext, QueryRows } from '../contract.ts';
import type { Finding } from './finding.ts';
import { readRow } from '../read-rows.ts';
import { dateLiteral, ident } from '../../sql/quote.ts';
import { buildChurnWarningsSql, type ChurnWarningOptions } from '../lifecycle/build-churn-warnings-sql.ts';
import type { LifecycleConfig } from '../lifecycle/lifecycle-config.ts';
import { FINDING_THRESHOLDS as T, score } from './thresholds.ts';
import { both, fmt } from './text.ts';

export function planLifecycleFindings(
  options: ChurnWarningOptions,
  ctx: Pick<PlanContext, 'purchases' | 'asOf'>,
) {
  const list = buildChurnWarningsSql({ ...options, rules: ['overdue'] });
  const upTo = ctx.asOf ? ` AND order_date <= ${dateLiteral(ctx.asOf)}` : '';
  return {
    statements: [],
    queries: {
      churn: `SELECT count(*) AS customers, coalesce(sum(spend), 0)::DOUBLE AS spend,
  (SELECT count(DISTINCT customer_id) FROM ${ident(ctx.purchases)} WHERE customer_id IS NOT NULL${upTo}) AS all_customers,
  (SELECT coalesce(sum(net_amount), 0)::DOUBLE FROM ${ident(ctx.purchases)} WHERE customer_id IS NOT NULL${upTo}) AS all_spend,
  (SELECT strftime(min(order_date), '%Y-%m-%d') FROM ${ident(ctx.purchases)} WHERE customer_id IS NOT NULL${upTo}) AS first_date,
  (SELECT strftime(max(order_date), '%Y-%m-%d') FROM ${ident(ctx.purchases)} WHERE customer_id IS NOT NULL${upTo}) AS last_date
FROM (${list})`,
    },
  };
}

const CHURN = {
  customers: 'num',
  spend: 'num',
  all_customers: 'num',
  all_spend: 'num',
  first_date: 'text?',
  last_date: 'text?',
} as const;

export function readLifecycleFindings(
  rows: QueryRows,
  options: ChurnWarningOptions,
  config: Pick<LifecycleConfig, 'overdueFactor' | 'overdueMinPurchases'>,
  ctx: Pick<PlanContext, 'currency' | 'asOf'>,
): Finding[] {
  const c = readRow(rows.churn?.[0], CHURN);
  if (c.all_customers < T.MIN_CUSTOMERS || c.customers < T.MIN_GROUP) return [];
  const share = c.all_spend > 0 ? c.spend / c.all_spend : 0;
  const ctxAsOf = ctx.asOf;
  return [
    {
      id: 'lifecycle.churn-risk',
      module: 'lifecycle',
      kind: 'risk',
      score: score(20 + 100 * share),
      title: both('findings.lifecycle.churn.title', () => ({})),
      text: both('findings.lifecycle.churn.text', (l) => {
        const f = fmt(l, ctx.currency);
        return {
          n: f.int(c.customers),
          customerShare: f.pct(c.customers / c.all_customers),
          min: config.overdueMinPurchases,
          factor: f.dec(config.overdueFactor),
          spend: f.money(c.spend),
          share: f.pct(share),
        };
      }),
      numbers: {
        customers: c.customers,
        all_customers: c.all_customers,
        spend: c.spend,
        spend_share: share,
        overdue_factor: config.overdueFactor,
        min_purchase_days: config.overdueMinPurchases,
      },
      ...(c.first_date && c.last_date ? { period: { from: c.first_date, to: ctxAsOf ?? c.last_date } } : {}),
      link: { section: 'lifecycle' },
      group: { query: buildChurnWarningsSql({ ...options, rules: ['overdue'] }), size: c.customers },
    },
  ];
}

/** The spec, given the lifecycle module's own warning options (so the list is the churn card's). */
export function lifecycleFindings(
  options: (config: LifecycleConfig, ctx: PlanContext) => ChurnWarningOptions,
): FindingsSpec<LifecycleConfig> {
  return {
    plan: (config, ctx) => planLifecycleFindings(options(config, ctx), ctx),
    read: (rows, config, ctx) => readLifecycleFindings(rows, options(config, ctx), config, ctx),
  };
}

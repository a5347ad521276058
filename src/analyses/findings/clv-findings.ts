/**
 * CLV finding (issue 17 × 16), `clv.churned-valuable`: the CLV section's "likely churned but
 * valuable" list (P(alive) below CHURNED_ALIVE_BELOW and past repeat value — x × mean repeat value —
 * in the top VALUABLE_TOP_SHARE of repeat customers; build-clv-sql.ts) as one sentence with what they
 * spent. Read from the predictions table, so only when the models were fit on this data
 * (PlanContext.clv; the app's CLV section or the CLI's --clv); otherwise the plan has no query and the
 * finding is not said. Said when MIN_CUSTOMERS customers have a prediction and the list holds
 * MIN_GROUP; the list is the group (the section's export).
 */
import type { FindingsSpec, ModulePlan, PlanContext, QueryRows } from '../contract.ts';
import type { Finding } from './finding.ts';
import { readRow } from '../read-rows.ts';
import { ident } from '../../sql/quote.ts';
import {
  buildClvCsvSql,
  churnedValuableWhere,
  CHURNED_ALIVE_BELOW,
  VALUABLE_TOP_SHARE,
} from '../clv/build-clv-sql.ts';
import { clvBoundsCte } from '../clv/build-clv-summary-sql.ts';
import type { ClvConfig } from '../clv/clv-config.ts';
import { FINDING_THRESHOLDS as T, score } from './thresholds.ts';
import { both, fmt } from './text.ts';

export function planClvFindings(config: Pick<ClvConfig, 'calibrationEnd'>, ctx: PlanContext): ModulePlan {
  if (ctx.clv === undefined) return { statements: [], queries: {} };
  const t = ident(ctx.clv);
  const bounds = clvBoundsCte({
    purchases: ctx.purchases,
    calibrationEnd: config.calibrationEnd ?? null,
    asOf: ctx.asOf ?? null,
  });
  return {
    statements: [],
    queries: {
      churned: `WITH ${bounds}, k AS (SELECT *, (${churnedValuableWhere(ctx.clv)}) AS churned FROM ${t})
SELECT count(*) FILTER (WHERE churned) AS customers,
  coalesce(sum(x * monetary_value) FILTER (WHERE churned), 0)::DOUBLE AS past_value,
  avg(p_alive) FILTER (WHERE churned)::DOUBLE AS mean_alive,
  coalesce(sum(x * monetary_value) FILTER (WHERE x > 0), 0)::DOUBLE AS all_repeat_value,
  count(*) FILTER (WHERE p_alive IS NOT NULL) AS fitted,
  (SELECT strftime(min(order_date), '%Y-%m-%d') FROM ${ident(ctx.purchases)} WHERE customer_id IS NOT NULL) AS first_date,
  (SELECT strftime(cal_end, '%Y-%m-%d') FROM bounds) AS cal_end
FROM k`,
    },
  };
}

const CHURNED = {
  customers: 'num',
  past_value: 'num',
  mean_alive: 'num?',
  all_repeat_value: 'num',
  fitted: 'num',
  first_date: 'text?',
  cal_end: 'text?',
} as const;

export function readClvFindings(rows: QueryRows, ctx: Pick<PlanContext, 'currency' | 'clv'>): Finding[] {
  if (ctx.clv === undefined || !rows.churned) return [];
  const c = readRow(rows.churned[0], CHURNED);
  if (c.fitted < T.MIN_CUSTOMERS || c.customers < T.MIN_GROUP || c.cal_end === null) return [];
  if (c.mean_alive === null || c.all_repeat_value <= 0) return [];
  const share = c.past_value / c.all_repeat_value;
  const calEnd = c.cal_end;
  return [
    {
      id: 'clv.churned-valuable',
      module: 'clv',
      kind: 'risk',
      score: score(30 + 150 * share),
      title: both('findings.clv.churnedValuable.title', () => ({})),
      text: both('findings.clv.churnedValuable.text', (l) => {
        const f = fmt(l, ctx.currency);
        return {
          n: f.int(c.customers),
          top: f.pct(VALUABLE_TOP_SHARE),
          alive: f.pct(CHURNED_ALIVE_BELOW),
          mean: f.pct(c.mean_alive!),
          value: f.money(c.past_value),
          share: f.pct(share),
          date: calEnd,
        };
      }),
      numbers: {
        customers: c.customers,
        past_repeat_value: c.past_value,
        repeat_value_share: share,
        mean_p_alive: c.mean_alive,
        p_alive_below: CHURNED_ALIVE_BELOW,
        top_share: VALUABLE_TOP_SHARE,
      },
      period: { from: c.first_date ?? calEnd, to: calEnd },
      link: { section: 'clv' },
      group: { query: buildClvCsvSql(ctx.clv, true), size: c.customers },
    },
  ];
}

export const clvFindings: FindingsSpec<ClvConfig> = {
  plan: (config, ctx) => planClvFindings(config, ctx),
  read: (rows, _config, ctx) => readClvFindings(rows, ctx),
};

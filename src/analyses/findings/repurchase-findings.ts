/**
 * Behaviour finding (issue 17), `behaviour.repurchase`: the share of a month's buyers who had bought
 * before that month (returning buyers), in the last full month up to as_of against the month before.
 * Said only when both months have MIN_PERIOD_BUYERS buyers and a two-proportion z-test gives p < ALPHA.
 * A month is full when as_of is its last day; otherwise the month before as_of's month is the last full.
 */
import type { FindingsSpec, Locale, PlanContext, QueryRows } from '../contract.ts';
import type { Finding } from './finding.ts';
import { readRows } from '../read-rows.ts';
import { dateLiteral, ident } from '../../sql/quote.ts';
import { twoProportionP } from '../stats/intervals.ts';
import { FINDING_THRESHOLDS as T, score } from './thresholds.ts';
import { both, fmt } from './text.ts';

export function planRepurchaseFindings(ctx: Pick<PlanContext, 'purchases' | 'asOf'>) {
  const p = ident(ctx.purchases);
  const asOf = ctx.asOf
    ? dateLiteral(ctx.asOf)
    : `(SELECT max(order_date) FROM ${p} WHERE customer_id IS NOT NULL)`;
  return {
    statements: [],
    queries: {
      months: `WITH a AS (SELECT ${asOf} AS as_of),
  d AS (SELECT DISTINCT customer_id, order_date FROM ${p}, a WHERE customer_id IS NOT NULL AND order_date <= a.as_of),
  f AS (SELECT customer_id, min(order_date) AS first_date FROM d GROUP BY customer_id),
  m AS (SELECT CAST(CASE WHEN as_of = last_day(as_of) THEN date_trunc('month', as_of)
      ELSE date_trunc('month', as_of) - INTERVAL 1 MONTH END AS DATE) AS cur FROM a WHERE as_of IS NOT NULL),
  months AS (
    SELECT 'cur' AS k, cur AS start_date, last_day(cur) AS end_date FROM m
    UNION ALL SELECT 'prev', CAST(cur - INTERVAL 1 MONTH AS DATE), CAST(cur - INTERVAL 1 DAY AS DATE) FROM m)
SELECT k, strftime(start_date, '%Y-%m-%d') AS start_date, strftime(end_date, '%Y-%m-%d') AS end_date,
  count(DISTINCT d.customer_id) AS buyers,
  count(DISTINCT d.customer_id) FILTER (WHERE f.first_date < months.start_date) AS returning
FROM months JOIN d ON d.order_date BETWEEN months.start_date AND months.end_date
  JOIN f ON f.customer_id = d.customer_id
GROUP BY k, start_date, end_date ORDER BY k`,
    },
  };
}

const MONTH_ROW = {
  k: 'text',
  start_date: 'text',
  end_date: 'text',
  buyers: 'num',
  returning: 'num',
} as const;

function monthName(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

export function readRepurchaseFindings(rows: QueryRows): Finding[] {
  const months = readRows(rows.months, MONTH_ROW);
  const cur = months.find((m) => m.k === 'cur');
  const prev = months.find((m) => m.k === 'prev');
  if (!cur || !prev || cur.buyers < T.MIN_PERIOD_BUYERS || prev.buyers < T.MIN_PERIOD_BUYERS) return [];
  const p = twoProportionP(cur.returning, cur.buyers, prev.returning, prev.buyers);
  if (p === null || !(p < T.ALPHA)) return [];
  const after = cur.returning / cur.buyers;
  const before = prev.returning / prev.buyers;
  const dir = after < before ? 'down' : 'up';
  const diff = after - before;
  return [
    {
      id: 'behaviour.repurchase',
      module: 'behaviour',
      kind: dir === 'down' ? 'risk' : 'opportunity',
      score: score(20 + Math.abs(diff) * 300),
      title: both(`findings.behaviour.repurchase.title.${dir}`, () => ({})),
      text: both(`findings.behaviour.repurchase.text.${dir}`, (l) => {
        const f = fmt(l, null);
        return {
          month: monthName(l, cur.start_date),
          prev: monthName(l, prev.start_date),
          after: f.pct(after, 1),
          before: f.pct(before, 1),
          pp: f.pp(diff),
          n: f.int(cur.buyers),
          nPrev: f.int(prev.buyers),
          p: f.p(p),
        };
      }),
      numbers: {
        rate: after,
        rate_before: before,
        difference: diff,
        buyers: cur.buyers,
        buyers_before: prev.buyers,
        returning: cur.returning,
        returning_before: prev.returning,
        p_value: p,
      },
      period: {
        from: cur.start_date,
        to: cur.end_date,
        compareFrom: prev.start_date,
        compareTo: prev.end_date,
      },
      link: { section: 'behaviour' },
    },
  ];
}

export const repurchaseFindings: FindingsSpec<unknown> = {
  plan: (_config, ctx) => planRepurchaseFindings(ctx),
  read: (rows) => readRepurchaseFindings(rows),
};

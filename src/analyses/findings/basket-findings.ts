/**
 * Basket finding (issue 17), `basket.rule`: the strongest rule by lift among those seen in at least
 * MIN_RULE_BASKETS baskets, with lift ≥ MIN_LIFT, and whose consequent is more frequent in baskets with
 * the antecedent than in baskets without it (two-proportion z-test, p < ALPHA). Its group: customers
 * who bought every antecedent item but never the consequent (the cross-sell list).
 *
 * Counts from the rule: baskets N; with the antecedent nA = count / confidence; with the consequent
 * nB = N × confidence / lift; the test compares count / nA with (nB − count) / (N − nA).
 */
import type { FindingsSpec, PlanContext, QueryRows } from '../contract.ts';
import type { ModelStep } from '../models/model-types.ts';
import type { Finding } from './finding.ts';
import { readRows } from '../read-rows.ts';
import { ident, literal } from '../../sql/quote.ts';
import { twoProportionP } from '../stats/intervals.ts';
import { BASKET_TABLES } from '../basket/basket-tables.ts';
import { boughtSql, type BasketSource } from '../basket/build-basket-sql.ts';
import type { BasketConfig } from '../basket/basket-config.ts';
import { FINDING_THRESHOLDS as T, score } from './thresholds.ts';
import { both, fmt } from './text.ts';

const CANDIDATES = 20;

function itemsList(items: readonly string[]): string {
  return items.map((i) => literal(i)).join(', ');
}

/** Customers who bought every item of `lhs` and none of `rhs`. */
export function crossSellGroupSql(s: BasketSource, lhs: readonly string[], rhs: readonly string[]): string {
  return `WITH b AS (${boughtSql(s)})
SELECT customer_id FROM b WHERE item IN (${itemsList(lhs)})
GROUP BY customer_id HAVING count(DISTINCT item) = ${literal(lhs.length)}
EXCEPT SELECT customer_id FROM b WHERE item IN (${itemsList(rhs)})
ORDER BY customer_id`;
}

export function planBasketFindings(s: BasketSource, step: ModelStep) {
  const R = ident(BASKET_TABLES.rules);
  const I = ident(BASKET_TABLES.ruleItems);
  const candSql = `cand AS (
    SELECT rule_id, antecedent, consequent, support, confidence, lift, count FROM ${R}
    WHERE count >= ${literal(T.MIN_RULE_BASKETS)} AND lift >= ${literal(T.MIN_LIFT)}
    ORDER BY lift DESC, count DESC, rule_id LIMIT ${CANDIDATES}),
  li AS (SELECT rule_id, side, item FROM ${I} WHERE rule_id IN (SELECT rule_id FROM cand)),
  nl AS (SELECT rule_id, count(*) AS n FROM li WHERE side = 'lhs' GROUP BY rule_id),
  b AS (${boughtSql(s)}),
  has_lhs AS (SELECT li.rule_id, b.customer_id FROM li JOIN b ON b.item = li.item JOIN nl ON nl.rule_id = li.rule_id
    WHERE li.side = 'lhs' GROUP BY li.rule_id, b.customer_id, nl.n HAVING count(DISTINCT b.item) = nl.n),
  has_rhs AS (SELECT DISTINCT li.rule_id, b.customer_id FROM li JOIN b ON b.item = li.item WHERE li.side = 'rhs'),
  grp AS (SELECT rule_id, count(*) AS n FROM (SELECT * FROM has_lhs EXCEPT SELECT * FROM has_rhs) GROUP BY rule_id)`;
  return {
    statements: [],
    models: [step],
    queries: {
      rules: `WITH ${candSql}
SELECT cand.*, coalesce(grp.n, 0) AS group_size
FROM cand LEFT JOIN grp ON grp.rule_id = cand.rule_id
ORDER BY cand.lift DESC, cand.count DESC, cand.rule_id`,
      items: `WITH ${candSql}
SELECT rule_id, side, item FROM li ORDER BY rule_id, side, item`,
      model: `SELECT json FROM ${ident(BASKET_TABLES.model)}`,
    },
  };
}

const RULE = {
  rule_id: 'num',
  antecedent: 'text',
  consequent: 'text',
  support: 'num',
  confidence: 'num',
  lift: 'num',
  count: 'num',
  group_size: 'num',
} as const;
const ITEM = { rule_id: 'num', side: 'text', item: 'text' } as const;

export function readBasketFindings(
  rows: QueryRows,
  s: BasketSource,
  ctx: Pick<PlanContext, 'currency'>,
): Finding[] {
  const model = rows.model?.[0]?.json;
  const n =
    typeof model === 'string' ? Number((JSON.parse(model) as { transactions?: unknown }).transactions) : NaN;
  if (!(n > 0)) return [];
  const items = readRows(rows.items, ITEM);
  for (const r of readRows(rows.rules, RULE)) {
    const nA = r.count / r.confidence;
    const nB = (n * r.confidence) / r.lift;
    const p = twoProportionP(r.count, Math.round(nA), Math.round(nB) - r.count, n - Math.round(nA));
    if (p === null || !(p < T.ALPHA)) continue;
    const lhs = items.filter((i) => i.rule_id === r.rule_id && i.side === 'lhs').map((i) => i.item);
    const rhs = items.filter((i) => i.rule_id === r.rule_id && i.side === 'rhs').map((i) => i.item);
    if (lhs.length === 0 || rhs.length === 0) continue;
    const a = lhs.join(' + ');
    const b = rhs.join(' + ');
    return [
      {
        id: `basket.rule.${a}.${b}`,
        module: 'basket',
        kind: 'opportunity',
        score: score(20 + Math.min(40, (r.lift - 1) * 15) + Math.min(40, r.group_size / 10)),
        title: both('findings.basket.rule.title', () => ({ a, b })),
        text: both('findings.basket.rule.text', (l) => {
          const f = fmt(l, ctx.currency);
          return {
            a,
            b,
            confidence: f.pct(r.confidence),
            lift: f.dec(r.lift),
            count: f.int(r.count),
            group: f.int(r.group_size),
            p: f.p(p),
          };
        }),
        numbers: {
          antecedent: r.antecedent,
          consequent: r.consequent,
          support: r.support,
          confidence: r.confidence,
          lift: r.lift,
          baskets: r.count,
          transactions: n,
          p_value: p,
        },
        link: { section: 'basket', view: { item: lhs[0] ?? '' } },
        ...(r.group_size >= T.MIN_GROUP
          ? { group: { query: crossSellGroupSql(s, lhs, rhs), size: r.group_size } }
          : {}),
      },
    ];
  }
  return [];
}

/** The spec, given the basket module's own source and rules step (so both mine the same rules). */
export function basketFindings(
  source: (config: BasketConfig, ctx: PlanContext) => BasketSource,
  step: (config: BasketConfig, ctx: PlanContext) => ModelStep,
): FindingsSpec<BasketConfig> {
  return {
    plan: (config, ctx) => planBasketFindings(source(config, ctx), step(config, ctx)),
    read: (rows, config, ctx) => readBasketFindings(rows, source(config, ctx), ctx),
  };
}

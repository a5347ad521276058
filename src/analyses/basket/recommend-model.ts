/**
 * The recommendations model (issue 15): inputs `bought` (customer_id, item), `rules` (rule_id,
 * confidence, lift), `rule_items` (rule_id, side, item) and optionally `segments` (customer_id,
 * segment) → basket_recommendations (customer_id, rank, item, score, because, source). `because` is
 * said in the run's locale ("因为购买了 防晒霜" / "because they bought sunscreen").
 */
import { translate, type Locale } from '../../i18n/i18n.ts';
import type { Columns, ModelIo, OutputTable } from '../models/model-types.ts';
import { BASKET_TABLES } from './basket-tables.ts';
import { recommend, type RecRule } from './recommend.ts';

export async function recommendModelRunner(
  inputs: Readonly<Record<string, Columns>>,
  p: Readonly<Record<string, unknown>>,
  io: ModelIo,
): Promise<OutputTable[]> {
  const locale: Locale = p.locale === 'en' ? 'en' : 'zh-CN';
  const top = typeof p.top === 'number' && p.top >= 1 ? Math.floor(p.top) : 3;
  const bought = new Map<string, Set<string>>();
  const b = inputs.bought ?? {};
  for (let i = 0; i < (b.customer_id?.length ?? 0); i++) {
    const c = b.customer_id![i];
    const item = b.item?.[i];
    if (c == null || item == null || item === '') continue;
    let set = bought.get(String(c));
    if (!set) bought.set(String(c), (set = new Set()));
    set.add(String(item));
  }
  const byRule = new Map<number, { lhs: string[]; rhs: string; confidence: number; lift: number }>();
  const r = inputs.rules ?? {};
  for (let i = 0; i < (r.rule_id?.length ?? 0); i++) {
    byRule.set(Number(r.rule_id![i]), {
      lhs: [],
      rhs: '',
      confidence: Number(r.confidence?.[i]),
      lift: Number(r.lift?.[i]),
    });
  }
  const ri = inputs.rule_items ?? {};
  for (let i = 0; i < (ri.rule_id?.length ?? 0); i++) {
    const rule = byRule.get(Number(ri.rule_id![i]));
    if (!rule) continue;
    if (ri.side?.[i] === 'lhs') rule.lhs.push(String(ri.item?.[i]));
    else rule.rhs = String(ri.item?.[i]);
  }
  const segments = new Map<string, string>();
  const s = inputs.segments ?? {};
  for (let i = 0; i < (s.customer_id?.length ?? 0); i++) {
    if (s.segment?.[i] != null) segments.set(String(s.customer_id![i]), String(s.segment[i]));
  }
  await io.yieldNow();
  const recs = recommend(bought, [...byRule.values()] as RecRule[], segments, top);
  const because = recs.map((x) =>
    x.source === 'rule'
      ? translate(locale, 'basket.because.rule', { items: (x.because as string[]).join(' + ') })
      : x.because === null
        ? translate(locale, 'basket.because.popularAll')
        : translate(locale, 'basket.because.popular', { segment: String(x.because) }),
  );
  return [
    {
      name: BASKET_TABLES.recommendations,
      columns: [
        { name: 'customer_id', type: 'text' },
        { name: 'rank', type: 'int' },
        { name: 'item', type: 'text' },
        { name: 'score', type: 'double' },
        { name: 'because', type: 'text' },
        { name: 'source', type: 'text' },
      ],
      values: [
        recs.map((x) => x.customerId),
        recs.map((x) => x.rank),
        recs.map((x) => x.item),
        recs.map((x) => x.score),
        because,
        recs.map((x) => x.source),
      ],
    },
  ];
}

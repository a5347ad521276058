/**
 * The suggested funnel steps (issue 14): from the event names of the file and how often each occurs,
 * the names that read as a typical funnel stage (曝光/浏览/view → 点击/click → 加购/add_to_cart →
 * 下单/checkout → 支付/purchase), one per stage, in stage order; when fewer than two stages are found,
 * the most frequent names (up to 4) in order of frequency.
 */
import { MAX_FUNNEL_STEPS } from './funnel-config.ts';

/** Typical names per stage, matched on the lower-cased name (regex). */
export const FUNNEL_STAGES: readonly RegExp[] = [
  /曝光|展示|浏览|访问|page_?view|pageview|impression|view|visit|session_start/,
  /点击|click|tap|select/,
  /加购|加入购物车|add_?to_?cart|addtocart|cart/,
  /下单|提交订单|结算|checkout|begin_checkout|place_?order|order/,
  /支付|付款|购买|成交|purchase|pay|paid|buy|transaction/,
];

export interface EventCount {
  event: string;
  events: number;
}

export function suggestSteps(counts: readonly EventCount[]): string[] {
  const byFrequency = [...counts].sort((a, b) => b.events - a.events || (a.event < b.event ? -1 : 1));
  const used = new Set<string>();
  const staged: string[] = [];
  for (const stage of FUNNEL_STAGES) {
    // The most frequent unused name of this stage; a later stage's words never steal an earlier one.
    const hit = byFrequency.find((c) => !used.has(c.event) && stage.test(c.event.toLowerCase()));
    if (hit) {
      used.add(hit.event);
      staged.push(hit.event);
    }
  }
  if (staged.length >= 2) return staged.slice(0, MAX_FUNNEL_STEPS);
  return byFrequency.slice(0, Math.min(4, byFrequency.length)).map((c) => c.event);
}

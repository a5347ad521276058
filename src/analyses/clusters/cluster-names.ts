/**
 * A cluster's automatic descriptive name (issue 15) from its centre in z-scores: the (at most three)
 * features furthest from the average, |z| ≥ 0.5, strongest first, each said as high or low
 * ("高频·高额·近期活跃" / "frequent, big spenders, recent"); "均衡" / "average" when none stands out.
 * Low recency means a recent last purchase. The user can rename a cluster (config `clusters.names`).
 */
import { translate, type MessageKey } from '../../i18n/i18n.ts';

const THRESHOLD = 0.5;

export function clusterName(z: Readonly<Record<string, number>>): { 'zh-CN': string; en: string } {
  const words = Object.entries(z)
    .filter(([, v]) => Math.abs(v) >= THRESHOLD)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([f, v]) => `clusters.word.${f}.${v > 0 ? 'high' : 'low'}` as MessageKey);
  if (words.length === 0)
    return {
      'zh-CN': translate('zh-CN', 'clusters.word.average'),
      en: translate('en', 'clusters.word.average'),
    };
  return {
    'zh-CN': words.map((w) => translate('zh-CN', w)).join('·'),
    en: words.map((w) => translate('en', w)).join(', '),
  };
}

/** K-means customer clusters and market-basket rules (issue 15). */
import type { Messages } from './types.ts';

export const clusters = {
  'clusters.word.average': { 'zh-CN': '均衡', en: 'average' },
  'clusters.word.recency.high': { 'zh-CN': '久未购买', en: 'lapsed' },
  'clusters.word.recency.low': { 'zh-CN': '近期活跃', en: 'recent' },
  'clusters.word.frequency.high': { 'zh-CN': '高频', en: 'frequent' },
  'clusters.word.frequency.low': { 'zh-CN': '低频', en: 'infrequent' },
  'clusters.word.monetary.high': { 'zh-CN': '高额', en: 'big spenders' },
  'clusters.word.monetary.low': { 'zh-CN': '低额', en: 'small spenders' },
  'clusters.word.aov.high': { 'zh-CN': '高客单', en: 'large baskets' },
  'clusters.word.aov.low': { 'zh-CN': '低客单', en: 'small baskets' },
  'clusters.word.avg_interval.high': { 'zh-CN': '回购间隔长', en: 'long gaps' },
  'clusters.word.avg_interval.low': { 'zh-CN': '回购间隔短', en: 'short gaps' },
  'clusters.word.discount_rate.high': { 'zh-CN': '少折扣', en: 'full price' },
  'clusters.word.discount_rate.low': { 'zh-CN': '重折扣', en: 'deep discounts' },
  'clusters.word.promo_share.high': { 'zh-CN': '促销敏感', en: 'promotion seekers' },
  'clusters.word.promo_share.low': { 'zh-CN': '少用促销', en: 'rarely on promotion' },
  'clusters.word.peak_hour.high': { 'zh-CN': '夜间购买', en: 'late buyers' },
  'clusters.word.peak_hour.low': { 'zh-CN': '早间购买', en: 'early buyers' },
} satisfies Messages;

export const basket = {
  'basket.because.rule': { 'zh-CN': '因为购买了 {items}', en: 'because they bought {items}' },
  'basket.because.popular': {
    'zh-CN': '同客群热销（{segment}）',
    en: 'popular in their segment ({segment})',
  },
  'basket.because.popularAll': { 'zh-CN': '全体客户热销', en: 'popular with all customers' },
} satisfies Messages;

export const clustersNav = {
  'nav.clusters': { 'zh-CN': '聚类细分', en: 'Clusters' },
  'nav.basket': { 'zh-CN': '购物篮关联', en: 'Basket rules' },
} satisfies Messages;

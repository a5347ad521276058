/**
 * The Chinese 8-segment model (issue 4 `cn8`, exports.md §5.2). Each of R, F, M is high (score 2)
 * or low (score 1) against the mean (or median) over customers; the 8 cells are RFM codes over
 * {1, 2}: 222 = high R, high F, high M. R is already reversed by the scorer (high = recent), which
 * avoids the inverted-R bug of widely copied tutorials (exports.md §5.2 "Pitfall").
 */
import type { Cn8Options, LocalizedText, RfmCuts, RfmSegment } from './rfm-schema.ts';

type Cell = {
  id: string;
  code: number;
  names: Record<Cn8Options['naming'], LocalizedText>;
  action: LocalizedText;
};

/** Order: the classic table of exports.md §5.2. */
const CELLS: readonly Cell[] = [
  {
    id: 'important_value',
    code: 222,
    names: {
      default: { 'zh-CN': '重要价值客户', en: 'Important value' },
      quick_audience: { 'zh-CN': '高价值用户', en: 'High-value users' },
      vecdp: { 'zh-CN': '重要价值客户', en: 'Important value' },
    },
    action: {
      'zh-CN': '核心客户：重点维护，倾斜资源（VIP 服务、专属权益、新品优先体验），避免过度打折。',
      en: "Core customers. Focus on their needs, maintain closely, allocate resources (VIP service, exclusive perks, early access). Don't over-discount.",
    },
  },
  {
    id: 'important_develop',
    code: 212,
    names: {
      default: { 'zh-CN': '重要发展客户', en: 'Important development' },
      quick_audience: { 'zh-CN': '重点发展用户', en: 'Key users to develop' },
      vecdp: { 'zh-CN': '重要深耕客户', en: 'Important deepening' },
    },
    action: {
      'zh-CN': '近期大额但购买频次低、忠诚度不高，潜力大：用会员、储值、复购券和关联推荐提升购买频次。',
      en: 'Recent big spenders with low frequency and loyalty, high potential. Raise purchase frequency: membership, stored value, repurchase coupons, related recommendations.',
    },
  },
  {
    id: 'important_keep',
    code: 122,
    names: {
      default: { 'zh-CN': '重要保持客户', en: 'Important retention' },
      quick_audience: { 'zh-CN': '重点保持用户', en: 'Key users to keep' },
      vecdp: { 'zh-CN': '重要唤回客户', en: 'Important recall' },
    },
    action: {
      'zh-CN': '忠诚的老客户但近期没有回购：主动触达（一对一回访、短信/企业微信、专属优惠）。',
      en: "Loyal customers who haven't come back for a while. Reach out proactively (1-to-1 callback, SMS/WeCom, exclusive offer).",
    },
  },
  {
    id: 'important_retain',
    code: 112,
    names: {
      default: { 'zh-CN': '重要挽留客户', en: 'Important win-back' },
      quick_audience: { 'zh-CN': '重点挽留用户', en: 'Key users to retain' },
      vecdp: { 'zh-CN': '重要挽留客户', en: 'Important win-back' },
    },
    action: {
      'zh-CN': '高价值但即将或已经流失：查明流失原因，进行有力度的个性化挽回。',
      en: 'High-value customers who are lapsing or lapsed. Take retention measures (find the churn reason, strong personalized win-back).',
    },
  },
  {
    id: 'general_value',
    code: 221,
    names: {
      default: { 'zh-CN': '一般价值客户', en: 'General value' },
      quick_audience: { 'zh-CN': '一般价值用户', en: 'General value users' },
      vecdp: { 'zh-CN': '潜力客户', en: 'Potential' },
    },
    action: {
      'zh-CN': '购买频繁但金额低：推荐新品和互补商品、组合套装、满减活动，提升客单价。',
      en: 'Frequent but low spend. Raise the ticket size: recommend new and complementary products, bundles, spend-threshold offers.',
    },
  },
  {
    id: 'general_develop',
    code: 211,
    names: {
      default: { 'zh-CN': '一般发展客户', en: 'General development' },
      quick_audience: { 'zh-CN': '一般发展用户', en: 'General users to develop' },
      vecdp: { 'zh-CN': '新客户', en: 'New' },
    },
    action: {
      'zh-CN': '新客或参与度低的客户：分情况培养（新客引导、二次购买券、低成本自动化营销）。',
      en: 'New or low-engagement customers. Develop case by case (onboarding, second-purchase coupon, low-cost automation).',
    },
  },
  {
    id: 'general_keep',
    code: 121,
    names: {
      default: { 'zh-CN': '一般保持客户', en: 'General retention' },
      quick_audience: { 'zh-CN': '一般保持用户', en: 'General users to keep' },
      vecdp: { 'zh-CN': '一般维持客户', en: 'General maintenance' },
    },
    action: {
      'zh-CN': '曾经常购买、金额小、近期疏远：视情况联系，尝试提升客单价。',
      en: 'Used to buy often, small amounts, now distant. Contact case by case and try to raise ticket size.',
    },
  },
  {
    id: 'general_retain',
    code: 111,
    names: {
      default: { 'zh-CN': '一般挽留客户', en: 'General win-back' },
      quick_audience: { 'zh-CN': '潜在用户', en: 'Prospective users' },
      vecdp: { 'zh-CN': '流失客户', en: 'Churned' },
    },
    action: {
      'zh-CN': '即将或已经流失、价值低：挽留回报小，低成本批量唤醒，或降低优先级。',
      en: 'Lapsing or lapsed, low value. Retention brings little return: low-cost batch reactivation, or deprioritize.',
    },
  },
];

export function cn8Cuts(options: Cn8Options): RfmCuts {
  const one = {
    source: options.compare,
    basis: options.basis,
    base: { source: 'quantile', levels: 5 },
  } as const;
  return { r: { ...one }, f: { ...one }, m: { ...one } };
}

export function cn8Segments(options: Cn8Options): RfmSegment[] {
  return CELLS.map((c) => ({
    id: c.id,
    label: { ...c.names[options.naming] },
    rule: { codes: [c.code] },
    action: { ...c.action },
  }));
}

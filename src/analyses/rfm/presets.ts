/**
 * RFM presets (issue 4): each is a starting point the user can edit; picking one fills the config's
 * cut points and segment rules, which are then the truth (see rfm-config.ts).
 *
 * Fixed thresholds become cut points under the [lower, upper) rule: "R ≤ 30 days = 5, 31–60 = 4"
 * means the first recency cut point is 31 (31 days falls in the lower score).
 */
import { cn8Cuts, cn8Segments } from './preset-cn8.ts';
import { intl11Cuts, intl11Segments } from './preset-intl11.ts';
import type { Cn8Options, LocalizedText, RfmCuts, RfmSegment } from './rfm-schema.ts';

export type BuiltInPresetId = 'value5' | 'cn8' | 'tier3' | 'intl11';
export const BUILT_IN_PRESETS: readonly BuiltInPresetId[] = ['value5', 'cn8', 'tier3', 'intl11'];

/** Label of the unmatched bucket `other`. */
export const OTHER_LABEL: LocalizedText = { 'zh-CN': '其他', en: 'Other' };

export const PRESET_NAMES: Record<BuiltInPresetId, LocalizedText> = {
  value5: { 'zh-CN': '五级价值模型（固定阈值）', en: 'Five-level value model (fixed thresholds)' },
  cn8: { 'zh-CN': '八大客户类型（均值对比）', en: 'Chinese 8-segment model (vs. mean)' },
  tier3: { 'zh-CN': '三级分层', en: 'Three tiers' },
  intl11: { 'zh-CN': '国际 11 类（五分位）', en: 'International 11 segments (quintiles)' },
};

const DEFAULT_CN8: Cn8Options = { compare: 'mean', basis: 'values', naming: 'default' };

type SegmentRow = [
  id: string,
  zh: string,
  en: string,
  rule: RfmSegment['rule'],
  actionZh: string,
  actionEn: string,
];
const segments = (rows: readonly SegmentRow[]): RfmSegment[] =>
  rows.map(([id, zh, en, rule, actionZh, actionEn]) => ({
    id,
    label: { 'zh-CN': zh, en },
    rule,
    action: { 'zh-CN': actionZh, en: actionEn },
  }));

const VALUE5_CUTS: RfmCuts = {
  // R ≤30 = 5, 31–60 = 4, 61–90 = 3, 91–180 = 2, >180 = 1
  r: { source: 'fixed', points: [31, 61, 91, 181] },
  // F 0 = 1, 1–2 = 2, 3–4 = 3, 5–9 = 4, ≥10 = 5
  f: { source: 'fixed', points: [1, 3, 5, 10] },
  // M <500 = 1, 500–1999.99 = 2, 2000–4999.99 = 3, 5000–9999.99 = 4, ≥10000 = 5
  m: { source: 'fixed', points: [500, 2000, 5000, 10000] },
};

const VALUE5_SEGMENTS: readonly SegmentRow[] = [
  [
    'high_value',
    '高价值客户',
    'High value',
    { ranges: { r: [4, 5], f: [4, 5], m: [4, 5] }, any: false },
    '重点维护：VIP 专属服务与权益、新品优先体验，保持密切互动，不靠打折留住他们。',
    'Retain and reward: VIP service and perks, early access to new products; stay in close touch without relying on discounts.',
  ],
  [
    'churn_risk',
    '流失风险客户',
    'Churn risk',
    { ranges: { r: [1, 1], f: [2, 5] }, any: false },
    '买过但已超过 180 天未再购买：尽快个性化召回（专属券、回访），了解流失原因。',
    'Bought before but not in over 180 days: win them back quickly with a personal offer or a call, and find out why they left.',
  ],
  [
    'mid_potential',
    '中潜力客户',
    'Mid potential',
    { ranges: { r: [3, 5], f: [3, 5], m: [3, 5] }, any: true },
    '至少一项表现不错：针对短板提升（复购券提频次、组合推荐提客单价、定期触达保持活跃）。',
    'Good on at least one dimension: work on the weak one (repurchase coupons for frequency, bundles for ticket size, regular contact to stay active).',
  ],
  [
    'general',
    '一般客户',
    'General',
    { ranges: { r: [2, 2], f: [2, 2], m: [2, 2] }, any: false },
    '各项中等偏低：用低成本的自动化营销培育，对有响应的客户再加大投入。',
    'Middling on every dimension: nurture with low-cost automated campaigns; invest more only where they respond.',
  ],
  [
    'low_value',
    '低价值客户',
    'Low value',
    { ranges: { r: [1, 1], f: [1, 1], m: [1, 1] }, any: false },
    '久未购买、频次和金额都低：低成本批量唤醒一次，无响应则降低优先级。',
    'Long gone, few orders, low spend: one low-cost reactivation attempt, then deprioritise.',
  ],
];

const TIER3_CUTS: RfmCuts = {
  // R ≤30 = 3, 31–90 = 2, >90 = 1
  r: { source: 'fixed', points: [31, 91] },
  // F 1 order = 1, 2–4 = 2, ≥5 = 3 (editable)
  f: { source: 'fixed', points: [2, 5] },
  // M <500 = 1, 500–1999.99 = 2, ≥2000 = 3 (editable)
  m: { source: 'fixed', points: [500, 2000] },
};

/** Named combinations of the 3×3×3 grid; first match wins and every cell is covered. */
const TIER3_SEGMENTS: readonly SegmentRow[] = [
  [
    'core',
    '核心客户',
    'Core',
    { ranges: { r: [3, 3], f: [2, 3], m: [3, 3] }, any: false },
    '近期活跃、多次购买、消费高：VIP 维护与专属权益，邀请推荐。',
    'Active, repeat and high-spending: VIP care and exclusive perks; ask for referrals.',
  ],
  [
    'active_repeat',
    '活跃老客',
    'Active repeat',
    { ranges: { r: [3, 3], f: [2, 3] }, any: false },
    '近期活跃的复购客户：组合推荐和满减提升客单价。',
    'Active repeat buyers: bundles and spend-threshold offers to raise the ticket size.',
  ],
  [
    'active_new',
    '活跃新客',
    'Active new',
    { ranges: { r: [3, 3], f: [1, 1] }, any: false },
    '近期只买过一次：新客引导和二次购买券，促成复购。',
    'Bought once, recently: onboarding and a second-purchase coupon.',
  ],
  [
    'cooling_high_value',
    '降温高价值客户',
    'Cooling high value',
    { ranges: { r: [2, 2], m: [3, 3] }, any: false },
    '一到三个月未购但消费高：一对一关怀和专属优惠，防止流失。',
    'High spenders quiet for one to three months: personal care and an exclusive offer before they drift away.',
  ],
  [
    'cooling',
    '降温客户',
    'Cooling',
    { ranges: { r: [2, 2] }, any: false },
    '一到三个月未购：定期触达，推送热销和新品。',
    'Quiet for one to three months: regular contact with best-sellers and new arrivals.',
  ],
  [
    'lapsed_high_value',
    '流失高价值客户',
    'Lapsed high value',
    { ranges: { r: [1, 1], m: [3, 3] }, any: false },
    '超过三个月未购的高消费客户：查明原因，有力度地个性化挽回。',
    'High spenders gone for over three months: find out why and win them back with a strong personal offer.',
  ],
  [
    'lapsed_repeat',
    '流失老客',
    'Lapsed repeat',
    { ranges: { r: [1, 1], f: [2, 3] }, any: false },
    '曾多次购买但超过三个月未购：召回活动，提醒回购。',
    'Repeat buyers gone for over three months: a win-back campaign and repurchase reminders.',
  ],
  [
    'lapsed',
    '已流失客户',
    'Lapsed',
    { ranges: { r: [1, 1] }, any: false },
    '超过三个月未购、价值低：低成本批量唤醒，或降低优先级。',
    'Gone for over three months, low value: low-cost batch reactivation, or deprioritise.',
  ],
];

export interface PresetConfig {
  preset: BuiltInPresetId;
  cuts: RfmCuts;
  segments: RfmSegment[];
}

/** Fresh (deep-copied) cuts and segments of a preset; `cn8` options apply to the cn8 preset. */
export function presetConfig(id: BuiltInPresetId, cn8: Cn8Options = DEFAULT_CN8): PresetConfig {
  const copy = <T>(x: T): T => structuredClone(x);
  switch (id) {
    case 'value5':
      return { preset: id, cuts: copy(VALUE5_CUTS), segments: segments(copy(VALUE5_SEGMENTS)) };
    case 'cn8':
      return { preset: id, cuts: cn8Cuts(cn8), segments: cn8Segments(cn8) };
    case 'tier3':
      return { preset: id, cuts: copy(TIER3_CUTS), segments: segments(copy(TIER3_SEGMENTS)) };
    case 'intl11':
      return { preset: id, cuts: intl11Cuts(), segments: intl11Segments() };
    default:
      throw new Error(`unknown RFM preset ${JSON.stringify(id)}`);
  }
}

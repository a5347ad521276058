/**
 * The international 11-segment map on quintile scores (issue 4 `intl11`, exports.md §5.3).
 *
 * The RFM-code lists are the widely copied 125-code table (one segment per code, so order does not
 * matter and nothing overlaps), as published e.g. in
 * github.com/hangnt1623/Python_E-commerce_RFM-Analysis-for-Customer-Segmentation README.md
 * @ 2d68e2ce8d746c316b780731f20b549318a12a94 ("RFM Segments" table); the same lists circulate in
 * many notebooks and SQL scripts, some moving 231/241/251 from About To Sleep to Hibernating.
 * Chinese names: exports.md §5.3 (names seen in Chinese code); actions: exports.md §5.3 column
 * "Typical action".
 */
import type { LocalizedText, RfmCuts, RfmSegment } from './rfm-schema.ts';

type Row = [id: string, zh: string, en: string, codes: number[], actionZh: string, actionEn: string];

const ROWS: readonly Row[] = [
  [
    'champions',
    '冠军客户',
    'Champions',
    [555, 554, 544, 545, 454, 455, 445],
    '给予奖励，邀请尝鲜新品、发表评价和推荐好友；不要用折扣培养他们。',
    "Reward them; early adopters of new products; ask for reviews and referrals; don't train them on discounts.",
  ],
  [
    'loyal',
    '忠诚客户',
    'Loyal',
    [543, 444, 435, 355, 354, 345, 344, 335],
    '向上销售更高价值的商品，邀请参与新品发布，征求反馈。',
    'Upsell higher-value products; engage them with launches; ask for feedback.',
  ],
  [
    'potential_loyalist',
    '潜力忠诚客户',
    'Potential Loyalist',
    [
      553, 551, 552, 541, 542, 533, 532, 531, 452, 451, 442, 441, 431, 453, 433, 432, 423, 353, 352, 351, 342,
      341, 333, 323,
    ],
    '邀请加入会员或积分计划，推荐其他品类商品。',
    'Offer a membership or loyalty programme; recommend other products.',
  ],
  [
    'new_customers',
    '新客户',
    'New Customers',
    [512, 511, 422, 421, 412, 411, 311],
    '做好新客引导，建立关系，用二次购买优惠把他们带回来。',
    'Onboarding; build the relationship; give them a reason to come back.',
  ],
  [
    'promising',
    '有前景客户',
    'Promising',
    [525, 524, 523, 522, 521, 515, 514, 513, 425, 424, 413, 414, 415, 315, 314, 313],
    '持续培育，经常用新品与他们互动。',
    'Nurture them; engage frequently with new products.',
  ],
  [
    'need_attention',
    '需要关注客户',
    'Need Attention',
    [535, 534, 443, 434, 343, 334, 325, 324],
    '限时优惠和个性化推荐，重新激活兴趣。',
    'Limited-time offers; personalised recommendations; re-engage them.',
  ],
  [
    'about_to_sleep',
    '即将沉睡客户',
    'About To Sleep',
    [331, 321, 312, 221, 213, 231, 241, 251],
    '分享有价值的内容或热销商品并附折扣，重新建立联系。',
    'Share valuable content or popular products with a discount; reconnect.',
  ],
  [
    'at_risk',
    '面临流失客户',
    'At Risk',
    [
      255, 254, 245, 244, 253, 252, 243, 242, 235, 234, 225, 224, 153, 152, 145, 143, 142, 135, 134, 133, 125,
      124,
    ],
    '个性化的重新触达，续约或回购提醒。',
    'Personalised re-engagement; renewals.',
  ],
  [
    'cant_lose_them',
    '不能失去的客户',
    "Can't Lose Them",
    [155, 154, 144, 214, 215, 115, 114, 113],
    '一对一召回：展示新品与变化，主动沟通。',
    "Personal reactivation campaign; show them what's new; talk to them.",
  ],
  [
    'hibernating',
    '沉睡客户',
    'Hibernating',
    [332, 322, 233, 232, 223, 222, 132, 123, 122, 212, 211],
    '推送相关商品和专属折扣，全渠道中等力度的促销。',
    'Relevant products and special discounts; a medium promotion on all channels.',
  ],
  [
    'lost',
    '流失客户',
    'Lost',
    [111, 112, 121, 131, 141, 151],
    '尝试一次唤醒，无响应则不再打扰。',
    'One reactivation attempt, then leave them alone.',
  ],
];

export function intl11Cuts(): RfmCuts {
  return {
    r: { source: 'quantile', levels: 5 },
    f: { source: 'quantile', levels: 5 },
    m: { source: 'quantile', levels: 5 },
  };
}

export function intl11Segments(): RfmSegment[] {
  return ROWS.map(([id, zh, en, codes, actionZh, actionEn]) => ({
    id,
    label: { 'zh-CN': zh, en } satisfies LocalizedText,
    rule: { codes: [...codes] },
    action: { 'zh-CN': actionZh, en: actionEn },
  }));
}

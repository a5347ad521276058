import type { Messages } from './types.ts';

/** Screens of the behaviour and lifecycle sections (issue 6): controls, hints, table headings. */
export const behaviourUi = {
  'behaviourView.png': { 'zh-CN': '保存 PNG', en: 'PNG' },
  'behaviourView.exportCsv': { 'zh-CN': '导出 CSV', en: 'Export CSV' },
  'behaviourView.exportXlsx': { 'zh-CN': '导出 Excel', en: 'Export Excel' },
  'behaviourView.apply': { 'zh-CN': '应用', en: 'Apply' },
  'behaviourView.segmentsFound': {
    'zh-CN': '已使用 RFM 分群结果（{count} 个客群），可按客群拆分。',
    en: 'Using the RFM segments ({count}) for per-segment splits.',
  },
  'behaviourView.noSegments': {
    'zh-CN': '运行「RFM 分群」后，这里可按客群拆分。',
    en: 'Run the RFM segments section to split these analyses by segment.',
  },
  'behaviourView.allCustomers': { 'zh-CN': '全部客户', en: 'All customers' },
  'behaviourView.metric': { 'zh-CN': '指标', en: 'Metric' },
  'behaviourView.customersShown': { 'zh-CN': '{count} 位客户', en: '{count} customers' },
  'behaviourView.viewLimit': {
    'zh-CN': '页面只显示前 {count} 位客户；导出包含全部客户。',
    en: 'The page shows the first {count} customers; exports include everyone.',
  },
  'behaviourView.edgesNotNumbers': {
    'zh-CN': '请输入用逗号分隔的数字',
    en: 'Enter numbers separated by commas',
  },
  'behaviourView.edgesInvalid': {
    'zh-CN': '请输入从小到大、不重复的非负数（最多 20 个）',
    en: 'Use up to 20 non-negative numbers in ascending order, without repeats',
  },
  'behaviourView.binsInvalid': {
    'zh-CN': '请输入从小到大、不重复的整天数（最多 20 个）',
    en: 'Use up to 20 whole days in ascending order, without repeats',
  },

  'behaviourView.repurchaseTitle': { 'zh-CN': '复购', en: 'Repurchase' },
  'behaviourView.repurchaseHint': {
    'zh-CN': '二次购买率只统计首购后已满观察期的客户。',
    en: 'Second-purchase rates count only customers whose first purchase is old enough to observe the whole window.',
  },
  'behaviourView.repeatOf': { 'zh-CN': '{repeat} / {total} 位客户', en: '{repeat} of {total} customers' },
  'behaviourView.eligible': { 'zh-CN': '可观察客户 {count} 位', en: '{count} customers observed' },

  'behaviourView.priceTitle': { 'zh-CN': '价格敏感度', en: 'Price sensitivity' },
  'behaviourView.priceHint': {
    'zh-CN':
      '折扣 = 实付 ÷ 原价（0.8 即 8折）；文件没有原价或优惠金额时显示“数据中没有”。客单价区间按每位客户的平均订单金额划分。',
    en: 'Discount rate = paid / list price (80% = 20% off); “not in the data” when the file has no list price or discount. Bands use each customer’s average order value.',
  },
  'behaviourView.notInData': { 'zh-CN': '数据中没有', en: 'not in the data' },
  'behaviourView.discountDefinition': {
    'zh-CN': '实付 ÷ 原价：9.8折 = 按原价的 98% 付款',
    en: 'paid ÷ list price: 98% = 2% off',
  },
  'behaviourView.noDiscountData': {
    'zh-CN': '文件中没有原价或优惠金额列（金额由单价算出时，实付总等于原价），无法计算折扣与促销。',
    en: 'The file has no list price or discount column (amounts computed from the unit price always equal the list price), so discounts and promotions cannot be measured.',
  },
  'behaviourView.pricedOrders': {
    'zh-CN': '{count} 笔订单有原价信息',
    en: '{count} orders with a list price',
  },
  'behaviourView.bandEdges': { 'zh-CN': '区间下限', en: 'Band lower edges' },
  'behaviourView.bandText': {
    'zh-CN': '{customers} 人 · {share} · {revenue}',
    en: '{customers} · {share} · {revenue}',
  },

  'behaviourView.intervalsTitle': { 'zh-CN': '复购周期', en: 'Repurchase cycle' },
  'behaviourView.timeTitle': { 'zh-CN': '购买时间', en: 'When customers buy' },
  'behaviourView.matrixTitle': { 'zh-CN': '品类与客群', en: 'Categories by segment' },
  'behaviourView.groupBy': { 'zh-CN': '分组', en: 'Group by' },
  'behaviourView.grouping.overall': { 'zh-CN': '全部', en: 'Overall' },
  'behaviourView.grouping.category': { 'zh-CN': '按品类', en: 'By category' },
  'behaviourView.grouping.segment': { 'zh-CN': '按客群', en: 'By segment' },
  'behaviourView.group': { 'zh-CN': '分组', en: 'Group' },
  'behaviourView.avgDays': { 'zh-CN': '平均', en: 'Mean' },
  'behaviourView.median': { 'zh-CN': '中位数', en: 'Median' },
  'behaviourView.daysUnit': {
    'zh-CN': '单位：天。点击分组查看其分布。',
    en: 'In days. Click a group to see its distribution.',
  },
  'behaviourView.noIntervals': {
    'zh-CN': '还没有客户购买过两次',
    en: 'No customer has bought twice yet',
  },
  'behaviourView.binEdges': { 'zh-CN': '分布区间下限（天）', en: 'Histogram lower edges (days)' },

  'behaviourView.preferenceTitle': { 'zh-CN': '偏好构成', en: 'Preference mix' },
  'behaviourView.preferenceHint': {
    'zh-CN': '条形为订单占比；“偏好”为以该值为首选的客户占比。',
    en: 'Bars show the share of orders; “preferred” is the share of customers for whom it is the top choice.',
  },
  'behaviourView.mixText': {
    'zh-CN': '订单 {orders} · 偏好 {preferring}',
    en: '{orders} of orders · {preferring} preferred',
  },
  'behaviourView.noValues': { 'zh-CN': '数据中没有这一列', en: 'Not in the data' },
  'behaviourView.moreValues': { 'zh-CN': '另有 {count} 个值', en: '{count} more values' },

  'behaviourView.timeHint': {
    'zh-CN': '按文件中记录的下单时间统计。',
    en: 'By the order time as written in the file.',
  },
  'behaviourView.peakCells': { 'zh-CN': '最忙的时段', en: 'Busiest slots' },

  'behaviourView.revenueHint': {
    'zh-CN': '不拆分时，柱形为新客与老客销售额；周从周一开始。',
    en: 'Without a split, bars show revenue from new and returning customers; weeks start on Monday.',
  },
  'behaviourView.grain': { 'zh-CN': '周期', en: 'Period' },
  'behaviourView.grain.day': { 'zh-CN': '日', en: 'Day' },
  'behaviourView.grain.week': { 'zh-CN': '周', en: 'Week' },
  'behaviourView.grain.month': { 'zh-CN': '月', en: 'Month' },
  'behaviourView.grain.quarter': { 'zh-CN': '季度', en: 'Quarter' },
  'behaviourView.splitBy': { 'zh-CN': '拆分', en: 'Split by' },
  'behaviourView.split.none': { 'zh-CN': '新客 / 老客', en: 'New / returning' },
  'behaviourView.split.channel': { 'zh-CN': '渠道', en: 'Channel' },
  'behaviourView.split.category': { 'zh-CN': '品类', en: 'Category' },
  'behaviourView.split.segment': { 'zh-CN': '客群', en: 'Segment' },
  'behaviourView.latestRevenue': { 'zh-CN': '销售额 · {period}', en: 'Revenue · {period}' },
  'behaviourView.periodTable': { 'zh-CN': '各期明细', en: 'Periods' },
  'behaviourView.period': { 'zh-CN': '周期', en: 'Period' },
  'behaviourView.newCustomers': { 'zh-CN': '新客数', en: 'New customers' },
  'behaviourView.matrixHint': {
    'zh-CN': '每格为该品类占该客群销售额的比例。',
    en: 'Each cell is the category’s share of the segment’s revenue.',
  },

  'behaviourView.featuresTitle': { 'zh-CN': '客户行为特征', en: 'Customer behaviour features' },
  'behaviourView.featuresHint': {
    'zh-CN':
      '每位客户一行，可导出，也供后续分析（如聚类）使用。销售额与客单价为净额：实付减退款，并扣除该客户对不上原订单的冲销单；客单价 = 销售额 ÷ 订单数。',
    en: 'One row per customer, for export and for later analyses such as clustering. Revenue and AOV are net: payments less refunds and less the customer’s credit notes matched to no order; AOV = revenue ÷ orders.',
  },
  'behaviourView.feature.customer_id': { 'zh-CN': '客户ID', en: 'Customer ID' },
  'behaviourView.feature.orders': { 'zh-CN': '订单数', en: 'Orders' },
  'behaviourView.feature.purchase_days': { 'zh-CN': '购买天数', en: 'Purchase days' },
  'behaviourView.feature.first_purchase': { 'zh-CN': '首购日期', en: 'First purchase' },
  'behaviourView.feature.last_purchase': { 'zh-CN': '最近购买', en: 'Last purchase' },
  'behaviourView.feature.revenue': { 'zh-CN': '销售额', en: 'Revenue' },
  'behaviourView.feature.avg_interval_days': { 'zh-CN': '平均间隔（天）', en: 'Mean interval (days)' },
  'behaviourView.feature.median_interval_days': { 'zh-CN': '中位间隔（天）', en: 'Median interval (days)' },
  'behaviourView.feature.top_category_1': { 'zh-CN': '偏好品类 1', en: 'Top category 1' },
  'behaviourView.feature.top_category_2': { 'zh-CN': '偏好品类 2', en: 'Top category 2' },
  'behaviourView.feature.top_category_3': { 'zh-CN': '偏好品类 3', en: 'Top category 3' },
  'behaviourView.feature.top_channel': { 'zh-CN': '偏好渠道', en: 'Top channel' },
  'behaviourView.feature.top_payment_method': { 'zh-CN': '常用支付', en: 'Top payment' },
  'behaviourView.feature.avg_discount_rate': { 'zh-CN': '平均折扣率', en: 'Paid / list' },
  'behaviourView.feature.promo_order_share': { 'zh-CN': '促销订单占比', en: 'On promotion' },
  'behaviourView.feature.aov': { 'zh-CN': '客单价', en: 'AOV' },
  'behaviourView.feature.aov_band': { 'zh-CN': '客单价区间', en: 'AOV band' },
  'behaviourView.feature.peak_weekday': { 'zh-CN': '常购星期', en: 'Peak weekday' },
  'behaviourView.feature.peak_hour': { 'zh-CN': '常购时段', en: 'Peak hour' },

  'lifecycleView.intro': {
    'zh-CN': '新客、回购、回流与流失，同期群留存，流失预警名单和群组对比。',
    en: 'New, returning, reactivated and lost customers; cohort retention; churn warning lists; group comparison.',
  },
  'lifecycleView.periodsTitle': { 'zh-CN': '各期客户变化', en: 'Customers per period' },
  'lifecycleView.periodsHint': {
    'zh-CN': '每位在本期购买的客户只计一次：新客、老客回购或回流；流失按各自的最后一次购买推算。',
    en: 'Each customer who buys in a period counts once: new, returning or reactivated; losses follow each customer’s last purchase.',
  },
  'lifecycleView.lostDays': { 'zh-CN': '流失天数', en: 'Lost after (days)' },
  'lifecycleView.topLoser': {
    'zh-CN': '流失最多：{channel}（{count} 人，按流失前最后一单的渠道）',
    en: 'Most lost: {channel} ({count}, by the channel of their last order)',
  },
  'lifecycleView.noneLost': { 'zh-CN': '还没有流失客户', en: 'No customer has been lost yet' },

  'lifecycleView.cohortHint': {
    'zh-CN':
      '按首购期分组；显示最近 {shown} 个同期群（共 {total} 个）。销售额为净额：实付减退款，对不上原订单的冲销单计入其日期所在的期。',
    en: 'Grouped by first purchase; showing the newest {shown} of {total} cohorts. Revenue is net: payments less refunds, with credit notes matched to no order counted in the period of their date.',
  },
  'lifecycleView.cohortTitle': { 'zh-CN': '同期群', en: 'Cohorts' },
  'lifecycleView.cohortGrain': { 'zh-CN': '同期群周期', en: 'Cohort period' },
  'lifecycleView.cellValues': { 'zh-CN': '格内数值', en: 'Cell values' },
  'lifecycleView.percentages': { 'zh-CN': '百分比', en: 'Percentages' },
  'lifecycleView.counts': { 'zh-CN': '人数', en: 'Counts' },
  'lifecycleView.curveMetric': { 'zh-CN': '曲线指标', en: 'Curve metric' },

  'lifecycleView.churnHint': {
    'zh-CN':
      '名单只列出现在有流失风险的客户。沉睡：距最近一次购买 ≥ {idle} 天。早期流失：只有一个购买日，且已过去 ≥ {early} 天（曾早期流失、后来又回购的客户不在名单中，另行统计）。超期：购买日 ≥ {min} 个，且距最近购买超过自己购买间隔中位数 × {factor}。消费额 = 截至基准日的实付合计，扣除退款与对不上原订单的冲销单；客群与 R/F/M 分来自 RFM 分析（未运行 RFM 时为空）。每个名单都可以按消费额排序、按客群筛选、搜索和导出。',
    en: 'Each list holds customers at risk now. Idle: last purchase ≥ {idle} days ago. Early churn: one purchase day only, ≥ {early} days ago (past early churners who came back are not listed; they are counted separately). Overdue: ≥ {min} purchase days and idle longer than their median interval × {factor}. Spend = net spend up to the as-of date, less refunds and credit notes matched to no order; segment and R/F/M scores come from the RFM analysis (empty until it has run). Sort by spend, filter by segment, search and export each list.',
  },
  'lifecycleView.earlyReturned': {
    'zh-CN': '过去的早期流失客户共 {total} 位，其中 {returned} 位（{share}）后来又回购了，不在名单中。',
    en: '{total} past early churners, of whom {returned} ({share}) came back later and are not listed.',
  },
  'lifecycleView.col.orders': { 'zh-CN': '订单数', en: 'Orders' },
  'lifecycleView.col.spend': { 'zh-CN': '消费额', en: 'Spend' },
  'lifecycleView.col.segment': { 'zh-CN': '客群', en: 'Segment' },
  'lifecycleView.col.rfmCode': { 'zh-CN': 'RFM 代码', en: 'RFM code' },
  'lifecycleView.segmentFilter': { 'zh-CN': '按客群筛选', en: 'Filter by segment' },
  'lifecycleView.allSegments': { 'zh-CN': '全部客群', en: 'All segments' },
  'lifecycleView.segmentsNeedRfm': {
    'zh-CN': '运行 RFM 分析后可看到客群并按客群筛选',
    en: 'Run the RFM analysis to see segments and filter by them',
  },
  'lifecycleView.idleDays': { 'zh-CN': '沉睡天数', en: 'Idle days' },
  'lifecycleView.earlyDays': { 'zh-CN': '早期流失天数', en: 'Early churn days' },
  'lifecycleView.overdueFactor': { 'zh-CN': '超期倍数', en: 'Overdue factor' },
  'lifecycleView.findCustomer': { 'zh-CN': '查找客户ID', en: 'Find customer ID' },
  'lifecycleView.threshold': { 'zh-CN': '阈值（天）', en: 'Threshold (days)' },
  'lifecycleView.detail': { 'zh-CN': '说明', en: 'Details' },
  'lifecycleView.detail.last_purchase': { 'zh-CN': '最近购买', en: 'last purchase' },
  'lifecycleView.detail.first_purchase': { 'zh-CN': '首购', en: 'first purchase' },
  'lifecycleView.detail.second_purchase': { 'zh-CN': '二次购买', en: 'second purchase' },
  'lifecycleView.detail.median_interval_days': { 'zh-CN': '中位间隔天数', en: 'median interval days' },
  'lifecycleView.detail.factor': { 'zh-CN': '倍数', en: 'factor' },
  'lifecycleView.detail.none': { 'zh-CN': '无', en: 'none' },

  'lifecycleView.compareHint': {
    'zh-CN':
      '相对差异达到 {threshold} 的指标标为“差异较大”；只有检验的 p < 0.05 时才标为“差异显著”（均值用 Welch t 检验，比例用两比例 z 检验，合计与中位数不检验）。销售额、客单价与人均销售额未扣除对不上原订单的冲销单（毛额）。',
    en: 'Metrics whose relative difference reaches {threshold} are marked “large difference”; “significant” only when a test gives p < 0.05 (Welch t-test for means, two-proportion z-test for shares; totals and the median are not tested). Revenue, AOV and revenue per customer are gross of credit notes matched to no order.',
  },
  'lifecycleView.segments': { 'zh-CN': '客群', en: 'Segments' },
  'lifecycleView.channels': { 'zh-CN': '渠道', en: 'Channels' },
  'lifecycleView.metric': { 'zh-CN': '指标', en: 'Metric' },
  'lifecycleView.relative': { 'zh-CN': '相对差异', en: 'Relative' },
  'lifecycleView.points': { 'zh-CN': '{n} 个百分点', en: '{n} pts' },
} satisfies Messages;

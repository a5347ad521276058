import type { Messages } from './types.ts';

/** The RFM section's screen (issue 4); analysis terms shared with charts and the CLI are in rfm.ts. */
export const rfmUi = {
  'rfmUi.png': { 'zh-CN': '存为 PNG', en: 'PNG' },
  'rfmUi.computing': { 'zh-CN': '正在计算…', en: 'Computing…' },
  'rfmUi.retry': { 'zh-CN': '重新计算', en: 'Run again' },
  'rfmUi.computedIn': { 'zh-CN': '计算用时 {time}', en: 'Computed in {time}' },
  'rfmUi.noCustomers': {
    'zh-CN': '没有可分析的购买记录（检查统计区间和基准日）。',
    en: 'No purchases to analyse (check the window and the as-of date).',
  },
  'rfmUi.settings': { 'zh-CN': '分析设置', en: 'Settings' },
  'rfmUi.presetEdited': { 'zh-CN': '已修改', en: 'edited' },
  'rfmUi.presetCustom': { 'zh-CN': '自定义', en: 'Custom' },
  'rfmUi.reset': { 'zh-CN': '恢复默认', en: 'Reset' },
  'rfmUi.months': { 'zh-CN': '月数', en: 'Months' },
  'rfmUi.from': { 'zh-CN': '从', en: 'From' },
  'rfmUi.to': { 'zh-CN': '到', en: 'To' },
  'rfmUi.mean': { 'zh-CN': '平均值', en: 'Mean' },
  'rfmUi.median': { 'zh-CN': '中位数', en: 'Median' },
  'rfmUi.cn8Basis': { 'zh-CN': '比较方式', en: 'Compare' },
  'rfmUi.dataRange': { 'zh-CN': '购买记录：{from} 至 {to}', en: 'Purchases from {from} to {to}' },
  'rfmUi.kpiAsOf': { 'zh-CN': '基准日', en: 'As of' },
  'rfmUi.segmentsTitle': { 'zh-CN': '各分群表现', en: 'Segments' },
  'rfmUi.total': { 'zh-CN': '合计', en: 'Total' },
  'rfmUi.shareChart': { 'zh-CN': '客户占比与销售额占比', en: 'Share of customers vs. share of revenue' },
  'rfmUi.avgM': { 'zh-CN': '平均金额', en: 'Avg. M' },
  'rfmUi.exportSummaryCsv': { 'zh-CN': '汇总 CSV', en: 'Summary CSV' },
  'rfmUi.exportSummaryXlsx': { 'zh-CN': '汇总 Excel', en: 'Summary Excel' },
  'rfmUi.headlineNone': {
    'zh-CN': '销售额合计不为正，无法计算集中度。',
    en: 'Total revenue is not positive.',
  },
  'rfmUi.distributionOf': { 'zh-CN': '{dimension}分布', en: '{dimension} distribution' },
  'rfmUi.cutsInUse': { 'zh-CN': '当前使用的阈值', en: 'Cut points in use' },
  'rfmUi.source': { 'zh-CN': '阈值来源', en: 'Source' },
  'rfmUi.points': {
    'zh-CN': '阈值（如 30/60/90/180 或 30, 60, 90, 180）',
    en: 'Cut points (e.g. 30/60/90/180 or 30, 60, 90, 180)',
  },
  'rfmUi.preview': { 'zh-CN': '按此输入：{bins}', en: 'As typed: {bins}' },
  'rfmUi.binScore': { 'zh-CN': '{range}={score}分', en: '{range} = {score}' },
  'rfmUi.range.r': { 'zh-CN': '{range}天', en: '{range} days' },
  'rfmUi.range.f': { 'zh-CN': '{range}次', en: '{range}×' },
  'rfmUi.reversed': {
    'zh-CN': '已按从小到大排列为 {points}（高分仍给更好的客户）',
    en: 'Put in ascending order: {points} (the better customers still get the high scores)',
  },
  'rfmUi.boundary.r': {
    'zh-CN': '恰好 {value} 天未购买的客户得 {score} 分：每档含下界、不含上界。',
    en: 'A customer idle exactly {value} days scores {score}: each bin includes its lower bound, not its upper.',
  },
  'rfmUi.boundary.f': {
    'zh-CN': '恰好购买 {value} 次的客户得 {score} 分：每档含下界、不含上界。',
    en: 'A customer with exactly {value} purchases scores {score}: each bin includes its lower bound, not its upper.',
  },
  'rfmUi.boundary.m': {
    'zh-CN': '消费恰好 {value} 的客户得 {score} 分：每档含下界、不含上界。',
    en: 'A customer who spent exactly {value} scores {score}: each bin includes its lower bound, not its upper.',
  },
  'rfmUi.levelsLabel': { 'zh-CN': '档数', en: 'Levels' },
  'rfmUi.basis': { 'zh-CN': '比较对象', en: 'Compare' },
  'rfmUi.basisValues': { 'zh-CN': '原始值', en: 'Raw values' },
  'rfmUi.basisScores': { 'zh-CN': '1–5 分', en: '1–5 scores' },
  'rfmUi.cutError.empty': { 'zh-CN': '请至少输入一个阈值', en: 'Enter at least one cut point' },
  'rfmUi.cutError.number': { 'zh-CN': '只能输入数字，用逗号分隔', en: 'Numbers only, separated by commas' },
  'rfmUi.cutError.ascending': {
    'zh-CN': '阈值须从小到大（或从大到小）排列且不重复',
    en: 'Cut points must go up (or down) without repeats',
  },
  'rfmUi.cutError.too_many': { 'zh-CN': '最多 8 个阈值', en: 'At most 8 cut points' },
  'rfmUi.highBelow': { 'zh-CN': '低于 {value} 为“高”', en: '“High” below {value}' },
  'rfmUi.highAbove': { 'zh-CN': '高于 {value} 为“高”', en: '“High” above {value}' },
  'rfmUi.highScoreAbove': {
    'zh-CN': '得分高于 {value} 为“高”',
    en: '“High” when the score is above {value}',
  },
  'rfmUi.scoreRange': { 'zh-CN': '{score} 分：{range}', en: '{score}: {range}' },
  'rfmUi.pending': { 'zh-CN': '待计算', en: 'pending' },
  'rfmUi.ruleRanges': { 'zh-CN': '评分范围', en: 'Score ranges' },
  'rfmUi.nameZh': { 'zh-CN': '中文名', en: 'Chinese name' },
  'rfmUi.nameEn': { 'zh-CN': '英文名', en: 'English name' },
  'rfmUi.anyScore': { 'zh-CN': '不限', en: 'any' },
  'rfmUi.codesHint': { 'zh-CN': '如 555, 554, 545', en: 'e.g. 555, 554, 545' },
  'rfmUi.codesError': { 'zh-CN': '无效的编码：{codes}', en: 'Not RFM codes: {codes}' },
  'rfmUi.liveCount': { 'zh-CN': '{count} 人', en: '{count} customers' },
  'rfmUi.newSegment': { 'zh-CN': '新分群 {n}', en: 'New segment {n}' },
  'rfmUi.unmatched': { 'zh-CN': '未匹配任何规则', en: 'Matched by no rule' },
  'rfmUi.actionsTitle': { 'zh-CN': '各分群建议动作', en: 'Recommended actions per segment' },
  'rfmUi.actionsHint': {
    'zh-CN': '预设给出的默认建议，可直接修改，随配置保存和分享。',
    en: 'Defaults from the preset; edit them freely — they are saved and shared with the setup.',
  },
  'rfmUi.drillTitle': { 'zh-CN': '{segment}：客户名单', en: '{segment}: customers' },
  'rfmUi.highValueAtRisk': { 'zh-CN': '高价值流失风险', en: 'High value at risk' },
  'rfmUi.highValueAtRiskHint': {
    'zh-CN':
      '最近购买得分 R ≤ {maxR} 且消费金额得分 M ≥ {minM} 的客户（按当前分档，任何预设都适用）：曾经花得多、最近没再买。按消费金额从高到低排列。',
    en: 'Customers with recency score R ≤ {maxR} and money score M ≥ {minM} on the current scales (any preset): they spent a lot and have stopped buying. Largest spenders first.',
  },
  'rfmUi.drillHint': { 'zh-CN': '点击分群行查看其客户名单', en: 'Click a segment to see its customers' },
  'rfmUi.matching': { 'zh-CN': '{count} 位客户', en: '{count} customers' },
  'rfmUi.truncated': {
    'zh-CN': '显示前 {shown} 位（共 {total} 位）；导出包含全部客户',
    en: 'Showing the first {shown} of {total}; the export holds all of them',
  },
  'rfmUi.exportCsv': { 'zh-CN': '导出 CSV', en: 'Export CSV' },
  'rfmUi.exportXlsx': { 'zh-CN': '导出 Excel', en: 'Export Excel' },
  'rfmUi.noPii': {
    'zh-CN': '名单只含客户 ID、RFM 指标与购买特征，不含姓名、电话、地址。',
    en: 'The list holds customer IDs, RFM metrics and purchase features only — no names, phones or addresses.',
  },
  'rfmUi.featuresNote': {
    'zh-CN': '购买特征按分析日及之前的全部购买计算；折扣率 = 实付 ÷ 标价（80% 即八折）。',
    en: 'Purchase features use every purchase up to the as-of date; paid / list 80% means 20% off.',
  },
  'rfmUi.close': { 'zh-CN': '关闭', en: 'Close' },
  'rfmUi.col.customerId': { 'zh-CN': '客户 ID', en: 'Customer ID' },
  'rfmUi.col.recency': { 'zh-CN': '距今天数', en: 'Days since' },
  'rfmUi.col.frequency': { 'zh-CN': '订单数', en: 'Orders' },
  'rfmUi.col.frequencyDays': { 'zh-CN': '购买日数', en: 'Purchase days' },
  'rfmUi.col.monetary': { 'zh-CN': 'M 值', en: 'Monetary' },
  'rfmUi.col.revenue': { 'zh-CN': '销售额', en: 'Revenue' },
  'rfmUi.col.lastPurchase': { 'zh-CN': '最近购买日', en: 'Last purchase' },
  'rfmUi.col.firstPurchase': { 'zh-CN': '首购日', en: 'First purchase' },
  'rfmUi.col.avgInterval': { 'zh-CN': '平均回购间隔（天）', en: 'Avg interval (d)' },
  'rfmUi.col.medianInterval': { 'zh-CN': '中位回购间隔（天）', en: 'Median interval (d)' },
  'rfmUi.col.topCategories': { 'zh-CN': '偏好品类（前 3）', en: 'Top categories' },
  'rfmUi.col.topChannel': { 'zh-CN': '偏好渠道', en: 'Top channel' },
  'rfmUi.col.topPayment': { 'zh-CN': '常用支付方式', en: 'Top payment' },
  'rfmUi.col.discountRate': { 'zh-CN': '平均折扣率', en: 'Paid / list' },
  'rfmUi.col.promoShare': { 'zh-CN': '促销订单占比', en: 'Promo share' },
  'rfmUi.col.peakWeekday': { 'zh-CN': '常购星期', en: 'Peak day' },
  'rfmUi.col.peakHour': { 'zh-CN': '常购时段', en: 'Peak hour' },
  'rfmUi.quantileMethod': { 'zh-CN': '分位数算法', en: 'Quantile method' },
  'rfmUi.quantile.interpolated': {
    'zh-CN': '插值分位数 + 1（R rfm 包，默认）',
    en: 'Interpolated + 1 (R rfm package, default)',
  },
  'rfmUi.quantile.percentile_inc': {
    'zh-CN': '插值分位数（Excel PERCENTILE.INC）',
    en: 'Interpolated (Excel PERCENTILE.INC)',
  },
  'rfmUi.quantile.discrete': { 'zh-CN': '离散分位数（取实际数据值）', en: 'Discrete (an observed value)' },
  'rfmUi.quantileDef.interpolated': {
    'zh-CN':
      '第 i 个阈值 = PERCENTILE.INC(值, i/k) + 1（即 R 的 quantile 第 7 型再加 1，与 R rfm 包相同）：比分位数至少高出 1 个单位（天、单、元）才进入上一档。',
    en: 'Cut point i = PERCENTILE.INC(values, i/k) + 1 (R quantile type 7 plus 1, as the R rfm package): a customer moves up only when at least one unit (day, order, currency unit) above the quantile.',
  },
  'rfmUi.quantileDef.percentile_inc': {
    'zh-CN':
      '第 i 个阈值 = PERCENTILE.INC(值, i/k)（R 的 quantile 第 7 型）；恰好等于分位数的客户进入上一档，与 Excel 的 =IF(x>=PERCENTILE.INC(…)) 相同。',
    en: 'Cut point i = PERCENTILE.INC(values, i/k) (R quantile type 7); a customer exactly on the quantile moves up, as with Excel’s =IF(x>=PERCENTILE.INC(…)).',
  },
  'rfmUi.quantileDef.discrete': {
    'zh-CN': '第 i 个阈值 = 使至少 ⌈i·n/k⌉ 位客户低于它的最小实际值；并列的值留在下一档（旧版的算法）。',
    en: 'Cut point i = the smallest observed value with at least ⌈i·n/k⌉ customers below it; tied values stay in the lower bin (the earlier method).',
  },
  'rfmUi.quantileOldConfig': {
    'zh-CN':
      '未记录此项的旧配置和分享链接按新的默认算法（插值 + 1）计算，分位数阈值可能与当初略有不同；选“离散分位数”可复现旧结果。',
    en: 'Saved configs and links from before this setting use the new default (interpolated + 1), so quantile cut points may differ slightly from then; choose “Discrete” to get the old numbers.',
  },
  'rfmUi.window6': { 'zh-CN': '近 6 个月', en: 'Last 6 months' },
  'rfmUi.window12': { 'zh-CN': '近 12 个月', en: 'Last 12 months' },
  'rfmUi.windowOtherMonths': { 'zh-CN': '最近 N 个月（自定义）', en: 'Last N months (custom)' },
  'rfmUi.periodNeeded': {
    'zh-CN':
      '需要统计区间才会有客户的分群：{segments}。F = 1 分即统计期内 0 单：期前买过、期内未买的客户计 F = 0、M = 0，R 按最后一次购买计算。',
    en: 'Segments that fill only with a statistical period: {segments}. F score 1 means 0 orders in the period: customers who bought before it but not in it count F = 0 and M = 0, with R from their last purchase.',
  },
  'rfmUi.periodAllNote': {
    'zh-CN': '按全部数据统计时每位客户至少有 1 单，这些分群必然为空，F ≥ 2 分的条件对所有客户都成立。',
    en: 'Over the whole history every customer has at least one order, so these segments stay empty and “F ≥ 2” holds for everyone.',
  },
  'rfmUi.health.title': { 'zh-CN': '分群检查', en: 'Segment check' },
  'rfmUi.health.needs_period': {
    'zh-CN':
      '“{segment}”按全部数据统计时必然为空：它要求统计期内 0 单（F = 1 分）。修正：把统计区间设为近 6 个月或近 12 个月。',
    en: '“{segment}” is empty by construction over the whole history: it needs 0 orders in the period (F score 1). Fix: set the window to the last 6 or 12 months.',
  },
  'rfmUi.health.empty': {
    'zh-CN':
      '“{segment}”没有客户。修正：检查它的规则和阈值是否与统计区间矛盾（例如近 6 个月内下过单的客户很少满足 R = 1 分的“180 天以上未购”），或调整规则、换一个统计区间。',
    en: '“{segment}” has no customers. Fix: check whether its rule and cut points contradict the window (e.g. few customers with an order in the last 6 months have R score 1, “over 180 days”), or change the rule or the window.',
  },
  'rfmUi.health.other_high': {
    'zh-CN':
      '“其他”占 {share} 的客户（超过 10%），他们不符合任何分群规则。修正：在分群规则中覆盖未分配的 R/F/M 组合（规则编辑器会标出），或设置统计区间、换用覆盖全部组合的预设。',
    en: '“Other” holds {share} of the customers (more than 10 %): they match no segment rule. Fix: cover the unassigned R/F/M combinations in the rules (the rule editor lists them), or set a window, or use a preset that covers every combination.',
  },
  'rfmUi.health.use6': { 'zh-CN': '改为近 6 个月', en: 'Use the last 6 months' },
  'rfmUi.col.pAlive': { 'zh-CN': 'P(存活)', en: 'P(alive)' },
  'rfmUi.col.expectedPurchases': {
    'zh-CN': '未来 {days} 天预期购买',
    en: 'Expected purchases, next {days} days',
  },
  'rfmUi.col.expectedSpend': { 'zh-CN': '预期每次消费', en: 'Expected spend per purchase' },
  'rfmUi.col.clv': { 'zh-CN': '预测 CLV', en: 'Predicted CLV' },
  'rfmUi.col.nextPurchase': { 'zh-CN': '预计下次购买', en: 'Expected next purchase' },
  'rfmUi.col.aliveBand': { 'zh-CN': 'P(存活) 分档', en: 'P(alive) band' },
  'rfmUi.clvNote': {
    'zh-CN':
      'CLV 列来自“客户价值预测”中拟合的 BG/NBD + Gamma-Gamma 模型（未来 {days} 天；P(存活) 低于 {threshold} 时下次购买记为“不太可能”）；校准期末之后才首购的客户没有预测。',
    en: 'CLV columns come from the BG/NBD + Gamma-Gamma fit in “CLV & churn risk” (next {days} days; below a P(alive) of {threshold} the next purchase is “unlikely”); customers first seen after the calibration end have no prediction.',
  },
  'rfmUi.clvMissing': {
    'zh-CN':
      '没有 CLV 列：尚未在“客户价值预测”中拟合模型（或数据已更换）。打开该页拟合后，此列表和导出会加上 P(存活)、预期购买、CLV 与预计下次购买。',
    en: 'No CLV columns: the models have not been fit in “CLV & churn risk” (or the data changed). Open that page to fit them; this list and its exports then gain P(alive), expected purchases, CLV and the expected next purchase.',
  },
} satisfies Messages;

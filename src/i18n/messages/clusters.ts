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

export const clustersUi = {
  'clustersView.help': {
    'zh-CN':
      '每位客户一行（截至分析日期的全部有效购买），按勾选的特征做 K-means 聚类。变换：金额与次数类特征（购买次数、消费金额、客单价、平均间隔）可先取 sign(x)·ln(1+|x|)（默认开启），再对每个特征做 z 标准化 (x − 均值) ÷ 标准差（总体标准差）；缺失值（如只买过一次的客户没有间隔）取均值（z = 0），取值全相同的特征 z 全为 0。初始化为带随机种子的 k-means++，重复 {nInit} 次取惯性（组内平方和）最小者，同一种子结果相同。k 选择图：在最多 10,000 位客户的随机样本上对 k = 2…10 各跑 3 次，画惯性（肘部）与平均轮廓系数（在其中 3,000 位上计算），建议 k = 轮廓系数最高者。聚类中心已换回原始单位。名称按中心偏离均值最多（|z| ≥ 0.5）的特征自动生成，可改名。',
    en: 'One row per customer (all valid purchases up to the analysis date), clustered by K-means on the ticked features. Transform: money and count features (purchases, revenue, AOV, average interval) can first be mapped to sign(x)·ln(1+|x|) (on by default), then every feature is z-scored, (x − mean) ÷ sd (population sd); a missing value (no interval for a one-purchase customer) takes the mean (z = 0); a constant feature is 0 for everyone. Initialisation: seeded k-means++, {nInit} restarts keeping the lowest inertia (within-cluster sum of squares); the same seed gives the same clusters. k chooser: on a random sample of at most 10,000 customers, 3 restarts for each k = 2…10, with inertia (elbow) and the mean silhouette (on 3,000 of them); the suggested k has the highest silhouette. Centres are shown in original units. Names come from the features furthest from the average (|z| ≥ 0.5); rename any cluster.',
  },
  'clustersView.features': { 'zh-CN': '聚类特征', en: 'Features' },
  'clustersView.log1p': { 'zh-CN': '对金额/次数取 log1p', en: 'log1p for money and counts' },
  'clustersView.k': { 'zh-CN': '聚类数 k', en: 'Clusters k' },
  'clustersView.kAuto': { 'zh-CN': '建议值（{k}）', en: 'Suggested ({k})' },
  'clustersView.seed': { 'zh-CN': '随机种子', en: 'Seed' },
  'clustersView.chooser': { 'zh-CN': 'k 选择：肘部与轮廓系数', en: 'Choosing k: elbow and silhouette' },
  'clustersView.chooserHint': {
    'zh-CN': '抽样 {n} 位客户；★ 为建议的 k',
    en: 'Sample of {n} customers; ★ marks the suggested k',
  },
  'clustersView.inertia': { 'zh-CN': '惯性', en: 'Inertia' },
  'clustersView.silhouette': { 'zh-CN': '轮廓系数', en: 'Silhouette' },
  'clustersView.suggested': { 'zh-CN': '建议', en: 'suggested' },
  'clustersView.summary': {
    'zh-CN': '{customers} 位客户分为 {k} 群 · 惯性 {inertia} · 轮廓系数 {silhouette}',
    en: '{customers} customers in {k} clusters · inertia {inertia} · silhouette {silhouette}',
  },
  'clustersView.profiles': { 'zh-CN': '各群画像', en: 'Cluster profiles' },
  'clustersView.profilesHint': {
    'zh-CN': '均值 / 中位数；色块为中心的 z 值（红高蓝低）',
    en: 'Mean / median; cells shaded by the centre’s z-score (red high, blue low)',
  },
  'clustersView.cluster': { 'zh-CN': '群', en: 'Cluster' },
  'clustersView.name': { 'zh-CN': '名称', en: 'Name' },
  'clustersView.renameLabel': {
    'zh-CN': '簇 {cluster} 的名称（可修改）',
    en: 'Name of cluster {cluster} (editable)',
  },
  'clustersView.size': { 'zh-CN': '客户数', en: 'Customers' },
  'clustersView.share': { 'zh-CN': '客户占比', en: 'Share' },
  'clustersView.revenueShare': { 'zh-CN': '收入占比', en: 'Revenue share' },
  'clustersView.segments': { 'zh-CN': '群内 RFM 客群', en: 'RFM segments in each cluster' },
  'clustersView.members': {
    'zh-CN': '群内客户（前 {n} 位，按消费额）',
    en: 'Customers in the cluster (first {n} by revenue)',
  },
  'clustersView.exportAll': { 'zh-CN': '导出聚类结果', en: 'Export clusters' },
  'clustersView.exportCluster': { 'zh-CN': '导出本群客户', en: 'Export this cluster' },
  'clustersView.none': { 'zh-CN': '没有可聚类的客户。', en: 'No customers to cluster.' },
  'clusters.feature.recency': { 'zh-CN': '最近购买距今（天）', en: 'Recency (days)' },
  'clusters.feature.frequency': { 'zh-CN': '购买次数', en: 'Purchases' },
  'clusters.feature.monetary': { 'zh-CN': '消费金额', en: 'Revenue' },
  'clusters.feature.aov': { 'zh-CN': '客单价', en: 'AOV' },
  'clusters.feature.avg_interval': { 'zh-CN': '平均回购间隔（天）', en: 'Average interval (days)' },
  'clusters.feature.discount_rate': { 'zh-CN': '平均成交价/原价', en: 'Paid / list price' },
  'clusters.feature.promo_share': { 'zh-CN': '折扣订单占比', en: 'Discounted order share' },
  'clusters.feature.peak_hour': { 'zh-CN': '最常下单时段', en: 'Peak hour' },
  'basketView.help': {
    'zh-CN':
      '购物篮：默认一笔订单为一个篮子（清洗后的订单按单记录一个商品/类目，因此多数订单只含一项；可改为「每位客户」= 客户买过的全部商品），只看是否购买，不看数量。频繁项集用 Eclat（与 Apriori 结果相同）：支持度 = 含该组合的篮子数 ÷ 篮子总数，达到最小支持度即频繁。规则 X ⇒ Y（Y 为单个商品，与 R arules 相同）：置信度 = 支持度(X∪Y) ÷ 支持度(X)，提升度 = 置信度 ÷ 支持度(Y)，杠杆 = 支持度(X∪Y) − 支持度(X)·支持度(Y)，确信度 = (1 − 支持度(Y)) ÷ (1 − 置信度)。最大长度 = X 与 Y 的商品数之和。运行前先估算频繁项集数量，超过 {ask} 个会先询问；超过 {cap} 个则停止并提示。推荐：对每位客户，在其已买齐规则左侧商品的规则中，按 置信度 × 提升度 取其未买过的商品前 {top} 个；不足时用同一 RFM 客群内购买人数占比最高的商品补足。',
    en: 'Baskets: by default one order is one basket (cleaned orders record one product / category per order, so most orders hold one item; choose “per customer” to use everything a customer bought); presence only, not quantities. Frequent itemsets by Eclat (the same itemsets as Apriori): support = baskets containing the set ÷ all baskets; a set is frequent at or above the min support. Rules X ⇒ Y (Y one item, as in R arules): confidence = support(X∪Y) ÷ support(X), lift = confidence ÷ support(Y), leverage = support(X∪Y) − support(X)·support(Y), conviction = (1 − support(Y)) ÷ (1 − confidence). Max length counts the items of X and Y. Before mining, the frequent itemsets are estimated; above {ask} you are asked first; above {cap} mining stops with a message. Recommendations: for each customer, the {top} unbought items with the highest confidence × lift among rules whose whole left side they bought; topped up with the items most bought in their RFM segment.',
  },
  'basketView.level': { 'zh-CN': '商品层级', en: 'Item level' },
  'basketView.level.product': { 'zh-CN': '商品', en: 'Product' },
  'basketView.level.category': { 'zh-CN': '类目', en: 'Category' },
  'basketView.unit': { 'zh-CN': '篮子', en: 'Basket' },
  'basketView.unit.order': { 'zh-CN': '每笔订单', en: 'Per order' },
  'basketView.unit.customer': { 'zh-CN': '每位客户', en: 'Per customer' },
  'basketView.minSupport': { 'zh-CN': '最小支持度（%）', en: 'Min support (%)' },
  'basketView.minConfidence': { 'zh-CN': '最小置信度（%）', en: 'Min confidence (%)' },
  'basketView.maxLen': { 'zh-CN': '最大长度', en: 'Max length' },
  'basketView.run': { 'zh-CN': '计算规则', en: 'Find rules' },
  'basketView.askTitle': {
    'zh-CN': '此最小支持度下频繁项集超过 {n} 个，计算可能很慢、占用大量内存。仍要继续吗？',
    en: 'More than {n} frequent itemsets at this min support: mining may be slow and use much memory. Continue anyway?',
  },
  'basketView.continue': { 'zh-CN': '仍然计算', en: 'Continue anyway' },
  'basketView.summary': {
    'zh-CN':
      '{used} 个篮子（共读取 {read} 个，{skipped} 个无商品未计入）· {items} 个商品 · {itemsets} 个频繁项集 · {rules} 条规则',
    en: '{used} baskets ({read} read, {skipped} without an item left out) · {items} items · {itemsets} frequent itemsets · {rules} rules',
  },
  'basketView.rules': { 'zh-CN': '关联规则', en: 'Rules' },
  'basketView.filter': { 'zh-CN': '按商品筛选', en: 'Filter by item' },
  'basketView.sort': { 'zh-CN': '排序', en: 'Sort by' },
  'basketView.antecedent': { 'zh-CN': '前项（已购买）', en: 'Antecedent (bought)' },
  'basketView.consequent': { 'zh-CN': '后项（同时购买）', en: 'Consequent (also bought)' },
  'basketView.support': { 'zh-CN': '支持度', en: 'Support' },
  'basketView.confidence': { 'zh-CN': '置信度', en: 'Confidence' },
  'basketView.lift': { 'zh-CN': '提升度', en: 'Lift' },
  'basketView.count': { 'zh-CN': '篮子数', en: 'Count' },
  'basketView.leverage': { 'zh-CN': '杠杆', en: 'Leverage' },
  'basketView.conviction': { 'zh-CN': '确信度', en: 'Conviction' },
  'basketView.noRules': {
    'zh-CN': '当前设置下没有规则。可降低最小支持度/置信度，或把篮子改为「每位客户」。',
    en: 'No rules at these settings. Lower the min support / confidence, or use baskets per customer.',
  },
  'basketView.scatter': {
    'zh-CN': '规则分布（支持度 × 置信度，颜色 = 提升度）',
    en: 'Rules: support × confidence, colour = lift',
  },
  'basketView.graph': { 'zh-CN': '提升度最高的规则', en: 'Top rules by lift' },
  'basketView.recs': { 'zh-CN': '下一件商品推荐', en: 'Next-product recommendations' },
  'basketView.recsHint': {
    'zh-CN': '前 {n} 行；导出含全部客户',
    en: 'First {n} rows; the export has every customer',
  },
  'basketView.customer': { 'zh-CN': '客户', en: 'Customer' },
  'basketView.rank': { 'zh-CN': '名次', en: 'Rank' },
  'basketView.item': { 'zh-CN': '推荐商品', en: 'Item' },
  'basketView.score': { 'zh-CN': '得分', en: 'Score' },
  'basketView.because': { 'zh-CN': '原因', en: 'Because' },
} satisfies Messages;

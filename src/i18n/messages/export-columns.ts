import type { Messages } from './types.ts';

/**
 * Column headers of the app's exports in the UI language (issue 18: files a CRM team uses as they
 * are). The CLI keeps the snake_case names; `exportCol.<column>` names the column `<column>`.
 */
export const exportColumns = {
  'exportCol.customer_id': { 'zh-CN': '客户ID', en: 'Customer ID' },
  'exportCol.recency_days': { 'zh-CN': '最近购买天数', en: 'Days since last purchase' },
  'exportCol.frequency': { 'zh-CN': '购买次数', en: 'Purchases' },
  'exportCol.monetary': { 'zh-CN': '消费金额', en: 'Spend' },
  'exportCol.r_score': { 'zh-CN': 'R 分', en: 'R score' },
  'exportCol.f_score': { 'zh-CN': 'F 分', en: 'F score' },
  'exportCol.m_score': { 'zh-CN': 'M 分', en: 'M score' },
  'exportCol.rfm_code': { 'zh-CN': 'RFM 编码', en: 'RFM code' },
  'exportCol.segment': { 'zh-CN': '客群代码', en: 'Segment id' },
  'exportCol.segment_label': { 'zh-CN': '客群', en: 'Segment' },
  'exportCol.first_purchase': { 'zh-CN': '首次购买日', en: 'First purchase' },
  'exportCol.avg_interval_days': { 'zh-CN': '平均购买间隔（天）', en: 'Average days between purchases' },
  'exportCol.median_interval_days': { 'zh-CN': '购买间隔中位数（天）', en: 'Median days between purchases' },
  'exportCol.top_category_1': { 'zh-CN': '偏好品类 1', en: 'Top category 1' },
  'exportCol.top_category_2': { 'zh-CN': '偏好品类 2', en: 'Top category 2' },
  'exportCol.top_category_3': { 'zh-CN': '偏好品类 3', en: 'Top category 3' },
  'exportCol.top_channel': { 'zh-CN': '常用渠道', en: 'Main channel' },
  'exportCol.top_payment_method': { 'zh-CN': '常用支付方式', en: 'Main payment method' },
  'exportCol.avg_discount_rate': { 'zh-CN': '平均折扣率', en: 'Average discount rate' },
  'exportCol.promo_order_share': { 'zh-CN': '促销订单占比', en: 'Share of promo orders' },
  'exportCol.peak_weekday': { 'zh-CN': '高峰星期（1=周一）', en: 'Peak weekday (1 = Monday)' },
  'exportCol.peak_hour': { 'zh-CN': '高峰时段（时）', en: 'Peak hour' },
  'exportCol.customers': { 'zh-CN': '客户数', en: 'Customers' },
  'exportCol.orders': { 'zh-CN': '订单数', en: 'Orders' },
  'exportCol.revenue': { 'zh-CN': '收入', en: 'Revenue' },
  'exportCol.customer_share': { 'zh-CN': '客户占比', en: 'Share of customers' },
  'exportCol.revenue_share': { 'zh-CN': '收入占比', en: 'Share of revenue' },
} satisfies Messages;

/** Names of the RFM exports (files and sheets). */
export const exportNames = {
  'rfmUi.segmentsFile': { 'zh-CN': 'RFM客群', en: 'RFM segments' },
  'rfmUi.summarySheet': { 'zh-CN': '汇总', en: 'Summary' },
  'rfmUi.exportAll': {
    'zh-CN': '导出全部客群（Excel，每个客群一个工作表）',
    en: 'All segments (Excel, a sheet each)',
  },
} satisfies Messages;

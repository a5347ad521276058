import type { Messages } from './types.ts';

/** Workspace sections and the mapping & cleaning screen. */
export const workspace = {
  'nav.data': { 'zh-CN': '数据', en: 'Data' },
  'nav.clean': { 'zh-CN': '映射与清洗', en: 'Mapping & cleaning' },
  'nav.rfm': { 'zh-CN': 'RFM 分群', en: 'RFM segments' },
  'nav.behaviour': { 'zh-CN': '购买行为', en: 'Behaviour' },
  'nav.lifecycle': { 'zh-CN': '生命周期', en: 'Lifecycle' },
  'nav.config': { 'zh-CN': '配置与分享', en: 'Setup & sharing' },
  'nav.needsCleaning': { 'zh-CN': '请先完成映射与清洗', en: 'Map and clean the orders first' },
  'clean.ordersFile': { 'zh-CN': '订单文件', en: 'Orders file' },
  'clean.platform': {
    'zh-CN': '识别为 {platform} 导出（可信度 {confidence}）',
    en: 'Recognised as a {platform} export ({confidence} confidence)',
  },
  'clean.noPlatform': {
    'zh-CN': '未识别出平台，按通用表头映射',
    en: 'No platform recognised; mapped by generic headers',
  },
  'clean.mappingTitle': { 'zh-CN': '列映射', en: 'Column mapping' },
  'clean.mappingHint': {
    'zh-CN': '系统已根据表头和数据内容给出建议，请核对；带 * 的为必填。',
    en: 'Proposed from the headers and values — please check. Roles marked * are required.',
  },
  'clean.role': { 'zh-CN': '含义', en: 'Meaning' },
  'clean.column': { 'zh-CN': '文件中的列', en: 'Column in the file' },
  'clean.confidence': { 'zh-CN': '依据', en: 'Basis' },
  'clean.none': { 'zh-CN': '（不使用）', en: '(not used)' },
  'clean.rulesTitle': { 'zh-CN': '清洗规则', en: 'Cleaning rules' },
  'clean.rule.dropExactDuplicates': {
    'zh-CN': '去除完全重复的行（如重叠导出）',
    en: 'Drop exact duplicate rows (overlapping exports)',
  },
  'clean.rule.dedupeOrderIds': {
    'zh-CN': '订单号重复时保留最新一条',
    en: 'Duplicate order ids: keep the latest version',
  },
  'clean.rule.dropImpossibleValues': {
    'zh-CN': '搁置不合理的金额、数量和日期',
    en: 'Set aside impossible amounts, quantities and dates',
  },
  'clean.returns': { 'zh-CN': '退货与冲销单', en: 'Returns and credit notes' },
  'clean.returns.net': { 'zh-CN': '从收入中扣除（默认）', en: 'Net them against revenue (default)' },
  'clean.returns.ignore': { 'zh-CN': '忽略退货（只计毛销售额）', en: 'Ignore returns (gross sales only)' },
  'clean.returnsHelp': {
    'zh-CN':
      '合计金额为负的订单（如 C536379）是冲销单：单号去掉 C 能对上同一客户的原订单时冲抵该订单，否则按退货日期计入退款。M 与收入均为扣除退货后的净额；退货抵消全部购买的客户不算购买客户。忽略退货时冲销单被搁置。',
    en: 'An order whose total is negative (e.g. C536379) is a credit note: netted against the same customer’s original order when its id without the C matches, else a refund on its own date. M and revenue are net of returns; a customer whose returns cancel every purchase is not a purchaser. Ignoring returns sets credit notes aside.',
  },
  'clean.returnsSummary': {
    'zh-CN':
      '退货：{notes} 张冲销单（{rows} 行）共退款 {amount}，其中 {matched} 张冲抵到原订单，其余按退货日期计入；{customers} 位客户的购买已全部退回，不算购买客户',
    en: 'Returns: {notes} credit notes ({rows} rows) refunding {amount}; {matched} netted against their original order, the others on their own date; {customers} customers returned everything they bought and are not counted as purchasers',
  },
  'clean.purchase': { 'zh-CN': '一次购买指', en: 'One purchase is' },
  'clean.purchase.orders': { 'zh-CN': '一个订单（默认）', en: 'One order (default)' },
  'clean.purchase.days': {
    'zh-CN': '一个购买日（同一客户同一天的订单合并为一次）',
    en: 'One purchase day (a customer’s orders of one day count once)',
  },
  'clean.purchaseHelp': {
    'zh-CN':
      '所有分析都按这一口径计数：RFM 的 F、订单数、客单价、购买间隔、复购率、流失与生命周期规则。按订单计时，同一天的两个订单间隔为 0 天。',
    en: 'Every analysis counts this unit: RFM F, orders, AOV, purchase intervals, repurchase, churn and lifecycle rules. With orders, two orders on one day are 0 days apart.',
  },
  'clean.rule.normalizeText': { 'zh-CN': '去空格、全角转半角', en: 'Trim and convert full-width characters' },
  'clean.purchaseStatuses': { 'zh-CN': '计为购买的订单状态', en: 'Order statuses that count as purchases' },
  'clean.synonyms': { 'zh-CN': '品类同义词（每行一条）', en: 'Category synonyms (one per line)' },
  'clean.synonymsHint': { 'zh-CN': '手机 => 智能手机', en: 'cell phone => smartphone' },
  'clean.dateOrder': { 'zh-CN': '日期的日/月顺序', en: 'Day/month order of dates' },
  'clean.dateOrder.auto': { 'zh-CN': '自动判断', en: 'Decide from the data' },
  'clean.run': { 'zh-CN': '应用映射并清洗', en: 'Apply mapping and clean' },
  'clean.rerun': { 'zh-CN': '设置已修改，重新清洗', en: 'Settings changed — clean again' },
  'clean.reportTitle': { 'zh-CN': '清洗报告', en: 'Cleaning report' },
  'clean.addsUp': {
    'zh-CN': '读取 {read} 行 = 使用 {used} 行 + 搁置 {aside} 行',
    en: '{read} rows read = {used} used + {aside} set aside',
  },
  'clean.orders': {
    'zh-CN': '得到 {orders} 个订单，其中 {purchases} 个计为购买',
    en: '{orders} orders, {purchases} of them purchases',
  },
  'clean.granularity': { 'zh-CN': '行与订单的关系：{value}', en: 'Rows and orders: {value}' },
  'clean.reason': { 'zh-CN': '原因', en: 'Reason' },
  'clean.count': { 'zh-CN': '行数', en: 'Rows' },
  'clean.repairKind': { 'zh-CN': '修复类型', en: 'Repair' },
  'clean.values': { 'zh-CN': '值的个数', en: 'Values' },
  'clean.statusesTitle': { 'zh-CN': '文件中的订单状态', en: 'Order statuses in the file' },
  'clean.rawStatus': { 'zh-CN': '原始状态', en: 'Status in the file' },
  'clean.normalized': { 'zh-CN': '归类为', en: 'Treated as' },
  'clean.isPurchase': { 'zh-CN': '算作购买', en: 'Purchase' },
  'clean.yes': { 'zh-CN': '是', en: 'Yes' },
  'clean.no': { 'zh-CN': '否', en: 'No' },
  'clean.noSetAside': { 'zh-CN': '没有被搁置的行。', en: 'No rows were set aside.' },
  'clean.exportCsv': { 'zh-CN': '导出 CSV', en: 'Export CSV' },
  'clean.exportXlsx': { 'zh-CN': '导出 Excel', en: 'Export Excel' },
  'clean.sourceRow': { 'zh-CN': '原文件行号', en: 'Source row' },
  'clean.showing': { 'zh-CN': '显示前 {count} 行', en: 'Showing the first {count} rows' },
} satisfies Messages;

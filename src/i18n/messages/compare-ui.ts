/** Group comparison (issue 6): customer-attribute groups and a second orders dataset. */
import type { Messages } from './types.ts';

export const compareUi = {
  'compareUi.currencyMismatch': {
    'zh-CN':
      '注意：A 的金额币种是 {a}，B 是 {b}，金额类指标（收入、客单价等）不能直接比较；次数与比例类指标不受影响。',
    en: 'Note: A’s amounts are in {a} and B’s in {b}, so money metrics (revenue, AOV…) cannot be compared directly; counts and rates are not affected.',
  },
  'compareUi.currencyUnknown': { 'zh-CN': '未识别的币种', en: 'an undetected currency' },
  'compareUi.attributeIs': { 'zh-CN': '{attribute} = {value}', en: '{attribute} = {value}' },
  'compareUi.tagHas': { 'zh-CN': '{attribute}含“{value}”', en: '{attribute} include “{value}”' },
  'compareUi.withCount': { 'zh-CN': '{label}（{count} 人）', en: '{label} ({count})' },
  'compareUi.datasets': { 'zh-CN': '数据集', en: 'Datasets' },
  'compareUi.thisDataset': { 'zh-CN': '本数据集（A：{file}）', en: 'This dataset (A: {file})' },
  'compareUi.otherDataset': { 'zh-CN': '对比数据集（B：{file}）', en: 'Comparison dataset (B: {file})' },
  'compareUi.otherChannels': { 'zh-CN': '对比数据集的渠道', en: 'Comparison dataset channels' },
  'compareUi.otherChannel': { 'zh-CN': 'B · {channel}', en: 'B · {channel}' },
  'compareUi.noAttributes': {
    'zh-CN': '在“映射与清洗”中清洗一份含会员等级、性别、地区或标签的客户资料后，可按客户属性分组对比。',
    en: 'Clean a customer file with member levels, gender, regions or tags (Mapping & cleaning) to compare by customer attributes.',
  },
  'compareUi.datasetTitle': { 'zh-CN': '对比另一份订单数据', en: 'Compare with another orders file' },
  'compareUi.datasetHint': {
    'zh-CN':
      '例如自有客户与竞品/样本组客户。该文件按当前清洗设置单独清洗，不会替换正在分析的数据（RFM 等仍使用本数据集）。',
    en: 'E.g. own customers vs a competitor panel. The file is cleaned separately with the current cleaning settings; it never replaces the analysed data (RFM and the other sections keep using this dataset).',
  },
  'compareUi.chooseFile': { 'zh-CN': '选择订单文件…', en: 'Compare with another orders file…' },
  'compareUi.replaceFile': { 'zh-CN': '换一个文件…', en: 'Replace file…' },
  'compareUi.orLoaded': { 'zh-CN': '或使用已载入的表', en: 'or use a loaded table' },
  'compareUi.remove': { 'zh-CN': '移除对比数据', en: 'Remove comparison data' },
  'compareUi.counts': {
    'zh-CN': '读取 {read} 行 = 使用 {used} 行 + 搁置 {aside} 行',
    en: '{read} rows read = {used} used + {aside} set aside',
  },
  'compareUi.orders': {
    'zh-CN': '{purchases} 笔购买订单',
    en: '{purchases} purchase orders',
  },
  'compareUi.cannotUse': {
    'zh-CN': '无法使用“{file}”作对比：',
    en: '“{file}” cannot be used for the comparison:',
  },
  'compareUi.missingRoles': {
    'zh-CN': '找不到这些列：{roles}。',
    en: 'no column found for: {roles}.',
  },
  'compareUi.unsureRoles': {
    'zh-CN': '无法确定这些列：{roles}（请使用与本数据集相同表头的导出文件）。',
    en: 'not sure which column holds: {roles} (use an export with the same headers as this dataset).',
  },
  'compareUi.or': { 'zh-CN': '或', en: ' or ' },
  'compareUi.separator': { 'zh-CN': '、', en: ', ' },
  // Issue 18: the comparison's chart and export.
  'compareUi.chartTitle': { 'zh-CN': 'B 相对 A 的差异：{b} vs {a}', en: 'B relative to A: {b} vs {a}' },
  'compareUi.chartAxis': { 'zh-CN': '相对差异（B 相对 A）', en: 'Relative difference (B vs A)' },
  'compareUi.chartLegend': {
    'zh-CN': '深橙 = 差异显著（检验 p < 0.05）；浅橙 = 差异较大但检验不显著或未检验；灰色 = 其他。',
    en: 'Dark orange = significant (test p < 0.05); light orange = large difference, not shown significant or not tested; grey = other.',
  },
  'compareUi.file': { 'zh-CN': '分组对比', en: 'Group comparison' },
  'compareUi.col.metric': { 'zh-CN': '指标', en: 'Metric' },
  'compareUi.col.a': { 'zh-CN': 'A：{label}', en: 'A: {label}' },
  'compareUi.col.b': { 'zh-CN': 'B：{label}', en: 'B: {label}' },
  'compareUi.col.diff': { 'zh-CN': '差值（B − A）', en: 'Difference (B − A)' },
  'compareUi.col.relative': { 'zh-CN': '相对差异', en: 'Relative difference' },
  'compareUi.col.test': { 'zh-CN': '检验', en: 'Test' },
  'compareUi.col.p': { 'zh-CN': 'p 值', en: 'p-value' },
  'compareUi.col.verdict': { 'zh-CN': '结论', en: 'Verdict' },
  'compareUi.verdict.large': { 'zh-CN': '差异较大（{rel}）', en: 'Large difference ({rel})' },
  // Issue 18: a churn warning's detail in words in UI exports (CLI files keep key=value).
  'exportWord.detail.last_purchase': { 'zh-CN': '最近购买 {v}', en: 'last purchase {v}' },
  'exportWord.detail.first_purchase': { 'zh-CN': '首次购买 {v}', en: 'first purchase {v}' },
  'exportWord.detail.second_purchase.none': { 'zh-CN': '没有第二次购买', en: 'no second purchase' },
  'exportWord.detail.median_interval_days': {
    'zh-CN': '购买间隔中位数 {v} 天',
    en: 'median interval {v} days',
  },
  'exportWord.detail.factor': { 'zh-CN': '超期倍数 {v}', en: 'overdue factor {v}' },
  'exportWord.detail.separator': { 'zh-CN': '；', en: '; ' },
} satisfies Messages;

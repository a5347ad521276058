/** CLV, P(alive) and next purchase (issue 16): the section's texts, help and warnings. */
import type { Messages } from './types.ts';

export const clv = {
  'nav.clv': { 'zh-CN': '客户价值预测', en: 'CLV & churn risk' },
  'clv.help': {
    'zh-CN':
      '按 BG/NBD 模型（Fader、Hardie、Lee 2005）估计每位客户仍然活跃的概率 P(存活)、未来 {days} 天的预期购买次数，并用 Gamma-Gamma 模型估计每次购买的预期金额，得出未来 {months} 个月、月折现率 {rate} 的客户终身价值（CLV）。一次购买 = 一个购买日（同一天的多笔订单合并）；x = 首次之后的购买日数，t_x = 首购到最后一次购买的时长，T = 首购到校准期末的时长（单位：{unit}）。预测从校准期末算起。',
    en: 'The BG/NBD model (Fader, Hardie & Lee 2005) estimates each customer’s probability of still being active, P(alive), and their expected purchases in the next {days} days; the Gamma-Gamma model estimates their expected spend per purchase, giving a customer lifetime value (CLV) over {months} months at a monthly discount rate of {rate}. One purchase = one purchase day (orders of the same day merged); x = purchase days after the first, t_x = first to last purchase, T = first purchase to the calibration end (in {unit}). Predictions start at the calibration end.',
  },
  'clv.unit.week': { 'zh-CN': '周', en: 'weeks' },
  'clv.unit.day': { 'zh-CN': '天', en: 'days' },
  'clv.settings': { 'zh-CN': '模型设置', en: 'Model settings' },
  'clv.timeUnit': { 'zh-CN': '时间单位', en: 'Time unit' },
  'clv.calibrationEnd': {
    'zh-CN': '校准期末（留空 = 全部历史，无留出期检验）',
    en: 'Calibration end (empty = whole history, no holdout check)',
  },
  'clv.horizonDays': { 'zh-CN': '预测天数 N', en: 'Next N days' },
  'clv.months': { 'zh-CN': 'CLV 月数', en: 'CLV months' },
  'clv.discount': { 'zh-CN': '月折现率', en: 'Monthly discount rate' },
  'clv.threshold': {
    'zh-CN': 'P(存活) 低于此值时下次购买记为“不太可能”',
    en: 'Below this P(alive) the next purchase is “unlikely”',
  },
  'clv.invalidSetting': {
    'zh-CN': '设置无效：请输入范围内的数值或 YYYY-MM-DD 日期。',
    en: 'Invalid setting: enter a number in range or a YYYY-MM-DD date.',
  },
  'clv.model': { 'zh-CN': '模型参数', en: 'Model parameters' },
  'clv.parameter': { 'zh-CN': '参数', en: 'Parameter' },
  'clv.value': { 'zh-CN': '估计值', en: 'Estimate' },
  'clv.logLikelihood': { 'zh-CN': '对数似然', en: 'Log-likelihood' },
  'clv.converged': {
    'zh-CN': '已收敛（{evaluations} 次计算，{restarts} 轮）',
    en: 'converged ({evaluations} evaluations, {restarts} runs)',
  },
  'clv.notConverged': {
    'zh-CN': '未收敛（{evaluations} 次计算）：参数可能不准确',
    en: 'did not converge ({evaluations} evaluations): the parameters may be off',
  },
  'clv.customersUsed': {
    'zh-CN':
      '{total} 位客户：{used} 位用于模型（其中 {repeat} 位有复购），{after} 位在校准期末之后才首次购买，未纳入。',
    en: '{total} customers: {used} used by the model ({repeat} with repeat purchases); {after} first bought after the calibration end and are left out.',
  },
  'clv.spendUsed': {
    'zh-CN':
      'Gamma-Gamma 用 {fitted} 位有复购的客户拟合；{nonpositive} 位复购平均金额 ≤ 0，未纳入（按总体均值估计）。',
    en: 'Gamma-Gamma fitted on {fitted} customers with repeat purchases; {nonpositive} with a mean repeat value ≤ 0 are left out (given the population mean).',
  },
  'clv.period': {
    'zh-CN': '校准期末 {cal}，数据截至 {end}（留出期 {holdout} {unit}）。',
    en: 'Calibration end {cal}, data up to {end} (holdout {holdout} {unit}).',
  },
  'clv.warning.too_few_customers': {
    'zh-CN': '客户或复购太少（至少需要 10 位客户且有人复购），无法拟合 BG/NBD 模型。',
    en: 'Too few customers or repeat purchases (at least 10 customers, some repeating) to fit the BG/NBD model.',
  },
  'clv.warning.too_few_repeaters_for_spend': {
    'zh-CN': '复购金额为正的客户少于 10 位，未拟合 Gamma-Gamma 金额模型：预期金额和 CLV 为空。',
    en: 'Fewer than 10 customers with a positive repeat value: the Gamma-Gamma spend model is not fitted, so expected value and CLV are empty.',
  },
  'clv.warning.spend_frequency_correlated': {
    'zh-CN':
      '复购次数与平均金额的相关系数为 {corr}（绝对值超过 0.3）：Gamma-Gamma 假设两者独立，预期金额与 CLV 可能有偏。',
    en: 'Repeat frequency and mean value are correlated ({corr}, beyond ±0.3): Gamma-Gamma assumes they are independent, so expected value and CLV may be biased.',
  },
  'clv.warning.bgnbd_not_converged': {
    'zh-CN': 'BG/NBD 拟合未收敛：参数可能不准确。',
    en: 'The BG/NBD fit did not converge: the parameters may be off.',
  },
  'clv.warning.gamma_gamma_not_converged': {
    'zh-CN': 'Gamma-Gamma 拟合未收敛：预期金额可能不准确。',
    en: 'The Gamma-Gamma fit did not converge: expected values may be off.',
  },
  'clv.warning.no_holdout': {
    'zh-CN': '没有留出期：设置一个早于数据末尾的校准期末，才能用实际数据检验模型。',
    en: 'No holdout: set a calibration end before the data’s end to check the model against what happened.',
  },
  'clv.bands': { 'zh-CN': 'P(存活) × 预期购买分组', en: 'P(alive) × expected purchases' },
  'clv.aliveBand': { 'zh-CN': 'P(存活)', en: 'P(alive)' },
  'clv.purchaseBand': { 'zh-CN': '未来 {days} 天预期购买', en: 'Expected purchases, next {days} days' },
  'clv.band.likely_active': { 'zh-CN': '大概率活跃（≥ 80%）', en: 'Likely active (≥ 80 %)' },
  'clv.band.at_risk': { 'zh-CN': '有流失风险（50–80%）', en: 'At risk (50–80 %)' },
  'clv.band.lapsing': { 'zh-CN': '正在流失（20–50%）', en: 'Lapsing (20–50 %)' },
  'clv.band.likely_churned': { 'zh-CN': '大概率已流失（< 20%）', en: 'Likely churned (< 20 %)' },
  'clv.band.two_plus': { 'zh-CN': '≥ 2 次', en: '2 or more' },
  'clv.band.one': { 'zh-CN': '1–2 次', en: '1 to 2' },
  'clv.band.some': { 'zh-CN': '0.2–1 次', en: '0.2 to 1' },
  'clv.band.unlikely': { 'zh-CN': '< 0.2 次', en: 'under 0.2' },
  'clv.customers': { 'zh-CN': '客户数', en: 'Customers' },
  'clv.clvTotal': { 'zh-CN': 'CLV 合计', en: 'Total CLV' },
  'clv.clvMean': { 'zh-CN': '平均 CLV', en: 'Mean CLV' },
  'clv.list': { 'zh-CN': '客户列表（含 CLV 列）', en: 'Customer list with CLV columns' },
  'clv.churnedValuable': {
    'zh-CN': '大概率已流失但有价值的客户（P(存活) < 50%，历史复购金额前 20%）',
    en: 'Likely churned but valuable (P(alive) < 50 %, past repeat value in the top 20 %)',
  },
  'clv.search': { 'zh-CN': '搜索客户 ID', en: 'Search customer id' },
  'clv.shown': { 'zh-CN': '显示 {shown} / {total} 位客户', en: 'Showing {shown} of {total} customers' },
  'clv.col.customer': { 'zh-CN': '客户', en: 'Customer' },
  'clv.col.x': { 'zh-CN': '复购次数 x', en: 'Repeat purchases x' },
  'clv.col.monetary': { 'zh-CN': '复购平均金额', en: 'Mean repeat value' },
  'clv.col.pAlive': { 'zh-CN': 'P(存活)', en: 'P(alive)' },
  'clv.col.expected': { 'zh-CN': '未来 {days} 天预期购买', en: 'Expected purchases ({days} d)' },
  'clv.col.avgValue': { 'zh-CN': '预期单次金额', en: 'Expected value per purchase' },
  'clv.col.clv': { 'zh-CN': 'CLV（{months} 个月）', en: 'CLV ({months} months)' },
  'clv.col.next': { 'zh-CN': '预计下次购买', en: 'Expected next purchase' },
  'clv.unlikely': { 'zh-CN': '不太可能', en: 'unlikely' },
  'clv.checks': { 'zh-CN': '模型检验', en: 'Model checks' },
  'clv.byFrequency': {
    'zh-CN': '校准期 vs 留出期：按校准期复购次数分组的留出期平均购买（实际 vs 预测）',
    en: 'Calibration vs holdout: mean holdout purchases by calibration repeat purchases (actual vs predicted)',
  },
  'clv.tracking': {
    'zh-CN': '累计复购次数（按周，实际 vs 模型）',
    en: 'Cumulative repeat purchases by week (actual vs model)',
  },
  'clv.actual': { 'zh-CN': '实际', en: 'Actual' },
  'clv.predicted': { 'zh-CN': '预测', en: 'Predicted' },
  'clv.calibrationMark': { 'zh-CN': '校准期末', en: 'Calibration end' },
  'clv.week': { 'zh-CN': '周', en: 'Week' },
  'clv.frequency': { 'zh-CN': '校准期复购次数', en: 'Calibration repeat purchases' },
  'clv.notFitted': {
    'zh-CN': '模型尚未拟合或无法拟合（见上方说明）。',
    en: 'The model is not fitted or could not be (see above).',
  },
} satisfies Messages;

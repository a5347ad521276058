/** Findings in words and the Findings overview (issue 17). */
import type { Messages } from './types.ts';

export const findings = {
  'nav.findings': { 'zh-CN': '关键结论', en: 'Findings' },
  'findings.intro': {
    'zh-CN':
      '各分析模块按固定规则从结果中提炼的结论，按重要性评分（0–100）排序。数据太少的不下结论：客户不足 {minCustomers} 位、客户组不足 {minGroup} 位、每月购买客户不足 {minBuyers} 位、每渠道目标客户不足 {minChannel} 位、规则订单不足 {minBaskets} 单时不出结论；凡是比较（两个月、两个渠道、规则与基准）都要求双侧检验 p < {alpha}（两比例 z 检验、Welch t 检验），否则不说。',
    en: 'What each analysis says, in sentences, by fixed rules over its results, ranked by a 0–100 score. No finding from too little data: none below {minCustomers} customers, a group below {minGroup}, {minBuyers} buyers a month, {minChannel} targeted customers a channel or {minBaskets} baskets a rule; every comparison (two months, two channels, a rule against its base rate) needs a two-sided p < {alpha} (two-proportion z-test, Welch t-test), otherwise nothing is said.',
  },
  'findings.title': { 'zh-CN': '结论', en: 'Findings' },
  'findings.contributed': {
    'zh-CN': '参与的分析（结论条数）：{modules}',
    en: 'Analyses that contributed (findings each): {modules}',
  },
  'findings.missing': {
    'zh-CN': '未参与（缺少所需文件）：{modules}',
    en: 'Not run (their files are not loaded): {modules}',
  },
  'findings.none': {
    'zh-CN': '当前数据不足以得出有把握的结论（见上方的最低数量与显著性要求）。',
    en: 'The data supports no finding yet (see the minimum sizes and tests above).',
  },
  'findings.showAll': { 'zh-CN': '显示全部 {n} 条', en: 'Show all {n}' },
  'findings.showTop': { 'zh-CN': '只显示前 {n} 条', en: 'Show the top {n}' },
  'findings.kind.risk': { 'zh-CN': '风险', en: 'Risk' },
  'findings.kind.opportunity': { 'zh-CN': '机会', en: 'Opportunity' },
  'findings.kind.info': { 'zh-CN': '信息', en: 'Info' },
  'findings.score': { 'zh-CN': '评分 {score}', en: 'Score {score}' },
  'findings.period': { 'zh-CN': '期间 {from} – {to}', en: 'Period {from} – {to}' },
  'findings.compared': { 'zh-CN': '对比 {from} – {to}', en: 'compared with {from} – {to}' },
  'findings.open': { 'zh-CN': '查看「{section}」', en: 'Open “{section}”' },
  'findings.createAction': { 'zh-CN': '据此创建行动', en: 'Create an action' },
  'findings.group': { 'zh-CN': '{n} 位客户', en: '{n} customers' },
  'findings.exportCsv': { 'zh-CN': '导出客户 CSV', en: 'Export customers (CSV)' },
  'findings.exportXlsx': { 'zh-CN': '导出客户 Excel', en: 'Export customers (Excel)' },
  'findings.refresh': { 'zh-CN': '重新计算', en: 'Recompute' },

  'findings.rfm.topShare.title': { 'zh-CN': '营收集中在少数客户', en: 'Revenue rests on few customers' },
  'findings.rfm.topShare.text': {
    'zh-CN': '消费最高的前 {top} 客户（{n} 位）贡献了 {share} 的营收（{revenue}）。',
    en: 'The top {top} of customers by spend ({n} customers) bring in {share} of revenue ({revenue}).',
  },
  'findings.rfm.segmentValue.title': {
    'zh-CN': '「{segment}」贡献突出',
    en: '“{segment}” carry the revenue',
  },
  'findings.rfm.segmentValue.text': {
    'zh-CN':
      '「{segment}」只占客户的 {customerShare}（{n} 位），却贡献了 {revenueShare} 的营收（{revenue}）。',
    en: '“{segment}” are only {customerShare} of customers ({n}) but bring in {revenueShare} of revenue ({revenue}).',
  },
  'findings.rfm.overdue.title': { 'zh-CN': '高消费老客户超期未购', en: 'High spenders overdue' },
  'findings.rfm.overdue.text': {
    'zh-CN':
      '{n} 位高消费老客户（消费前 {top}）已超过其平均复购周期 {factor} 倍未购买：平均 {recency} 天未购，而他们通常 {interval} 天买一次；这些客户累计消费 {revenue}（占营收 {share}）。',
    en: '{n} repeat customers among the top {top} spenders have gone more than {factor}× their usual gap without buying: {recency} days since the last purchase on average, against a usual {interval} days. They spent {revenue} in all ({share} of revenue).',
  },
  'findings.behaviour.repurchase.title.down': { 'zh-CN': '复购率下降', en: 'Repurchase rate down' },
  'findings.behaviour.repurchase.title.up': { 'zh-CN': '复购率上升', en: 'Repurchase rate up' },
  'findings.behaviour.repurchase.text.down': {
    'zh-CN':
      '{month} 的购买客户中老客户占 {after}，较 {prev}（{before}）下降 {pp} 个百分点（{n} 对 {nPrev} 位购买客户，p {p}）。',
    en: 'Returning customers were {after} of buyers in {month}, down {pp} points from {before} in {prev} ({n} vs {nPrev} buyers, p {p}).',
  },
  'findings.behaviour.repurchase.text.up': {
    'zh-CN':
      '{month} 的购买客户中老客户占 {after}，较 {prev}（{before}）上升 {pp} 个百分点（{n} 对 {nPrev} 位购买客户，p {p}）。',
    en: 'Returning customers were {after} of buyers in {month}, up {pp} points from {before} in {prev} ({n} vs {nPrev} buyers, p {p}).',
  },
  'findings.lifecycle.churn.title': { 'zh-CN': '老客户超出购买周期', en: 'Regulars past their cycle' },
  'findings.lifecycle.churn.text': {
    'zh-CN':
      '{n} 位老客户（占客户 {customerShare}，至少 {min} 个购买日）距上次购买已超过其购买间隔中位数的 {factor} 倍，累计消费 {spend}（占营收 {share}），是流失预警名单。',
    en: '{n} regular customers ({customerShare} of customers, {min}+ purchase days) have gone more than {factor}× their median gap since the last purchase; they spent {spend} ({share} of revenue). This is the churn warning list.',
  },
  'findings.campaigns.roi.title': { 'zh-CN': '「{worst}」渠道 ROI 偏低', en: '{worst} returns less' },
  'findings.campaigns.roi.text': {
    'zh-CN':
      '{worst}活动 ROI {worstRoi}，低于{best}（{bestRoi}）；每位目标客户带来营收 {worstRevenue}，{best}为 {bestRevenue}（{n} 对 {nBest} 位客户，p {p}）。',
    en: '{worst} campaigns return an ROI of {worstRoi}, below {best} ({bestRoi}): {worstRevenue} of revenue per targeted customer against {bestRevenue} for {best} ({n} vs {nBest} customers, p {p}).',
  },
  'findings.basket.rule.title': { 'zh-CN': '「{a}」带动「{b}」', en: '{a} leads to {b}' },
  'findings.basket.rule.text': {
    'zh-CN':
      '购买「{a}」的订单中 {confidence} 同时购买了「{b}」（lift {lift}，{count} 单，p {p}）；有 {group} 位买过「{a}」的客户从未买过「{b}」。',
    en: '{confidence} of baskets with “{a}” also hold “{b}” (lift {lift}, {count} baskets, p {p}); {group} customers who bought “{a}” have never bought “{b}”.',
  },
  'findings.funnel.drop.title': {
    'zh-CN': '漏斗最大流失：{from} → {to}',
    en: 'Biggest funnel drop: {from} → {to}',
  },
  'findings.funnel.drop.text': {
    'zh-CN':
      '漏斗中流失最多的一步是「{from}」→「{to}」：{entered} 人中只有 {users} 人继续（{rate}），流失 {lost} 人。',
    en: 'The funnel loses most between “{from}” and “{to}”: only {users} of {entered} go on ({rate}), {lost} are lost.',
  },
  'findings.rfm.shrank.title': { 'zh-CN': '「{segment}」客群缩小', en: '“{segment}” shrank' },
  'findings.rfm.shrank.text.valuable': {
    'zh-CN':
      '「{segment}」比 {date} 少了 {drop} 位客户（{before} → {after}，减少 {fall}），占客户比例从 {shareBefore} 降到 {shareAfter}（p {p}）。该客群当时贡献了 {revenueShare} 的营收；其间有 {moved} 位客户移到了其他客群。',
    en: '“{segment}” has {drop} fewer customers than on {date} ({before} → {after}, down {fall}); its share of customers fell from {shareBefore} to {shareAfter} (p {p}). It brought in {revenueShare} of revenue then; {moved} of its customers have since moved to other segments.',
  },
  'findings.rfm.shrank.text': {
    'zh-CN':
      '「{segment}」比 {date} 少了 {drop} 位客户（{before} → {after}，减少 {fall}），占客户比例从 {shareBefore} 降到 {shareAfter}（p {p}）；其间有 {moved} 位客户移到了其他客群。',
    en: '“{segment}” has {drop} fewer customers than on {date} ({before} → {after}, down {fall}); its share of customers fell from {shareBefore} to {shareAfter} (p {p}). {moved} of its customers have since moved to other segments.',
  },
  'findings.clv.churnedValuable.title': {
    'zh-CN': '有价值的客户大概率已流失',
    en: 'Valuable customers likely churned',
  },
  'findings.clv.churnedValuable.text': {
    'zh-CN':
      '{n} 位过去复购金额居前 {top} 的客户，按 BG/NBD 模型仍活跃的概率已低于 {alive}（平均 {mean}）：他们过去复购共消费 {value}，占全部复购金额的 {share}。截至 {date}。',
    en: '{n} customers whose past repeat spend is in the top {top} now have a probability of still being active below {alive} by the BG/NBD model ({mean} on average): they spent {value} on repeat purchases, {share} of all repeat spend. As of {date}.',
  },
  'findings.clvNotFit': {
    'zh-CN':
      '客户价值预测的结论（有价值但大概率已流失的客户）要在该页拟合模型后才会计算：打开“客户价值预测”，再回到本页。',
    en: 'The CLV finding (valuable customers who have likely churned) needs the models fit first: open “CLV & churn risk”, then come back here.',
  },
} satisfies Messages;

/** Saved customer groups (issues 14–16): save buttons, the Groups panel, the pickers and filters. */
import type { Messages } from './types.ts';

export const groups = {
  'groups.save': { 'zh-CN': '保存为客户群', en: 'Save as customer group' },
  'groups.nameLabel': { 'zh-CN': '客户群名称', en: 'Group name' },
  'groups.saveConfirm': { 'zh-CN': '保存', en: 'Save' },
  'groups.cancel': { 'zh-CN': '取消', en: 'Cancel' },
  'groups.saved': {
    'zh-CN': '已保存客户群“{name}”，可在客户群面板、群组对比和 RFM 明细中使用。',
    en: 'Saved the customer group “{name}”: use it in the Customer groups panel, the group comparison and the RFM drill-down.',
  },
  'groups.nameInvalid': {
    'zh-CN': '名称需为 1–{max} 个字符，且不含控制字符。',
    en: 'A name has 1 to {max} characters and no control characters.',
  },
  'groups.full': {
    'zh-CN': '最多保存 {max} 个客户群：请先删除一个。',
    en: 'At most {max} customer groups can be saved: delete one first.',
  },
  'groups.title': { 'zh-CN': '已保存的客户群', en: 'Saved customer groups' },
  'groups.hint': {
    'zh-CN':
      '客户群保存的是“定义”（来源分析和当时的设置），不保存客户 ID，所以可以随配置和分享链接一起传递。每次使用时按当前数据从来源分析的结果重新计算成员；来源分析未运行或设置已改变时，显示“不可用”及原因，而不会显示过期的人数。聚类带随机种子：同样的数据和设置得到同样的成员。',
    en: 'A customer group saves a definition (the source analysis and its settings then), never customer ids, so it travels with the configuration and share links. Its members are rebuilt from the source analysis’ results on the current data each time; when the source has not run or its settings changed, the group says “not available” and why instead of showing stale counts. Clusters use a seed: the same data and settings give the same members.',
  },
  'groups.empty': {
    'zh-CN': '还没有客户群。可在漏斗流失名单、聚类、CLV 名单和 RFM 明细中“保存为客户群”。',
    en: 'No customer groups yet. Use “Save as customer group” on a funnel drop-off list, a cluster, a CLV list or an RFM drill-down.',
  },
  'groups.col.name': { 'zh-CN': '名称', en: 'Name' },
  'groups.col.source': { 'zh-CN': '来源', en: 'Source' },
  'groups.col.members': { 'zh-CN': '成员', en: 'Members' },
  'groups.members': { 'zh-CN': '{count} 位客户', en: '{count} customers' },
  'groups.counting': { 'zh-CN': '计算中…', en: 'Counting…' },
  'groups.source.funnel-drop': {
    'zh-CN': '漏斗第 {step} 步流失：到达“{previous}”但未到达“{event}”',
    en: 'Funnel drop-off at step {step}: reached “{previous}” but not “{event}”',
  },
  'groups.source.cluster': { 'zh-CN': '聚类 {cluster}', en: 'Cluster {cluster}' },
  'groups.source.clv.valuable-churned': {
    'zh-CN': 'CLV：可能已流失但有价值',
    en: 'CLV: likely churned but valuable',
  },
  'groups.source.clv.band': { 'zh-CN': 'CLV：P(存活) {band}', en: 'CLV: P(alive) {band}' },
  'groups.source.rfm-segment': { 'zh-CN': 'RFM 客群：{segment}', en: 'RFM segment: {segment}' },
  'groups.source.high-value-at-risk': {
    'zh-CN': 'RFM：高价值流失风险',
    en: 'RFM: high value at risk',
  },
  'groups.unavailable.funnel-drop': {
    'zh-CN': '不可用：请用这些步骤运行漏斗：{steps}（{days} 天内）。',
    en: 'Not available: run the funnel with these steps: {steps} (within {days} days).',
  },
  'groups.unavailable.cluster': {
    'zh-CN': '不可用：请用这些设置运行聚类：特征 {features}，k = {k}，随机种子 {seed}。',
    en: 'Not available: run the clusters with these settings: features {features}, k = {k}, seed {seed}.',
  },
  'groups.unavailable.clv': {
    'zh-CN': '不可用：请用这些设置拟合 CLV 模型：时间单位 {unit}，校准期截止 {end}，未来 {days} 天。',
    en: 'Not available: fit the CLV model with these settings: time unit {unit}, calibration end {end}, next {days} days.',
  },
  'groups.unavailable.rfm': {
    'zh-CN': '不可用：请用预设 {preset} 运行 RFM。',
    en: 'Not available: run RFM with the preset {preset}.',
  },
  'groups.unavailable.segment-gone': {
    'zh-CN': '不可用：RFM 规则中已没有客群 {segment}。',
    en: 'Not available: the RFM rules no longer have the segment {segment}.',
  },
  'groups.kAuto': { 'zh-CN': '自动', en: 'suggested' },
  'groups.noCalibration': { 'zh-CN': '无留出期', en: 'no holdout' },
  'groups.rename': { 'zh-CN': '重命名', en: 'Rename' },
  'groups.delete': { 'zh-CN': '删除', en: 'Delete' },
  'groups.openDrill': { 'zh-CN': '在 RFM 明细中打开', en: 'Open in the RFM drill-down' },
  'groups.exportName': { 'zh-CN': '客户群', en: 'customer-group' },
  'groups.picker': { 'zh-CN': '已保存的客户群', en: 'Saved customer groups' },
  'groups.drillFilter': { 'zh-CN': '只看客户群', en: 'Only the customer group' },
  'groups.drillNone': { 'zh-CN': '（不筛选）', en: '(no filter)' },
  'groups.allCustomers': { 'zh-CN': '全部客户', en: 'All customers' },
  'groups.cliUnavailable': {
    'zh-CN': '客户群“{name}”未写入 groups.csv：{reason}',
    en: 'Customer group “{name}” not written to groups.csv: {reason}',
  },
  'groups.name.funnel': { 'zh-CN': '未到达“{event}”的流失用户', en: 'Dropped before “{event}”' },
  'groups.summary': { 'zh-CN': '{count} 个客户群', en: '{count} customer group(s)' },
} satisfies Messages;

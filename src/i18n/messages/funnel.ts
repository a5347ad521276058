/** Funnels from event logs and segment migration (issue 14): cleaning reasons and the two sections. */
import type { Messages } from './types.ts';

export const funnel = {
  'role.page': { 'zh-CN': '页面', en: 'Page' },
  'role.campaign': { 'zh-CN': '活动', en: 'Campaign' },
  'role.device': { 'zh-CN': '设备', en: 'Device' },
  'nav.funnel': { 'zh-CN': '转化漏斗', en: 'Funnel' },
  'nav.migration': { 'zh-CN': '客群迁移', en: 'Segment migration' },
  'cleaning.reason.missing_event': { 'zh-CN': '缺少事件名称', en: 'Missing event name' },
  'cleaning.reason.unparseable_event_time': {
    'zh-CN': '事件时间无法识别',
    en: 'Event time not readable',
  },
  'migration.headline.moved': {
    'zh-CN': '自 {since} 以来，{n} 位客户从「{from}」变为「{to}」。',
    en: '{n} customers moved from “{from}” to “{to}” since {since}.',
  },
  'migration.headline.new': {
    'zh-CN': '自 {since} 以来新增 {n} 位客户，最多进入「{to}」。',
    en: '{n} new customers since {since}, most of them in “{to}”.',
  },
  'migration.headline.stayed': {
    'zh-CN': '自 {since} 以来，{share} 的老客户留在原客群。',
    en: '{share} of existing customers kept their segment since {since}.',
  },
  'cli.funnelSuggested': {
    'zh-CN': '未指定 --funnel-steps，按事件名称建议的漏斗步骤：{steps}',
    en: 'no --funnel-steps given; the suggested funnel steps from the event names: {steps}',
  },
  'cli.funnelNoSteps': {
    'zh-CN': '事件文件中不足两种事件名称，无法建立漏斗（funnel.csv 只有表头）',
    en: 'the events file has fewer than two event names: no funnel (funnel.csv has the header only)',
  },
  'cli.funnelUnknownStep': {
    'zh-CN': '漏斗步骤「{step}」在事件文件中不存在（该步及之后为 0 人）；文件中的事件例如：{events}',
    en: 'funnel step "{step}" is not an event name of the events file (0 users from that step on); its events include: {events}',
  },
  'cli.migrationOnePeriod': {
    'zh-CN': '数据只覆盖一个周期，无法计算客群迁移（migration.csv 只有表头）',
    en: 'the data covers a single period: no segment migration (migration.csv has the header only)',
  },
  'funnel.help': {
    'zh-CN':
      '定义：用户在其第一次「第 1 步」事件时进入漏斗；第 k 步在「第 k−1 步达成时刻或之后、进入时刻 + {days} 天之前」最早的第 k 步事件时达成。其他名称的事件不计。转化率为小数（上一步/第一步）；步骤间时长为达成该步用户的中位数。',
    en: 'Definition: a user enters at their first step-1 event; step k is reached at the earliest step-k event at or after the time step k−1 was reached and before entry + {days} days. Events of other names are ignored. Conversion is from the previous and from the first step; the time between steps is the median over the users who reached the step.',
  },
  'funnel.stepsTitle': { 'zh-CN': '漏斗步骤（2–8 步）', en: 'Funnel steps (2–8)' },
  'funnel.window': { 'zh-CN': '转化窗口（天）', en: 'Conversion window (days)' },
  'funnel.breakdown': { 'zh-CN': '拆分维度', en: 'Breakdown' },
  'funnel.breakdown.none': { 'zh-CN': '不拆分', en: 'None' },
  'funnel.breakdown.channel': { 'zh-CN': '渠道', en: 'Channel' },
  'funnel.breakdown.page': { 'zh-CN': '页面', en: 'Page' },
  'funnel.breakdown.campaign': { 'zh-CN': '活动', en: 'Campaign' },
  'funnel.breakdown.device': { 'zh-CN': '设备', en: 'Device' },
  'funnel.breakdown.segment': { 'zh-CN': 'RFM 客群', en: 'RFM segment' },
  'funnel.addStep': { 'zh-CN': '添加步骤', en: 'Add a step' },
  'funnel.removeStep': { 'zh-CN': '删除此步骤', en: 'Remove this step' },
  'funnel.suggested': {
    'zh-CN': '按事件频次与常见名称建议的顺序：{steps}',
    en: 'Suggested from the event names and their frequency: {steps}',
  },
  'funnel.fewEvents': {
    'zh-CN': '事件文件中不足两种事件名称，无法建立漏斗。请检查「事件名称」列的映射。',
    en: 'The events file has fewer than two event names, so there is no funnel. Check which column is mapped as the event name.',
  },
  'funnel.chartTitle': { 'zh-CN': '漏斗', en: 'Funnel' },
  'funnel.col.step': { 'zh-CN': '步骤', en: 'Step' },
  'funnel.col.users': { 'zh-CN': '用户数', en: 'Users' },
  'funnel.col.fromPrevious': { 'zh-CN': '较上一步转化', en: 'From previous' },
  'funnel.col.fromFirst': { 'zh-CN': '较第一步转化', en: 'From first' },
  'funnel.col.median': { 'zh-CN': '距上一步中位时长', en: 'Median time from previous' },
  'funnel.col.dropped': { 'zh-CN': '在此步流失的用户', en: 'Users who dropped here' },
  'funnel.droppedCount': { 'zh-CN': '{n} 人', en: '{n} users' },
  'funnel.droppedHint': {
    'zh-CN':
      '流失名单：到达上一步但未在窗口内到达此步的用户（手机号/邮箱按设置脱敏，导出单元格不会作为公式执行）。',
    en: 'Drop-off lists: users who reached the previous step but not this one within the window (phones and e-mails masked as set; exported cells never run as formulas).',
  },
  'funnel.breakdownTitle': { 'zh-CN': '按{by}拆分', en: 'By {by}' },
  'funnel.breakdownHint': {
    'zh-CN':
      '按用户进入事件（第一次第 1 步）的取值拆分；同一时刻多条时取最小值。每格为用户数与较第一步的转化。进入用户最多的 19 个取值单列，其余合并为「其他取值」。',
    en: 'By the value of the entry event (the first step-1 event; the smallest value when several share that time). Each cell: users and conversion from the first step. The 19 values with most entrants are listed; the rest are summed as “other values”.',
  },
  'funnel.noValue': { 'zh-CN': '（无取值）', en: '(no value)' },
  'funnel.otherValues': { 'zh-CN': '其他取值', en: 'Other values' },
  'funnel.weeksTitle': { 'zh-CN': '按进入周的转化', en: 'Conversion by entry week' },
  'funnel.weeksHint': {
    'zh-CN':
      '每周（周一起）进入的用户中完成最后一步的比例。空心点：该周最后进入用户的窗口尚未结束（数据截止前），转化可能偏低。',
    en: 'Share of the users entering each week (from Monday) who reached the last step. Hollow points: the window of the week’s last entrant ends after the last event of the file, so conversion may still rise.',
  },
  'funnel.week': { 'zh-CN': '{week} 这一周', en: 'Week of {week}' },
  'funnel.incompleteWeek': { 'zh-CN': '（窗口未结束）', en: '(window not over)' },
  'funnel.tip.users': { 'zh-CN': '用户数：{n}', en: 'Users: {n}' },
  'funnel.tip.fromPrevious': { 'zh-CN': '较上一步：{p}', en: 'From previous: {p}' },
  'funnel.tip.fromFirst': { 'zh-CN': '较第一步：{p}', en: 'From first: {p}' },
  'funnel.tip.median': { 'zh-CN': '中位时长：{t}', en: 'Median time: {t}' },
  'funnel.tip.entered': { 'zh-CN': '进入：{n}', en: 'Entered: {n}' },
  'funnel.tip.completed': { 'zh-CN': '完成：{n}（{p}）', en: 'Completed: {n} ({p})' },
  'funnel.minutes': { 'zh-CN': '{m} 分钟', en: '{m} min' },
  'funnel.hours': { 'zh-CN': '{h} 小时 {m} 分', en: '{h} h {m} min' },
  'funnel.days': { 'zh-CN': '{d} 天 {h} 小时', en: '{d} d {h} h' },
  'migration.help': {
    'zh-CN':
      '在每月（或每季）末，用当前 RFM 方案和截至当日的订单重新评分（每期有自己的截止日期）；最后一期截止于 RFM 的截止日期，与 RFM 页结果一致。当时尚未下单的客户记为「尚未成为客户」。',
    en: 'At the end of each month (or quarter) everyone is re-scored with the current RFM preset and only the orders up to that day (each period has its own as-of date); the last period ends at the RFM as-of date and matches the RFM section. Customers without an order yet are “not yet a customer”.',
  },
  'migration.setupTitle': { 'zh-CN': '迁移周期', en: 'Periods' },
  'migration.period': { 'zh-CN': '周期', en: 'Period' },
  'migration.period.month': { 'zh-CN': '月', en: 'Month' },
  'migration.period.quarter': { 'zh-CN': '季度', en: 'Quarter' },
  'migration.periods': { 'zh-CN': '期数（最近）', en: 'Periods (latest)' },
  'migration.onePeriod': {
    'zh-CN': '数据只覆盖一个周期，无法比较客群迁移。请改用「月」或等待更多数据。',
    en: 'The data covers a single period, so there is nothing to compare. Use months, or load a longer history.',
  },
  'migration.from': { 'zh-CN': '从', en: 'From' },
  'migration.to': { 'zh-CN': '到', en: 'To' },
  'migration.notYet': { 'zh-CN': '尚未成为客户', en: 'Not yet a customer' },
  'migration.matrixTitle': { 'zh-CN': '迁移矩阵', en: 'Migration matrix' },
  'migration.matrixHint': {
    'zh-CN': '行：起始期的客群；列：结束期的客群。每格为客户数与占该行的比例；点击一格可导出这些客户。',
    en: 'Rows: segment at the start; columns: segment at the end. Each cell: customers and share of the row. Click a cell to export its customers.',
  },
  'migration.fromTo': { 'zh-CN': '{from} → {to}', en: '{from} → {to}' },
  'migration.cellList': {
    'zh-CN': '从「{from}」到「{to}」的客户名单',
    en: 'Customers from “{from}” to “{to}”',
  },
  'migration.sankeyTitle': { 'zh-CN': '逐期流向', en: 'Flows between consecutive periods' },
  'migration.sankeyHint': {
    'zh-CN': '每列为一个期末，连线宽度为从一个客群流向下一期某客群的客户数。',
    en: 'One column per period end; a link’s width is the customers moving from a segment to a segment of the next period.',
  },
  'migration.tip.link': { 'zh-CN': '{from} → {to}：{n} 位客户', en: '{from} → {to}: {n} customers' },
  'migration.sizesTitle': { 'zh-CN': '各期客群规模', en: 'Segment sizes per period' },
  'migration.segment': { 'zh-CN': '客群', en: 'Segment' },
} satisfies Messages;

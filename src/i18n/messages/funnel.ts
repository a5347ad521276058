/** Funnels from event logs and segment migration (issue 14): cleaning reasons and the two sections. */
import type { Messages } from './types.ts';

export const funnel = {
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
} satisfies Messages;

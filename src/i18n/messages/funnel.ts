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
} satisfies Messages;

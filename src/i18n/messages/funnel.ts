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
} satisfies Messages;

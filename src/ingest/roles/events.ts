/**
 * Behaviour events (issue 11, for the funnel and path analyses next): one row per tracked event of a
 * user, as exported from an analytics tool (Sensors, GrowingIO, GA4, Mixpanel).
 */
import { defineRole } from './types.ts';

export const EVENTS_ROLE = defineRole({
  id: 'events',
  fields: [
    {
      name: 'customer_id',
      kind: 'id',
      synonyms: ['用户ID', '客户ID', 'distinct_id', 'user_id', 'uid', 'Customer ID'],
    },
    {
      name: 'event_time',
      kind: 'time',
      synonyms: ['事件时间', '发生时间', '时间', 'event_time', 'timestamp', 'time', 'Event Time'],
    },
    {
      name: 'event',
      kind: 'category',
      synonyms: ['事件名称', '事件', '行为', 'event', 'Event Name', 'action'],
    },
    { name: 'channel', kind: 'category', synonyms: ['渠道', '来源', 'channel', 'source', 'platform'] },
    { name: 'value', kind: 'number', synonyms: ['值', '金额', 'value', 'amount'] },
    {
      name: 'page',
      kind: 'text',
      synonyms: ['页面', '页面名称', '页面路径', '页面地址', 'page', 'page_url', 'Page Path', 'url'],
    },
    { name: 'campaign', kind: 'category', synonyms: ['活动', '活动名称', 'utm_campaign', 'campaign'] },
    {
      name: 'device',
      kind: 'category',
      synonyms: ['设备', '设备类型', '终端', 'device', 'Device Category', 'os'],
    },
  ],
  required: ['customer_id', 'event_time', 'event'],
  cleaning: 'generic',
  tables: { events: 'events_clean', setAside: 'events_set_aside' },
});

/** Campaign touches, experiment results and leads (issue 13): cleaning reasons and the three sections. */
import type { Messages } from './types.ts';

export const campaigns = {
  'nav.campaigns': { 'zh-CN': '营销活动', en: 'Campaigns' },
  'nav.experiment': { 'zh-CN': '实验结果', en: 'Experiment' },
  'nav.leads': { 'zh-CN': '销售线索', en: 'Leads' },
  'cleaning.reason.missing_lead_id': { 'zh-CN': '缺少线索ID', en: 'Missing lead id' },
  'cleaning.reason.duplicate_lead_id': {
    'zh-CN': '重复的线索ID（保留第一行）',
    en: 'Duplicate lead id (the first row is kept)',
  },
  'cleaning.reason.missing_arm': { 'zh-CN': '缺少实验分组', en: 'Missing experiment arm' },
  'cleaning.reason.unparseable_sent_time': {
    'zh-CN': '发送时间为空或无法识别',
    en: 'Send time empty or unreadable',
  },
  'cleaning.reason.unparseable_created_time': {
    'zh-CN': '创建时间为空或无法识别',
    en: 'Created time empty or unreadable',
  },
  'cleaning.reason.unknown_group': {
    'zh-CN': '分组无法识别为实验组或对照组',
    en: 'Group is neither a recognised target nor a control group',
  },
  'cleaning.reason.unknown_delivery_status': {
    'zh-CN': '发送状态为空或无法识别为成功/失败',
    en: 'Delivery status empty or not recognised as delivered or failed',
  },
  'cleaning.reason.invalid_outcome': {
    'zh-CN': '结果列为空或不是 0/1、金额',
    en: 'An outcome is empty or not 0/1 or an amount',
  },
} satisfies Messages;

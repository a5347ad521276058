/**
 * Campaign touches (issue 11, for the campaign analyses next): one row per message, coupon or call
 * sent to a customer, with the target/control group. Older configs call this kind `campaign`.
 */
import { CUSTOMER_ID_SYNONYMS } from './customer-id-synonyms.ts';
import { defineRole } from './types.ts';

export const TOUCHES_ROLE = defineRole({
  id: 'touches',
  aliases: ['campaign'],
  fields: [
    { name: 'customer_id', kind: 'id', synonyms: CUSTOMER_ID_SYNONYMS },
    {
      name: 'campaign_id',
      kind: 'category',
      synonyms: [
        '活动ID',
        '活动名称',
        '推广名称',
        '推广计划',
        '活动',
        'Campaign ID',
        'Campaign',
        'utm_campaign',
      ],
    },
    {
      name: 'group',
      kind: 'category',
      synonyms: ['分组', '组别', '实验组', '组', 'Group', 'Variant', 'Treatment', 'segment'],
    },
    {
      name: 'sent_time',
      kind: 'time',
      synonyms: ['发送时间', '触达时间', '投放时间', 'Sent at', 'Send Date', 'sent_time'],
    },
    { name: 'opened', kind: 'flag', synonyms: ['是否打开', '已打开', '打开', 'Opened', 'open'] },
    { name: 'clicked', kind: 'flag', synonyms: ['是否点击', '点击', 'Clicked', 'click'] },
    {
      name: 'converted',
      kind: 'flag',
      synonyms: ['是否转化', '转化', '是否成交', 'Converted', 'conversion'],
    },
    { name: 'revenue', kind: 'money', synonyms: ['成交金额', '交易额', '销售额', 'Revenue', 'GMV', 'spend'] },
    {
      name: 'cost',
      kind: 'money',
      synonyms: ['总花费', '成交花费', '花费', '成本', 'Cost', 'Spend', 'Amount spent'],
    },
    {
      name: 'channel',
      kind: 'category',
      synonyms: ['触达渠道', '发送渠道', '触达方式', '渠道', 'Channel', 'Medium', 'utm_medium'],
    },
    {
      name: 'delivery_status',
      kind: 'category',
      synonyms: ['发送状态', '送达状态', '触达状态', '发送结果', 'Delivery Status', 'Delivered', 'Status'],
    },
  ],
  required: ['customer_id', 'group'],
  cleaning: 'generic',
  tables: { touches: 'touches_clean', setAside: 'touches_set_aside' },
});

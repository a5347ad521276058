/** Dataset roles in the Data section (issue 11): what each loaded file was recognised as, and its use. */
import type { Messages } from './types.ts';

export const datasets = {
  'dataRole.detected': { 'zh-CN': '识别为：{role}', en: 'Detected as: {role}' },
  'dataRole.unknown': { 'zh-CN': '未能识别', en: 'not recognised' },
  'dataRole.use': { 'zh-CN': '用作', en: 'Use as' },
  'dataRole.coming': { 'zh-CN': '（分析即将推出）', en: ' (analysis coming)' },
  'dataRole.orders': { 'zh-CN': '订单', en: 'orders' },
  'dataRole.customers': { 'zh-CN': '客户资料', en: 'customers' },
  'dataRole.comparison': { 'zh-CN': '对比订单', en: 'comparison orders' },
  'dataRole.unused': { 'zh-CN': '不使用', en: 'not used' },
  'dataRole.touches': { 'zh-CN': '营销触达', en: 'campaign touches' },
  'dataRole.leads': { 'zh-CN': '线索', en: 'leads' },
  'dataRole.events': { 'zh-CN': '行为事件', en: 'events' },
  'dataRole.experiment': { 'zh-CN': '实验', en: 'experiment' },
  'dataRole.baskets': { 'zh-CN': '购物篮', en: 'baskets' },
} satisfies Messages;

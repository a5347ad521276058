/** Customer file cleaning (issue 3): the card under the orders panels on the cleaning screen. */
import type { Messages } from './types.ts';

export const customersUi = {
  'customersUi.title': { 'zh-CN': '客户资料', en: 'Customer file' },
  'customersUi.hint': {
    'zh-CN':
      '会员/客户资料表：每个客户ID保留一行（注册日期最新的，其次是最后出现的）；无效的手机号、邮箱、年龄会被清空并计数，客户不会因此被搁置。',
    en: 'Member or customer list: one row per customer id is kept (the latest registration, else the last row); invalid phones, e-mails and ages are cleared and counted — no customer is set aside for them.',
  },
  'customersUi.file': { 'zh-CN': '客户资料文件', en: 'Customer file' },
  'customersUi.run': { 'zh-CN': '清洗客户资料', en: 'Clean customer file' },
  'customersUi.rerun': {
    'zh-CN': '设置已修改，重新清洗客户资料',
    en: 'Settings changed — clean customer file again',
  },
  'customersUi.customers': {
    'zh-CN': '得到 {count} 位客户（每个客户ID一行）',
    en: '{count} customers (one row per customer id)',
  },
  'customersUi.sameAsOrders': {
    'zh-CN': '这个文件正被用作订单文件。',
    en: 'This file is being used as the orders file.',
  },
  'cleaning.reason.duplicate_customer_id': { 'zh-CN': '重复的客户ID', en: 'Duplicate customer id' },
  'cleaning.repair.invalid_phone': { 'zh-CN': '无效手机号已清空', en: 'Invalid phone numbers cleared' },
  'cleaning.repair.invalid_email': { 'zh-CN': '无效邮箱已清空', en: 'Invalid e-mails cleared' },
  'cleaning.repair.age_out_of_range': {
    'zh-CN': '年龄/生日超出 0–120 岁，已清空',
    en: 'Ages/birthdays outside 0–120 years cleared',
  },
} satisfies Messages;

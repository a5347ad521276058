/**
 * Leads (issue 11, for the lead-response analyses next): one row per sales lead from a CRM export,
 * with its source, owner and the times it was created, first followed up and won or closed.
 */
import { defineRole } from './types.ts';

export const LEADS_ROLE = defineRole({
  id: 'leads',
  fields: [
    { name: 'lead_id', kind: 'id', synonyms: ['线索ID', '线索编号', 'Lead ID', 'Record ID', 'Id'] },
    { name: 'customer_id', kind: 'id', synonyms: ['客户ID', 'Contact ID', 'Customer ID', 'Email'] },
    {
      name: 'created_time',
      kind: 'time',
      synonyms: ['创建时间', '创建日期', 'Create Date', 'CreatedDate', 'Created at'],
    },
    {
      name: 'source',
      kind: 'category',
      synonyms: ['线索来源', '来源渠道', '来源', 'Lead Source', 'LeadSource', 'Original Source', 'Source'],
    },
    {
      name: 'stage',
      kind: 'category',
      synonyms: [
        '线索状态',
        '跟进状态',
        '阶段',
        '状态',
        'Lifecycle Stage',
        'Lead Status',
        'Deal Stage',
        'Stage',
        'Status',
      ],
    },
    {
      name: 'owner',
      kind: 'category',
      synonyms: ['负责人', '归属人', '跟进人', 'Contact owner', 'Lead Owner', 'OwnerId', 'Owner'],
    },
    { name: 'amount', kind: 'money', synonyms: ['预计金额', '商机金额', '金额', 'Deal Amount', 'Amount'] },
    {
      name: 'closed_time',
      kind: 'time',
      synonyms: ['赢单时间', '成交时间', '关闭时间', 'Close Date', 'ClosedDate', 'ConvertedDate'],
    },
    {
      name: 'first_contact_time',
      kind: 'time',
      synonyms: [
        '首次跟进时间',
        '首次联系时间',
        '首次响应时间',
        '首次跟进',
        'First Contact Date',
        'First Follow-up',
        'First Response Time',
        'first_contact_time',
      ],
    },
    {
      name: 'phone',
      kind: 'phone',
      synonyms: ['手机号', '手机号码', '手机', '联系电话', '电话', 'Phone', 'Mobile'],
    },
  ],
  required: ['lead_id', ['stage', 'closed_time']],
  cleaning: 'generic',
  tables: { leads: 'leads_clean', setAside: 'leads_set_aside' },
});

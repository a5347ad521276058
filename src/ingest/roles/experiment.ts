/**
 * A randomised experiment (issue 11, for the uplift analysis next): one row per customer with the arm
 * it was assigned to and its outcomes, e.g. the Hillstrom e-mail test (segment; visit, conversion,
 * spend). The customer id is optional: public experiment files often have none.
 */
import { defineRole } from './types.ts';

export const EXPERIMENT_ROLE = defineRole({
  id: 'experiment',
  fields: [
    {
      name: 'customer_id',
      kind: 'id',
      synonyms: ['客户ID', '用户ID', '会员ID', 'customer_id', 'user_id', 'Customer ID'],
    },
    {
      name: 'arm',
      kind: 'category',
      synonyms: ['实验组', '实验分组', '分组', '组别', 'arm', 'treatment', 'variant', 'group', 'segment'],
    },
    { name: 'converted', kind: 'flag', synonyms: ['是否转化', '转化', 'conversion', 'converted'] },
    { name: 'visited', kind: 'flag', synonyms: ['是否访问', '访问', 'visit', 'visited'] },
    { name: 'revenue', kind: 'money', synonyms: ['消费金额', '成交金额', 'spend', 'revenue'] },
  ],
  required: ['arm', ['converted', 'visited', 'revenue']],
  cleaning: 'generic',
  tables: { experiment: 'experiment_clean', setAside: 'experiment_set_aside' },
});

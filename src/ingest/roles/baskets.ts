/**
 * Baskets (issue 11, for the basket analysis next): one basket per line, its items in one cell
 * (`牛奶,面包,鸡蛋`), as in market-basket data sets and some POS exports.
 */
import { CUSTOMER_ID_SYNONYMS } from './customer-id-synonyms.ts';
import { defineRole } from './types.ts';

export const BASKETS_ROLE = defineRole({
  id: 'baskets',
  fields: [
    {
      name: 'items',
      kind: 'text',
      synonyms: ['商品列表', '商品清单', '购买商品', '购物篮', 'items', 'itemset', 'products', 'basket'],
    },
    {
      name: 'basket_id',
      kind: 'id',
      synonyms: ['购物篮ID', '小票号', '流水号', 'basket_id', 'transaction_id', 'Transaction', 'TID'],
    },
    { name: 'customer_id', kind: 'id', synonyms: CUSTOMER_ID_SYNONYMS },
    {
      name: 'basket_time',
      kind: 'time',
      synonyms: ['交易时间', '购买时间', 'basket_time', 'timestamp', 'date'],
    },
  ],
  required: ['items'],
  cleaning: 'none',
  tables: { baskets: 'baskets_clean' },
});

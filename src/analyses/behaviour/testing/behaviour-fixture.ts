/**
 * The hand-computed behaviour fixture (see behaviour.test.ts for the expected numbers).
 * Purchase days: A 01-01 (two orders), 01-11, 01-31 · B 01-05 · C 01-10, 03-10 · D 02-01, 02-02,
 * 02-05 · S two orders on 01-20 (same day: one purchase day, no interval). All 2024.
 */
import type { FixtureOrder } from './purchases-fixture.ts';

export const BEHAVIOUR_ORDERS: FixtureOrder[] = [
  {
    customer_id: 'A',
    order_id: 'a1',
    time: '2024-01-01 09:00:00',
    net: 50,
    list: 100,
    category: 'food',
    channel: 'app',
    payment: 'alipay',
  },
  {
    customer_id: 'A',
    order_id: 'a2',
    time: '2024-01-01 18:00:00',
    net: 200,
    list: 200,
    category: 'toys',
    channel: 'app',
    payment: 'alipay',
  },
  {
    customer_id: 'A',
    order_id: 'a3',
    time: '2024-01-11 09:30:00',
    net: 30,
    discount: 10,
    category: 'food',
    channel: 'web',
    payment: 'alipay',
  },
  {
    customer_id: 'A',
    order_id: 'a4',
    time: '2024-01-31',
    net: 100,
    category: 'toys',
    channel: 'web',
    payment: 'alipay',
  },
  {
    customer_id: 'B',
    order_id: 'b1',
    time: '2024-01-05',
    net: 120,
    list: 100,
    category: 'toys',
    channel: 'store',
    payment: 'wechat',
  },
  {
    customer_id: 'C',
    order_id: 'c1',
    time: '2024-01-10',
    net: 80,
    discount: 0,
    category: 'food',
    channel: 'web',
    payment: 'alipay',
  },
  {
    customer_id: 'C',
    order_id: 'c2',
    time: '2024-03-10',
    net: 80,
    category: 'food',
    channel: 'web',
    payment: 'wechat',
  },
  { customer_id: 'D', order_id: 'd1', time: '2024-02-01', net: 10, category: 'food', channel: 'app' },
  { customer_id: 'D', order_id: 'd2', time: '2024-02-02', net: 20, category: 'food', channel: null },
  { customer_id: 'D', order_id: 'd3', time: '2024-02-05', net: 600, category: 'toys', channel: 'web' },
  {
    customer_id: 'S',
    order_id: 's1',
    time: '2024-01-20 09:15:00',
    net: 40,
    list: 0,
    category: 'food',
    channel: 'app',
    payment: 'wechat',
  },
  {
    customer_id: 'S',
    order_id: 's2',
    time: '2024-01-20 21:00:00',
    net: 60,
    discount: 20,
    category: 'food',
    channel: 'app',
    payment: 'wechat',
  },
];

/** Segments: A and C in X, D in Y, B and S absent. */
export const BEHAVIOUR_SEGMENTS: [string, string][] = [
  ['A', 'X'],
  ['C', 'X'],
  ['D', 'Y'],
];

/**
 * Column roles, defined once: the mapping UI, auto-mapping, SQL builders and the CLI all read these.
 * A role is what a column means to an analysis, whatever the platform called it.
 */
export const SOURCE_KINDS = ['orders', 'customers', 'campaign', 'leads', 'events'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const ROLES = {
  orders: [
    'customer_id',
    'order_id',
    'order_time',
    'paid_time',
    'amount',
    'refund',
    'quantity',
    'unit_price',
    'discount',
    'category',
    'product',
    'channel',
    'payment_method',
    'status',
    'region',
    'store',
  ],
  customers: [
    'customer_id',
    'name',
    'phone',
    'email',
    'gender',
    'birthday',
    'age',
    'region',
    'registration_date',
    'member_level',
    'tags',
  ],
  campaign: [
    'customer_id',
    'campaign_id',
    'group',
    'sent_time',
    'opened',
    'clicked',
    'converted',
    'revenue',
    'cost',
  ],
  leads: ['lead_id', 'customer_id', 'created_time', 'source', 'stage', 'owner', 'amount', 'closed_time'],
  events: ['customer_id', 'event_time', 'event', 'channel', 'value'],
} as const satisfies Record<SourceKind, readonly string[]>;

export type Role<K extends SourceKind = SourceKind> = (typeof ROLES)[K][number];

/** Roles without which a source of that kind cannot be analysed. */
export const REQUIRED_ROLES: { [K in SourceKind]: readonly Role<K>[] } = {
  orders: ['customer_id', 'order_time', 'amount'],
  customers: ['customer_id'],
  campaign: ['customer_id', 'group'],
  leads: ['lead_id', 'stage'],
  events: ['customer_id', 'event_time', 'event'],
};

export function isRole(kind: SourceKind, name: string): boolean {
  return (ROLES[kind] as readonly string[]).includes(name);
}

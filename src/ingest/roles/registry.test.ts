import { describe, expect, it } from 'vitest';
import { ROLE_REGISTRY, roleDeclaration } from './index.ts';
import { roleTables, COMPARISON_PREFIX } from './catalogue.ts';
import type { RoleDeclaration } from './types.ts';
import { REQUIRED_ROLES, ROLES, SOURCE_KINDS } from '../../config/roles.ts';

const roles: readonly RoleDeclaration[] = ROLE_REGISTRY;

describe('role registry', () => {
  it('role ids and aliases are unique', () => {
    const names = roles.flatMap((r) => [r.id, ...(r.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(roles.map((r) => [r.id, r] as const))(
    '%s: fields with synonyms, requirements among its fields',
    (_, role) => {
      expect(role.fields.length).toBeGreaterThan(0);
      const names = role.fields.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      for (const f of role.fields) {
        expect(f.name).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(f.synonyms.length, f.name).toBeGreaterThan(0);
      }
      for (const q of role.required)
        for (const f of typeof q === 'string' ? [q] : q) expect(names).toContain(f);
      expect(Object.keys(role.tables).length).toBeGreaterThan(0);
    },
  );

  it('config kinds keep every value older configs use', () => {
    for (const kind of ['orders', 'customers', 'campaign', 'leads', 'events'])
      expect(SOURCE_KINDS).toContain(kind);
    expect(ROLES.campaign).toEqual(ROLES.touches);
    expect(roleDeclaration('campaign').id).toBe('touches');
    expect(() => roleDeclaration('nope')).toThrow(/nope/);
  });

  // prettier-ignore
  it('orders and customers keep their roles, order and requirements', () => {
    expect(ROLES.orders).toEqual([
      'customer_id', 'order_id', 'order_time', 'paid_time', 'amount', 'refund', 'quantity', 'unit_price',
      'discount', 'category', 'product', 'channel', 'payment_method', 'status', 'region', 'store', 'currency',
    ]);
    expect(ROLES.customers).toEqual([
      'customer_id', 'name', 'phone', 'email', 'gender', 'birthday', 'age', 'region', 'registration_date',
      'member_level', 'tags',
    ]);
    expect(REQUIRED_ROLES.orders).toEqual(['customer_id', 'order_time', 'amount']);
    expect(REQUIRED_ROLES.customers).toEqual(['customer_id']);
  });

  it('the catalogue prefixes a second dataset of a role', () => {
    expect(roleTables('orders')).toEqual({
      ordersClean: 'orders_clean',
      purchases: 'purchases',
      setAside: 'set_aside',
    });
    expect(roleTables('orders', COMPARISON_PREFIX)).toEqual({
      ordersClean: 'compare_orders_clean',
      purchases: 'compare_purchases',
      setAside: 'compare_set_aside',
    });
  });
});

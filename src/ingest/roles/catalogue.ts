/**
 * Canonical table names by role: what cleaning writes and what analyses read. A prefix keeps a second
 * dataset of the same role apart (the group comparison cleans its orders to `compare_orders_clean`,
 * `compare_purchases`, `compare_set_aside`), so the main dataset's tables never change.
 */
import { ROLE_REGISTRY, type RoleDecl } from './index.ts';

export const COMPARISON_PREFIX = 'compare_';

type TablesOf<R extends RoleDecl['id']> = Extract<RoleDecl, { id: R }>['tables'];

/** The tables a role produces, by logical name, each name prefixed. */
export function roleTables<R extends RoleDecl['id']>(
  role: R,
  prefix = '',
): { readonly [K in keyof TablesOf<R>]: string } {
  const decl = ROLE_REGISTRY.find((r) => r.id === role)!;
  return Object.fromEntries(Object.entries(decl.tables).map(([k, v]) => [k, `${prefix}${v}`])) as {
    readonly [K in keyof TablesOf<R>]: string;
  };
}

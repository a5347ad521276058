/**
 * The role registry (issue 11): every kind of dataset the app knows, in the order the data tab lists
 * them and classification breaks ties. One line here makes a role known to the config schema
 * (config/roles.ts), the mapping, the classification and the data tab.
 */
import { BASKETS_ROLE } from './baskets.ts';
import { CUSTOMERS_ROLE } from './customers.ts';
import { EVENTS_ROLE } from './events.ts';
import { EXPERIMENT_ROLE } from './experiment.ts';
import { LEADS_ROLE } from './leads.ts';
import { ORDERS_ROLE } from './orders.ts';
import { TOUCHES_ROLE } from './touches.ts';
import type { FieldSpec, RoleDeclaration } from './types.ts';

export const ROLE_REGISTRY = [
  ORDERS_ROLE,
  CUSTOMERS_ROLE,
  TOUCHES_ROLE,
  LEADS_ROLE,
  EVENTS_ROLE,
  EXPERIMENT_ROLE,
  BASKETS_ROLE,
] as const satisfies readonly RoleDeclaration[];

export type RoleDecl = (typeof ROLE_REGISTRY)[number];
export type DatasetRole = RoleDecl['id'];

/** The declaration of a role id or of an older alias (`campaign` → touches); throws when unknown. */
export function roleDeclaration(idOrAlias: string): RoleDeclaration {
  const found = ROLE_REGISTRY.find(
    (r: RoleDeclaration) => r.id === idOrAlias || (r.aliases ?? []).includes(idOrAlias),
  );
  if (!found) throw new Error(`unknown dataset role: ${JSON.stringify(idOrAlias)}`);
  return found;
}

export function fieldSpec(role: string, field: string): FieldSpec | undefined {
  return roleDeclaration(role).fields.find((f) => f.name === field);
}

export { ORDERS_ROLE, CUSTOMERS_ROLE };
export type { FieldKind, FieldSpec, FieldName, Requirement, RoleDeclaration } from './types.ts';

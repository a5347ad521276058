/**
 * What cleaning repairs each field of a role as, from its declared kind (src/ingest/roles/): phones and
 * e-mails as ids (trimmed, full-width, `.0`), categories as text.
 */
import type { FieldKind, RoleDeclaration } from '../roles/types.ts';
import type { ValueType } from '../repair/repair-exprs.ts';

const REPAIR_AS: Record<FieldKind, ValueType> = {
  id: 'id',
  time: 'timestamp',
  money: 'amount',
  number: 'number',
  text: 'text',
  category: 'text',
  region: 'region',
  phone: 'id',
  email: 'id',
  flag: 'text',
};

/** Field name → repair type, in the declaration's field order (the order of the rows table). */
export function repairTypes(role: RoleDeclaration): Record<string, ValueType> {
  return Object.fromEntries(role.fields.map((f) => [f.name, REPAIR_AS[f.kind]]));
}

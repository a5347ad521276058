/**
 * The shape of a dataset role (issue 11): what a file of that kind holds, how its headers are
 * recognised, what cleaning makes of it. One declaration per role in this folder; index.ts lists them
 * and everything else (config/roles.ts, canonical.ts, mapping, cleaning role lists) is derived.
 */

/**
 * What a field's values are. Drives value sniffing in the mapping (time: dates; money/number: numbers;
 * id: not a date, an amount or a flag; phone, email) and the repair type in cleaning.
 */
export type FieldKind =
  'id' | 'time' | 'money' | 'number' | 'text' | 'category' | 'region' | 'phone' | 'email' | 'flag';

export interface FieldSpec {
  /** The role name of the column, e.g. `order_time`; the key of a mapping. */
  readonly name: string;
  readonly kind: FieldKind;
  /** Zh and en header synonyms, strongest first (normalised before matching: normalize-header.ts). */
  readonly synonyms: readonly string[];
  /** false: never proposed from its values alone (only from a header), e.g. paid_time. */
  readonly byValues?: false;
}

/** A required field, or a group of alternatives of which one is enough (`['amount', 'unit_price']`). */
export type Requirement = string | readonly string[];

/** The cleaning a role goes through, or none yet (its analyses read the mapped source). */
export type CleaningKind = 'orders' | 'customers' | 'generic' | 'none';

export interface RoleDeclaration {
  /** The role id; also the `kind` of a source in the config. */
  readonly id: string;
  /** Older config `kind` values that mean this role (accepted when parsing configs). */
  readonly aliases?: readonly string[];
  /** Fields in mapping order (earlier wins ties when two fields match a column equally). */
  readonly fields: readonly FieldSpec[];
  /**
   * Required fields; the first alternative of a group is the one named when none is mapped
   * (REQUIRED_ROLES), the group is what cleaning checks.
   */
  readonly required: readonly Requirement[];
  readonly cleaning: CleaningKind;
  /** Canonical tables it produces by logical name → table name (catalogue.ts adds prefixes). */
  readonly tables: Readonly<Record<string, string>>;
}

/** Keep the literal field names of a declaration (for derived types such as OrderRole). */
export function defineRole<const R extends RoleDeclaration>(role: R): R {
  return role;
}

export type FieldName<R extends RoleDeclaration> = R['fields'][number]['name'];

/**
 * Column roles by source kind, derived from the role declarations (src/ingest/roles/): the mapping UI,
 * auto-mapping, SQL builders, the config schema and the CLI all read these. A role is what a column
 * means to an analysis, whatever the platform called it. Older kinds stay accepted (`campaign` is
 * the touches role's alias).
 */
import { ROLE_REGISTRY, type RoleDecl } from '../ingest/roles/index.ts';
import type { FieldName, RoleDeclaration } from '../ingest/roles/types.ts';

type AliasOf<D> = D extends { readonly aliases: readonly (infer A)[] } ? A : never;
export type SourceKind = RoleDecl['id'] | AliasOf<RoleDecl>;
type DeclOf<K extends SourceKind> =
  Extract<RoleDecl, { id: K }> | Extract<RoleDecl, { aliases: readonly K[] }>;

export const SOURCE_KINDS: readonly SourceKind[] = ROLE_REGISTRY.flatMap((r: RoleDeclaration) => [
  r.id,
  ...(r.aliases ?? []),
]) as SourceKind[];

function byKind<T>(pick: (r: RoleDeclaration) => T): Record<SourceKind, T> {
  return Object.fromEntries(
    ROLE_REGISTRY.flatMap((r: RoleDeclaration) => [r.id, ...(r.aliases ?? [])].map((k) => [k, pick(r)])),
  ) as Record<SourceKind, T>;
}

export const ROLES = byKind((r) => r.fields.map((f) => f.name)) as {
  readonly [K in SourceKind]: readonly FieldName<DeclOf<K>>[];
};

export type Role<K extends SourceKind = SourceKind> = (typeof ROLES)[K][number];

/** Roles without which a source of that kind cannot be analysed (of alternatives, the first). */
export const REQUIRED_ROLES = byKind((r) => r.required.map((q) => (typeof q === 'string' ? q : q[0]!))) as {
  readonly [K in SourceKind]: readonly Role<K>[];
};

export function isRole(kind: SourceKind, name: string): boolean {
  return (ROLES[kind] as readonly string[]).includes(name);
}

/** The roles cleaned by the generic cleaning (issue 13; ingest/cleaning/build-role-cleaning-sql.ts); events since issue 14. */
export const GENERIC_CLEANING_ROLES = ['touches', 'experiment', 'leads', 'events'] as const;
export type GenericRole = (typeof GENERIC_CLEANING_ROLES)[number];

export function isGenericRole(role: string): role is GenericRole {
  return (GENERIC_CLEANING_ROLES as readonly string[]).includes(role);
}

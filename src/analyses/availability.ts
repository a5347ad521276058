/**
 * "What can I analyse with my files" (issue 17): for each section of the registered modules, whether
 * it is open (the roles it needs are cleaned), waits for a cleaning (files of those roles are loaded
 * but not cleaned yet) or needs a file of a role the user has not given (with the roles to add).
 * Read from each module's `needs` / `needsAny`, so a new analysis joins the list by registering.
 */
import type { MessageKey } from '../i18n/i18n.ts';
import { sectionModules } from './registry.ts';

export type SectionStatus = 'open' | 'clean' | 'add';

export interface SectionAvailability {
  id: string;
  titleKey: MessageKey;
  status: SectionStatus;
  /** Roles the section needs that no loaded file plays (each one needed). */
  add: string[];
  /** When the section needs one of several roles and no loaded file plays any: those roles. */
  addOneOf: string[];
}

/**
 * `cleaned`: roles cleaned (AppState.cleanedRoles); `loaded`: roles the loaded files were recognised
 * as (cleaned or not). An empty `loaded` (the landing page) lists what every section needs.
 */
export function sectionAvailability(
  cleaned: readonly string[],
  loaded: readonly string[],
): SectionAvailability[] {
  const has = (set: readonly string[]) => (role: string) => set.includes(role) || cleaned.includes(role);
  return sectionModules().map((m) => {
    const any = m.needsAny ?? [];
    const isOpen =
      m.needs.every((r) => cleaned.includes(r)) && (any.length === 0 || any.some((r) => cleaned.includes(r)));
    const add = m.needs.filter((r) => !has(loaded)(r));
    const addOneOf = any.length > 0 && !any.some(has(loaded)) ? [...any] : [];
    const status: SectionStatus = isOpen
      ? 'open'
      : add.length === 0 && addOneOf.length === 0
        ? 'clean'
        : 'add';
    return { id: m.id, titleKey: m.section!.titleKey, status, add, addOneOf };
  });
}

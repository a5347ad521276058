/**
 * The workspace's tabs: Data and Mapping & cleaning, then one per registered analysis module with a
 * section (src/analyses/registry.ts), then Setup & sharing. A module's view is `src/ui/<id>/Section.svelte`,
 * found by its folder name: registering the module is all it takes to get a tab.
 */
import type { Component } from 'svelte';
import { sectionModules } from '../../analyses/registry.ts';
import type { AppState } from '../app-state.svelte.ts';
import type { MessageKey } from '../../i18n/i18n.ts';

export type SectionView = Component<{ app: AppState }>;

const views = import.meta.glob<SectionView>('../*/Section.svelte', { eager: true, import: 'default' });

export interface SectionTab {
  id: string;
  titleKey: MessageKey;
  /** Dataset roles that must be cleaned first (empty: always open). */
  needs: readonly string[];
  /** Issue 15: besides `needs`, one of these roles (absent: none asked). */
  needsAny?: readonly string[];
  view: SectionView | null;
}

export const FIXED_FIRST = ['data', 'clean'] as const;
export const FIXED_LAST = ['config'] as const;

/** Every tab in order; a module whose view file is missing fails loudly at start-up. */
export function sectionTabs(): SectionTab[] {
  const modules = sectionModules().map((m) => {
    const view = views[`../${m.id}/Section.svelte`];
    if (!view)
      throw new Error(`analysis module "${m.id}" has a section but no src/ui/${m.id}/Section.svelte`);
    return {
      id: m.id,
      titleKey: m.section!.titleKey,
      needs: m.needs,
      ...(m.needsAny ? { needsAny: m.needsAny } : {}),
      view,
    };
  });
  const fixed = (id: (typeof FIXED_FIRST)[number] | (typeof FIXED_LAST)[number]): SectionTab => ({
    id,
    titleKey: `nav.${id}`,
    needs: [],
    view: null,
  });
  return [...FIXED_FIRST.map(fixed), ...modules, ...FIXED_LAST.map(fixed)];
}

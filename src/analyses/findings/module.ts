/**
 * The Findings overview as a registered section (issue 17). It has no plans of its own: the overview
 * runs every other module's `findings` (collect.ts) and ranks them. `configKey` names a slice only
 * because the contract asks for one; the overview reads the whole config, slice by slice.
 */
import { defineModule } from '../contract.ts';

export const findingsModule = defineModule({
  id: 'findings',
  needs: ['orders'],
  configKey: 'rfm',
  prepare: () => [],
  parts: {},
  exports: [],
  section: { titleKey: 'nav.findings', order: 5 },
});

export type { Finding } from './finding.ts';
export { FINDING_THRESHOLDS } from './thresholds.ts';

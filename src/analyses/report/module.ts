/**
 * The report as a module (issue 17): its section is the print-ready page (src/ui/report/Section.svelte).
 * It has no queries of its own: the page and the workbook gather the other modules' tables
 * (report-tables.ts) and the action plan's KPIs. The page and the CLI import report-tables.ts and
 * report-workbook.ts directly (this file is in the registry, which the config schema imports).
 */
import { defineModule } from '../contract.ts';
import type { RfmConfig } from '../rfm/rfm-config.ts';

export const reportModule = defineModule({
  id: 'report',
  needs: ['orders'],
  configKey: 'rfm',
  prepare: (_config: RfmConfig) => [],
  parts: {},
  exports: [],
  section: { titleKey: 'nav.report', order: 910 },
});

/**
 * Every analysis module, once (issue 11). Navigation, the workspace, the config schema, the CLI's
 * output files and the smoke e2e iterate these lists: adding an analysis is one line here (and its
 * config slice below, if it has one). See docs/adding-an-analysis.md.
 */
import type { GenericSchema } from 'valibot';
import type { AnalysisModule } from './contract.ts';
import { rfmModule } from './rfm/module.ts';
import { behaviourModule } from './behaviour/module.ts';
import { revenueModule } from './revenue/module.ts';
import { RfmConfigSchema } from './rfm/rfm-config.ts';
import { BehaviourConfigSchema } from './behaviour/behaviour-config.ts';
import { LifecycleConfigSchema } from './lifecycle/lifecycle-config.ts';
import { lifecycleModule } from './lifecycle/module.ts';
import { comparisonModule } from './lifecycle/comparison-module.ts';
import { campaignsModule } from './campaigns/module.ts';
import { experimentModule } from './experiment/module.ts';
import { leadsModule } from './leads/module.ts';
import { CampaignsConfigSchema } from './campaigns/campaigns-config.ts';
import { ExperimentConfigSchema } from './experiment/experiment-config.ts';
import { LeadsConfigSchema } from './leads/leads-config.ts';
import { clvModule } from './clv/module.ts';
import { ClvConfigSchema } from './clv/clv-config.ts';
import { forecastModule } from './forecast/module.ts';
import { ForecastConfigSchema } from './forecast/forecast-config.ts';
import { funnelModule } from './funnel/module.ts';
import { FunnelConfigSchema } from './funnel/funnel-config.ts';
import { migrationModule } from './migration/module.ts';
import { MigrationConfigSchema } from './migration/migration-config.ts';
import { clustersModule } from './clusters/module.ts';
import { ClustersConfigSchema } from './clusters/clusters-config.ts';
import { basketModule } from './basket/module.ts';
import { BasketConfigSchema } from './basket/basket-config.ts';
import { actionsModule } from './actions/module.ts';
import { reportModule } from './report/module.ts';
import { findingsModule } from './findings/module.ts';

/** In navigation order of their sections; modules without a section show inside another one. */
export const MODULES = [
  rfmModule,
  behaviourModule,
  revenueModule,
  lifecycleModule,
  comparisonModule,
  campaignsModule,
  experimentModule,
  leadsModule,
  clvModule,
  forecastModule,
  funnelModule,
  migrationModule,
  clustersModule,
  basketModule,
  actionsModule,
  reportModule,
  findingsModule,
] as const;

/** The config slices (AnalysisConfig keys) with their schemas; each module reads one of them. */
export const CONFIG_SECTIONS = {
  behaviour: BehaviourConfigSchema,
  lifecycle: LifecycleConfigSchema,
  rfm: RfmConfigSchema,
  campaigns: CampaignsConfigSchema,
  experiment: ExperimentConfigSchema,
  leads: LeadsConfigSchema,
  clv: ClvConfigSchema,
  forecast: ForecastConfigSchema,
  funnel: FunnelConfigSchema,
  migration: MigrationConfigSchema,
  clusters: ClustersConfigSchema,
  basket: BasketConfigSchema,
} as const satisfies Record<string, GenericSchema>;

export type ModuleId = (typeof MODULES)[number]['id'];
export type ConfigKey = keyof typeof CONFIG_SECTIONS;

// Every module reads a slice that exists (a compile error here names the module's configKey).
type SliceOf<M> = M extends { configKey: infer K } ? K : never;
export type ModuleSlices = SliceOf<(typeof MODULES)[number]> extends ConfigKey ? true : never;
const _slicesExist: ModuleSlices = true;

/** Modules that have a section of their own, in tab order. */
export function sectionModules(): readonly AnalysisModule<never, unknown>[] {
  return [...MODULES]
    .filter((m) => m.section !== null)
    .sort((a, b) => (a.section?.order ?? 0) - (b.section?.order ?? 0)) as AnalysisModule<never, unknown>[];
}

/**
 * The experiment view as an analysis module (issue 13): a result file with one row per customer, its
 * arm and measured outcomes (the Hillstrom e-mail test), every arm against the control on every
 * outcome with 95 % CIs, p-values and the sample size needed. experiment.csv is its CLI file.
 */
import { defineModule, type PlanContext } from '../contract.ts';
import { readRows } from '../read-rows.ts';
import { ident } from '../../sql/quote.ts';
import { roleTables } from '../../ingest/roles/catalogue.ts';
import { buildStatsMacrosSql } from '../stats/build-stats-sql.ts';
import { buildExperimentCsvSql, buildExperimentSql } from './build-experiment-sql.ts';
import type { ExperimentConfig } from './experiment-config.ts';
import { EXPERIMENT_ROW, type ExperimentRow } from './results.ts';

export type { ExperimentRow };
export { EXPERIMENT_OUTCOMES, OUTCOME_KIND, type ExperimentOutcome } from './experiment-config.ts';

const params = (config: ExperimentConfig) => ({
  table: roleTables('experiment').experiment,
  control: config.control,
  outcomes: config.outcomes,
});

export const experimentModule = defineModule({
  id: 'experiment',
  needs: ['experiment'],
  configKey: 'experiment',
  prepare: () => buildStatsMacrosSql(),
  parts: {
    table: {
      plan: (config: ExperimentConfig, _ctx: PlanContext, _p: void) => ({
        statements: buildStatsMacrosSql(),
        queries: { rows: buildExperimentSql(params(config)) },
      }),
      read: (rows): ExperimentRow[] => readRows(rows.rows, EXPERIMENT_ROW),
    },
    /** The arms in the file (for choosing the control). */
    arms: {
      plan: (_config: ExperimentConfig, _ctx: PlanContext, _p: void) => ({
        statements: [],
        queries: {
          rows: `SELECT arm, count(*) AS customers FROM ${ident(roleTables('experiment').experiment)} GROUP BY arm ORDER BY arm`,
        },
      }),
      read: (rows) => readRows(rows.rows, { arm: 'text', customers: 'num' } as const),
    },
  },
  exports: [
    {
      id: 'experiment',
      file: 'experiment.csv',
      cli: true,
      plan: (config: ExperimentConfig) => ({ statements: [], query: buildExperimentCsvSql(params(config)) }),
    },
  ],
  section: { titleKey: 'nav.experiment', order: 60 },
});

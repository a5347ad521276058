/**
 * The analyses the CLI writes once the orders are cleaned: RFM (customers.csv, segments.csv) and
 * behaviour/lifecycle (behaviour.csv, periods.csv, cohorts.csv, churn.csv). Same pure builders as the app.
 */
import { join } from 'node:path';
import type { DbPort } from '../engine/db-port.ts';
import type { AnalysisConfig } from '../config/schema.ts';
import { buildRfmSql } from '../analyses/rfm/build-rfm-sql.ts';
import { resolveRfmConfig, type RfmConfig } from '../analyses/rfm/rfm-config.ts';
import { presetConfig } from '../analyses/rfm/presets.ts';
import { buildCustomersCsvSql, buildSegmentsCsvSql } from '../analyses/rfm/build-rfm-csv-sql.ts';
import { buildRfmFeaturesSql } from '../analyses/rfm/build-rfm-features-sql.ts';
import { buildBehaviourCsvSql } from '../analyses/behaviour/build-behaviour-csv-sql.ts';
import { buildPeriodsCsvSql } from '../analyses/revenue/build-periods-csv-sql.ts';
import { buildCohortsCsvSql } from '../analyses/lifecycle/build-cohorts-csv-sql.ts';
import { buildChurnCsvSql } from '../analyses/lifecycle/build-churn-csv-sql.ts';
import { writeQueryCsv } from './write-query-csv.ts';

export interface AnalysisOptions {
  purchases: string;
  outDir: string;
  locale: 'zh-CN' | 'en';
  preset?: 'value5' | 'cn8' | 'tier3' | 'intl11' | undefined;
  asOf?: string | undefined;
}

export async function runAnalyses(db: DbPort, config: AnalysisConfig, o: AnalysisOptions): Promise<string[]> {
  const written: string[] = [];
  const out = (name: string) => {
    const path = join(o.outDir, name);
    written.push(path);
    return path;
  };
  // --preset replaces the preset's cut points and segments; otherwise the config's own (or value5).
  const rfmInput: RfmConfig = o.preset ? { ...config.rfm, ...presetConfig(o.preset) } : config.rfm;
  const rfm = resolveRfmConfig(rfmInput);
  const plan = buildRfmSql(rfm, {
    purchases: o.purchases,
    locale: o.locale,
    ...(o.asOf ? { asOf: o.asOf } : {}),
  });
  for (const sql of plan.statements) await db.exec(sql);
  // customers.csv: the RFM columns, then the customer features (issue 6).
  await db.exec(
    buildRfmFeaturesSql(rfm, {
      purchases: o.purchases,
      tables: plan.tables,
      ...(o.asOf ? { asOf: o.asOf } : {}),
    }),
  );
  await writeQueryCsv(
    db,
    buildCustomersCsvSql(plan.tables.customers, plan.tables.features),
    out('customers.csv'),
  );
  await writeQueryCsv(
    db,
    buildSegmentsCsvSql(rfm.segments, { customers: plan.tables.customers, locale: o.locale }),
    out('segments.csv'),
  );

  const asOf = o.asOf ? { asOf: o.asOf } : {};
  const lc = config.lifecycle;
  await writeQueryCsv(
    db,
    buildBehaviourCsvSql({ purchases: o.purchases, aovBands: config.behaviour.aovBands }),
    out('behaviour.csv'),
  );
  await writeQueryCsv(
    db,
    buildPeriodsCsvSql({ purchases: o.purchases, grain: config.behaviour.periodGrain }),
    out('periods.csv'),
  );
  await writeQueryCsv(
    db,
    buildCohortsCsvSql({ purchases: o.purchases, grain: lc.cohortGrain, ...asOf }),
    out('cohorts.csv'),
  );
  await writeQueryCsv(
    db,
    buildChurnCsvSql({
      purchases: o.purchases,
      idleDays: lc.lostDays,
      earlyChurnDays: lc.earlyChurnDays,
      overdueFactor: lc.overdueFactor,
      overdueMinPurchases: lc.overdueMinPurchases,
      ...asOf,
    }),
    out('churn.csv'),
  );
  return written;
}

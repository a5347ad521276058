/**
 * Run cleaning for one loaded customers table (issue 3): check the mapping, create the repair macros,
 * then drive the pure steps (src/ingest/cleaning/customer-cleaning-steps.ts) that return the report.
 */
import * as v from 'valibot';
import type { CleanSourceInput, CustomerCleaningOptions, CustomerCleaningReport } from './engine-api.ts';
import type { DbPort } from './db-port.ts';
import { CleaningSchema, type CleaningConfig } from '../config/schema.ts';
import { ensureRepairMacros } from './repair-macros.ts';
import { runSteps } from './run-steps.ts';
import {
  validateCustomersMapping,
  type CustomerCleaningPlan,
  type CustomerRole,
} from '../ingest/cleaning/build-customers-cleaning-sql.ts';
import { customerCleaningSteps } from '../ingest/cleaning/customer-cleaning-steps.ts';
import { toCleaningJson, type CleaningJsonMeta } from '../ingest/cleaning/report.ts';
import { CleaningInputError } from './clean-source.ts';

export type { CustomerCleaningOptions, CustomerCleaningReport };

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function runCustomerCleaning(
  db: DbPort,
  input: CleanSourceInput,
  options: CustomerCleaningOptions,
): Promise<CustomerCleaningReport> {
  const issues = validateCustomersMapping(options.mapping, input.columns);
  if (issues.length) throw new CleaningInputError(issues);
  const cleaning: CleaningConfig = v.parse(CleaningSchema, options.cleaning ?? {});
  const plan: CustomerCleaningPlan = {
    source: input,
    mapping: options.mapping as Partial<Record<CustomerRole, string>>,
    cleaning,
    today: options.today ?? localToday(),
    ...(options.tables ? { tables: options.tables } : {}),
  };
  await ensureRepairMacros(db);
  return runSteps(db, customerCleaningSteps(plan, options.keepWorkTables));
}

/** DIR/customers_cleaning.json: the same keys, order and zero-omission as cleaning.json. */
export function toCustomerCleaningJson(report: CustomerCleaningReport, meta: CleaningJsonMeta) {
  return toCleaningJson(report, meta);
}

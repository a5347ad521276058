/**
 * Run cleaning for one loaded touches / experiment / leads table (issue 13): check the mapping, create
 * the repair macros, then drive the pure steps (src/ingest/cleaning/role-cleaning-steps.ts).
 */
import * as v from 'valibot';
import type { CleanSourceInput, RoleCleaningOptions } from './engine-api.ts';
import type { DbPort } from './db-port.ts';
import { CleaningSchema } from '../config/schema.ts';
import { ensureRepairMacros } from './repair-macros.ts';
import { runSteps } from './run-steps.ts';
import { validateRoleMapping, type GenericRole } from '../ingest/cleaning/build-role-cleaning-sql.ts';
import { roleCleaningSteps, type RoleCleaningReport } from '../ingest/cleaning/role-cleaning-steps.ts';
import { CleaningInputError } from './clean-source.ts';

export type { RoleCleaningReport, RoleCleaningOptions };

export async function runRoleCleaning(
  db: DbPort,
  role: GenericRole,
  input: CleanSourceInput,
  options: RoleCleaningOptions,
): Promise<RoleCleaningReport> {
  const issues = validateRoleMapping(role, options.mapping, input.columns);
  if (issues.length) throw new CleaningInputError(issues);
  const plan = {
    role,
    source: input,
    mapping: options.mapping,
    cleaning: v.parse(CleaningSchema, options.cleaning ?? {}),
    ...(options.tables ? { tables: options.tables } : {}),
  };
  await ensureRepairMacros(db);
  return runSteps(db, roleCleaningSteps(plan, options.keepWorkTables));
}

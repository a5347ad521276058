/**
 * Run cleaning for one loaded orders table (issue 3): check the mapping, create the repair macros,
 * then drive the pure cleaning steps (src/ingest/cleaning/cleaning-steps.ts), which decide date order
 * and granularity from the data and return the report.
 */
import * as v from 'valibot';
import type { DbPort } from './db-port.ts';
import type { CleanSourceInput, CleanSourceOptions } from './engine-api.ts';
import { CleaningSchema, type CleaningConfig } from '../config/schema.ts';
import { ensureRepairMacros } from './repair-macros.ts';
import { runSteps } from './run-steps.ts';
import type { OrderRole } from '../ingest/cleaning/build-cleaning-sql.ts';
import { orderCleaningSteps } from '../ingest/cleaning/cleaning-steps.ts';
import type { CleaningReport } from '../ingest/cleaning/report.ts';
import { validateOrdersMapping, type MappingIssue } from '../ingest/cleaning/validate-mapping.ts';

export type { CleanSourceInput, CleanSourceOptions };

/** The mapping cannot be cleaned; `issues` say why (show them, do not crash). */
export class CleaningInputError extends Error {
  readonly issues: MappingIssue[];
  constructor(issues: MappingIssue[]) {
    super(
      `mapping cannot be cleaned: ${issues.map((i) => `${i.code} ${i.role}${i.column ? ` (${i.column})` : ''}`).join('; ')}`,
    );
    this.name = 'CleaningInputError';
    this.issues = issues;
  }
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function runCleaning(
  db: DbPort,
  input: CleanSourceInput,
  options: CleanSourceOptions,
): Promise<CleaningReport> {
  const issues = validateOrdersMapping(options.mapping, input.columns);
  if (issues.length) throw new CleaningInputError(issues);
  const cleaning: CleaningConfig = v.parse(CleaningSchema, options.cleaning ?? {});
  await ensureRepairMacros(db);
  return runSteps(
    db,
    orderCleaningSteps({
      source: input,
      mapping: options.mapping as Partial<Record<OrderRole, string>>,
      cleaning,
      today: options.today ?? localToday(),
      ...(options.tables ? { tables: options.tables } : {}),
      ...(options.keepWorkTables ? { keepWorkTables: true } : {}),
      ...(options.fastPaths === false ? { fastPaths: false } : {}),
      ...(options.platform ? { platform: options.platform } : {}),
    }),
  );
}

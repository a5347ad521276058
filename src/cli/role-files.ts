/**
 * The CLI's files beyond orders and customers (issue 13): campaign touches, experiment results and
 * leads. Each file's role comes from `ROLE:PATH` or from its headers (classifyDataset); it is mapped
 * (a saved config mapping first), cleaned by the generic cleaning into `<role>_clean`, and its report
 * written as `<role>_cleaning.json`. Kept apart from analyze.ts so the orders resolution can change
 * without touching it.
 */
import type { AnalysisConfig } from '../config/schema.ts';
import type { DatasetPort, LoadedDataset, SavedMapping } from '../client/dataset-flow.ts';
import {
  bestCompleteRole,
  cleanRequest,
  datasetColumns,
  guessGenericRole,
  planDataset,
  planUsable,
} from '../client/dataset-flow.ts';
import { GENERIC_CLEANING_ROLES, isGenericRole, type GenericRole } from '../ingest/roles/generic.ts';
import { toCleaningJson } from '../ingest/cleaning/report.ts';
import type { RoleCleaningReport } from '../ingest/cleaning/role-cleaning-steps.ts';
import { EXPERIMENT_OUTCOMES, type ExperimentOutcome } from '../analyses/experiment/experiment-config.ts';
import { campaignMatchWarnings } from '../analyses/campaigns/match-warnings.ts';
import { buildMatchSql } from '../analyses/campaigns/build-campaigns-sql.ts';
import { roleTables } from '../ingest/roles/catalogue.ts';
import { decodeIpc } from '../client/decode.ts';
import type { DbPort } from '../engine/db-port.ts';
import { translate, type Locale } from '../i18n/i18n.ts';
import { CliError } from './cli-error.ts';

/** Roles a `ROLE:PATH` argument may force (config kinds and their aliases). */
const FORCEABLE = ['orders', 'customers', 'campaign', ...GENERIC_CLEANING_ROLES, 'baskets'] as const;
export type ForcedRole = 'orders' | 'customers' | GenericRole | 'baskets';

/** `experiment:hillstrom.csv.gz` → role and path; a plain path (or `C:\…`) has no role. */
export function splitRolePrefix(arg: string): { role: ForcedRole | null; path: string } {
  const m = /^([a-z]+):(.+)$/.exec(arg);
  if (!m || m[1]!.length < 2) return { role: null, path: arg };
  const role = m[1]!;
  if (!(FORCEABLE as readonly string[]).includes(role)) {
    throw new CliError(
      `unknown role "${role}" in ${arg} (roles: orders, customers, touches, experiment, leads, events, baskets)`,
    );
  }
  return { role: role === 'campaign' ? 'touches' : (role as ForcedRole), path: m[2]! };
}

/** Options of the experiment flags: --arm COLUMN, --control LABEL, --outcomes a,b,c. */
export interface ExperimentFlags {
  arm?: string | undefined;
  control?: string | undefined;
  outcomes?: string | undefined;
}

export interface RoleDataset {
  role: GenericRole;
  dataset: LoadedDataset;
  mapping: Record<string, string>;
  platform: string | null;
}

function savedMapping(config: AnalysisConfig | null, kind: GenericRole): SavedMapping | null {
  const source = config?.sources.find(
    (s) => s.kind === kind || (kind === 'touches' && s.kind === 'campaign'),
  );
  return source ? { mapping: source.mapping, match: 'by_name', platform: source.platform } : null;
}

/**
 * Whether a file's headers say it is something other than orders (its best complete role guess is
 * customers, touches, experiment results or leads): such a file is not combined into the orders
 * (issue 12's several orders files) even when its columns could pass for orders (a touches file's
 * cost as an amount, a customer list's last purchase and total spend).
 */
export function guessedOtherThanOrders(dataset: LoadedDataset): boolean {
  const best = bestCompleteRole(datasetColumns(dataset));
  return best !== null && best !== 'orders';
}

/**
 * The touches / experiment / leads among `datasets` (those not used as orders or customers): a forced
 * role wins, else the best guess from the headers when it is one of these roles and its mapping is
 * complete. Files used for nothing are named in `unused`.
 */
export function resolveRoleDatasets(
  datasets: readonly LoadedDataset[],
  forced: ReadonlyMap<LoadedDataset, ForcedRole>,
  used: readonly LoadedDataset[],
  config: AnalysisConfig | null,
  flags: ExperimentFlags,
): { found: RoleDataset[]; unused: LoadedDataset[] } {
  const found: RoleDataset[] = [];
  const unused: LoadedDataset[] = [];
  for (const dataset of datasets) {
    if (used.includes(dataset)) continue;
    const force = forced.get(dataset);
    if (force === 'orders' || force === 'customers' || force === 'baskets') continue;
    const columns = datasetColumns(dataset);
    const role = force ?? guessGenericRole(columns);
    if (!role || !isGenericRole(role)) {
      unused.push(dataset);
      continue;
    }
    const r = role as GenericRole;
    const plan = planDataset(r, columns, savedMapping(config, r));
    const mapping = { ...plan.mapping };
    if (r === 'experiment')
      applyExperimentFlags(
        mapping,
        flags,
        columns.map((c) => c.name),
      );
    if (!force && !planUsable({ ...plan, mapping })) {
      unused.push(dataset);
      continue;
    }
    found.push({ role: r, dataset, mapping, platform: plan.platform });
  }
  return { found, unused };
}

/** --arm COLUMN maps the arm; --outcomes names outcome fields or mapped columns (checked). */
function applyExperimentFlags(mapping: Record<string, string>, flags: ExperimentFlags, columns: string[]) {
  if (flags.arm !== undefined) {
    if (!columns.includes(flags.arm))
      throw new CliError(`--arm ${flags.arm}: no such column (columns: ${columns.join(', ')})`);
    for (const [k, v] of Object.entries(mapping)) if (v === flags.arm) delete mapping[k];
    mapping.arm = flags.arm;
  }
}

/** --outcomes as experiment fields: `visit` (a mapped column) or `visited` (a field) both work. */
export function experimentOutcomes(
  flags: ExperimentFlags,
  mapping: Readonly<Record<string, string>> | null,
): ExperimentOutcome[] | undefined {
  if (flags.outcomes === undefined) return undefined;
  return flags.outcomes
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => {
      if ((EXPERIMENT_OUTCOMES as readonly string[]).includes(name)) return name as ExperimentOutcome;
      const field = Object.entries(mapping ?? {}).find(
        ([k, v]) => v === name && (EXPERIMENT_OUTCOMES as readonly string[]).includes(k),
      );
      if (!field)
        throw new CliError(
          `--outcomes: "${name}" is not an outcome column of the experiment file (mapped: ${
            EXPERIMENT_OUTCOMES.filter((o) => mapping?.[o])
              .map((o) => `${mapping![o]} (${o})`)
              .join(', ') || 'none'
          })`,
        );
      return field[0] as ExperimentOutcome;
    });
}

/** Clean each found dataset; returns the reports by role (one file per role: the first wins). */
export async function cleanRoleDatasets(
  port: DatasetPort<unknown>,
  found: readonly RoleDataset[],
  config: AnalysisConfig,
  write: (name: string, data: unknown) => Promise<void>,
): Promise<Map<GenericRole, RoleCleaningReport>> {
  const reports = new Map<GenericRole, RoleCleaningReport>();
  for (const f of found) {
    if (reports.has(f.role))
      throw new CliError(`two ${f.role} files given (${f.dataset.profile.fileName}); give one per role`);
    const report = await port.clean(f.role, cleanRequest(f.dataset, f.mapping, config.cleaning));
    reports.set(f.role, report);
    await write(
      `${f.role}_cleaning.json`,
      toCleaningJson(report, {
        encoding: f.dataset.profile.encoding,
        platform: f.platform,
        mapping: f.mapping,
      }),
    );
  }
  return reports;
}

/**
 * The translated warnings of the campaign diagnostics (campaignMatchWarnings): touches' customer ids
 * that match few orders (under half, with the match rate and masked sample ids), customers listed in
 * both groups of a campaign. Run after the campaigns prepare.
 */
export async function touchesMatchWarnings(db: DbPort, purchases: string, locale: Locale): Promise<string[]> {
  const sql = buildMatchSql({ touches: roleTables('touches').touches, purchases }, true);
  const [m] = decodeIpc(await db.queryIpc(sql.summary)).rows;
  const customers = Number(m?.customers ?? 0);
  const matched = Number(m?.matched ?? 0);
  const samples = decodeIpc(await db.queryIpc(sql.samples)).rows.map((r) => String(r.customer_id));
  return campaignMatchWarnings(
    {
      customers,
      matched,
      matchRate: customers > 0 ? matched / customers : null,
      inBothGroups: Number(m?.in_both_groups ?? 0),
      unmatchedSamples: samples,
    },
    (key, params) => translate(locale, key, params),
    { rate: (x) => `${((x ?? 0) * 100).toFixed(1)}%`, int: (x) => String(x) },
  );
}

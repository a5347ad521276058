/**
 * Which loaded table holds the orders, and its mapping: the config's orders mapping matched to the
 * file's columns by name when a config is given, else the automatic proposal. The same rules the app
 * applies, so a config exported from the UI gives the same result here.
 */
import type { TableProfile } from '../engine/readers/load-source.ts';
import { decodeIpc } from '../client/decode.ts';
import { proposeMapping } from '../ingest/mapping/propose-mapping.ts';
import { matchColumns } from '../config/match-columns.ts';
import { validateOrdersMapping } from '../ingest/cleaning/validate-mapping.ts';
import type { AnalysisConfig } from '../config/schema.ts';
import { CliError } from './cli-error.ts';

export interface OrdersChoice {
  profile: TableProfile;
  mapping: Record<string, string>;
  platform: string | null;
}

export function samples(profile: TableProfile) {
  const rows = decodeIpc(profile.preview).rows;
  return profile.columns.map((c) => ({
    name: c.name,
    type: c.type,
    samples: rows
      .map((r) => r[c.name])
      .filter((v) => v !== null)
      .slice(0, 50)
      .map(String),
  }));
}

export function resolveOrders(
  profiles: readonly TableProfile[],
  config: AnalysisConfig | null,
): OrdersChoice {
  const configured = config?.sources.find((s) => s.kind === 'orders');
  for (const profile of profiles) {
    const proposal = proposeMapping('orders', samples(profile));
    let mapping = proposal.mapping;
    if (configured && Object.keys(configured.mapping).length > 0) {
      const match = matchColumns(
        configured.mapping,
        profile.columns.map((c) => c.name),
        'orders',
      );
      mapping = Object.fromEntries(match.matched.map((m) => [m.role, m.actual]));
    }
    const missing = validateOrdersMapping(mapping, profile.columns).filter((i) => i.code === 'missing_role');
    if (missing.length === 0) {
      return { profile, mapping, platform: proposal.platform?.id ?? configured?.platform ?? null };
    }
  }
  throw new CliError(
    'no orders table found: no file has a customer id, an order time and an amount (or unit price) column (map them in a config file)',
  );
}

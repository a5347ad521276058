/**
 * Which other loaded table holds customer profiles (issue 3), and its mapping: the config's customers
 * mapping matched by name when it has one, else the automatic proposal when it looks like a customer
 * file (looksLikeCustomers). Null when no file qualifies: customer cleaning is then skipped.
 */
import type { TableProfile } from '../engine/readers/load-source.ts';
import { proposeMapping } from '../ingest/mapping/propose-mapping.ts';
import { matchColumns } from '../config/match-columns.ts';
import type { AnalysisConfig } from '../config/schema.ts';
import { looksLikeCustomers } from '../ingest/cleaning/build-customers-cleaning-sql.ts';
import { samples, type OrdersChoice } from './resolve-orders.ts';

export function resolveCustomers(
  profiles: readonly TableProfile[],
  orders: TableProfile,
  config: AnalysisConfig | null,
): OrdersChoice | null {
  const configured = config?.sources.find((s) => s.kind === 'customers');
  for (const profile of profiles) {
    if (profile === orders) continue;
    const proposal = proposeMapping('customers', samples(profile));
    const platform = proposal.platform?.id ?? configured?.platform ?? null;
    if (configured && Object.keys(configured.mapping).length > 0) {
      const names = profile.columns.map((c) => c.name);
      const match = matchColumns(configured.mapping, names, 'customers');
      const mapping = Object.fromEntries(match.matched.map((m) => [m.role, m.actual]));
      if (mapping.customer_id) return { profile, mapping, platform };
    } else if (looksLikeCustomers(proposal)) {
      return { profile, mapping: proposal.mapping, platform };
    }
  }
  return null;
}

/**
 * The translated warnings of the campaign table's diagnostics (issue 13), one sentence each, shown in
 * the Campaigns section and written to the CLI's stderr: touches' ids that match few orders (under
 * half, with the match rate and masked sample ids), and customers listed in both groups of a campaign
 * (counted in both, so the lift mixes them).
 */
import type { MessageKey } from '../../i18n/i18n.ts';
import type { CampaignMatch } from './results.ts';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

export function campaignMatchWarnings(
  m: CampaignMatch,
  t: T,
  format: { rate: (x: number | null) => string; int: (x: number) => string },
): string[] {
  const out: string[] = [];
  if (m.customers > 0 && (m.matchRate ?? 0) < 0.5)
    out.push(
      t(m.matched === 0 ? 'campaigns.noMatch' : 'campaigns.lowMatch', {
        rate: format.rate(m.matchRate),
        matched: format.int(m.matched),
        customers: format.int(m.customers),
        samples: m.unmatchedSamples.join(', '),
      }),
    );
  if (m.inBothGroups > 0) out.push(t('campaigns.inBothGroups', { n: format.int(m.inBothGroups) }));
  return out;
}

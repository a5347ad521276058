/** Typed rows of the segment migration (issue 14) and its headline sentences. */
import type { RowOf } from '../read-rows.ts';
import { NOT_YET } from './build-migration-sql.ts';

export const SIZE_ROW = {
  period: 'num',
  period_end: 'text',
  segment: 'text',
  segment_label: 'text',
  customers: 'num',
} as const;
export type SegmentSizeRow = RowOf<typeof SIZE_ROW>;

export const FLOW_ROW = {
  period: 'num',
  period_end: 'text',
  from_segment: 'text',
  from_label: 'text',
  to_segment: 'text',
  to_label: 'text',
  customers: 'num',
} as const;
export type FlowRow = RowOf<typeof FLOW_ROW>;

export const MATRIX_ROW = {
  from_segment: 'text',
  from_label: 'text',
  to_segment: 'text',
  to_label: 'text',
  customers: 'num',
  row_share: 'num',
} as const;
export type MatrixRow = RowOf<typeof MATRIX_ROW>;

export interface MigrationScores {
  sizes: SegmentSizeRow[];
  flows: FlowRow[];
}

/** A headline sentence: a message key with its parameters (the screen translates it). */
export type Headline =
  | { key: 'migration.headline.moved'; params: { n: number; from: string; to: string; since: string } }
  | { key: 'migration.headline.new'; params: { n: number; to: string; since: string } }
  | { key: 'migration.headline.stayed'; params: { share: number; since: string } };

/**
 * Up to `limit` sentences about the matrix since `since` (the "from" period end): the largest moves
 * between two different segments, largest first (ties: by segment ids); then the new customers and
 * the segment most of them joined; then the share of existing customers who kept their segment.
 */
export function migrationHeadlines(rows: readonly MatrixRow[], since: string, limit = 3): Headline[] {
  const moves = rows
    .filter((r) => r.from_segment !== NOT_YET && r.from_segment !== r.to_segment && r.customers > 0)
    .sort(
      (a, b) =>
        b.customers - a.customers || (a.from_segment + a.to_segment < b.from_segment + b.to_segment ? -1 : 1),
    )
    .slice(0, limit)
    .map((r): Headline => ({
      key: 'migration.headline.moved',
      params: { n: r.customers, from: r.from_label, to: r.to_label, since },
    }));
  const out: Headline[] = [...moves];
  const fresh = rows.filter((r) => r.from_segment === NOT_YET);
  const n = fresh.reduce((s, r) => s + r.customers, 0);
  if (n > 0) {
    const top = [...fresh].sort(
      (a, b) => b.customers - a.customers || (a.to_segment < b.to_segment ? -1 : 1),
    )[0]!;
    out.push({ key: 'migration.headline.new', params: { n, to: top.to_label, since } });
  }
  const existing = rows.filter((r) => r.from_segment !== NOT_YET);
  const total = existing.reduce((s, r) => s + r.customers, 0);
  if (total > 0) {
    const stayed = existing
      .filter((r) => r.from_segment === r.to_segment)
      .reduce((s, r) => s + r.customers, 0);
    out.push({ key: 'migration.headline.stayed', params: { share: stayed / total, since } });
  }
  return out;
}

/**
 * The cleaning report: what was read, used, set aside (by reason) and repaired (by kind). Every source
 * row has exactly one fate, so `rowsRead = rowsUsed + rowsSetAside` always holds (assertReportAddsUp).
 */
import type { OrderStatus } from '../../config/schema.ts';
import type { RepairKind } from '../repair/repair-exprs.ts';
import type { DateOrderDecision } from '../repair/date-order.ts';
import type { GranularityDecision } from './granularity.ts';
import type { CurrencyDecision } from '../currency/detect-currency.ts';
import type { CustomerReasonCode, CustomerRepairKind } from './build-customers-cleaning-sql.ts';

/** Why a row was set aside, in precedence order: a row gets the first that applies. */
export const REASON_CODES = [
  'exact_duplicate',
  'conflicting_customer_ids',
  'duplicate_order_id',
  'missing_customer_id',
  'missing_order_time',
  'unparseable_order_time',
  'unparseable_amount',
  'other_currency',
  'return_ignored',
  'negative_amount',
  'absurd_amount',
  'negative_quantity',
  'absurd_quantity',
  'future_date',
  'implausible_date',
  'status_not_purchase',
  'fully_refunded',
  // Several files (combine-files.ts): an earlier file's copy of an order a later file also holds.
  'duplicate_across_files',
  'replaced_by_later_file',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/**
 * The reason of a credit note's order (issue 12, item 2). Not a row set aside: its rows are used,
 * netted against the customer's revenue (cleaning-steps.ts counts them as used).
 */
export const CREDIT_NOTE = 'credit_note';

/** Reasons whose orders stay in orders_clean (is_purchase = false): valid orders that are not purchases. */
export const NOT_PURCHASE_REASONS: readonly ReasonCode[] = ['status_not_purchase', 'fully_refunded'];

export interface StatusCount {
  raw: string | null;
  status: OrderStatus | null;
  purchase: boolean;
  rows: number;
}

export interface CleaningQuestion {
  kind: 'ambiguous_date_order';
  column: string;
  values: number;
  conflicting: boolean;
}

/** Returns and credit notes netted against revenue (issue 12, item 2); all zero with `returns: ignore`. */
export interface ReturnsSummary {
  /** Credit-note orders (a negative total), and the rows they span. */
  creditNotes: number;
  rows: number;
  /** Credit notes netted against their original order (id `C123` → order `123`, same customer). */
  matched: number;
  /** Total refunded by the credit notes (positive). */
  amount: number;
  /** Customers whose returns cancel all their purchases (net ≤ 0): not purchasers. */
  customersFullyReturned: number;
}

export interface CleaningReport {
  kind: 'orders';
  rowsRead: number;
  rowsUsed: number;
  rowsSetAside: number;
  reasons: Partial<Record<ReasonCode, number>>;
  repairs: Partial<Record<RepairKind, number>>;
  orders: { total: number; purchases: number };
  granularity: GranularityDecision;
  dateOrders: DateOrderDecision[];
  questions: CleaningQuestion[];
  statuses: StatusCount[];
  /** The amounts' currency and how it was decided (issue 12 item 3). */
  currency: CurrencyDecision;
  returns: ReturnsSummary;
  tables: { ordersClean: string; purchases: string; setAside: string; returns: string };
  /** Several files combined (combine-files.ts): per-file counts, in the files' order. */
  files?: FileCount[];
  /** Several files: orders found in more than one file (the latest file's copy kept). */
  overlap?: { deduplicated: number; replaced: number };
  /** Several files: the first and last purchase day (YYYY-MM-DD), for the banner. */
  period?: { first: string | null; last: string | null };
  /** Several files: the set-aside table's columns (the file and its row first, then the combined columns). */
  setAsideColumns?: string[];
}

/** One file of a combined dataset: read = used + setAside, and the overlap rows among setAside. */
export interface FileCount {
  file: string;
  rowsRead: number;
  rowsUsed: number;
  rowsSetAside: number;
  /** Of rowsSetAside: the same order, unchanged, in a later file. */
  duplicateRows: number;
  /** Of rowsSetAside: the same order, changed (e.g. its status), in a later file. */
  replacedRows: number;
}

/** Same shape idea as CleaningReport, for a customers table; toCleaningJson accepts it. */
export interface CustomerCleaningReport {
  kind: 'customers';
  rowsRead: number;
  /** Rows kept = customers in customers_clean (one per id). */
  rowsUsed: number;
  rowsSetAside: number;
  reasons: Partial<Record<CustomerReasonCode, number>>;
  repairs: Partial<Record<CustomerRepairKind, number>>;
  customers: number;
  tables: { customersClean: string; setAside: string };
}

/** A programmer's mistake if it fails: every row must be used or set aside exactly once. */
export function assertReportAddsUp(
  r: Pick<CleaningReport, 'rowsRead' | 'rowsUsed' | 'rowsSetAside' | 'reasons'>,
): void {
  const byReason = Object.values(r.reasons).reduce((a, b) => a + (b ?? 0), 0);
  if (r.rowsRead !== r.rowsUsed + r.rowsSetAside || byReason !== r.rowsSetAside) {
    throw new Error(
      `cleaning counts do not add up: read ${r.rowsRead}, used ${r.rowsUsed}, set aside ${r.rowsSetAside}, by reason ${byReason}`,
    );
  }
}

export interface CleaningJsonMeta {
  encoding: string | null;
  platform: string | null;
  mapping: Record<string, string>;
  /** Several files: per-file counts and the overlap between files. */
  files?: readonly FileCount[] | undefined;
  overlap?: { deduplicated: number; replaced: number } | undefined;
  /** ISO code of the amounts (null = not detected); orders reports only. */
  currency?: string | null;
}

/** The CLI's DIR/cleaning.json shape (issue 3); keys in a fixed order, zero counts omitted. */
export function toCleaningJson(
  report: Pick<CleaningReport, 'rowsRead' | 'rowsUsed' | 'rowsSetAside'> & {
    reasons: Partial<Record<string, number>>;
    repairs: Partial<Record<string, number>>;
    returns?: ReturnsSummary;
  },
  meta: CleaningJsonMeta,
) {
  const nonZero = (o: Partial<Record<string, number>>) =>
    Object.fromEntries(Object.entries(o).filter(([, n]) => (n ?? 0) > 0)) as Record<string, number>;
  return {
    rows_read: report.rowsRead,
    rows_used: report.rowsUsed,
    rows_set_aside: report.rowsSetAside,
    reasons: nonZero(report.reasons),
    repairs: nonZero(report.repairs),
    ...(report.returns && report.returns.creditNotes > 0
      ? {
          returns: {
            credit_notes: report.returns.creditNotes,
            rows: report.returns.rows,
            matched_to_order: report.returns.matched,
            amount: report.returns.amount,
            customers_fully_returned: report.returns.customersFullyReturned,
          },
        }
      : {}),
    encoding: meta.encoding,
    platform: meta.platform,
    ...(meta.currency !== undefined ? { currency: meta.currency } : {}),
    mapping: { ...meta.mapping },
    ...(meta.files
      ? {
          files: meta.files.map((f) => ({
            file: f.file,
            rows_read: f.rowsRead,
            rows_used: f.rowsUsed,
            rows_set_aside: f.rowsSetAside,
            duplicate_rows: f.duplicateRows,
            replaced_rows: f.replacedRows,
          })),
        }
      : {}),
    ...(meta.overlap
      ? { orders_deduplicated: meta.overlap.deduplicated, orders_replaced: meta.overlap.replaced }
      : {}),
  };
}

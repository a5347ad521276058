/**
 * Calendar periods for revenue and lifecycle (issue 6). Weeks start on Monday (ISO 8601 = GB/T 7408,
 * exports.md §6.3); a period is named by its first day.
 */
import { str } from '../../sql/quote.ts';

export const PERIOD_GRAINS = ['day', 'week', 'month', 'quarter'] as const;
export type PeriodGrain = (typeof PERIOD_GRAINS)[number];

function check(grain: PeriodGrain): PeriodGrain {
  if (!(PERIOD_GRAINS as readonly string[]).includes(grain))
    throw new Error(`unknown period grain ${JSON.stringify(grain)}`);
  return grain;
}

/** SQL DATE: the first day of the period holding the DATE expression `date`. */
export function periodStartSql(grain: PeriodGrain, date: string): string {
  return `CAST(date_trunc(${str(check(grain))}, ${date}) AS DATE)`;
}

/** SQL INTERVAL of one period. */
export function periodIntervalSql(grain: PeriodGrain): string {
  const step = { day: '1 day', week: '7 days', month: '1 month', quarter: '3 months' }[check(grain)];
  return `INTERVAL '${step}'`;
}

/** SQL DATE: the period start one year before `start` (52 weeks for weeks, so weekdays line up). */
export function yearAgoSql(grain: PeriodGrain, start: string): string {
  return check(grain) === 'week'
    ? `CAST(${start} - INTERVAL '364 days' AS DATE)`
    : `CAST(${start} - INTERVAL '1 year' AS DATE)`;
}

/**
 * SQL: a `periods(period_start)` series from the period of `lo` to the period of `hi` (DATE
 * expressions), one row per period, gaps included.
 */
export function periodSeriesSql(grain: PeriodGrain, lo: string, hi: string): string {
  return `SELECT CAST(unnest(generate_series(${periodStartSql(grain, lo)}::TIMESTAMP, ${periodStartSql(grain, hi)}::TIMESTAMP, ${periodIntervalSql(grain)})) AS DATE) AS period_start`;
}

/** SQL DATE: the last day of the period starting at `start`. */
export function periodEndSql(grain: PeriodGrain, start: string): string {
  return `CAST(${start} + ${periodIntervalSql(grain)} - INTERVAL '1 day' AS DATE)`;
}

/**
 * The per-customer summary the CLV models are fitted on (issue 16): frequency, recency, age and the
 * mean value of repeat purchases, in the chosen time unit, with an optional calibration end that
 * holds out the tail of the history to check the model on it.
 *
 * A purchase here is a purchase day (same-day purchases merged, as the BG/NBD literature and
 * lifetimes/BTYD do), whatever `cleaning.purchase` says: the model counts purchase events in
 * continuous time, and two orders of one day are not two independent events.
 */
import { dateLiteral, ident } from '../../sql/quote.ts';

export interface ClvSummaryOptions {
  /** Canonical purchases table or view. */
  purchases: string;
  /** Last day of the calibration period (YYYY-MM-DD); null = the last purchase day (no holdout). */
  calibrationEnd: string | null;
  /** Last day of the data considered (YYYY-MM-DD, the as-of date); null = the last purchase day. */
  asOf: string | null;
  /** Days per model time unit: 7 (weeks) or 1 (days). */
  unitDays: number;
  /** A table made by buildClvDaysTableSql: the three queries then read it instead of regrouping. */
  daysTable?: string;
}

/** `bounds AS (cal_end, data_end)`: the calibration end and the last day considered (a CTE). */
export function clvBoundsCte(o: Pick<ClvSummaryOptions, 'purchases' | 'calibrationEnd' | 'asOf'>): string {
  return bounds(o);
}

function bounds(o: Pick<ClvSummaryOptions, 'purchases' | 'calibrationEnd' | 'asOf'>): string {
  const last = `(SELECT max(order_date) FROM ${ident(o.purchases)})`;
  const asOf = o.asOf ? dateLiteral(o.asOf) : last;
  const cal = o.calibrationEnd ? dateLiteral(o.calibrationEnd) : asOf;
  return `bounds AS (SELECT least(${cal}, ${asOf})::DATE AS cal_end, ${asOf}::DATE AS data_end)`;
}

function days(o: ClvSummaryOptions): string {
  if (o.daysTable)
    return `days AS (SELECT * FROM ${ident(o.daysTable)}),
  firsts AS (SELECT customer_id, min(day) AS first_day FROM days GROUP BY customer_id)`;
  return `days AS (
    SELECT customer_id::VARCHAR AS customer_id, order_date AS day, sum(net_amount)::DOUBLE AS value
    FROM ${ident(o.purchases)}, bounds WHERE order_date <= bounds.data_end
    GROUP BY customer_id, order_date
  ),
  firsts AS (SELECT customer_id, min(day) AS first_day FROM days GROUP BY customer_id)`;
}

/**
 * One row per customer whose first purchase day is on or before the calibration end: customer_id,
 * first_day (YYYY-MM-DD), x (repeat purchase days in calibration), t_x (last calibration purchase day −
 * first day, in units), T (calibration end − first day, in units), monetary_value (mean net value of
 * the repeat purchase days, NULL when x = 0), x_star (purchase days after the calibration end up to
 * the as-of date: the holdout). Unsorted (sorting 100k text ids costs more than the fit).
 */
export function buildClvSummarySql(o: ClvSummaryOptions): string {
  const u = `${Number(o.unitDays)}.0`;
  return `WITH ${bounds(o)}, ${days(o)}
  SELECT d.customer_id, strftime(f.first_day, '%Y-%m-%d') AS first_day,
    (count(*) FILTER (WHERE d.day <= b.cal_end) - 1)::INTEGER AS x,
    (date_diff('day', f.first_day, max(d.day) FILTER (WHERE d.day <= b.cal_end)) / ${u})::DOUBLE AS t_x,
    (date_diff('day', f.first_day, b.cal_end) / ${u})::DOUBLE AS "T",
    (avg(d.value) FILTER (WHERE d.day <= b.cal_end AND d.day > f.first_day))::DOUBLE AS monetary_value,
    (count(*) FILTER (WHERE d.day > b.cal_end))::INTEGER AS x_star
  FROM days d JOIN firsts f USING (customer_id), bounds b
  WHERE f.first_day <= b.cal_end
  GROUP BY d.customer_id, f.first_day, b.cal_end`;
}

/**
 * One row: cal_end, data_end (ISO dates), customers (all with a purchase up to the as-of date),
 * customers_used (first purchase on or before the calibration end), customers_after_calibration
 * (first purchase after it: set aside, the model cannot describe them), repeat_days_holdout (all
 * purchase days after the calibration end, of used customers), first_purchase_date.
 */
export function buildClvMetaSql(o: ClvSummaryOptions): string {
  return `WITH ${bounds(o)}, ${days(o)}
  SELECT strftime(b.cal_end, '%Y-%m-%d') AS cal_end, strftime(b.data_end, '%Y-%m-%d') AS data_end,
    (SELECT count(*) FROM firsts)::INTEGER AS customers,
    (SELECT count(*) FROM firsts WHERE first_day <= b.cal_end)::INTEGER AS customers_used,
    (SELECT count(*) FROM firsts WHERE first_day > b.cal_end)::INTEGER AS customers_after_calibration,
    strftime((SELECT min(first_day) FROM firsts), '%Y-%m-%d') AS first_purchase_date
  FROM bounds b`;
}

/**
 * Repeat purchase days of the used customers by day since the first purchase date of the whole
 * base: day_index (0 = first_purchase_date), repeat_days. Feeds the cumulative tracking check.
 */
export function buildClvRepeatsByDaySql(o: ClvSummaryOptions): string {
  return `WITH ${bounds(o)}, ${days(o)}
  SELECT date_diff('day', (SELECT min(first_day) FROM firsts), d.day)::INTEGER AS day_index,
    count(*)::INTEGER AS repeat_days
  FROM days d JOIN firsts f USING (customer_id), bounds b
  WHERE f.first_day <= b.cal_end AND d.day > f.first_day
  GROUP BY ALL ORDER BY day_index`;
}

/**
 * The customers' purchase days (customer_id, day, value = net amount of the day) up to the as-of
 * date, as a table the summary, meta and repeats queries share (one grouping instead of three).
 */
export function buildClvDaysTableSql(o: ClvSummaryOptions, table: string): string {
  return `CREATE OR REPLACE TABLE ${ident(table)} AS WITH ${bounds(o)}, ${days({ ...o, daysTable: undefined })}
  SELECT * FROM days`;
}

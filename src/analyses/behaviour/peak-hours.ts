/** Post-processing of the weekday × hour grid (buildTimeHeatmapSql rows): peaks for the summary text. */

export interface TimeCell {
  weekday: number;
  hour: number;
  orders: number;
  revenue: number;
}

export interface HourTotal {
  hour: number;
  orders: number;
  revenue: number;
}

/** Totals per hour over all weekdays, sorted by `metric` descending, then hour; the first `top` rows. */
export function peakHours(
  cells: readonly TimeCell[],
  metric: 'orders' | 'revenue' = 'orders',
  top = 3,
): HourTotal[] {
  const byHour = new Map<number, HourTotal>();
  for (const c of cells) {
    const t = byHour.get(c.hour) ?? { hour: c.hour, orders: 0, revenue: 0 };
    t.orders += c.orders;
    t.revenue += c.revenue;
    byHour.set(c.hour, t);
  }
  return [...byHour.values()]
    .filter((t) => t[metric] > 0)
    .sort((a, b) => b[metric] - a[metric] || a.hour - b.hour)
    .slice(0, top);
}

/** The busiest cells by `metric` (ties: earlier weekday, then earlier hour); empty cells never count. */
export function peakCells(
  cells: readonly TimeCell[],
  metric: 'orders' | 'revenue' = 'orders',
  top = 3,
): TimeCell[] {
  return cells
    .filter((c) => c[metric] > 0)
    .slice()
    .sort((a, b) => b[metric] - a[metric] || a.weekday - b.weekday || a.hour - b.hour)
    .slice(0, top);
}

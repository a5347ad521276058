/**
 * The demand forecast computation (issue 16), pure: per series, fit on the whole history and forecast
 * N periods ahead with 95 % intervals; a rolling-origin backtest over the last periods (refit at each
 * origin, one step ahead) scored by MAPE and sMAPE against the seasonal-naive baseline.
 */
import { accuracy, fitForecast, forecastAhead, seasonalNaive, type ForecastMethod } from './holt-winters.ts';
import type { ForecastConfig } from './forecast-config.ts';
import { calendarMarks, type CalendarMark } from './cn-calendar.ts';

export interface SeriesPoint {
  series: string;
  period_start: string;
  value: number;
}

export interface ForecastRow {
  series: string;
  period_start: string;
  kind: 'history' | 'backtest' | 'future';
  actual: number | null;
  forecast: number | null;
  lower: number | null;
  upper: number | null;
}

export interface SeriesSummary {
  series: string;
  method: ForecastMethod;
  season: number;
  periods: number;
  backtest_points: number;
  mape: number | null;
  smape: number | null;
  baseline_mape: number | null;
  baseline_smape: number | null;
  /** sMAPE below the baseline's (null: no backtest). */
  better_than_baseline: boolean | null;
}

export interface ForecastSummary {
  grain: ForecastConfig['grain'];
  measure: ForecastConfig['measure'];
  by: ForecastConfig['by'];
  series: SeriesSummary[];
  calendar: CalendarMark[];
}

const SEASON = { day: 7, week: 52, month: 12 } as const;
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function addPeriods(iso: string, grain: ForecastConfig['grain'], k: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (grain === 'day') d.setUTCDate(d.getUTCDate() + k);
  else if (grain === 'week') d.setUTCDate(d.getUTCDate() + 7 * k);
  else d.setUTCMonth(d.getUTCMonth() + k);
  return d.toISOString().slice(0, 10);
}

export async function computeForecast(
  points: readonly SeriesPoint[],
  config: ForecastConfig,
  onProgress?: (fraction: number) => void,
): Promise<{ summary: ForecastSummary; rows: ForecastRow[] }> {
  const bySeries = new Map<string, SeriesPoint[]>();
  for (const p of points) {
    const list = bySeries.get(p.series) ?? [];
    list.push(p);
    bySeries.set(p.series, list);
  }
  const season = SEASON[config.grain];
  const rows: ForecastRow[] = [];
  const summaries: SeriesSummary[] = [];
  let done = 0;
  for (const [series, list] of bySeries) {
    const y = list.map((p) => p.value);
    const n = y.length;
    const h = n >= 5 ? Math.min(config.periods, Math.floor(n / 4)) : 0;
    const model: { actual: number; forecast: number }[] = [];
    const baseline: { actual: number; forecast: number }[] = [];
    const backtest = new Map<number, { forecast: number; lower: number; upper: number }>();
    for (let t = n - h; t < n; t++) {
      const history = y.slice(0, t);
      const step = forecastAhead(history, fitForecast(history, season), 1)[0]!;
      backtest.set(t, step);
      model.push({ actual: y[t]!, forecast: step.forecast });
      const naive = seasonalNaive(y, t, season);
      if (naive !== null) baseline.push({ actual: y[t]!, forecast: naive });
    }
    for (let t = 0; t < n; t++) {
      const b = backtest.get(t);
      rows.push({
        series,
        period_start: list[t]!.period_start,
        kind: b ? 'backtest' : 'history',
        actual: y[t]!,
        forecast: b?.forecast ?? null,
        lower: b?.lower ?? null,
        upper: b?.upper ?? null,
      });
    }
    const fit = fitForecast(y, season);
    const ahead = n > 0 ? forecastAhead(y, fit, config.periods) : [];
    ahead.forEach((f, k) =>
      rows.push({
        series,
        period_start: addPeriods(list[n - 1]!.period_start, config.grain, k + 1),
        kind: 'future',
        actual: null,
        ...f,
      }),
    );
    const a = accuracy(model);
    const base = accuracy(baseline);
    summaries.push({
      series,
      method: fit.method,
      season: fit.season,
      periods: n,
      backtest_points: model.length,
      mape: a.mape,
      smape: a.smape,
      baseline_mape: base.mape,
      baseline_smape: base.smape,
      better_than_baseline: a.smape !== null && base.smape !== null ? a.smape < base.smape : null,
    });
    done++;
    onProgress?.(done / bySeries.size);
    await pause();
  }
  const first = points.reduce<string | null>(
    (m, p) => (m === null || p.period_start < m ? p.period_start : m),
    null,
  );
  const last = rows.reduce<string | null>(
    (m, r) => (m === null || r.period_start > m ? r.period_start : m),
    null,
  );
  return {
    summary: {
      grain: config.grain,
      measure: config.measure,
      by: config.by,
      series: summaries,
      calendar: first && last ? calendarMarks(first, addPeriods(last, config.grain, 1)) : [],
    },
    rows,
  };
}

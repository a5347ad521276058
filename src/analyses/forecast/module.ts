/**
 * Demand forecasts as an analysis module (issue 16): a `compute` step (series SQL → Holt-Winters/ETS
 * fit and rolling-origin backtest in the engine → forecast_rows table), then pure SQL on that table
 * for the chart and forecast.csv.
 */
import { defineModule, type PlanContext } from '../contract.ts';
import { readRows } from '../read-rows.ts';
import { ident } from '../../sql/quote.ts';
import type { ForecastConfig } from './forecast-config.ts';
import { FORECAST_TABLE, type ForecastRequest } from '../clv/fit-request.ts';

const ROW = {
  series: 'text',
  period_start: 'text',
  kind: 'text',
  actual: 'num?',
  forecast: 'num?',
  lower: 'num?',
  upper: 'num?',
} as const;

export function forecastRequest(config: ForecastConfig, ctx: PlanContext): ForecastRequest {
  // A plain copy: the request crosses the worker boundary (a UI state proxy cannot be cloned).
  return { kind: 'forecast', config: { ...config }, purchases: ctx.purchases, table: FORECAST_TABLE };
}

/**
 * forecast.csv: series, period_start, kind (backtest: history with its one-step forecast; future),
 * actual, forecast, lower, upper (95 % interval).
 */
export function buildForecastCsvSql(table: string): string {
  return `SELECT series, strftime(period_start, '%Y-%m-%d') AS period_start, kind, round(actual, 2) AS actual,
    round(forecast, 2) AS forecast, round(lower, 2) AS lower, round(upper, 2) AS upper
  FROM ${ident(table)} WHERE kind IN ('backtest', 'future') ORDER BY series, period_start`;
}

export const forecastModule = defineModule({
  id: 'forecast',
  needs: ['orders'],
  configKey: 'forecast',
  prepare: () => [],
  compute: forecastRequest,
  parts: {
    /** Every row (history, backtest, future) for the chart. */
    rows: {
      plan: (_c: ForecastConfig, _ctx: PlanContext, _p: void) => ({
        statements: [],
        queries: {
          rows: `SELECT series, strftime(period_start, '%Y-%m-%d') AS period_start, kind, actual, forecast, lower, upper
            FROM ${ident(FORECAST_TABLE)} ORDER BY series, period_start`,
        },
      }),
      read: (rows) => readRows(rows.rows, ROW),
    },
  },
  exports: [
    {
      id: 'forecast',
      file: 'forecast.csv',
      cli: true,
      plan: () => ({ statements: [], query: buildForecastCsvSql(FORECAST_TABLE) }),
    },
  ],
  section: { titleKey: 'nav.forecast', order: 47 },
});

export type ForecastChartRow = ReturnType<typeof readRows<typeof ROW>>[number];
export type { ForecastSummary, SeriesSummary } from './compute.ts';
export type { CalendarMark } from './cn-calendar.ts';
export { ForecastConfigSchema, type ForecastConfig } from './forecast-config.ts';

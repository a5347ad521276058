/**
 * What the engine needs to fit the CLV models (issue 16): plain data (it crosses the worker boundary),
 * built by the module from its config and the plan context.
 */
import type { ClvConfig } from './clv-config.ts';
import type { ClvModel } from './compute.ts';
import type { ForecastConfig } from '../forecast/forecast-config.ts';
import type { ForecastSummary } from '../forecast/compute.ts';

export interface ClvFitRequest {
  kind: 'clv';
  config: ClvConfig;
  /** Canonical purchases table or view. */
  purchases: string;
  /** YYYY-MM-DD, the data's last day considered; null = the last purchase day. */
  asOf: string | null;
  /** Table the per-customer predictions are written to. */
  table: string;
}

/** The demand forecast (issue 16): series SQL, fit and backtest, rows written to `table`. */
export interface ForecastRequest {
  kind: 'forecast';
  config: ForecastConfig;
  purchases: string;
  table: string;
}

/** Every computation the engine runs in TypeScript after SQL. */
export type ComputeRequest = ClvFitRequest | ForecastRequest;

/** What a computation returns, by its request. */
export type ComputeResult<R extends ComputeRequest = ComputeRequest> = R extends ClvFitRequest
  ? ClvModel
  : ForecastSummary;

/** Default table of the forecast rows. */
export const FORECAST_TABLE = 'forecast_rows';

/** Default table of the per-customer CLV predictions. */
export const CLV_TABLE = 'clv_customers';

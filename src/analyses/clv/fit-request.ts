/**
 * What the engine needs to fit the CLV models (issue 16): plain data (it crosses the worker boundary),
 * built by the module from its config and the plan context.
 */
import type { ClvConfig } from './clv-config.ts';

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

/** Every computation the engine runs in TypeScript after SQL (one kind so far). */
export type ComputeRequest = ClvFitRequest;

/** Default table of the per-customer CLV predictions. */
export const CLV_TABLE = 'clv_customers';

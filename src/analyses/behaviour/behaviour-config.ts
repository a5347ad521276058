/**
 * User parameters of the behaviour and revenue analyses (issue 6), part of AnalysisConfig as
 * `behaviour`. Values reach SQL only as checked numbers or picklist members.
 */
import * as v from 'valibot';
import { PERIOD_GRAINS } from '../revenue/period.ts';

const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

const Edges = (max: number) =>
  v.pipe(
    v.array(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(max))),
    v.minLength(1),
    v.maxLength(20),
    v.check(ascending, 'values must be in ascending order without repeats'),
  );

export const BehaviourConfigSchema = v.strictObject({
  /** AOV band lower edges (money): 0–100, 100–500, 500+. */
  aovBands: v.optional(Edges(1e12), [0, 100, 500]),
  /** Inter-purchase histogram lower edges in days. */
  intervalBins: v.optional(
    v.pipe(
      Edges(36_500),
      v.check((xs) => xs.every(Number.isInteger), 'use whole days'),
    ),
    [1, 8, 15, 31, 61, 91, 181, 366],
  ),
  /** Second-purchase windows in days after the first purchase. */
  secondPurchaseDays: v.optional(
    v.pipe(
      v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650))),
      v.minLength(1),
      v.maxLength(10),
    ),
    [30, 60, 90],
  ),
  /** Period of the revenue decomposition; weeks start on Monday. */
  periodGrain: v.optional(v.picklist(PERIOD_GRAINS), 'month'),
});

export type BehaviourConfig = v.InferOutput<typeof BehaviourConfigSchema>;

/** User parameters of the conversion funnel (issue 14), part of AnalysisConfig as `funnel`. */
import * as v from 'valibot';

/** What the funnel can be broken down by: an event property of the entry event, or the RFM segment. */
export const FUNNEL_BREAKDOWNS = ['none', 'channel', 'page', 'campaign', 'device', 'segment'] as const;
export type FunnelBreakdown = (typeof FUNNEL_BREAKDOWNS)[number];
export const FUNNEL_PROPERTIES = ['channel', 'page', 'campaign', 'device'] as const;
export const MAX_FUNNEL_STEPS = 8;

const StepName = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(500),
  v.check((s) => !s.includes('\u0000'), 'no NUL'),
);

export const FunnelConfigSchema = v.strictObject({
  /** Event names of the steps in order: none (not chosen yet: the suggested steps apply) or 2–8, distinct. */
  steps: v.optional(
    v.pipe(
      v.array(StepName),
      v.maxLength(MAX_FUNNEL_STEPS),
      v.check((a) => a.length === 0 || a.length >= 2, 'a funnel has 2 to 8 steps'),
      v.check((a) => new Set(a).size === a.length, 'the steps must be different events'),
    ),
    [],
  ),
  /** Conversion window W: every later step must happen before entry + W days. */
  windowDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365)), 7),
  breakdown: v.optional(v.picklist(FUNNEL_BREAKDOWNS), 'none'),
});

export type FunnelConfig = v.InferOutput<typeof FunnelConfigSchema>;

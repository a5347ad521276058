/** User parameters of the campaign review (issue 13), part of AnalysisConfig as `campaigns`. */
import * as v from 'valibot';

export const CampaignsConfigSchema = v.strictObject({
  /** W: a purchase in [send time, send time + W days) is attributed to the send. */
  attributionDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365)), 7),
  /** Gross margin (0–1) applied to revenue in ROI; 1 = ROI on revenue. */
  margin: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1)), 1),
  /** Campaign costs entered by the user; they replace the file's cost column for that campaign. */
  costs: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          campaign: v.pipe(v.string(), v.maxLength(500)),
          cost: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1e15)),
        }),
      ),
      v.maxLength(1000),
    ),
    [],
  ),
});

export type CampaignsConfig = v.InferOutput<typeof CampaignsConfigSchema>;

/**
 * Saved customer groups (issues 14, 15, 16): a named *definition* of a set of customers — "who dropped
 * at step 3 of this funnel", "cluster 2 of this model", "likely churned but valuable", an RFM segment,
 * "high value at risk" — saved with the configuration. It never holds a customer id: configs travel
 * in share links. The worker rebuilds the members from the source analysis (src/analyses/groups).
 *
 * `basis` is the source analysis' settings when the group was saved: when the config's settings
 * differ, the group is "not available" (re-run the source with these settings) instead of showing
 * members of a different definition.
 */
import * as v from 'valibot';

/** Groups per config, and the longest name. */
export const MAX_GROUPS = 50;
export const MAX_GROUP_NAME = 100;

const EventName = v.pipe(v.string(), v.minLength(1), v.maxLength(256));
const SegmentId = v.pipe(v.string(), v.regex(/^(?:[a-z][a-z0-9_]{0,63})$/));

export const CLV_GROUP_LISTS = [
  'valuable-churned',
  'likely_active',
  'at_risk',
  'lapsing',
  'likely_churned',
] as const;
export type ClvGroupList = (typeof CLV_GROUP_LISTS)[number];

export const GROUP_SOURCE_KINDS = [
  'funnel-drop',
  'cluster',
  'clv',
  'rfm-segment',
  'high-value-at-risk',
] as const;

export const GroupSourceSchema = v.variant('kind', [
  /** Reached step `step - 1` of the funnel but not step `step` (2 … number of steps). */
  v.strictObject({
    kind: v.literal('funnel-drop'),
    step: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(8)),
    /** The funnel's steps and window when saved. */
    basis: v.strictObject({
      steps: v.pipe(v.array(EventName), v.minLength(2), v.maxLength(8)),
      windowDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365)),
    }),
  }),
  /** One cluster of the k-means model (same data + same settings + seed = same members). */
  v.strictObject({
    kind: v.literal('cluster'),
    cluster: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
    basis: v.strictObject({
      k: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10))),
      seed: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 31 - 1)),
      nInit: v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(50)),
      features: v.pipe(
        v.array(v.pipe(v.string(), v.regex(/^[a-z_]{1,32}$/))),
        v.minLength(1),
        v.maxLength(8),
      ),
      log1p: v.boolean(),
    }),
  }),
  /** The CLV "likely churned but valuable" list or one P(alive) band. */
  v.strictObject({
    kind: v.literal('clv'),
    list: v.picklist(CLV_GROUP_LISTS),
    basis: v.strictObject({
      timeUnit: v.picklist(['week', 'day']),
      calibrationEnd: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
      horizonDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650)),
    }),
  }),
  /** One RFM segment of the preset. */
  v.strictObject({
    kind: v.literal('rfm-segment'),
    segment: SegmentId,
    basis: v.strictObject({ preset: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,31}$/)) }),
  }),
  /** The RFM "high value at risk" quick view. */
  v.strictObject({
    kind: v.literal('high-value-at-risk'),
    basis: v.strictObject({ preset: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,31}$/)) }),
  }),
]);

export const CustomerGroupSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/)),
  name: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1),
    v.maxLength(MAX_GROUP_NAME),
    v.check((s) => ![...s].some((c) => c.charCodeAt(0) < 32), 'no control characters'),
  ),
  source: GroupSourceSchema,
});

export const CustomerGroupsSchema = v.pipe(
  v.array(CustomerGroupSchema),
  v.maxLength(MAX_GROUPS),
  v.check((groups) => new Set(groups.map((g) => g.id)).size === groups.length, 'group ids must be unique'),
);

export type CustomerGroup = v.InferOutput<typeof CustomerGroupSchema>;
export type GroupSource = v.InferOutput<typeof GroupSourceSchema>;

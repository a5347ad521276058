/**
 * RFM configuration (issue 4): what the user chose, serialisable, validated. It arrives from
 * strangers' links, so every id is a restricted string and every text is bounded; nothing here is
 * ever interpolated into SQL (builders quote through sql/quote.ts).
 *
 * Scoring model, per dimension (r = recency_days, f = frequency, m = monetary):
 * - `fixed` / `quantile`: ascending cut points; bins are [lower, upper), a value equal to a cut point
 *   falls in the upper bin; score = 1 + number of cut points ≤ value (recency reversed:
 *   score = k − number of cut points ≤ value); k = cut points + 1.
 * - `mean` / `median`: two levels for the Chinese 8-segment model: 2 ("high") when strictly better
 *   than the comparison value (recency below it, frequency / monetary above it), else 1. With
 *   `basis: 'scores'` the comparison is between the dimension's 1..k `base` score and the mean /
 *   median of those scores (Quick Audience / Kingdee style, exports.md §5.2).
 * k ≤ 9 so the RFM code R·100 + F·10 + M stays unambiguous.
 *
 * `cuts` and `segments` are the truth the builders apply; `preset` and `cn8` record where they came
 * from (the UI regenerates cuts/segments with presets.ts when the user picks a preset or option).
 * A config that names a preset but omits cuts or segments gets the preset's (resolveRfmConfig in
 * rfm-config.ts, which re-exports everything here).
 *
 * This file imports no preset: presets.ts and preset-*.ts take their types from here, and rfm-config.ts
 * imports both, so the import graph has no cycle.
 */
import * as v from 'valibot';

export const RFM_PRESET_IDS = ['value5', 'cn8', 'tier3', 'intl11', 'custom'] as const;
export type RfmPresetId = (typeof RFM_PRESET_IDS)[number];
export const RFM_DIMENSIONS = ['r', 'f', 'm'] as const;
/**
 * How quantile cut points are computed (issue 12 item 13; formulas in build-cut-points-sql.ts):
 * `interpolated` (default) = R quantile(type 7) = Excel PERCENTILE.INC, + 1 as in the R `rfm`
 * package (reproduces its published tables); `percentile_inc` = the same quantile without the + 1;
 * `discrete` = the rule before issue 12 (every cut point an observed value).
 */
export const QUANTILE_METHODS = ['interpolated', 'percentile_inc', 'discrete'] as const;
export type QuantileMethod = (typeof QUANTILE_METHODS)[number];
export type RfmDimension = (typeof RFM_DIMENSIONS)[number];

/** The bucket of customers no rule matches; reserved, never a rule id. */
export const OTHER_SEGMENT = 'other';
export const SEGMENT_ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
/** At most 8 cut points (k ≤ 9 levels) per dimension. */
export const MAX_CUT_POINTS = 8;
export const MAX_SEGMENTS = 40;

const noNul = v.check((s: string) => !s.includes('\u0000'), 'no NUL characters');
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max), noNul);
const LocalText = (max: number) => v.strictObject({ 'zh-CN': Text(max), en: Text(max) });
const IsoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD'),
  v.check(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a calendar date',
  ),
);
const Finite = v.pipe(v.number(), v.finite());
const Score = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_CUT_POINTS + 1));

const CutPointList = v.pipe(
  v.array(Finite),
  v.minLength(1, 'at least one cut point'),
  v.maxLength(MAX_CUT_POINTS),
  v.check((a) => a.every((x, i) => i === 0 || x > a[i - 1]!), 'cut points must be strictly ascending'),
);
const FixedCuts = v.strictObject({ source: v.literal('fixed'), points: CutPointList });
const QuantileCuts = v.strictObject({
  source: v.literal('quantile'),
  /** Number of levels k (5 = quintiles); k − 1 cut points are computed from the data. */
  levels: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(MAX_CUT_POINTS + 1)), 5),
});
const BaseCuts = v.variant('source', [FixedCuts, QuantileCuts]);
const twoLevel = <S extends 'mean' | 'median'>(source: S) =>
  v.strictObject({
    source: v.literal(source),
    /** Compare raw values (default) or the 1..k `base` scores with their mean / median. */
    basis: v.optional(v.picklist(['values', 'scores']), 'values'),
    base: v.optional(BaseCuts, { source: 'quantile', levels: 5 }),
  });
export const DimensionCutsSchema = v.variant('source', [
  FixedCuts,
  QuantileCuts,
  twoLevel('mean'),
  twoLevel('median'),
]);

const ScoreRange = v.pipe(
  v.tuple([Score, Score]),
  v.check(([lo, hi]) => lo <= hi, 'range minimum above its maximum'),
);
const RangesRule = v.strictObject({
  ranges: v.strictObject({ r: v.optional(ScoreRange), f: v.optional(ScoreRange), m: v.optional(ScoreRange) }),
  /** true: any listed dimension in range (OR); false: all of them (AND). */
  any: v.optional(v.boolean(), false),
});
const RfmCode = v.pipe(
  v.number(),
  v.integer(),
  v.check((n) => /^[1-9]{3}$/.test(String(n)), 'an RFM code has three digits 1–9'),
);
const CodesRule = v.strictObject({ codes: v.pipe(v.array(RfmCode), v.maxLength(729)) });

export const SegmentSchema = v.strictObject({
  id: v.pipe(
    v.string(),
    v.regex(SEGMENT_ID_PATTERN, 'use lower-case letters, digits and _'),
    v.check((s) => s !== OTHER_SEGMENT, `"${OTHER_SEGMENT}" is reserved for unmatched customers`),
  ),
  label: LocalText(100),
  rule: v.union([RangesRule, CodesRule]),
  action: v.optional(LocalText(2000), { 'zh-CN': '', en: '' }),
});

const WindowSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('all') }),
  v.strictObject({
    kind: v.literal('lastMonths'),
    months: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600)),
  }),
  v.pipe(
    v.strictObject({ kind: v.literal('range'), from: v.optional(IsoDate), to: v.optional(IsoDate) }),
    v.check(
      (w) => w.from === undefined || w.to === undefined || w.from <= w.to,
      'the range starts after it ends',
    ),
  ),
]);

export const Cn8OptionsSchema = v.strictObject({
  compare: v.optional(v.picklist(['mean', 'median']), 'mean'),
  basis: v.optional(v.picklist(['values', 'scores']), 'values'),
  naming: v.optional(v.picklist(['default', 'quick_audience', 'vecdp']), 'default'),
});

const RfmConfigObject = v.strictObject({
  /** Where cuts and segments came from; absent = value5 (kept absent in a default config). */
  preset: v.optional(v.picklist(RFM_PRESET_IDS)),
  /** As-of date; absent = the latest purchase date in the data (in the window). */
  asOf: v.optional(IsoDate),
  window: v.optional(WindowSchema, { kind: 'all' }),
  /** Quantile cut points: absent in old configs and links, which therefore get the new default. */
  quantileMethod: v.optional(v.picklist(QUANTILE_METHODS), 'interpolated'),
  /** M as the sum of net order value (default) or the average order value. */
  monetary: v.optional(v.picklist(['sum', 'aov']), 'sum'),
  cuts: v.optional(
    v.strictObject({ r: DimensionCutsSchema, f: DimensionCutsSchema, m: DimensionCutsSchema }),
  ),
  cn8: v.optional(Cn8OptionsSchema, {}),
  segments: v.optional(
    v.pipe(
      v.array(SegmentSchema),
      v.maxLength(MAX_SEGMENTS),
      v.check((a) => new Set(a.map((s) => s.id)).size === a.length, 'segment ids must be unique'),
    ),
  ),
});

export const RfmConfigSchema = RfmConfigObject;

export type RfmConfig = v.InferOutput<typeof RfmConfigSchema>;
export type RfmConfigInput = v.InferInput<typeof RfmConfigSchema>;
export type DimensionCuts = v.InferOutput<typeof DimensionCutsSchema>;
export type BaseCutsSpec = v.InferOutput<typeof BaseCuts>;
export type RfmCuts = Record<RfmDimension, DimensionCuts>;
export type RfmSegment = v.InferOutput<typeof SegmentSchema>;
export type SegmentRule = RfmSegment['rule'];
export type Cn8Options = v.InferOutput<typeof Cn8OptionsSchema>;
export type RfmWindow = v.InferOutput<typeof WindowSchema>;
export type LocalizedText = { 'zh-CN': string; en: string };

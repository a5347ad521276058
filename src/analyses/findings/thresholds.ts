/**
 * When a finding may be said (issue 17: "no finding from too little data"). Every rule reads its
 * limits from here; the Findings overview's help text and the README quote the same numbers.
 *
 * - MIN_CUSTOMERS: customers the analysis must have before any customer-level finding (RFM value
 *   concentration, overdue customers).
 * - MIN_GROUP: customers a finding's group must hold (a list of 5 people is not a finding).
 * - MIN_PERIOD_BUYERS: buyers in each of the two months a rate is compared between.
 * - MIN_CHANNEL_CUSTOMERS: targeted customers per channel before channels' ROI are compared.
 * - MIN_RULE_BASKETS: baskets holding a rule's items (antecedent and consequent together).
 * - MIN_LIFT: a basket rule weaker than this is not worth a sentence.
 * - MIN_STEP_ENTRANTS: people entering the funnel step whose drop is reported.
 * - ALPHA: every comparison (two months, two channels, a rule against its base rate) must have a
 *   two-sided p-value below it (two-proportion z-test, Welch's t-test; src/analyses/stats).
 * - OVERDUE_FACTOR: a repeat customer is overdue when the days since the last purchase exceed this
 *   many times the customer's own average days between purchases.
 * - TOP_SHARE: the share of customers (by revenue) whose share of revenue is reported.
 * - SHRINK_MONTHS: an RFM segment is compared with itself this many months before the as-of date.
 * - SHRINK_MIN_BEFORE: customers the segment must have held then (and the base MIN_CUSTOMERS at
 *   both dates); SHRINK_MIN_FALL: its size must have fallen by this share and by MIN_GROUP customers
 *   or more, and its share of customers by a two-proportion z-test with p < ALPHA.
 */
export const FINDING_THRESHOLDS = {
  MIN_CUSTOMERS: 50,
  MIN_GROUP: 10,
  MIN_PERIOD_BUYERS: 50,
  MIN_CHANNEL_CUSTOMERS: 50,
  MIN_RULE_BASKETS: 20,
  MIN_LIFT: 1.2,
  MIN_STEP_ENTRANTS: 50,
  ALPHA: 0.05,
  OVERDUE_FACTOR: 2,
  TOP_SHARE: 0.2,
  SHRINK_MONTHS: 1,
  SHRINK_MIN_BEFORE: 50,
  SHRINK_MIN_FALL: 0.1,
} as const;

/** Clamp a score to 0–100, whole. */
export function score(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value)));
}

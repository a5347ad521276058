/**
 * Whether dataset B's amounts are in another currency than the main data's (issue 12 item 3): money
 * metrics of A and B are then not comparable, and the screen says so instead of comparing ¥ with $.
 * null = the same currency (or neither detected); otherwise both ISO codes (null = not detected).
 */
export function currencyMismatch(
  main: string | null,
  other: string | null,
): { main: string | null; other: string | null } | null {
  if (main === other) return null;
  return { main, other };
}

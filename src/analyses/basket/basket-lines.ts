/**
 * A basket file (issue 15; role `baskets`): one basket per line, its items separated by commas, no
 * header — the Groceries file's format (`citrus fruit,semi-finished bread,margarine`). Items are
 * trimmed; a repeated item counts once (presence); a line with no item is set aside as
 * `empty_basket` (so lines read = baskets + set aside). Pure.
 */

export interface BasketLines {
  /** Long rows: basket number (1-based line order among kept baskets) and item. */
  readonly basketIds: number[];
  readonly items: string[];
  readonly report: {
    readonly lines: number;
    readonly baskets: number;
    readonly setAside: { readonly empty_basket: number };
    readonly repeatedItems: number;
    readonly distinctItems: number;
  };
}

export function parseBasketLines(text: string): BasketLines {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const basketIds: number[] = [];
  const items: string[] = [];
  const distinct = new Set<string>();
  let baskets = 0;
  let empty = 0;
  let repeated = 0;
  for (const line of lines) {
    const seen = new Set<string>();
    for (const raw of line.split(',')) {
      const item = raw.trim();
      if (item === '') continue;
      if (seen.has(item)) {
        repeated++;
        continue;
      }
      seen.add(item);
    }
    if (seen.size === 0) {
      empty++;
      continue;
    }
    baskets++;
    for (const item of seen) {
      basketIds.push(baskets);
      items.push(item);
      distinct.add(item);
    }
  }
  return {
    basketIds,
    items,
    report: {
      lines: lines.length,
      baskets,
      setAside: { empty_basket: empty },
      repeatedItems: repeated,
      distinctItems: distinct.size,
    },
  };
}

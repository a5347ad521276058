/**
 * Which currency a dataset's money is in (issue 12 item 3), decided in this order:
 * 1. the config's `cleaning.currency` when it is not `auto` (the user's choice, CLI `--currency`);
 * 2. a mapped currency column (Shopify's `Currency`): the currency of most rows;
 * 3. currency marks in the amount values (`$12.00`, `¥12`, `12元`): the mark of most values;
 * 4. the platform: Chinese marketplaces (Taobao, JD, Pinduoduo…) are CNY;
 * 5. Chinese money headers (`实付金额`, `金额(元)`): CNY;
 * otherwise it is unknown: said in the report and the UI, which asks the user to pick one; amounts
 * are then shown without a symbol and the presets' yuan thresholds are not applied (rfm/money-cuts.ts).
 *
 * Several currencies in one currency column are never added up: the rows of every currency but the
 * chosen one are set aside (reason `other_currency`) and listed with their counts. Marks mixed in
 * amount values without a currency column are reported (`mixed`), not set aside.
 */
import { ident, str } from '../../sql/quote.ts';
import { AMOUNT_SYMBOL_PATTERN, CNY_PLATFORMS, currencyOfToken, type CurrencyCode } from './currency.ts';

export type CurrencySource = 'config' | 'column' | 'symbol' | 'platform' | 'headers' | 'none';

export interface CurrencyCount {
  /** The ISO code, or null for a value that names no known currency. */
  code: CurrencyCode | null;
  /** The value as written (upper-cased, trimmed). */
  raw: string;
  rows: number;
}

export interface CurrencyDecision {
  /** ISO code of the amounts used; null = unknown (the user is asked to pick one). */
  code: CurrencyCode | null;
  source: CurrencySource;
  /** Currencies seen in the currency column (or, without one, in the amount marks), most rows first. */
  found: CurrencyCount[];
  /** More than one currency was seen. */
  mixed: boolean;
  /** Currency-column values (upper-cased, trimmed) whose rows are set aside as `other_currency`. */
  setAsideValues: string[];
  /** Rows set aside for being in another currency (known after cleaning; 0 before). */
  setAsideRows: number;
}

export interface CurrencyEvidence {
  configured: 'auto' | CurrencyCode;
  /** Value counts of the mapped currency column (absent: none is mapped). */
  column?: readonly { raw: string; rows: number }[] | undefined;
  /** Counts of currency marks found in the amount values. */
  symbols?: readonly { raw: string; rows: number }[] | undefined;
  platform?: string | null | undefined;
  /** Header names of the mapped money columns. */
  moneyHeaders?: readonly string[] | undefined;
}

/** Same-code counts added up, most rows first (ties by code for a stable order). */
function tally(values: readonly { raw: string; rows: number }[]): CurrencyCount[] {
  const out = values
    .filter((v) => v.raw.trim() !== '' && v.rows > 0)
    .map((v) => ({ code: currencyOfToken(v.raw), raw: v.raw.trim().toUpperCase(), rows: v.rows }));
  return out.sort((a, b) => b.rows - a.rows || a.raw.localeCompare(b.raw));
}

function byCode(counts: readonly CurrencyCount[]): Map<CurrencyCode | null, number> {
  const m = new Map<CurrencyCode | null, number>();
  for (const c of counts) m.set(c.code, (m.get(c.code) ?? 0) + c.rows);
  return m;
}

/** The known code with most rows (first seen on ties), or null. */
function majority(counts: readonly CurrencyCount[]): CurrencyCode | null {
  let best: CurrencyCode | null = null;
  let bestRows = -1;
  for (const [code, rows] of byCode(counts)) {
    if (code !== null && rows > bestRows) {
      best = code;
      bestRows = rows;
    }
  }
  return best;
}

const CJK = /[\u3400-\u9fff]/;

export function decideCurrency(e: CurrencyEvidence): CurrencyDecision {
  const column = e.column ? tally(e.column) : [];
  const symbols = e.symbols ? tally(e.symbols) : [];
  const found = column.length > 0 ? column : symbols;
  const mixed = byCode(found).size > 1;
  let code: CurrencyCode | null;
  let source: CurrencySource;
  if (e.configured !== 'auto') [code, source] = [e.configured, 'config'];
  else if (majority(column) !== null) [code, source] = [majority(column), 'column'];
  else if (majority(symbols) !== null) [code, source] = [majority(symbols), 'symbol'];
  else if (e.platform && CNY_PLATFORMS.includes(e.platform)) [code, source] = ['CNY', 'platform'];
  else if ((e.moneyHeaders ?? []).some((h) => CJK.test(h))) [code, source] = ['CNY', 'headers'];
  else [code, source] = [null, 'none'];
  // Rows of a currency column in another currency (or an unknown one) are never summed with the rest.
  const setAsideValues = code === null ? [] : column.filter((c) => c.code !== code).map((c) => c.raw);
  return { code, source, found, mixed, setAsideValues, setAsideRows: 0 };
}

/**
 * One query counting the currency column's values (kind `column`) and the currency marks in the text
 * amount columns (kind `symbol`); null when there is nothing to look at.
 */
export function buildCurrencyStatsSql(
  table: string,
  currencyColumn: string | undefined,
  textAmountColumns: readonly string[],
): string | null {
  const parts: string[] = [];
  if (currencyColumn !== undefined) {
    const v = `upper(trim(CAST(${ident(currencyColumn)} AS VARCHAR)))`;
    parts.push(`(SELECT 'column' AS kind, ${v} AS raw, count(*) AS n FROM ${ident(table)}
  WHERE coalesce(${v}, '') <> '' GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT 100)`);
  }
  for (const col of textAmountColumns) {
    const v = `regexp_extract(upper(CAST(${ident(col)} AS VARCHAR)), ${str(AMOUNT_SYMBOL_PATTERN)}, 1)`;
    parts.push(`(SELECT 'symbol' AS kind, ${v} AS raw, count(*) AS n FROM ${ident(table)}
  WHERE coalesce(${v}, '') <> '' GROUP BY 2)`);
  }
  return parts.length ? parts.join('\nUNION ALL\n') : null;
}

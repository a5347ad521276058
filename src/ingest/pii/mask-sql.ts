/**
 * The masks of mask.ts as SQL expressions, for exports (CSV/XLSX written from DuckDB). Same output
 * as the TypeScript functions for the same input (tested side by side).
 */
import { ident, str } from '../../sql/quote.ts';
import { ADDRESS_PREFIX_RE, type PiiKind } from './mask.ts';

/** SQL masking `expr` (any type; cast to text) as `kind`; NULL and '' stay. */
export function buildMaskSql(kind: PiiKind, expr: string): string {
  const v = `trim(CAST(${expr} AS VARCHAR))`;
  const d = `regexp_replace(${v}, '[^0-9]', '', 'g')`;
  const len = (x: string) => `length(${x})`;
  const stars = (n: string) => `repeat('*', greatest(0, ${n}))`;
  const body = (() => {
    switch (kind) {
      case 'name':
        return `CASE WHEN regexp_matches(${v}, '[A-Za-z]') THEN regexp_replace(${v}, '([A-Za-z])[A-Za-z]*', '\\1***', 'g')
          WHEN ${len(v)} <= 1 THEN ${stars(len(v))}
          WHEN ${len(v)} = 2 THEN left(${v}, 1) || '*'
          ELSE left(${v}, 1) || ${stars(`${len(v)} - 2`)} || right(${v}, 1) END`;
      case 'phone':
        return `CASE WHEN regexp_full_match(${d}, '(?:86)?1[0-9]{10}') THEN left(right(${d}, 11), 3) || '****' || right(${d}, 4)
          WHEN ${len(d)} < 6 THEN ${stars(len(d))}
          ELSE left(${d}, 3) || ${stars(`${len(d)} - 5`)} || right(${d}, 2) END`;
      case 'email':
        return `CASE WHEN regexp_matches(${v}, '^.[^@]*@') THEN regexp_replace(${v}, '^(.)[^@]*@', '\\1***@') ELSE ${stars(len(v))} END`;
      case 'address': {
        const prefix = `rtrim(regexp_extract(${v}, ${str(ADDRESS_PREFIX_RE)}, 0))`;
        return `CASE WHEN ${prefix} <> '' THEN ${prefix} || '****'
          WHEN ${len(v)} <= 3 THEN ${stars(len(v))} ELSE left(${v}, 3) || '****' END`;
      }
      case 'id_card':
        return `CASE WHEN regexp_full_match(${v}, '[0-9]{17}[0-9Xx]') THEN left(${v}, 6) || ${stars('8')} || right(${v}, 4)
          WHEN regexp_full_match(${v}, '[0-9]{15}') THEN left(${v}, 6) || ${stars('6')} || right(${v}, 3)
          WHEN ${len(v)} <= 4 THEN ${stars(len(v))} ELSE ${stars(`${len(v)} - 4`)} || right(${v}, 4) END`;
      case 'bank_card':
        return `CASE WHEN ${len(d)} < 12 THEN ${stars(len(d))} ELSE left(${d}, 4) || ${stars(`${len(d)} - 8`)} || right(${d}, 4) END`;
    }
  })();
  return `CASE WHEN ${expr} IS NULL THEN NULL WHEN ${v} = '' THEN CAST(${expr} AS VARCHAR) ELSE ${body} END`;
}

/**
 * SELECT list for exporting `table` with PII columns masked (same names); other columns as they are.
 * `pii` maps column name → kind (from detectPiiColumns); the customer id column must not be in it.
 */
export function buildMaskedSelectSql(
  table: string,
  columns: readonly string[],
  pii: Readonly<Record<string, PiiKind>>,
): string {
  const list = columns.map((c) =>
    Object.hasOwn(pii, c) ? `${buildMaskSql(pii[c]!, ident(c))} AS ${ident(c)}` : ident(c),
  );
  return `SELECT ${list.join(', ')} FROM ${ident(table)}`;
}

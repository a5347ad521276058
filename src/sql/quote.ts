/**
 * The only way identifiers and literals reach SQL text. Configs arrive from strangers' links, so
 * every column, table, file and segment name goes through `ident`, every value through `literal`.
 */

/** Quote an identifier for DuckDB: wrapped in double quotes, embedded quotes doubled. */
export function ident(name: string): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new Error(`ident: expected a non-empty string, got ${JSON.stringify(name)}`);
  }
  if (name.includes('\u0000')) throw new Error(`ident: NUL byte in identifier ${JSON.stringify(name)}`);
  return `"${name.replaceAll('"', '""')}"`;
}

/** A qualified name such as schema.table, each part quoted. */
export function qualified(...parts: string[]): string {
  return parts.map(ident).join('.');
}

export type SqlValue = string | number | bigint | boolean | null | Date;

/** Render a value as a SQL literal: strings single-quoted with quotes doubled, numbers checked finite. */
export function literal(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`literal: non-finite number ${value}`);
    return String(value);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error('literal: invalid Date');
    return `TIMESTAMP ${str(value.toISOString().replace('T', ' ').replace('Z', ''))}`;
  }
  return str(value);
}

/** A string literal. */
export function str(value: string): string {
  if (value.includes('\u0000')) throw new Error(`str: NUL byte in literal ${JSON.stringify(value)}`);
  return `'${value.replaceAll("'", "''")}'`;
}

/** A DATE literal from `YYYY-MM-DD`; anything else is a programmer error. */
export function dateLiteral(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new Error(`dateLiteral: not a YYYY-MM-DD date: ${isoDate}`);
  return `DATE ${str(isoDate)}`;
}

/** A list of quoted identifiers, comma separated. */
export function identList(names: readonly string[]): string {
  return names.map(ident).join(', ');
}

/** A parenthesised list of literals for IN (...). An empty list yields (NULL), which matches nothing. */
export function literalList(values: readonly SqlValue[]): string {
  return values.length === 0 ? '(NULL)' : `(${values.map(literal).join(', ')})`;
}

/**
 * Typed reading of decoded result rows: a module names each column's kind once and gets typed rows
 * back, so no screen casts `rows as unknown as T[]`. Cells arrive as numbers, ISO date text, strings,
 * booleans or null (the engine casts BigInt/Decimal to double and dates to text).
 */
export type ResultCell = string | number | boolean | null;
export type ResultRow = Readonly<Record<string, ResultCell>>;

/** `num`: a number (NULL reads as 0); `num?`: a finite number or null; `text?`: text or null. */
export type ColumnKind = 'text' | 'text?' | 'num' | 'num?' | 'bool';
export type RowSpec = Readonly<Record<string, ColumnKind>>;

type Typed<K extends ColumnKind> = K extends 'text'
  ? string
  : K extends 'text?'
    ? string | null
    : K extends 'num'
      ? number
      : K extends 'num?'
        ? number | null
        : boolean;

export type RowOf<S extends RowSpec> = { -readonly [K in keyof S]: Typed<S[K]> };

const readers: Record<ColumnKind, (v: ResultCell | undefined) => unknown> = {
  text: (v) => (v === null || v === undefined ? '' : String(v)),
  'text?': (v) => (v === null || v === undefined ? null : String(v)),
  num: (v) => (typeof v === 'number' ? v : Number(v ?? 0)),
  'num?': (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null),
  bool: (v) => v === true,
};

/** One row read by the spec (columns the spec does not name are left out). */
export function readRow<S extends RowSpec>(row: ResultRow | undefined, spec: S): RowOf<S> {
  const out: Record<string, unknown> = {};
  for (const [column, kind] of Object.entries(spec)) out[column] = readers[kind](row?.[column]);
  return out as RowOf<S>;
}

/** Every row read by the spec. */
export function readRows<S extends RowSpec>(rows: readonly ResultRow[] | undefined, spec: S): RowOf<S>[] {
  return (rows ?? []).map((r) => readRow(r, spec));
}

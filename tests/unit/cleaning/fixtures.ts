/** Test helpers: build source tables directly in DuckDB (file decoding is tested elsewhere). */
import type { DbPort } from '../../../src/engine/db-port.ts';
import { decodeIpc, type Row } from '../../../src/client/decode.ts';
import { ident, literal } from '../../../src/sql/quote.ts';

export type Cell = string | number | null;

/** CREATE TABLE `name` with the given column types (default VARCHAR) and rows. */
export async function makeTable(
  db: DbPort,
  name: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  types: Readonly<Record<string, string>> = {},
): Promise<{ table: string; columns: { name: string; type: string }[] }> {
  const columns = header.map((h) => ({ name: h, type: types[h] ?? 'VARCHAR' }));
  await db.exec(
    `CREATE OR REPLACE TABLE ${ident(name)} (${columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`,
  );
  if (rows.length) {
    const values = rows.map((r) => `(${r.map((v) => literal(v)).join(', ')})`).join(', ');
    await db.exec(`INSERT INTO ${ident(name)} VALUES ${values}`);
  }
  return { table: name, columns };
}

export async function query(db: DbPort, sql: string): Promise<Row[]> {
  return decodeIpc(await db.queryIpc(sql)).rows;
}

/** Plain objects with numbers rounded to 6 decimals (decimal → double noise). */
export function plain(rows: Row[]): Record<string, Cell | boolean>[] {
  return rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v]),
    ),
  );
}

/**
 * Write a query's rows as a CSV file for the CLI: UTF-8 (no BOM: these files feed scripts as often as
 * Excel), LF line ends, and the same formula guard as the app's exports.
 */
import { writeFile } from 'node:fs/promises';
import type { DbPort } from '../engine/db-port.ts';
import { decodeIpc } from '../client/decode.ts';
import { csvLine } from '../export/write-csv.ts';

export async function writeQueryCsv(db: DbPort, sql: string, path: string): Promise<number> {
  const { columns, rows } = decodeIpc(await db.queryIpc(sql));
  const header = columns.map((c) => c.name);
  const lines = [csvLine(header), ...rows.map((r) => csvLine(header.map((h) => r[h] ?? null)))];
  await writeFile(path, lines.join('\n') + '\n');
  return rows.length;
}

/** Write the `json` column of a query's first row, pretty-printed (a model's summary, issue 15). */
export async function writeQueryJson(db: DbPort, sql: string, path: string): Promise<void> {
  const { rows } = decodeIpc(await db.queryIpc(sql));
  const text = rows[0]?.json;
  await writeFile(path, JSON.stringify(typeof text === 'string' ? JSON.parse(text) : null, null, 2) + '\n');
}

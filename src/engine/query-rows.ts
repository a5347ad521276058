/**
 * Rows of the engine's own small queries (statistics, sniffing, exports), decoded exactly as the main
 * thread decodes results (src/client/decode.ts), so counts and dates read the same on both sides.
 */
import type { DbPort } from './db-port.ts';
import type { DecodedResult, Row } from './protocol.ts';
import { decodeIpc } from '../client/decode.ts';

export async function queryDecoded(db: DbPort, sql: string): Promise<DecodedResult> {
  return decodeIpc(await db.queryIpc(sql));
}

export async function queryRows(db: DbPort, sql: string): Promise<Row[]> {
  return (await queryDecoded(db, sql)).rows;
}

/**
 * Test support for the RFM tests: a canonical `purchases`-shaped table from a few hand-written
 * orders (only the columns RFM reads matter; the rest get neutral values), and row helpers.
 */
/* eslint-disable no-restricted-imports -- test support, imported only by *.test.ts files */
import type { DbPort } from '../../../engine/db-port.ts';
import { decodeIpc, type Row } from '../../../client/decode.ts';
import { ident, literal } from '../../../sql/quote.ts';

export interface Order {
  customer: string;
  /** YYYY-MM-DD */
  date: string;
  net: number | null;
  order?: string;
}

export const PURCHASES_COLUMNS = `customer_id VARCHAR NOT NULL, order_id VARCHAR NOT NULL, order_time TIMESTAMP NOT NULL,
  order_date DATE NOT NULL, gross_amount DECIMAL(18,2), refund_amount DECIMAL(18,2), net_amount DECIMAL(18,2),
  quantity DECIMAL(18,3), list_amount DECIMAL(18,2), discount_amount DECIMAL(18,2), category VARCHAR,
  product VARCHAR, channel VARCHAR, payment_method VARCHAR, status VARCHAR, region VARCHAR, store VARCHAR,
  is_purchase BOOLEAN NOT NULL`;

export async function createPurchases(db: DbPort, table: string, orders: readonly Order[]): Promise<void> {
  await db.exec(`CREATE OR REPLACE TABLE ${ident(table)} (${PURCHASES_COLUMNS})`);
  if (orders.length === 0) return;
  const values = orders.map(
    (o, i) =>
      `(${literal(o.customer)}, ${literal(o.order ?? `o${i + 1}`)}, TIMESTAMP ${literal(`${o.date} 12:00:00`)}, DATE ${literal(o.date)}, ` +
      `${literal(o.net)}, 0, ${literal(o.net)}, 1, NULL, NULL, NULL, NULL, NULL, NULL, 'completed', NULL, NULL, TRUE)`,
  );
  await db.exec(`INSERT INTO ${ident(table)} VALUES ${values.join(',\n')}`);
}

export async function rowsOf(db: DbPort, sql: string): Promise<Row[]> {
  return decodeIpc(await db.queryIpc(sql)).rows.map((r) => ({ ...r }));
}

/** Run statements in order, then the query; returns its rows. */
export async function runPlan(
  db: DbPort,
  plan: { statements: readonly string[]; query?: string },
): Promise<Row[]> {
  for (const s of plan.statements) await db.exec(s);
  return plan.query ? rowsOf(db, plan.query) : [];
}

/** YYYY-MM-DD `days` before `iso`. */
export function daysBefore(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * Test support: create a table with the canonical purchases columns from a few hand-written rows.
 * Only tests import this; missing fields get neutral defaults. It takes any object with `exec` so
 * this folder stays free of engine imports.
 */
import { ident, literal } from '../../../sql/quote.ts';

export interface FixtureOrder {
  customer_id: string;
  /** `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`; the date part becomes order_date. */
  time: string;
  order_id?: string;
  net?: number;
  gross?: number;
  refund?: number;
  list?: number | null;
  discount?: number | null;
  category?: string | null;
  channel?: string | null;
  payment?: string | null;
}

const COLUMNS = `customer_id VARCHAR NOT NULL, order_id VARCHAR NOT NULL, order_time TIMESTAMP NOT NULL,
  order_date DATE NOT NULL, gross_amount DECIMAL(18,2), refund_amount DECIMAL(18,2), net_amount DECIMAL(18,2),
  quantity DECIMAL(18,3), list_amount DECIMAL(18,2), discount_amount DECIMAL(18,2), category VARCHAR,
  product VARCHAR, channel VARCHAR, payment_method VARCHAR, status VARCHAR, region VARCHAR, store VARCHAR,
  is_purchase BOOLEAN NOT NULL`;

export async function createPurchases(
  db: { exec(sql: string): Promise<void> },
  name: string,
  orders: readonly FixtureOrder[],
): Promise<void> {
  await db.exec(`CREATE OR REPLACE TABLE ${ident(name)} (${COLUMNS})`);
  if (orders.length === 0) return;
  const values = orders.map((o, i) => {
    const time = o.time.length === 10 ? `${o.time} 12:00:00` : o.time;
    const refund = o.refund ?? 0;
    const net = o.net ?? (o.gross !== undefined ? o.gross - refund : 100);
    const gross = o.gross ?? net + refund;
    return `(${[
      literal(o.customer_id),
      literal(o.order_id ?? `o${i + 1}`),
      `TIMESTAMP ${literal(time)}`,
      `DATE ${literal(time.slice(0, 10))}`,
      literal(gross),
      literal(refund),
      literal(net),
      '1',
      literal(o.list ?? null),
      literal(o.discount ?? null),
      literal(o.category ?? null),
      'NULL',
      literal(o.channel ?? null),
      literal(o.payment ?? null),
      `'completed'`,
      'NULL',
      'NULL',
      'TRUE',
    ].join(', ')})`;
  });
  await db.exec(`INSERT INTO ${ident(name)} VALUES ${values.join(',\n')}`);
}

/** Round every number in rows to `digits` decimals (golden comparisons of ratios). */
type Row = Record<string, string | number | boolean | null>;

export function rounded(rows: readonly Row[], digits = 4): Row[] {
  const f = 10 ** digits;
  return rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * f) / f : v]),
    ),
  );
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/engine/node-db.ts';
import { decodeIpc } from '../../src/client/decode.ts';
import type { DbPort } from '../../src/engine/db-port.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

describe('node engine', () => {
  it('reports DuckDB 1.4.3', async () => {
    expect(await db.version()).toBe('v1.4.3');
  });

  it('returns typed rows from Arrow IPC', async () => {
    const { rows, columns } = decodeIpc(
      await db.queryIpc(
        `SELECT 42::BIGINT AS n, 12.34::DECIMAL(18,2) AS m, DATE '2024-02-29' AS d,
                TIMESTAMP '2024-02-29 23:59:58' AS ts, 'x' AS s, NULL::VARCHAR AS z`,
      ),
    );
    expect(columns.map((c) => c.name)).toEqual(['n', 'm', 'd', 'ts', 's', 'z']);
    expect(rows).toEqual([{ n: 42, m: 12.34, d: '2024-02-29', ts: '2024-02-29 23:59:58', s: 'x', z: null }]);
  });

  it('never autoloads extensions and keeps its configuration locked', async () => {
    await expect(db.queryIpc(`SELECT * FROM read_parquet('x.parquet')`)).rejects.toThrow(
      /Catalog Error|parquet/,
    );
    await expect(db.exec('SET autoload_known_extensions = true')).rejects.toThrow(/locked/);
  });

  it('reads registered bytes as CSV', async () => {
    await db.registerBytes('cl-files/t.csv', new TextEncoder().encode('customer_id,amount\nC1,10.5\nC2,3\n'));
    const { rows } = decodeIpc(
      await db.queryIpc(`SELECT count(*) AS n, sum(amount) AS s FROM read_csv('cl-files/t.csv')`),
    );
    expect(rows).toEqual([{ n: 2, s: 13.5 }]);
  });

  it('treats a __proto__ column as an ordinary key', async () => {
    const { rows } = decodeIpc(await db.queryIpc(`SELECT 1 AS "__proto__"`));
    expect(Object.keys(rows[0]!)).toEqual(['__proto__']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/engine/node-db.ts';
import type { DbPort } from '../../src/engine/db-port.ts';
import { runInOrder } from '../../src/engine/run-in-order.ts';
import { decodeIpc } from '../../src/client/decode.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

describe('runInOrder (runPlan / runQueries in the worker)', () => {
  it('runs the statements in order, then each query, one result per query', async () => {
    const out = await runInOrder(
      db,
      new AbortController().signal,
      ['CREATE OR REPLACE TABLE t (n INTEGER)', 'INSERT INTO t VALUES (1), (2), (3)'],
      ['SELECT sum(n) AS s FROM t', 'SELECT count(*) AS c FROM t'],
    );
    expect(out.map((b) => decodeIpc(b).rows)).toEqual([[{ s: 6 }], [{ c: 3 }]]);
  });

  it('runs statements only when there is no query', async () => {
    expect(
      await runInOrder(db, new AbortController().signal, ['CREATE OR REPLACE TABLE u AS SELECT 1'], []),
    ).toEqual([]);
  });

  it('stops before the first statement once cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      runInOrder(db, controller.signal, ['CREATE OR REPLACE TABLE never AS SELECT 1'], []),
    ).rejects.toThrow();
    const tables = decodeIpc(
      await db.queryIpc(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'never'`),
    );
    expect(tables.rows).toEqual([{ n: 0 }]);
  });
});

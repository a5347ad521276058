import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNativeDb } from '../../src/engine/native-db.ts';
import { openNodeDb } from '../../src/engine/node-db.ts';
import type { DbPort } from '../../src/engine/db-port.ts';
import { loadSource } from '../../src/engine/readers/load-source.ts';
import { nodeSourceFile } from '../../src/engine/node-source-file.ts';
import { decodeIpc } from '../../src/client/decode.ts';

let wasm: DbPort;
let native: DbPort;
beforeAll(async () => {
  [wasm, native] = await Promise.all([openNodeDb(), openNativeDb({ threads: 1 })]);
});
afterAll(async () => {
  await wasm.close();
  await native.close();
});

describe('native engine (CLI big-data mode)', () => {
  it('is the same DuckDB core as duckdb-wasm', async () => {
    expect(await native.version()).toBe(await wasm.version());
  });

  it('loads a file through the shared ingest code with results identical to wasm', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-native-'));
    const path = join(dir, "o'rders.csv");
    writeFileSync(
      path,
      'customer_id,order_time,order_date,amount,ok\n007,2024-05-10 09:05:00,2024-05-10,12.50,true\nC2,2024-05-11 10:00:00,2024-05-11,3,false\n',
    );
    const [a, b] = await Promise.all([
      loadSource(wasm, await nodeSourceFile(path), { table: 'o' }),
      loadSource(native, await nodeSourceFile(path), { table: 'o' }),
    ]);
    expect(b.columns).toEqual(a.columns);
    expect(b.rowCount).toBe(2);
    expect(decodeIpc(b.preview).rows).toEqual(decodeIpc(a.preview).rows);
    const sql = `SELECT customer_id, sum(amount) AS s, count(*) AS n, max(order_time) AS t FROM o GROUP BY ALL ORDER BY 1`;
    expect(decodeIpc(await native.queryIpc(sql)).rows).toEqual(decodeIpc(await wasm.queryIpc(sql)).rows);
  });

  it('keeps extension autoloading off', async () => {
    await expect(native.exec('SET autoload_known_extensions = true')).rejects.toThrow(/locked/);
  });
});

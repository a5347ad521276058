/**
 * The same work on native DuckDB (@duckdb/node-api, same core as our duckdb-wasm): (a) through our
 * code — the dataset flow (loadSource, automatic mapping, cleaning) and the RFM plan, as `customer-lens --engine native`
 * runs it — and (b) as the plain SQL a DuckDB user would write (read_csv + one RFM query), so "our
 * overhead" is measurable. One instance per run, 1 thread like the browser.
 */
import { openNativeDb } from '../../src/engine/native-db.ts';
import { nodeSourceFile } from '../../src/engine/node-source-file.ts';
import { nodeDatasetPort } from '../../src/cli/node-datasets.ts';
import { cleanRequest, datasetColumns, planDataset } from '../../src/client/dataset-flow.ts';
import { buildRfmSql } from '../../src/analyses/rfm/build-rfm-sql.ts';
import { defaultConfig } from '../../src/config/parse-config.ts';

export interface NativeRunResult {
  ingestMs: number;
  analysisMs: number | null;
  plainIngestMs: number;
  plainAnalysisMs: number | null;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await work();
  return [value, Math.round(performance.now() - t0)];
}

/** Plain RFM: quintiles by ntile with a customer_id tie-break (engine-notes §4). */
const PLAIN_RFM = `CREATE OR REPLACE TABLE rfm AS
WITH c AS (
  SELECT customer_id, date_diff('day', max(order_time)::DATE, (SELECT max(order_time)::DATE FROM orders)) AS r,
         count(DISTINCT order_id) AS f, sum(amount) AS m
  FROM orders GROUP BY customer_id)
SELECT *, ntile(5) OVER (ORDER BY r DESC, customer_id) AS rs, ntile(5) OVER (ORDER BY f, customer_id) AS fs,
       ntile(5) OVER (ORDER BY m, customer_id) AS ms FROM c`;

export async function nativeRun(file: string, threads: number): Promise<NativeRunResult> {
  const ours = await openNativeDb({ threads });
  let ingestMs: number;
  let analysisMs: number;
  try {
    const source = await nodeSourceFile(file);
    const port = nodeDatasetPort(ours);
    const [dataset, loadMs] = await timed(() => port.load(source, 'orders'));
    ingestMs = loadMs;
    const { mapping } = planDataset('orders', datasetColumns(dataset));
    [, analysisMs] = await timed(async () => {
      const report = await port.clean('orders', cleanRequest(dataset, mapping));
      const plan = buildRfmSql(defaultConfig().rfm, { purchases: report.tables.purchases });
      for (const sql of plan.statements) await ours.exec(sql);
      await ours.queryIpc(plan.query);
    });
  } finally {
    await ours.close();
  }
  const plain = await openNativeDb({ threads });
  let plainIngestMs: number;
  let plainAnalysisMs: number | null = null;
  try {
    await plain.registerFile('cl-files/orders.csv', { kind: 'node-path', path: file });
    [, plainIngestMs] = await timed(() =>
      plain.exec(`CREATE TABLE orders AS SELECT * FROM read_csv('cl-files/orders.csv')`),
    );
    if (file.endsWith('.csv') && !file.includes('online-retail')) {
      [, plainAnalysisMs] = await timed(() => plain.exec(PLAIN_RFM));
    }
  } finally {
    await plain.close();
  }
  return { ingestMs, analysisMs, plainIngestMs, plainAnalysisMs };
}

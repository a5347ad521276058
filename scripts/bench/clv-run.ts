/**
 * Bench row (issue 16): the CLV fit on a base of N customers, through the same code the worker runs
 * (runCompute on duckdb-wasm: summary SQL → BG/NBD + Gamma-Gamma fit → predictions table). The base
 * is simulated from the BG/NBD process itself (seeded): first purchases over 18 months, purchase
 * rates λ ~ Gamma(0.5, 1/5 per week), dropout after each purchase with p ~ Beta(1, 3), amounts
 * Gamma-distributed per customer; 78 weeks of calibration then the holdout.
 */
import { Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { openNodeDb } from '../../src/engine/node-db.ts';
import { runCompute } from '../../src/engine/run-compute.ts';
import { clvFitRequest } from '../../src/analyses/clv/module.ts';
import { DEFAULT_CLV_CONFIG } from '../../src/analyses/clv/clv-config.ts';
import { queryRows } from '../../src/engine/query-rows.ts';

export interface ClvRunResult {
  customers: number;
  purchaseDays: number;
  /** Summary SQL + fit + predictions + writing the table. */
  computeMs: number;
  converged: boolean;
  evaluations: number;
}

/** Park–Miller PRNG in (0, 1). */
function prng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

function simulate(customers: number): Uint8Array {
  const u = prng(16);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const ids: string[] = [];
  const days: number[] = [];
  const values: number[] = [];
  const end = 730;
  for (let c = 0; c < customers; c++) {
    const first = Math.floor(u() * 540);
    const lambda = (normal() ** 2 / 2) * 0.2; // Gamma(0.5, scale 0.2 per week)
    const p = 1 - u() ** (1 / 3); // Beta(1, 3)
    const spend = 20 + 80 * u();
    let t = first;
    let alive = true;
    ids.push(`C${c}`);
    days.push(first);
    values.push(Math.round(spend * 100) / 100);
    while (alive) {
      t += (-Math.log(u()) / Math.max(lambda, 1e-6)) * 7;
      if (t > end) break;
      ids.push(`C${c}`);
      days.push(Math.floor(t));
      values.push(Math.round(spend * (0.5 + u()) * 100) / 100);
      alive = u() >= p;
    }
  }
  return tableToIPC(
    new Table({
      customer_id: vectorFromArray(ids, new Utf8()),
      day: vectorFromArray(days, new Int32()),
      net_amount: vectorFromArray(values, new Float64()),
    }),
    'stream',
  );
}

export async function clvRun(customers: number): Promise<ClvRunResult> {
  const db = await openNodeDb();
  try {
    await db.exec('CREATE TABLE purchases (customer_id VARCHAR, day INTEGER, net_amount DOUBLE)');
    await db.insertArrowIpc('purchases', simulate(customers), false);
    await db.exec(
      `CREATE OR REPLACE TABLE purchases AS SELECT customer_id, DATE '2024-01-01' + day AS order_date, net_amount FROM purchases`,
    );
    const [row] = await queryRows(
      db,
      'SELECT count(DISTINCT (customer_id, order_date))::INTEGER AS d FROM purchases',
    );
    const t0 = performance.now();
    const model = await runCompute(
      db,
      clvFitRequest(
        { ...DEFAULT_CLV_CONFIG, calibrationEnd: '2025-06-30' },
        { locale: 'en', purchases: 'purchases' },
      ),
    );
    return {
      customers: model.customers.used,
      purchaseDays: Number(row?.d ?? 0),
      computeMs: Math.round(performance.now() - t0),
      converged: model.convergence.bgnbd?.converged ?? false,
      evaluations: model.convergence.bgnbd?.evaluations ?? 0,
    };
  } finally {
    await db.close();
  }
}

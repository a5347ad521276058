import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeDb } from '../../src/engine/node-db.ts';
import type { DbPort } from '../../src/engine/db-port.ts';
import { nodeSourceFile } from '../../src/engine/node-source-file.ts';
import { loadSource } from '../../src/engine/readers/load-source.ts';
import { decodeIpc } from '../../src/client/decode.ts';
import { runCleaning } from '../../src/engine/clean-source.ts';
import { runCustomerCleaning } from '../../src/engine/clean-customers.ts';
import { proposeMapping } from '../../src/ingest/mapping/propose-mapping.ts';
import { generateSampleOrders, SAMPLE_HEADERS, toCsv } from '../../src/sample/generate-orders.ts';
import { nodeDatasetPort } from '../../src/cli/node-datasets.ts';
import {
  cleanRequest,
  datasetColumns,
  findDataset,
  openDataset,
  planDataset,
} from '../../src/client/dataset-flow.ts';

const dir = mkdtempSync(join(tmpdir(), 'cl-flow-'));
const ordersPath = join(dir, 'orders-sample.csv');
const customersPath = join(dir, 'customers.csv');
let db: DbPort;

beforeAll(async () => {
  const rows = generateSampleOrders({ customers: 300, months: 6 });
  writeFileSync(ordersPath, `\uFEFF${toCsv(rows, SAMPLE_HEADERS)}`);
  writeFileSync(
    customersPath,
    [
      '客户ID,姓名,手机号,邮箱,会员等级',
      'C1,张三,1381234,a@x.com,金卡',
      'C2,李四,12345,bad-email,普卡',
      'C2,李四,13900000000,b@x.com,银卡',
      ',无名,13900000001,,',
    ].join('\n') + '\n',
  );
  db = await openNodeDb();
});
afterAll(async () => db.close());

/** The steps as they were written before the flow: load, propose, clean. */
async function direct(path: string, table: string, kind: 'orders' | 'customers') {
  const profile = await loadSource(db, await nodeSourceFile(path), { table, previewRows: 100 });
  const rows = decodeIpc(profile.preview).rows;
  const columns = profile.columns.map((c) => ({
    name: c.name,
    type: c.type,
    samples: rows
      .map((r) => r[c.name])
      .filter((v) => v !== null)
      .slice(0, 50)
      .map(String),
  }));
  const { mapping } = proposeMapping(kind, columns);
  const input = { table, columns: profile.columns };
  const tables =
    kind === 'orders'
      ? { ordersClean: `${table}_oc`, purchases: `${table}_p`, setAside: `${table}_sa` }
      : { customersClean: `${table}_cc`, setAside: `${table}_csa` };
  const report =
    kind === 'orders'
      ? await runCleaning(db, input, { mapping, tables })
      : await runCustomerCleaning(db, input, { mapping, tables });
  return { mapping, report };
}

describe('dataset flow in Node', () => {
  it('classifies the sample orders and a customer file, and cleans each as before', async () => {
    const port = nodeDatasetPort(db);
    const orders = await openDataset(port, await nodeSourceFile(ordersPath), { table: 'f_orders' });
    const customers = await openDataset(port, await nodeSourceFile(customersPath), { table: 'f_customers' });
    expect(orders.guesses[0]!.role).toBe('orders');
    expect(customers.guesses[0]!.role).toBe('customers');

    const before = await direct(ordersPath, 'd_orders', 'orders');
    expect(orders.plan.mapping).toEqual(before.mapping);
    const tables = { ordersClean: 'f_oc', purchases: 'f_p', setAside: 'f_sa' };
    const report = await port.clean(
      'orders',
      cleanRequest(orders.dataset, orders.plan.mapping, undefined, tables),
    );
    expect({ ...report, tables: null }).toEqual({ ...before.report, tables: null });

    const beforeC = await direct(customersPath, 'd_customers', 'customers');
    expect(customers.plan.mapping).toEqual(beforeC.mapping);
    const cTables = { customersClean: 'f_cc', setAside: 'f_csa' };
    const cReport = await port.clean(
      'customers',
      cleanRequest(customers.dataset, customers.plan.mapping, undefined, cTables),
    );
    expect({ ...cReport, tables: null }).toEqual({ ...beforeC.report, tables: null });
  });

  it('finds the orders and customer files whatever their order; a forced role is planned as asked', async () => {
    const port = nodeDatasetPort(db);
    const c = await port.load(await nodeSourceFile(customersPath), 'g_customers');
    const o = await port.load(await nodeSourceFile(ordersPath), 'g_orders');
    expect(findDataset('orders', [c, o])?.dataset).toBe(o);
    expect(findDataset('customers', [c, o], { exclude: [o] })?.dataset).toBe(c);
    expect(findDataset('customers', [o], { exclude: [o] })).toBeNull();
    const forced = planDataset('orders', datasetColumns(c));
    expect(forced.missing).toEqual([
      ['order_time', 'paid_time'],
      ['amount', 'unit_price'],
    ]);
  });

  it('reuses a saved mapping: every column present (app), or matched by name (CLI)', () => {
    const columns = [
      { name: 'Buyer', type: 'VARCHAR', samples: [] },
      { name: 'When', type: 'VARCHAR', samples: [] },
      { name: 'Paid', type: 'VARCHAR', samples: [] },
    ];
    const saved = { customer_id: 'Buyer', order_time: 'When', amount: 'Paid', store: 'Shop' };
    expect(planDataset('orders', columns, { mapping: saved, match: 'all_columns' }).reused).toBe(false);
    const byName = planDataset('orders', columns, { mapping: saved, match: 'by_name' });
    expect(byName.mapping).toEqual({ customer_id: 'Buyer', order_time: 'When', amount: 'Paid' });
    expect(byName.missing).toEqual([]);
  });
});

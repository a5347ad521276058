/**
 * Several files cleaned as one dataset (issue 12 item 1), on duckdb-wasm in Node: columns matched by
 * mapping (types that differ read as text, a role a file lacks is NULL), overlap between exports
 * (identical copy de-duplicated, changed copy replaced by the later file's), line-level orders in two
 * files, and the set-aside rows with their file and their row in that file. Counts checked by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../src/engine/node-db.ts';
import type { DbPort } from '../../../src/engine/db-port.ts';
import { runCombinedCleaning } from '../../../src/engine/clean-combined.ts';
import { planCombine } from '../../../src/ingest/cleaning/combine-files.ts';
import { makeTable, plain, query } from './fixtures.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

const TODAY = '2026-06-30';

describe('planCombine', () => {
  it('one column per role, named after the first file that maps it; other columns by name', () => {
    const plan = planCombine(
      [
        {
          table: 'a',
          label: 'a.csv',
          columns: [
            { name: 'cid', type: 'BIGINT' },
            { name: 'when', type: 'TIMESTAMP' },
            { name: 'paid', type: 'DECIMAL(18,2)' },
            { name: 'note', type: 'VARCHAR' },
          ],
          mapping: { customer_id: 'cid', order_time: 'when', amount: 'paid' },
        },
        {
          table: 'b',
          label: 'b.csv',
          columns: [
            { name: 'paid', type: 'DECIMAL(18,2)' },
            { name: 'buyer', type: 'VARCHAR' },
            { name: 'time', type: 'TIMESTAMP' },
            { name: 'channel', type: 'VARCHAR' },
            { name: 'note', type: 'VARCHAR' },
          ],
          mapping: { customer_id: 'buyer', order_time: 'time', amount: 'paid', channel: 'channel' },
        },
      ],
      'x',
    );
    expect(plan.mapping).toEqual({
      customer_id: 'cid',
      order_time: 'when',
      amount: 'paid',
      channel: 'channel',
    });
    expect(plan.columns).toEqual([
      { name: 'cid', type: 'VARCHAR' }, // BIGINT in one file, text in the other
      { name: 'when', type: 'TIMESTAMP' },
      { name: 'paid', type: 'DECIMAL(18,2)' },
      { name: 'channel', type: 'VARCHAR' },
      { name: 'note', type: 'VARCHAR' },
    ]);
    expect(plan.sources).toEqual([
      ['cid', 'when', 'paid', null, 'note'],
      ['buyer', 'time', 'paid', 'channel', 'note'],
    ]);
  });
});

describe('runCombinedCleaning', () => {
  it('keeps the later file’s copy of an order, counts each file, and lists set-aside rows by file', async () => {
    const head = ['单号', '客户', '时间', '金额', '状态'];
    const a = await makeTable(db, 'cc_a', head, [
      ['A1', 'C1', '2026-01-05 10:00:00', '100', '交易成功'],
      ['A2', 'C2', '2026-01-20 10:00:00', '50', '等待买家付款'],
      ['A3', 'C3', '2026-01-25 10:00:00', '30', '交易成功'],
      ['A9', null, '2026-01-26 10:00:00', '9', '交易成功'],
    ]);
    // Another column order, no status column, same order ids.
    const b = await makeTable(
      db,
      'cc_b',
      ['金额', '单号', '客户', '时间'],
      [
        ['50', 'A2', 'C2', '2026-01-20 10:00:00'],
        ['30', 'A3', 'C3', '2026-01-25 10:00:00'],
        ['20', 'A4', 'C1', '2026-02-03 10:00:00'],
      ],
    );
    const mapA = {
      order_id: '单号',
      customer_id: '客户',
      order_time: '时间',
      amount: '金额',
      status: '状态',
    };
    const mapB = { order_id: '单号', customer_id: '客户', order_time: '时间', amount: '金额' };
    const report = await runCombinedCleaning(
      db,
      [
        { ...a, mapping: mapA, label: 'jan.csv' },
        { ...b, mapping: mapB, label: 'feb.csv' },
      ],
      { mapping: mapA, today: TODAY },
    );
    // A3: same values in both (status is not in feb's mapping, so it differs: replaced); A2 changed.
    expect(report.files).toEqual([
      { file: 'jan.csv', rowsRead: 4, rowsUsed: 1, rowsSetAside: 3, duplicateRows: 0, replacedRows: 2 },
      { file: 'feb.csv', rowsRead: 3, rowsUsed: 3, rowsSetAside: 0, duplicateRows: 0, replacedRows: 0 },
    ]);
    expect(report).toMatchObject({ rowsRead: 7, rowsUsed: 4, rowsSetAside: 3 });
    expect(report.reasons).toEqual({ missing_customer_id: 1, replaced_by_later_file: 2 });
    expect(report.overlap).toEqual({ deduplicated: 0, replaced: 2 });
    expect(report.period).toEqual({ first: '2026-01-05', last: '2026-02-03' });
    const orders = plain(
      await query(db, 'SELECT order_id, customer_id, net_amount FROM purchases ORDER BY order_id'),
    );
    expect(orders).toEqual([
      { order_id: 'A1', customer_id: 'C1', net_amount: 100 },
      { order_id: 'A2', customer_id: 'C2', net_amount: 50 },
      { order_id: 'A3', customer_id: 'C3', net_amount: 30 },
      { order_id: 'A4', customer_id: 'C1', net_amount: 20 },
    ]);
    expect(report.setAsideColumns).toEqual([
      'source_file',
      'source_row',
      'reason',
      '客户',
      '单号',
      '时间',
      '金额',
      '状态',
    ]);
    const aside = plain(
      await query(db, 'SELECT source_file, source_row, reason, "单号" FROM set_aside ORDER BY rowid'),
    );
    expect(aside).toEqual([
      { source_file: 'jan.csv', source_row: 2, reason: 'replaced_by_later_file', 单号: 'A2' },
      { source_file: 'jan.csv', source_row: 3, reason: 'replaced_by_later_file', 单号: 'A3' },
      { source_file: 'jan.csv', source_row: 4, reason: 'missing_customer_id', 单号: 'A9' },
    ]);
  });

  it('line-level exports: an invoice repeated unchanged in a later file counts once, not twice', async () => {
    const head = ['InvoiceNo', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID'];
    const m = {
      order_id: 'InvoiceNo',
      quantity: 'Quantity',
      order_time: 'InvoiceDate',
      unit_price: 'UnitPrice',
      customer_id: 'CustomerID',
    };
    const a = await makeTable(db, 'cl_a', head, [
      ['536365', '6', '2010-12-01 08:26:00', '2.55', '17850'],
      ['536365', '2', '2010-12-01 08:26:00', '3.00', '17850'],
      ['536366', '1', '2010-12-01 09:00:00', '10.00', '13047'],
    ]);
    const b = await makeTable(db, 'cl_b', head, [
      ['536366', '1', '2010-12-01 09:00:00', '10.00', '13047'],
      ['536400', '4', '2010-12-02 10:00:00', '1.25', '17850'],
    ]);
    const report = await runCombinedCleaning(
      db,
      [
        { ...a, mapping: m, label: 'a.csv' },
        { ...b, mapping: m, label: 'b.csv' },
      ],
      { mapping: m, today: TODAY },
    );
    expect(report.overlap).toEqual({ deduplicated: 1, replaced: 0 });
    expect(report.reasons).toEqual({ duplicate_across_files: 1 });
    expect(report.files!.map((f) => [f.rowsRead, f.rowsUsed, f.rowsSetAside])).toEqual([
      [3, 2, 1],
      [2, 2, 0],
    ]);
    const revenue = plain(
      await query(
        db,
        'SELECT customer_id, sum(net_amount) AS m, count(*) AS f FROM purchases GROUP BY 1 ORDER BY 1',
      ),
    );
    expect(revenue).toEqual([
      { customer_id: '13047', m: 10, f: 1 },
      { customer_id: '17850', m: 26.3, f: 2 },
    ]);
  });
});

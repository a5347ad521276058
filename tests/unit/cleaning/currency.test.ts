/** Issue 12 item 3: the currency of a dataset is detected while cleaning; mixed currencies are never summed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../src/engine/node-db.ts';
import type { DbPort } from '../../../src/engine/db-port.ts';
import { runCleaning } from '../../../src/engine/clean-source.ts';
import { proposeMapping } from '../../../src/ingest/mapping/propose-mapping.ts';
import { makeTable, query } from './fixtures.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

const TODAY = '2024-06-30';
const SHOPIFY = ['Name', 'Email', 'Financial Status', 'Created at', 'Currency', 'Total', 'Lineitem name'];

async function clean(name: string, header: string[], rows: string[][], cleaning = {}, platform?: string) {
  const input = await makeTable(db, name, header, rows);
  const proposal = proposeMapping(
    'orders',
    input.columns.map((c, i) => ({ ...c, samples: rows.map((r) => r[i]!) })),
  );
  const report = await runCleaning(db, input, {
    mapping: proposal.mapping,
    today: TODAY,
    cleaning,
    ...((platform ?? proposal.platform) ? { platform: platform ?? proposal.platform!.id } : {}),
  });
  return { proposal, report };
}

describe('currency while cleaning', () => {
  it('maps a Shopify Currency column and reads USD from it', async () => {
    const rows = [
      ['#1001', 'a@x.com', 'paid', '2024-01-02 10:00:00 -0500', 'USD', '120.00', 'Mug'],
      ['#1002', 'b@x.com', 'paid', '2024-02-02 10:00:00 -0500', 'USD', '80.00', 'Cap'],
    ];
    const { proposal, report } = await clean('shop_usd', SHOPIFY, rows);
    expect(proposal.mapping.currency).toBe('Currency');
    expect(report.currency).toMatchObject({ code: 'USD', source: 'column', mixed: false, setAsideRows: 0 });
    expect(report.rowsUsed).toBe(2);
  });

  it('sets aside the orders in a minority currency with a reason, and the counts add up', async () => {
    const rows = [
      ['#1', 'a@x.com', 'paid', '2024-01-02 10:00:00', 'USD', '120.00', 'Mug'],
      ['#2', 'b@x.com', 'paid', '2024-01-03 10:00:00', 'USD', '80.00', 'Cap'],
      ['#3', 'c@x.com', 'paid', '2024-01-04 10:00:00', 'usd', '10.00', 'Pen'],
      ['#4', 'd@x.com', 'paid', '2024-01-05 10:00:00', 'EUR', '999.00', 'Bag'],
    ];
    const { report } = await clean('shop_mixed', SHOPIFY, rows);
    expect(report.currency.code).toBe('USD');
    expect(report.currency.mixed).toBe(true);
    expect(report.currency.found.map((f) => [f.raw, f.rows])).toEqual([
      ['USD', 3],
      ['EUR', 1],
    ]);
    expect(report.reasons).toEqual({ other_currency: 1 });
    expect(report.currency.setAsideRows).toBe(1);
    expect(report.rowsRead).toBe(report.rowsUsed + report.rowsSetAside);
    const [sum] = await query(
      db,
      `SELECT sum(net_amount) AS s, count(*) AS n FROM ${report.tables.purchases}`,
    );
    expect(sum).toMatchObject({ s: 210, n: 3 });
  });

  it('reads $ and £ in amount text, and Chinese headers as CNY', async () => {
    const header = ['customer_id', 'order_time', 'amount'];
    const usd = await clean('sym_usd', header, [
      ['c1', '2024-01-02', '$1,200.00'],
      ['c2', '2024-01-03', '$80.00'],
    ]);
    expect(usd.report.currency).toMatchObject({ code: 'USD', source: 'symbol' });
    const gbp = await clean('sym_gbp', header, [['c1', '2024-01-02', '£12.50']]);
    expect(gbp.report.currency.code).toBe('GBP');
    const cn = await clean('cn_headers', ['客户ID', '下单时间', '实付金额'], [['c1', '2024-01-02', '12.50']]);
    expect(cn.report.currency).toMatchObject({ code: 'CNY', source: 'headers' });
    const none = await clean('plain', header, [['c1', '2024-01-02', '12.50']]);
    expect(none.report.currency).toMatchObject({ code: null, source: 'none' });
  });

  it('a configured currency wins over detection', async () => {
    const { report } = await clean(
      'conf',
      ['customer_id', 'order_time', 'amount'],
      [['c1', '2024-01-02', '12.50']],
      {
        currency: 'GBP',
      },
    );
    expect(report.currency).toMatchObject({ code: 'GBP', source: 'config' });
  });
});

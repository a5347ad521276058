import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../engine/node-db.ts';
import { decodeIpc } from '../client/decode.ts';
import type { DbPort } from '../engine/db-port.ts';
import { ident } from '../sql/quote.ts';
import { proposeMapping } from '../ingest/mapping/propose-mapping.ts';
import {
  BENCH_HEADERS,
  generateBenchCsvChunks,
  generateSampleOrders,
  SAMPLE_HEADERS,
  sampleStats,
  toCsv,
  type SampleOrderRow,
} from './generate-orders.ts';

const cents = (money: string) => Math.round(Number(money) * 100);

/** Rows grouped by order id, in file order. */
function byOrder(rows: readonly SampleOrderRow[]): Map<string, SampleOrderRow[]> {
  const orders = new Map<string, SampleOrderRow[]>();
  for (const r of rows) {
    const lines = orders.get(r.订单编号);
    if (lines) lines.push(r);
    else orders.set(r.订单编号, [r]);
  }
  return orders;
}

let rows: SampleOrderRow[];
let orders: Map<string, SampleOrderRow[]>;
let db: DbPort;

beforeAll(async () => {
  rows = generateSampleOrders();
  orders = byOrder(rows);
  db = await openNodeDb();
});
afterAll(() => db?.close());

const share = (pred: (lines: SampleOrderRow[]) => boolean) =>
  [...orders.values()].filter(pred).length / orders.size;

describe('generateSampleOrders', () => {
  it('is deterministic per seed', () => {
    expect(generateSampleOrders()).toEqual(rows);
    const small = { customers: 300, seed: 7 };
    expect(generateSampleOrders(small)).toEqual(generateSampleOrders(small));
    expect(generateSampleOrders({ ...small, seed: 8 })).not.toEqual(generateSampleOrders(small));
  });

  it('has the promised size and an 18-month window ending at endDate', () => {
    const s = sampleStats(rows);
    expect(s.orders).toBeGreaterThanOrEqual(20_000);
    expect(s.customers).toBeGreaterThanOrEqual(2_000);
    expect(s.rows).toBeGreaterThan(s.orders);
    expect(s.firstOrderTime.slice(0, 7)).toBe('2025-05');
    expect(s.lastOrderTime.slice(0, 10)).toBe('2026-10-31');
    expect(new Set(rows.map((r) => r.下单时间.slice(0, 7))).size).toBe(18);
    const custom = sampleStats(generateSampleOrders({ customers: 400, months: 6, endDate: '2024-03-15' }));
    expect(custom.firstOrderTime >= '2023-09-16 00:00:00').toBe(true);
    expect(custom.lastOrderTime <= '2024-03-15 23:59:59').toBe(true);
  });

  it('writes every value in the export formats', () => {
    const time = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
    const money = /^\d+\.\d{2}$/;
    const ok = (r: SampleOrderRow) =>
      Object.keys(r).join() === SAMPLE_HEADERS.join() &&
      /^[1-9]\d{17,18}$/.test(r.订单编号) &&
      /^C\d{6}$/.test(r.客户ID) &&
      time.test(r.下单时间) &&
      (r.付款时间 === '' || time.test(r.付款时间)) &&
      [r.单价, r.实付金额, r.退款金额].every((m) => money.test(m)) &&
      /^[1-9]$/.test(r.数量) &&
      /[\u4e00-\u9fff]/.test(r.商品名称);
    expect(rows.filter((r) => !ok(r)).slice(0, 3)).toEqual([]);
    const categories = new Set(rows.map((r) => r.商品类目));
    expect(categories.size).toBeGreaterThanOrEqual(8);
    expect(categories.size).toBeLessThanOrEqual(12);
    expect(categories).toContain('美妆护肤');
    expect(new Set(rows.map((r) => r.商品名称)).size).toBeGreaterThan(40);
    expect(new Set(rows.map((r) => r.渠道))).toEqual(
      new Set(['APP', '小程序', '天猫旗舰店', '线下门店', '抖音直播']),
    );
    expect(new Set(rows.map((r) => r.省份)).size).toBeGreaterThan(25);
  });

  it('keeps order-level fields equal across lines and lines distinct', () => {
    const orderFields = ['客户ID', '下单时间', '付款时间', '订单状态', '渠道', '支付方式', '省份'] as const;
    const ok = (lines: SampleOrderRow[]) =>
      lines.length <= 3 &&
      orderFields.every((k) => lines.every((l) => l[k] === lines[0]![k])) &&
      new Set(lines.map((l) => l.商品名称)).size === lines.length &&
      lines.every(
        (l) => cents(l.实付金额) <= cents(l.单价) * Number(l.数量) && cents(l.退款金额) <= cents(l.实付金额),
      );
    expect([...orders.values()].filter((l) => !ok(l)).slice(0, 3)).toEqual([]);
    expect(share((l) => l.length > 1)).toBeGreaterThan(0.15);
  });

  it('has closed, refunded, partly refunded and unpaid orders with consistent amounts', () => {
    const status = (s: string) => (l: SampleOrderRow[]) => l[0]!.订单状态 === s;
    expect(share(status('交易关闭'))).toBeGreaterThan(0.02);
    expect(share(status('交易关闭'))).toBeLessThan(0.04);
    const refunded = (l: SampleOrderRow[]) => ['已退款', '退款成功'].includes(l[0]!.订单状态);
    expect(share(refunded)).toBeGreaterThan(0.01);
    expect(share(refunded)).toBeLessThan(0.03);
    const partial = (l: SampleOrderRow[]) =>
      l[0]!.订单状态 === '交易成功' && l.some((x) => x.退款金额 !== '0.00');
    expect(share(partial)).toBeGreaterThan(0.01);
    expect(share(partial)).toBeLessThan(0.03);
    const unpaid = [...orders.values()].filter(status('等待买家付款'));
    expect(unpaid.length).toBeGreaterThan(0);
    expect(unpaid.length).toBeLessThan(100);
    const consistent = (lines: SampleOrderRow[]) => {
      const [first] = lines as [SampleOrderRow];
      const neverPaid = first.订单状态 === '交易关闭' || first.订单状态 === '等待买家付款';
      return (
        (neverPaid ? first.付款时间 === '' : first.付款时间 >= first.下单时间) &&
        (!refunded(lines) || lines.every((l) => l.退款金额 === l.实付金额)) &&
        (!neverPaid || lines.every((l) => l.退款金额 === '0.00')) &&
        // Platforms auto-close unpaid orders within a day or two: only the export's last days have them.
        (first.订单状态 !== '等待买家付款' || first.下单时间 >= '2026-10-29')
      );
    };
    expect([...orders.values()].filter((l) => !consistent(l)).slice(0, 3)).toEqual([]);
  });

  it('behaves like customers: heavy tail, 双11 and 618 peaks, evening orders', () => {
    const perCustomer = new Map<string, number>();
    const spend = new Map<string, number>();
    for (const lines of orders.values()) {
      const c = lines[0]!.客户ID;
      perCustomer.set(c, (perCustomer.get(c) ?? 0) + 1);
      spend.set(
        c,
        (spend.get(c) ?? 0) + lines.reduce((s, l) => s + cents(l.实付金额) - cents(l.退款金额), 0),
      );
    }
    const counts = [...perCustomer.values()];
    const oneTime = counts.filter((n) => n === 1).length / counts.length;
    expect(oneTime).toBeGreaterThan(0.4);
    expect(oneTime).toBeLessThan(0.75);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(20);
    const sorted = [...spend.values()].sort((a, b) => b - a);
    const top10 = sorted.slice(0, Math.ceil(sorted.length / 10)).reduce((a, b) => a + b, 0);
    expect(top10 / sorted.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.35);

    const perDay = new Map<string, number>();
    const perHour = new Array<number>(24).fill(0);
    for (const lines of orders.values()) {
      const t = lines[0]!.下单时间;
      perDay.set(t.slice(0, 10), (perDay.get(t.slice(0, 10)) ?? 0) + 1);
      perHour[Number(t.slice(11, 13))]! += 1;
    }
    const busiest = [...perDay].sort((a, b) => b[1] - a[1]).map(([d]) => d);
    expect(busiest[0]).toBe('2025-11-11');
    expect(busiest.slice(0, 3)).toContain('2026-06-18');
    const month = (m: string) => [...perDay].filter(([d]) => d.startsWith(m)).reduce((s, [, n]) => s + n, 0);
    expect(month('2025-11')).toBeGreaterThan(1.5 * month('2025-10'));
    expect(month('2026-06')).toBeGreaterThan(1.3 * month('2026-05'));
    const evening = perHour[20]! + perHour[21]!;
    expect(evening).toBeGreaterThan(5 * (perHour[3]! + perHour[4]!));
    expect(perHour[21]).toBe(Math.max(...perHour));
  });

  it('has headers the column mapper maps completely', () => {
    const columns = SAMPLE_HEADERS.map((name) => ({
      name,
      type: 'VARCHAR',
      samples: rows.slice(0, 20).map((r) => r[name]),
    }));
    const proposal = proposeMapping('orders', columns);
    expect(proposal.unmapped).toEqual([]);
    expect(proposal.missingRequired).toEqual([]);
    expect(proposal.mapping).toMatchObject({
      customer_id: '客户ID',
      order_id: '订单编号',
      order_time: '下单时间',
      paid_time: '付款时间',
      amount: '实付金额',
      refund: '退款金额',
      status: '订单状态',
    });
  });

  it('rejects impossible options with the offending value', () => {
    expect(() => generateSampleOrders({ endDate: '2026-02-30' })).toThrow('2026-02-30');
    expect(() => generateSampleOrders({ customers: 0 })).toThrow('0');
  });
});

describe('toCsv', () => {
  it('quotes per RFC 4180 and writes empty cells for null', () => {
    const csv = toCsv(
      [
        { a: 'x,y', b: 'say "hi"', c: 'two\nlines' },
        { a: null, b: 1.5, c: '' },
      ],
      ['a', 'b', 'c'],
    );
    expect(csv).toBe('a,b,c\n"x,y","say ""hi""","two\nlines"\n,1.5,\n');
  });

  it('round-trips the sample through duckdb-wasm read_csv', async () => {
    const text = `\uFEFF${toCsv(rows, SAMPLE_HEADERS)}`;
    await db.registerBytes('cl-files/orders-sample.csv', new TextEncoder().encode(text));
    const result = decodeIpc(
      await db.queryIpc(
        `SELECT count(*) AS n, count(DISTINCT ${ident('订单编号')}) AS orders,
           count(DISTINCT ${ident('客户ID')}) AS customers, sum(${ident('实付金额')}::DECIMAL(18,2)) AS paid
         FROM read_csv('cl-files/orders-sample.csv', header = true, all_varchar = true)`,
      ),
    );
    const s = sampleStats(rows);
    expect(result.rows[0]).toEqual({
      n: s.rows,
      orders: s.orders,
      customers: s.customers,
      paid: rows.reduce((sum, r) => sum + cents(r.实付金额), 0) / 100,
    });
    const described = decodeIpc(
      await db.queryIpc(`DESCRIBE SELECT * FROM read_csv('cl-files/orders-sample.csv')`),
    );
    expect(described.rows.map((r) => r.column_name)).toEqual([...SAMPLE_HEADERS]);
  });
});

describe('generateBenchCsvChunks', () => {
  const rowsWanted = 123_457;
  const chunks = [...generateBenchCsvChunks(rowsWanted, 42, 10_000)];
  const lines = chunks.join('').split('\n');

  it('yields exactly the requested rows under the header, in chunks', () => {
    expect(chunks).toHaveLength(Math.ceil(rowsWanted / 10_000));
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe(BENCH_HEADERS.join(','));
    expect(lines).toHaveLength(rowsWanted + 1);
    const row = /^C\d{7},O\d{10},202[345]-\d{2}-\d{2} \d{2}:\d{2}:\d{2},-?\d+\.\d{2},[a-z_]+,[a-z]+$/;
    expect(
      lines
        .slice(1)
        .filter((l) => !row.test(l))
        .slice(0, 3),
    ).toEqual([]);
    expect([...generateBenchCsvChunks(0, 1)]).toEqual([`${BENCH_HEADERS.join(',')}\n`]);
    expect([...generateBenchCsvChunks(5, 1, 2)].join('').split('\n')).toHaveLength(7);
  });

  it('follows the benchmark schema: skewed customers, ~2 % refunds, 20 categories, 5 channels', () => {
    const fields = lines.slice(1).map((l) => l.split(','));
    const customers = new Set(fields.map((f) => f[0]));
    expect(customers.size).toBeLessThanOrEqual(rowsWanted / 10);
    const orders = new Set(fields.map((f) => f[1])).size;
    expect(rowsWanted / orders).toBeGreaterThan(1.2);
    expect(rowsWanted / orders).toBeLessThan(1.4);
    const negative = fields.filter((f) => f[3]!.startsWith('-')).length / rowsWanted;
    expect(negative).toBeGreaterThan(0.015);
    expect(negative).toBeLessThan(0.025);
    expect(new Set(fields.map((f) => f[4])).size).toBe(20);
    expect(new Set(fields.map((f) => f[5])).size).toBe(5);
    expect(fields.every((f) => f[2]! >= '2023-01-01' && f[2]! < '2026-01-01')).toBe(true);
    expect([...generateBenchCsvChunks(1000, 42, 10_000)]).toEqual([
      ...generateBenchCsvChunks(1000, 42, 10_000),
    ]);
  });

  it('loads in duckdb-wasm with the expected types', async () => {
    await db.registerBytes('cl-files/bench.csv', new TextEncoder().encode(chunks.join('')));
    const described = decodeIpc(await db.queryIpc(`DESCRIBE SELECT * FROM read_csv('cl-files/bench.csv')`));
    expect(described.rows.map((r) => [r.column_name, r.column_type])).toEqual([
      ['customer_id', 'VARCHAR'],
      ['order_id', 'VARCHAR'],
      ['order_time', 'TIMESTAMP'],
      ['amount', 'DOUBLE'],
      ['category', 'VARCHAR'],
      ['channel', 'VARCHAR'],
    ]);
    const n = decodeIpc(await db.queryIpc(`SELECT count(*) AS n FROM read_csv('cl-files/bench.csv')`));
    expect(n.rows[0]).toEqual({ n: rowsWanted });
  });
});

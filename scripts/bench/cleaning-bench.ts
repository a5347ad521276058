/**
 * Per-statement timings of runCleaning (issue 7), not a test.
 *   npx tsx scripts/bench/cleaning-bench.ts /tmp/orders-1m.csv [--engine native|wasm] [--threads 1]
 *   npx tsx scripts/bench/cleaning-bench.ts --make-messy 200000 --out /tmp/orders-messy.csv
 * The mapping is proposed automatically (proposeMapping) from the loaded columns. With --json the
 * report (minus timings) is printed too, to compare outputs between versions.
 */
import * as fs from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { DbPort } from '../../src/engine/db-port.ts';
import { openNativeDb } from '../../src/engine/native-db.ts';
import { openNodeDb } from '../../src/engine/node-db.ts';
import { loadSource } from '../../src/engine/readers/load-source.ts';
import { nodeSourceFile } from '../../src/engine/node-source-file.ts';
import { runCleaning } from '../../src/engine/clean-source.ts';
import { decodeIpc } from '../../src/client/decode.ts';
import { proposeMapping } from '../../src/ingest/mapping/propose-mapping.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    engine: { type: 'string', default: 'native' },
    threads: { type: 'string', default: '1' },
    'make-messy': { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean', default: false },
    'dump-sql': { type: 'string' },
  },
});

/** A VARCHAR-heavy export: guarded ids, `¥1,234.50` money, `2023/5/10 9:05` dates, some junk. */
function makeMessy(rows: number, out: string): void {
  const fd = fs.openSync(out, 'w');
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const cats = ['手机', '耳机', '充电器', '数据线', '家居'];
  const statuses = ['交易成功', '交易关闭', '买家已付款，等待卖家发货', '卖家已发货，等待买家确认'];
  let buf = '订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,宝贝标题,宝贝总数量,收货地址\n';
  for (let i = 0; i < rows; i++) {
    const id = `="${4197010032432749218n + BigInt(i)}"`;
    const cust = `C${String(Math.floor(rnd() * 50000)).padStart(6, '0')}`;
    const cents = Math.floor(rnd() * 500000);
    const money = `¥${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    const d = new Date(Date.UTC(2023, 0, 1) + Math.floor(rnd() * 500 * 86400) * 1000);
    const date = `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    const r = rnd();
    const cat = r < 0.01 ? '--' : cats[Math.floor(rnd() * cats.length)]!;
    const st = statuses[Math.floor(rnd() * statuses.length)]!;
    const addr = r < 0.5 ? '浙江省 杭州市 西湖区 文三路 1号' : '北京市海淀区马连洼';
    buf += `${id},${cust},"${money}",${st},${date},${cat},${1 + Math.floor(rnd() * 3)},${addr}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

interface Timing {
  ms: number;
  /** Process CPU time: steadier than wall time on a busy machine (DuckDB runs in-process). */
  cpuMs: number;
  sql: string;
}

/** Wrap exec/queryIpc to log each statement's duration. */
function timedDb(db: DbPort, log: Timing[]): DbPort {
  const wrap =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const r = await f(...a);
      const c = process.cpuUsage(c0);
      log.push({ ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, sql: String(a[0]) });
      return r;
    };
  return { ...db, kind: db.kind, exec: wrap(db.exec.bind(db)), queryIpc: wrap(db.queryIpc.bind(db)) };
}

async function main(): Promise<void> {
  if (values['make-messy']) {
    makeMessy(Number(values['make-messy']), values.out ?? '/tmp/orders-messy.csv');
    return;
  }
  const file = positionals[0];
  if (!file) throw new Error('usage: cleaning-bench.ts <file.csv> [--engine native|wasm]');
  const db =
    values.engine === 'wasm' ? await openNodeDb() : await openNativeDb({ threads: Number(values.threads) });
  try {
    let t0 = performance.now();
    const profile = await loadSource(db, await nodeSourceFile(resolve(file)), {
      table: 'orders',
      previewRows: 100,
    });
    console.log(`load ${Math.round(performance.now() - t0)} ms`);
    const preview = decodeIpc(profile.preview).rows;
    const columns = profile.columns.map((c) => ({
      name: c.name,
      type: c.type,
      samples: preview
        .map((r) => r[c.name])
        .filter((v) => v !== null)
        .slice(0, 50)
        .map(String),
    }));
    console.log(columns.map((c) => `${c.name}:${c.type}`).join(', '));
    const { mapping } = proposeMapping('orders', columns);
    console.log('mapping', JSON.stringify(mapping));
    const log: Timing[] = [];
    t0 = performance.now();
    const c0 = process.cpuUsage();
    const report = await runCleaning(
      timedDb(db, log),
      { table: 'orders', columns: profile.columns },
      { mapping, today: '2026-11-23' },
    );
    const total = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    const pad = (x: number) => Math.round(x).toString().padStart(7);
    console.log('   wall ms  cpu ms  statement');
    for (const { ms, cpuMs, sql } of log)
      if (ms >= 5) console.log(`${pad(ms)} ${pad(cpuMs)}  ${sql.replace(/\s+/g, ' ').slice(0, 100)}`);
    console.log(
      `cleaning ${Math.round(total)} ms wall, ${Math.round((cpu.user + cpu.system) / 1000)} ms cpu (${log.length} statements)`,
    );
    if (values['dump-sql']) fs.writeFileSync(values['dump-sql'], log.map((l) => l.sql).join(';\n') + ';\n');
    if (values.json) {
      const clean = decodeIpc(
        await db.queryIpc(
          `SELECT count(*) AS n, sum(net_amount) AS net, count(DISTINCT customer_id) AS customers, min(order_time) AS t0, max(order_time) AS t1, count(region) AS regions FROM orders_clean`,
        ),
      ).rows[0];
      console.log(JSON.stringify({ ...report, granularity: report.granularity.mode, clean }, null, 1));
    }
  } finally {
    await db.close();
  }
}

await main();

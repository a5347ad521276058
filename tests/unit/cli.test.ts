import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/run-cli.ts';
import { analyze } from '../../src/cli/analyze.ts';
import { CliError } from '../../src/cli/cli-error.ts';

const dir = mkdtempSync(join(tmpdir(), 'cl-cli-'));

const run = runCli;

describe('customer-lens analyze', () => {
  it('writes profile.json with tables, columns, types and row counts', async () => {
    const csv = join(dir, 'orders.csv');
    writeFileSync(
      csv,
      'customer_id,order_time,amount\n001,2024-01-02 03:04:05,1.25\n002,2024-01-03 00:00:00,2\n',
    );
    const out = join(dir, 'out');
    const r = await run(['analyze', csv, '--out', out]);
    expect(r.code).toBe(0);
    const profile = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8'));
    expect(profile.tables[0]).toMatchObject({
      file: 'orders.csv',
      row_count: 2,
      columns: [
        { name: 'customer_id', type: 'VARCHAR', non_null: 2 },
        { name: 'order_time', type: 'TIMESTAMP', non_null: 2 },
        { name: 'amount', type: 'DECIMAL(18, 2)', non_null: 2 },
      ],
    });
  });

  it('cleans the orders and writes every analysis file with the documented columns', async () => {
    const csv = join(dir, 'shop.csv');
    writeFileSync(
      csv,
      [
        '订单编号,客户ID,下单时间,实付金额,订单状态',
        'A1,C1,2026-01-01 10:00:00,100.00,交易成功',
        'A2,C1,2026-02-01 10:00:00,50.00,交易成功',
        'A3,C2,2026-02-10 10:00:00,80.00,交易关闭',
        'A4,C3,2026-03-01 10:00:00,20.00,交易成功',
      ].join('\n') + '\n',
    );
    const out = join(dir, 'full');
    const r = await run([
      'analyze',
      csv,
      '--out',
      out,
      '--preset',
      'cn8',
      '--as-of',
      '2026-03-31',
      '--locale',
      'en',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const cleaning = JSON.parse(readFileSync(join(out, 'cleaning.json'), 'utf8'));
    expect(cleaning).toMatchObject({
      rows_read: 4,
      rows_used: 3,
      rows_set_aside: 1,
      reasons: { status_not_purchase: 1 },
    });
    const lines = (name: string) => readFileSync(join(out, name), 'utf8').trim().split('\n');
    // Issue 4's columns first, in order, then the customer features (issue 6).
    expect(lines('customers.csv')[0]).toBe(
      'customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_code,segment,segment_label,' +
        'first_purchase,avg_interval_days,median_interval_days,top_category_1,top_category_2,top_category_3,' +
        'top_channel,top_payment_method,avg_discount_rate,promo_order_share,peak_weekday,peak_hour',
    );
    expect(lines('customers.csv')).toHaveLength(3);
    expect(lines('customers.csv')[1]).toMatch(/^C1,58,2,150,/);
    // C1: 2026-01-01 (Thursday) and 2026-02-01 → 31 days; C3: one purchase → no interval.
    expect(lines('customers.csv')[1]).toMatch(/,2026-01-01,31,31,,,,,,,,4,10$/);
    expect(lines('customers.csv')[2]).toMatch(/^C3,.*,2026-03-01,,,,,,,,,,7,10$/);
    expect(lines('segments.csv')[0]).toBe(
      'segment,segment_label,customers,orders,revenue,customer_share,revenue_share',
    );
    expect(lines('cohorts.csv')[0]).toBe('cohort,period_index,customers,retention,revenue');
    expect(lines('churn.csv')[0]).toBe(
      'customer_id,rule,days_idle,orders,spend,segment,segment_label,rfm_code,r_score,f_score,m_score',
    );
    expect(lines('periods.csv')[0]).toMatch(/^period_start,revenue,/);
    expect(lines('behaviour.csv')[0]).toMatch(/^customer_id,orders,/);
    // Issue 17: findings.json is written; three customers are too few for any finding.
    expect(JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8'))).toEqual([]);
  });

  it.each([
    ['a missing file', ['analyze', join(dir, 'nope.csv')], 1, /cannot read .*ENOENT/],
    [
      'an empty file',
      ['analyze', (writeFileSync(join(dir, 'e.csv'), ''), join(dir, 'e.csv')), '--locale', 'en'],
      1,
      /is empty/,
    ],
    [
      'a bad config',
      [
        'analyze',
        join(dir, 'e.csv'),
        '--config',
        (writeFileSync(join(dir, 'c.json'), '{"version": 9}'), join(dir, 'c.json')),
      ],
      1,
      /newer/,
    ],
    ['no files', ['analyze'], 2, /at least one file/],
    ['an unknown command', ['frobnicate'], 2, /unknown command/],
  ])('fails cleanly on %s: one line, non-zero exit', async (_name, args, code, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

/** Deterministic noise: what a photo or a zip renamed .csv looks like to the reader. */
function noise(length: number, seed = 12): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

// Issue 12: one translated, actionable line and a non-zero exit, never DuckDB's sniffer dump.
describe('files without data end in one sentence', () => {
  const cases: [string, string, Uint8Array | string, Record<'zh-CN' | 'en', string>][] = [
    [
      'a header-only CSV',
      'header.csv',
      'customer_id,order_time,amount\n',
      {
        en: 'The file “header.csv” has no data rows (only column names). Export a file that contains the orders and try again.',
        'zh-CN': '文件“header.csv”没有数据行（只有列名）。请导出包含订单的文件后再试。',
      },
    ],
    [
      'random bytes named .csv',
      'photo.csv',
      noise(4096),
      {
        en: 'The file “photo.csv” is not a text table (it may be an image, archive or program). Export it as CSV or Excel and try again.',
        'zh-CN':
          '文件“photo.csv”不是文本表格（可能是图片、压缩包或程序文件）。请导出为 CSV 或 Excel 后再试。',
      },
    ],
  ];
  it.each(cases)('%s', async (_label, name, content, expected) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    for (const locale of ['en', 'zh-CN'] as const) {
      const r = await run([
        'analyze',
        file,
        '--out',
        join(dir, `out-${name}`),
        '--locale',
        locale === 'en' ? 'en' : 'zh',
      ]);
      expect(r.code).not.toBe(0);
      expect(r.err).toBe(`customer-lens: ${expected[locale]}\n`);
      await expect(analyze({ files: [file], outDir: join(dir, `out2-${name}`), locale })).rejects.toThrow(
        new CliError(expected[locale]),
      );
    }
  });
});

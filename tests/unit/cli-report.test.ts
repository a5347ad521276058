/**
 * `customer-lens analyze --report` (issue 17): report.xlsx is the app's report workbook — README with
 * read = used + set aside, the config's action plan with its KPI now, a sheet per table written as CSV
 * (the same rows), ids that are phones masked, no formula anywhere. Without --report nothing changes:
 * the golden CLI tests list every file written.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { read, utils } from '@e965/xlsx';
import { runCli } from './support/run-cli.ts';
import { defaultConfig } from '../../src/config/parse-config.ts';
import { serializeConfigFile } from '../../src/config/config-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'cl-cli-report-'));

describe('analyze --report', () => {
  it('writes report.xlsx with README, the action plan and every table', async () => {
    const csv = join(dir, 'shop.csv');
    writeFileSync(
      csv,
      [
        '订单编号,客户ID,下单时间,实付金额,订单状态',
        'A1,13812345678,2026-01-01 10:00:00,100.00,交易成功',
        'A2,13812345678,2026-02-01 10:00:00,50.00,交易成功',
        'A3,C2,2026-02-10 10:00:00,80.00,交易关闭',
        'A4,C3,2026-03-01 10:00:00,20.00,交易成功',
      ].join('\n') + '\n',
    );
    const cfg = join(dir, 'cfg.json');
    writeFileSync(
      cfg,
      serializeConfigFile({
        ...defaultConfig(),
        actions: [
          {
            id: 'a1',
            problem: '=1+1',
            cause: '',
            solution: 'win-back coupon',
            owner: 'ops',
            due: null,
            status: 'todo',
            kpi: { id: 'rfm.customers', label: '', baseline: 2, baselineDate: null },
            fromFinding: null,
          },
        ],
      }),
    );
    const out = join(dir, 'out');
    const r = await runCli([
      'analyze',
      csv,
      '--out',
      out,
      '--config',
      cfg,
      '--as-of',
      '2026-03-31',
      '--locale',
      'en',
      '--report',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const book = read(readFileSync(join(out, 'report.xlsx')), { type: 'buffer' });
    const csvs = ['customers', 'segments', 'periods', 'cohorts', 'churn', 'behaviour'];
    expect(book.SheetNames.slice(0, 2)).toEqual(['README', 'Action plan']);
    for (const name of csvs) expect(book.SheetNames).toContain(name);
    const cells = book.SheetNames.flatMap((n) => Object.values(book.Sheets[n]!));
    expect(cells.some((c) => typeof c === 'object' && c !== null && 'f' in c)).toBe(false);
    const readme = utils
      .sheet_to_json<string[]>(book.Sheets['README']!, { header: 1 })
      .map((row) => row.join(' | '));
    expect(readme).toContain('Cleaning summary | Read 4 rows = used 3 + set aside 1');
    expect(readme).toContain('Data period | 2026-01-01 – 2026-03-01');
    const plan = utils.sheet_to_json<Record<string, unknown>>(book.Sheets['Action plan']!);
    expect(plan[0]).toMatchObject({
      Problem: '=1+1',
      'KPI to watch': 'Customers',
      Baseline: 2,
      Current: 2,
      Change: 0,
    });
    // The customers sheet: same rows as customers.csv, the phone-number id masked (view.maskPii default).
    const customers = utils.sheet_to_json<Record<string, unknown>>(book.Sheets['customers']!);
    const csvRows = readFileSync(join(out, 'customers.csv'), 'utf8').trim().split('\n').length - 1;
    expect(customers).toHaveLength(csvRows);
    expect(customers.map((c) => c['Customer ID']).sort()).toEqual(['138****5678', 'C3']);
  }, 60_000);
});

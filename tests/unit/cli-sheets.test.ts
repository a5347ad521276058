/**
 * Workbooks with several sheets in the CLI (issue 21), on generated workbooks: the sheet that holds
 * the orders is found behind an instructions sheet, a pivot table and a summary; monthly sheets of the
 * same columns are appended with per-sheet counts and the overlap counted once; a hidden-only data
 * sheet is read and said; `--sheet` forces the choice; a workbook with no usable sheet gets one
 * sentence naming its sheets; profile.json lists every sheet with its detected role.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/run-cli.ts';
import {
  hiddenDataSheet,
  instructionsThenMonths,
  noDataSheet,
  pivotAndSummaryFirst,
} from './support/sheet-workbooks.ts';

const dir = mkdtempSync(join(tmpdir(), 'cl-sheets-'));
const json = (out: string, name: string) => JSON.parse(readFileSync(join(out, name), 'utf8'));
function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
const shop = file('shop.xlsx', instructionsThenMonths());

describe('CLI: workbooks with several sheets', () => {
  it('skips the instructions sheet and appends the monthly sheets with per-sheet counts', async () => {
    const out = join(dir, 'months');
    const r = await runCli(['analyze', shop, '--out', out, '--locale', 'en', '--as-of', '2026-03-01']);
    expect(r.err).toContain('shop.xlsx: read sheet “1月” (orders)');
    expect(r.err).toContain('说明 (instructions, 3 rows)');
    expect(r.err).toContain('sheets with the same columns appended into one dataset: 1月, 2月');
    expect(r.code).toBe(0);
    const profile = json(out, 'profile.json');
    expect(profile.tables.map((t: { sheet: string }) => t.sheet)).toEqual(['1月', '2月']);
    expect(profile.tables[0].sheet_choice).toBe('best');
    expect(
      profile.tables[0].sheet_profiles.map((s: { name: string; kind: string; role: string | null }) => [
        s.name,
        s.kind,
        s.role,
      ]),
    ).toEqual([
      ['说明', 'instructions', null],
      ['1月', 'data', 'orders'],
      ['2月', 'data', 'orders'],
    ]);
    expect(profile.tables[0].sheet_profiles[1]).toMatchObject({ header_row: 2, data_rows: 3 });
    const cleaning = json(out, 'cleaning.json');
    // Title, blank and total rows are not orders; A3 is in both months and counts once.
    expect(cleaning).toMatchObject({
      rows_read: 6,
      rows_used: 5,
      rows_set_aside: 1,
      orders_deduplicated: 1,
      files: [
        { file: 'shop.xlsx · 1月', rows_read: 3, rows_used: 2, duplicate_rows: 1 },
        { file: 'shop.xlsx · 2月', rows_read: 3, rows_used: 3, duplicate_rows: 0 },
      ],
    });
    const customers = readFileSync(join(out, 'customers.csv'), 'utf8').trim().split('\n');
    expect(customers).toHaveLength(1 + 4);
  });

  it('--sheet reads only the sheets named (repeatable) and refuses an unknown one', async () => {
    const both = join(dir, 'both');
    const r2 = await runCli(['analyze', shop, '--sheet', '2月', '--sheet', '1月', '--out', both]);
    expect(json(both, 'profile.json').tables.map((t: { sheet: string }) => t.sheet)).toEqual(['2月', '1月']);
    expect(r2.code).toBe(0);
    expect(json(both, 'cleaning.json').files.map((f: { file: string }) => f.file)).toEqual([
      'shop.xlsx · 2月',
      'shop.xlsx · 1月',
    ]);
    const bad = await runCli([
      'analyze',
      shop,
      '--sheet',
      '3月',
      '--out',
      join(dir, 'bad'),
      '--locale',
      'en',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('customer-lens: --sheet 3月: no such sheet (sheets: 说明, 1月, 2月)\n');
  });

  it('recognises a pivot table and a summary, reads a hidden-only data sheet and says so', async () => {
    // Two workbooks in one call (each test run costs an engine): both hold orders and are combined.
    const out = join(dir, 'pivot-hidden');
    const r = await runCli([
      'analyze',
      file('report.xlsx', pivotAndSummaryFirst()),
      file('hidden.xlsx', hiddenDataSheet()),
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      'report.xlsx：读取工作表“订单明细”（订单）；其他工作表：数据透视（数据透视表，2 行）, 汇总（汇总表，2 行）',
    );
    expect(r.err).toContain('hidden.xlsx：数据在隐藏的工作表“data”中，已读取');
    const [report, hidden] = json(out, 'profile.json').tables;
    expect(report.sheet).toBe('订单明细');
    expect(report.sheet_profiles.map((s: { kind: string }) => s.kind)).toEqual(['pivot', 'summary', 'data']);
    expect(hidden).toMatchObject({ sheet: 'data', sheet_choice: 'hidden', row_count: 3 });
    expect(hidden.sheet_profiles[1]).toMatchObject({ name: 'data', hidden: true, role: 'orders' });
    // The same three orders in both: counted once.
    expect(json(out, 'cleaning.json')).toMatchObject({ rows_read: 6, rows_used: 3, orders_deduplicated: 3 });
  });

  it('names the sheets in one sentence when no sheet holds orders (zh, en)', async () => {
    const path = file('notes.xlsx', noDataSheet());
    const en = await runCli(['analyze', path, '--out', join(dir, 'none'), '--locale', 'en']);
    expect(en.code).toBe(1);
    expect(en.err).toBe(
      'customer-lens: notes.xlsx has no sheet of orders: 说明 (instructions, 3 rows), 汇总 (summary, 2 rows). Choose one with --sheet or map its columns in a config file.\n',
    );
    const zh = await runCli(['analyze', path, '--out', join(dir, 'none-zh')]);
    expect(zh.code).toBe(1);
    expect(zh.err).toBe(
      'customer-lens: notes.xlsx 中没有可用的订单工作表：说明（说明，3 行）, 汇总（汇总表，2 行）。请用 --sheet 指定工作表，或在配置文件中映射列。\n',
    );
  });
});

/** The report workbook (issue 17): README + action plan + a sheet per table, formula-safe and masked. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, utils } from '@e965/xlsx';
import type { DbPort } from '../../engine/db-port.ts';
import { openNodeDb } from '../../engine/node-db.ts';
import { exportWorkbook } from '../../engine/export-query.ts';
import { reportSheets, valuesSql, type ReportInfo } from './report-workbook.ts';
import type { Action } from '../../config/actions.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

const info: ReportInfo = {
  generatedAt: '2024-07-01T08:00:00Z',
  period: { first: '2024-01-01', last: '2024-06-30' },
  files: ['orders.csv'],
  cleaning: { rowsRead: 10, rowsUsed: 8, rowsSetAside: 2 },
  mask: true,
  definitions: ['RFM preset: value5'],
};
const action: Action = {
  id: 'a1',
  problem: '=HYPERLINK("http://x","click")',
  cause: '+cmd',
  solution: '发召回券',
  owner: '@ops',
  due: '2024-08-01',
  status: 'doing',
  kpi: { id: 'rfm.customers', label: '', baseline: 100, baselineDate: '2024-06-30' },
  fromFinding: null,
};
const table = {
  module: 'rfm',
  id: 'customers',
  file: 'customers.csv',
  statements: [],
  models: [],
  query: `SELECT * FROM (VALUES ('13812345678', 1), ('alice@mail.com', 2), ('C-1', 3)) t(customer_id, frequency)`,
};

async function book(mask: boolean, locale: 'zh-CN' | 'en') {
  const sheets = reportSheets({
    info: { ...info, mask },
    tables: [table],
    actions: [action],
    kpis: { 'rfm.customers': 120 },
    locale,
  });
  return read(await exportWorkbook(db, sheets), { type: 'array', cellNF: true });
}

describe('report workbook', () => {
  it('has README, the action plan and one sheet per table; user text never becomes a formula', async () => {
    const wb = await book(true, 'en');
    expect(wb.SheetNames).toEqual(['README', 'Action plan', 'customers']);
    const cells = wb.SheetNames.flatMap((n) => Object.values(wb.Sheets[n]!));
    expect(cells.some((c) => typeof c === 'object' && c !== null && 'f' in c)).toBe(false);
    const plan = utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Action plan']!);
    expect(plan).toEqual([
      {
        Problem: '=HYPERLINK("http://x","click")',
        Cause: '+cmd',
        Solution: '发召回券',
        Owner: '@ops',
        'Due date': '2024-08-01',
        Status: 'Doing',
        'KPI to watch': 'Customers',
        Baseline: 100,
        'Baseline date': '2024-06-30',
        Current: 120,
        Change: 20,
      },
    ]);
    expect(wb.Sheets['Action plan']!['A2']).toMatchObject({ t: 's', z: '@' });
    const readme = utils
      .sheet_to_json<string[]>(wb.Sheets['README']!, { header: 1 })
      .map((r) => r.join(' | '));
    expect(readme).toContain('Cleaning summary | Read 10 rows = used 8 + set aside 2');
    expect(readme).toContain('Data period | 2024-01-01 – 2024-06-30');
    expect(readme).toContain('Sheet | customers: customers.csv');
  });

  it('masks ids that are phones or e-mails only when masking is on; zh-CN headers', async () => {
    const masked = utils.sheet_to_json<Record<string, unknown>>(
      (await book(true, 'zh-CN')).Sheets['customers']!,
    );
    expect(masked.map((r) => r['客户ID'])).toEqual(['138****5678', 'a***@mail.com', 'C-1']);
    const wb = await book(false, 'zh-CN');
    expect(wb.SheetNames).toEqual(['README', '行动计划', 'customers']);
    const plain = utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['customers']!);
    expect(plain.map((r) => r['客户ID'])).toEqual(['13812345678', 'alice@mail.com', 'C-1']);
  });

  it('an empty action plan is an empty sheet with its headers; quotes in text stay text', async () => {
    const sql = valuesSql(['a', 'b'], []);
    expect(await db.queryIpc(sql)).toBeDefined();
    const wb = read(
      await exportWorkbook(db, [{ name: 'x', sql: valuesSql(['a'], [["it's '); DROP TABLE t; --"]]) }]),
      { type: 'array' },
    );
    expect(utils.sheet_to_json(wb.Sheets['x']!)).toEqual([{ a: "it's '); DROP TABLE t; --" }]);
  });
});

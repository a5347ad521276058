/**
 * Group comparison (issue 6) on the sample: (a) a customer file with member levels and multi-tag
 * cells → "tags include VIP" vs "tags include 新客" read from the comparison table; (b) a second orders
 * file (sample lines with doubled amounts, one without a customer id) → its counts add up and
 * dataset A vs B shows the customers and revenue computed here; a file without order columns is
 * refused with the missing roles named; removing the file restores the plain groups.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { read as readXlsx, utils as xlsxUtils } from '@e965/xlsx';
import { ARTIFACTS, openSession, screenshot, waitIdle, type Session } from './support/browser.ts';

let session: Session | null = null;
afterEach(async () => {
  if (session) {
    expect(session.external(), 'requests that left the origin').toEqual([]);
    expect(session.consoleErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
    await session.close();
    session = null;
  }
});

// ---- Test files, written from the sample (columns: 订单编号,客户ID,下单时间,…,实付金额,退款金额,订单状态,…).
const sample = readFileSync('public/sample/orders-sample.csv', 'utf8').replace(/^\uFEFF/, '');
const [header, ...lines] = sample.split(/\r?\n/).filter((l) => l !== '');
const cols = header!.split(',');
const at = (name: string) => cols.indexOf(name);
const [ORDER, CUSTOMER, PRICE, AMOUNT, REFUND, STATUS] = [
  '订单编号',
  '客户ID',
  '单价',
  '实付金额',
  '退款金额',
  '订单状态',
].map(at);
const rows = lines.map((l) => l.split(','));
const lineCount = new Map<string, number>();
for (const r of rows) lineCount.set(r[ORDER!]!, (lineCount.get(r[ORDER!]!) ?? 0) + 1);
/** One line per order, a completed sale, nothing refunded: its amount is the order's net revenue. */
const simple = (r: string[]) =>
  lineCount.get(r[ORDER!]!) === 1 &&
  r[STATUS!] === '交易成功' &&
  Number(r[REFUND!]) === 0 &&
  r[AMOUNT!] !== '';

// (a) Customers all of whose sample orders are simple, so their purchases are known here.
const byCustomer = new Map<string, string[][]>();
for (const r of rows) byCustomer.set(r[CUSTOMER!]!, [...(byCustomer.get(r[CUSTOMER!]!) ?? []), r]);
const clean = [...byCustomer.keys()]
  .filter((id) => byCustomer.get(id)!.every(simple))
  .sort()
  .slice(0, 12);
const vip = clean.slice(0, 6);
const newcomers = clean.slice(6, 12);
const stats = (ids: string[]) => {
  const orders = ids.flatMap((id) => byCustomer.get(id)!);
  return {
    customers: ids.length,
    orders: orders.length,
    revenue: orders.reduce((s, r) => s + Number(r[AMOUNT!]), 0),
  };
};
const dir = mkdtempSync(join(tmpdir(), 'cl-compare-'));
const membersCsv = join(dir, 'members.csv');
{
  const separators = [',', '；', ' | ', '、', '/', '，'];
  const m = ['客户ID,会员等级,标签'];
  vip.forEach((id, i) => m.push(`${id},${i % 2 ? '银卡' : '金卡'},"VIP${separators[i]}复购"`));
  newcomers.forEach((id, i) => m.push(`${id},普通,"新客${separators[i]}高价值"`));
  m.push('C999999,金卡,VIP'); // not in the orders: counted as a tag holder, bought nothing
  writeFileSync(membersCsv, m.join('\n') + '\n');
}

// (b) The first 300 simple lines with amounts doubled, plus one line without a customer id.
const panelCsv = join(dir, 'panel.csv');
const panelRows = rows.filter(simple).slice(0, 300);
{
  const doubled = panelRows.map((r) =>
    r.map((v, i) => (i === AMOUNT || i === PRICE ? (Number(v) * 2).toFixed(2) : v)).join(','),
  );
  const orphan = [...panelRows[0]!];
  orphan[ORDER!] = '999000111';
  orphan[CUSTOMER!] = '';
  writeFileSync(panelCsv, [header, ...doubled, orphan.join(',')].join('\n') + '\n');
}
const panel = {
  customers: new Set(panelRows.map((r) => r[CUSTOMER!])).size,
  orders: panelRows.length,
  revenue: panelRows.reduce((s, r) => s + 2 * Number(r[AMOUNT!]), 0),
};
const badCsv = join(dir, 'not-orders.csv');
writeFileSync(badCsv, 'foo,bar\n1,2\n3,4\n');

// ---- Helpers
async function openLifecycleWithSample(
  locale: 'zh-CN' | 'en',
): Promise<{ page: Page; kpiCustomers: number }> {
  session = await openSession({ locale });
  const { page } = session;
  await page.goto(session.baseUrl);
  await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
  await page.getByTestId('load-sample').click();
  await page.locator('[data-testid=kpi-customers]').waitFor({ timeout: 120_000 });
  await waitIdle(page, 90_000);
  const kpiCustomers = Number(await page.getByTestId('kpi-customers').getAttribute('data-value'));
  return { page, kpiCustomers };
}

async function openLifecycle(page: Page): Promise<void> {
  await page.getByTestId('nav-lifecycle').click();
  await page.locator('[data-testid=lifecycle-view][data-loaded=true]').waitFor({ timeout: 90_000 });
  await waitIdle(page, 90_000);
}

/** Wait until the value cells (raw numbers) of one metric equal `expected` (null: any value). */
async function waitMetric(page: Page, metric: string, expected: [number | null, number]): Promise<void> {
  await page.waitForFunction(
    ([m, a, b]) => {
      const cells = document.querySelectorAll(
        `[data-testid=compare-table] tr[data-metric=${m}] td[data-value]`,
      );
      const value = (i: number) => Number(cells[i]!.getAttribute('data-value'));
      return cells.length === 2 && (a === null || value(0) === a) && value(1) === b;
    },
    [metric, ...expected] as const,
    { timeout: 60_000 },
  );
}

async function metric(page: Page, name: string): Promise<[number, number]> {
  const cells = page.locator(`[data-testid=compare-table] tr[data-metric=${name}] td[data-value]`);
  return [
    Number(await cells.nth(0).getAttribute('data-value')),
    Number(await cells.nth(1).getAttribute('data-value')),
  ];
}

async function cardShot(page: Page, name: string): Promise<void> {
  await page.getByTestId('compare-card').scrollIntoViewIfNeeded();
  await page.getByTestId('compare-card').screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

async function addPanel(page: Page): Promise<void> {
  await page.getByTestId('compare-file-input').setInputFiles(panelCsv);
  await page.getByTestId('compare-dataset').waitFor({ timeout: 90_000 });
  await waitMetric(page, 'customers', [null, panel.customers]);
  await waitIdle(page);
}

describe('group comparison', () => {
  it('zh: tag groups from a customer file, then own data vs a second orders file', async () => {
    const { page, kpiCustomers } = await openLifecycleWithSample('zh-CN');
    // (a) The customer file through the Data section's input, cleaned on the cleaning screen.
    await page.getByTestId('file-input').setInputFiles(membersCsv);
    await waitIdle(page);
    await page.getByTestId('nav-clean').click();
    await page.getByTestId('customers-card').waitFor({ timeout: 60_000 });
    await page.getByTestId('run-customers-cleaning').click();
    await page.getByTestId('customers-report').waitFor({ timeout: 60_000 });
    await waitIdle(page);

    await openLifecycle(page);
    expect(await page.getByTestId('compare-no-attributes').count()).toBe(0);
    const a = page.getByTestId('compare-a');
    // Labels read "标签含“VIP”（7 人）": C999999 holds the tag but bought nothing.
    expect(await a.locator('option[value="attr:tags:VIP"]').textContent()).toBe('标签含“VIP”（7 人）');
    expect(await a.locator('option[value="attr:member_level:金卡"]').textContent()).toBe(
      '会员等级 = 金卡（4 人）',
    );
    expect(await a.locator('optgroup').evaluateAll((g) => g.map((x) => x.getAttribute('label')))).toEqual(
      expect.arrayContaining(['会员等级', '标签']),
    );
    await a.selectOption('attr:tags:VIP');
    await page.getByTestId('compare-b').selectOption('attr:tags:新客');
    const [sv, sn] = [stats(vip), stats(newcomers)];
    await waitMetric(page, 'customers', [sv.customers, sn.customers]);
    expect(await metric(page, 'orders')).toEqual([sv.orders, sn.orders]);
    const revenue = await metric(page, 'revenue');
    expect(revenue[0]).toBeCloseTo(sv.revenue, 2);
    expect(revenue[1]).toBeCloseTo(sn.revenue, 2);
    await waitIdle(page);
    await cardShot(page, 'compare-tags-zh');

    // (b) A second orders file: counts add up (the line without a customer id is set aside).
    await addPanel(page);
    const info = page.getByTestId('compare-dataset');
    expect(await info.getAttribute('data-rows-read')).toBe(String(panel.orders + 1));
    expect(await info.getAttribute('data-rows-used')).toBe(String(panel.orders));
    expect(await info.getAttribute('data-rows-set-aside')).toBe('1');
    // Same headers, same currency (CNY) as the main data: no currency warning.
    expect(await page.getByTestId('compare-currency').count()).toBe(0);
    expect(await info.textContent()).toContain(
      `读取 ${panel.orders + 1} 行 = 使用 ${panel.orders} 行 + 搁置 1 行`,
    );
    expect(await page.getByTestId('compare-a').inputValue()).toBe('all');
    expect(await page.getByTestId('compare-b').inputValue()).toBe('dataset:compare');
    const [customersA, customersB] = await metric(page, 'customers');
    expect(customersA).toBe(kpiCustomers); // A is still the analysed dataset
    expect(customersB).toBe(panel.customers);
    expect((await metric(page, 'orders'))[1]).toBe(panel.orders);
    expect((await metric(page, 'revenue'))[1]).toBeCloseTo(panel.revenue, 2);
    expect(
      await page
        .locator('[data-testid=compare-table] tr[data-metric=customers]')
        .getAttribute('data-flagged'),
    ).toBe('true');
    // "差异显著" only where a test says p < 0.05 (issue 18); totals are marked large, never significant.
    const customersRow = page.locator('[data-testid=compare-table] tr[data-metric=customers]');
    await expect(customersRow.locator('td').last().textContent()).resolves.toBe('不检验（合计或中位数）');
    await expect(customersRow.textContent()).resolves.toContain('差异较大');
    for (const row of await page.locator('[data-testid=compare-table] tbody tr').all()) {
      const text = (await row.locator('td').last().textContent())!;
      const p = /p = (< )?([\d.]+)/.exec(text);
      const significant = (await row.getAttribute('data-significant')) === 'true';
      expect(significant, text).toBe(p !== null && (p[1] !== undefined || Number(p[2]) < 0.05));
      expect((await row.textContent())!.includes('差异显著'), text).toBe(significant);
    }
    expect(await page.locator('[data-testid=compare-table] th').nth(2).textContent()).toBe(
      '对比数据集（B：panel.csv）',
    );
    // The comparison as a chart and a file (issue 18): the verdict in words, significant only by a test.
    await page.getByTestId('compare-chart').waitFor();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('compare-export-csv').click(),
    ]);
    expect(file.suggestedFilename()).toBe('分组对比.csv');
    const exported = readFileSync((await file.path())!, 'utf8').split(/\r?\n/);
    expect(exported[0]).toMatch(
      /^\uFEFF指标,A：.*,B：对比数据集（B：panel\.csv）,差值（B − A）,相对差异,检验,p 值,结论$/,
    );
    const customersLine = exported.find((l) => l.startsWith('客户数,'))!;
    expect(customersLine).toMatch(/,不检验（合计或中位数）,,差异较大（[+−]\d+\.\d%）$/);
    const shownSignificant = await page
      .locator('[data-testid=compare-table] tr[data-significant=true]')
      .count();
    expect(exported.filter((l) => l.endsWith(',差异显著'))).toHaveLength(shownSignificant);
    await cardShot(page, 'compare-dataset-zh');
    await screenshot(page, 'compare-zh');
    // The analysed dataset is unchanged: RFM still counts the sample's customers.
    await page.getByTestId('nav-rfm').click();
    await page.locator('[data-testid=kpi-customers]').waitFor({ timeout: 60_000 });
    expect(Number(await page.getByTestId('kpi-customers').getAttribute('data-value'))).toBe(kpiCustomers);
    // The comparison file stays loaded when the section is opened again.
    await openLifecycle(page);
    expect(await page.getByTestId('compare-b').inputValue()).toBe('dataset:compare');
    await waitMetric(page, 'customers', [kpiCustomers, panel.customers]);
  }, 300_000);

  it('en: a file without order columns is refused by name; a second file replaces it and can be removed', async () => {
    const { page, kpiCustomers } = await openLifecycleWithSample('en');
    await openLifecycle(page);
    await page.getByTestId('compare-file-input').setInputFiles(badCsv);
    await page.getByTestId('compare-problem').waitFor({ timeout: 60_000 });
    await waitIdle(page);
    const problem = (await page.getByTestId('compare-problem').textContent()) ?? '';
    expect(problem).toContain('“not-orders.csv” cannot be used');
    expect(problem).toContain('Customer id, Order time or Paid time, Amount paid or Unit price');
    expect(await page.getByTestId('compare-dataset').count()).toBe(0);
    await cardShot(page, 'compare-problem-en');

    await addPanel(page);
    expect(await page.getByTestId('compare-problem').count()).toBe(0);
    expect(await page.getByTestId('compare-dataset').textContent()).toContain(
      `${panel.orders + 1} rows read = ${panel.orders} used + 1 set aside`,
    );
    expect(await metric(page, 'customers')).toEqual([kpiCustomers, panel.customers]);
    // B's channels are groups too.
    expect(
      await page
        .getByTestId('compare-b')
        .locator('optgroup[label="Comparison dataset channels"] option')
        .count(),
    ).toBeGreaterThan(0);
    // The chart's legend and the exported file in English (issue 18).
    await page.getByTestId('compare-chart').waitFor();
    expect(await page.getByTestId('compare-chart-legend').textContent()).toContain(
      'significant (test p < 0.05)',
    );
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('compare-export-xlsx').click(),
    ]);
    expect(file.suggestedFilename()).toBe('Group comparison.xlsx');
    const book = readXlsx(readFileSync((await file.path())!), { type: 'buffer' });
    const table = xlsxUtils.sheet_to_json<Record<string, unknown>>(book.Sheets['Group comparison']!);
    expect(table.find((r) => r.Metric === 'Customers')).toMatchObject({
      Test: 'not tested (total or median)',
      Verdict: expect.stringMatching(/^Large difference \([+−]\d+\.\d%\)$/),
    });
    await cardShot(page, 'compare-dataset-en');

    await page.getByTestId('compare-remove').click();
    await page.getByTestId('compare-dataset').waitFor({ state: 'detached', timeout: 60_000 });
    await waitIdle(page);
    expect(await page.getByTestId('compare-b').locator('option[value="dataset:compare"]').count()).toBe(0);
    expect(await page.getByTestId('compare-a').inputValue()).toBe('all');
    expect(await page.getByTestId('error').count()).toBe(0);
  }, 300_000);
});

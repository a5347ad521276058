/**
 * RFM section (issue 4): the sample opens the overview, presets switch the model, an edited cut
 * point changes the counts, a segment drills down into its customers (RFM columns, then the
 * customer features of issue 6) and exports them as CSV. Screenshots of the overview in zh-CN and en go to test-results/e2e/.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { read as readXlsx, utils as xlsxUtils } from '@e965/xlsx';
import type { Locator, Page } from 'playwright-core';
import { openSession, screenshot, waitIdle, type Session } from './support/browser.ts';

let session: Session | null = null;
afterEach(async () => {
  if (session) {
    expect(session.external(), 'requests that left the origin').toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    await session.close();
    session = null;
  }
});

async function openOverview(locale: 'zh-CN' | 'en'): Promise<Page> {
  session = await openSession({ locale });
  const { page } = session;
  await page.goto(session.baseUrl);
  await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
  await page.getByTestId('load-sample').click();
  await page.locator('[data-testid=rfm-overview][data-ready=true]').waitFor({ timeout: 90_000 });
  await waitIdle(page);
  return page;
}

/** [segment id, customers] of the segment table, in rule order (`other` last). */
function segmentCounts(page: Page): Promise<[string, number][]> {
  return page
    .locator('[data-testid=segment-row]')
    .evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-segment') ?? '', Number(r.getAttribute('data-customers'))]),
    );
}

/**
 * Sideways scroll of a virtual table after the next frame: how far the header row and the first body
 * row are scrolled (scrollLeft summed over their ancestors inside the table), the left edges of column
 * `i`'s header cell and body cell (equal when header and body line up), and the horizontal extent of
 * that header cell and of the table (to tell whether the header cell is in view).
 */
function sideways(table: Locator, i: number) {
  return table.evaluate(async (t, i) => {
    await new Promise((r) => requestAnimationFrame(r));
    const scrolled = (el: Element): number => {
      let x = 0;
      for (let e = el.parentElement; e && e !== t.parentElement; e = e.parentElement) x += e.scrollLeft;
      return x;
    };
    const header = t.querySelectorAll('[role=columnheader]')[i]!;
    const row = t.querySelector('[role=row][aria-rowindex]')!;
    const headRect = header.getBoundingClientRect();
    const tableRect = t.getBoundingClientRect();
    return {
      head: scrolled(header.parentElement!),
      body: scrolled(row),
      headLeft: Math.round(headRect.left),
      cellLeft: Math.round(row.querySelectorAll('[role=cell]')[i]!.getBoundingClientRect().left),
      inView: headRect.left >= tableRect.left - 0.5 && headRect.right <= tableRect.right + 0.5,
    };
  }, i);
}

/**
 * Header and body scrolled by the same amount, column `i` lined up; then either scrolled right with
 * column `i` in view, or not scrolled at all.
 */
async function expectAligned(table: Locator, i: number, scrolledRight: boolean): Promise<void> {
  const s = await sideways(table, i);
  expect(s.head, 'header and body scrollLeft').toBe(s.body);
  expect(s.headLeft, 'header cell over its column').toBe(s.cellLeft);
  if (scrolledRight) {
    expect(s.body).toBeGreaterThan(0);
    expect(s.inView, 'header cell in view').toBe(true);
  } else expect(s.body).toBe(0);
}

/** The cells of one CSV line (quoted cells may hold commas and doubled quotes). */
function csvCells(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)) {
    const v = m[1]!;
    out.push(v.startsWith('"') ? v.slice(1, -1).replaceAll('""', '"') : v);
  }
  return out;
}

async function waitForRowCount(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (count) => document.querySelectorAll('[data-testid=segment-row]').length === count,
    n,
    { timeout: 60_000 },
  );
  await waitIdle(page);
}

describe('RFM overview', () => {
  it('segments the sample, switches preset, reacts to a cut point, drills down and exports', async () => {
    const page = await openOverview('zh-CN');
    const marks = await page.evaluate(() => performance.getEntriesByName('cl:dashboard', 'mark').length);
    expect(marks).toBe(1);

    // value5: five rules + other; every customer counted once.
    const counts = await segmentCounts(page);
    expect(counts.map(([id]) => id)).toEqual([
      'high_value',
      'churn_risk',
      'mid_potential',
      'general',
      'low_value',
      'other',
    ]);
    const customers = Number(await page.getByTestId('kpi-customers').getAttribute('data-value'));
    expect(customers).toBeGreaterThan(1000);
    expect(counts.reduce((s, [, n]) => s + n, 0)).toBe(customers);
    await expect(page.getByTestId('rfm-headline').textContent()).resolves.toMatch(
      /的客户贡献了 50% 的销售额/,
    );
    await screenshot(page, 'rfm-overview-zh');

    // cn8: eight segments named in Chinese (plus the empty `other`), same customers.
    await page.getByTestId('rfm-preset').selectOption('cn8');
    await waitForRowCount(page, 9);
    const names = await page.locator('[data-testid=segment-row] td:first-child').allTextContents();
    expect(names.map((n) => n.trim())).toEqual([
      '重要价值客户',
      '重要发展客户',
      '重要保持客户',
      '重要挽留客户',
      '一般价值客户',
      '一般发展客户',
      '一般保持客户',
      '一般挽留客户',
      '其他',
    ]);
    const cn8 = await segmentCounts(page);
    expect(cn8.reduce((s, [, n]) => s + n, 0)).toBe(customers);
    expect(cn8.at(-1)).toEqual(['other', 0]);
    await expect(page.getByTestId('cut-in-use-r').textContent()).resolves.toContain('比较值');
    await screenshot(page, 'rfm-cn8-zh');

    // Back to value5; lowering R's last cut point (181 → 121 days) sends more customers to churn risk.
    await page.getByTestId('rfm-preset').selectOption('value5');
    await waitForRowCount(page, 6);
    const before = new Map(await segmentCounts(page));
    // Typed as marketers state them (issue 18): from the top score down, with slashes.
    await page.getByTestId('cut-points-r').fill('121/91/61/31');
    await expect(page.getByTestId('cut-reversed-r').textContent()).resolves.toContain('31, 61, 91, 121');
    await expect(page.getByTestId('cut-preview-r').textContent()).resolves.toBe(
      '按此输入：≤ 30天=5分，31–60天=4分，61–90天=3分，91–120天=2分，≥ 121天=1分',
    );
    await expect(page.getByTestId('cut-boundary-r').textContent()).resolves.toBe(
      '恰好 31 天未购买的客户得 4 分：每档含下界、不含上界。',
    );
    await page.waitForFunction(
      (n) =>
        Number(
          document
            .querySelector('[data-testid=segment-row][data-segment=churn_risk]')
            ?.getAttribute('data-customers'),
        ) !== n,
      before.get('churn_risk')!,
      { timeout: 60_000 },
    );
    await waitIdle(page);
    const after = new Map(await segmentCounts(page));
    expect(after.get('churn_risk')!).toBeGreaterThan(before.get('churn_risk')!);
    expect([...after.values()].reduce((s, n) => s + n, 0)).toBe(customers);
    await expect(page.getByTestId('cut-in-use-r').textContent()).resolves.toContain('121');
    // The editor's live counts agree with the table.
    await expect(page.getByTestId('live-count-churn_risk').textContent()).resolves.toContain(
      after.get('churn_risk')!.toLocaleString('en'),
    );

    // Drill into churn risk: its customers in the virtual table, sortable and searchable.
    await page.locator('[data-testid=segment-row][data-segment=churn_risk] button').click();
    const table = page.getByTestId('drill-table');
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=drill-table]')?.getAttribute('data-rows')) === n,
      after.get('churn_risk')!,
      { timeout: 60_000 },
    );
    expect(await table.locator('[role=row][aria-rowindex]').count()).toBeGreaterThan(5);
    // Customer features follow the RFM columns (issue 6).
    const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
    expect(headers.indexOf('偏好品类（前 3）')).toBeGreaterThan(headers.indexOf('最近购买日'));
    expect(headers).toContain('平均回购间隔（天）');
    const firstRow = await table.locator('[role=row][aria-rowindex="2"] [role=cell]').allTextContents();
    expect(firstRow[headers.indexOf('常购星期')]).toMatch(/^周[一二三四五六日]$/);
    expect(firstRow[headers.indexOf('常购时段')]).toMatch(/^\d\d:00$/);
    await table.getByRole('columnheader', { name: '客户 ID' }).getByRole('button').click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=drill-table] [role=columnheader][aria-sort=ascending]') !== null,
    );
    await waitIdle(page);
    const firstId = (await table.locator('[role=row][aria-rowindex="2"] [role=cell]').first().textContent())!;
    await page.getByTestId('drill-search').fill(firstId);
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid=drill-table]')?.getAttribute('data-rows')) === 1,
      null,
      { timeout: 30_000 },
    );
    await page.getByTestId('drill-search').fill('');
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=drill-table]')?.getAttribute('data-rows')) === n,
      after.get('churn_risk')!,
      { timeout: 30_000 },
    );

    // Export the target list: a CSV download whose first line is the header.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    // Named after the segment and the date (issue 18), not rfm-churn_risk.csv.
    expect(download.suggestedFilename()).toMatch(/^流失风险客户-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync((await download.path())!, 'utf8').split(/\r?\n/);
    // Issue 4's columns first, in the same order, then the feature columns; headers in the UI language
    // (issue 18; the CLI's customers.csv keeps the snake_case names).
    expect(lines[0]).toBe(
      '\uFEFF客户ID,最近购买天数,购买次数,消费金额,R 分,F 分,M 分,RFM 编码,客群代码,客群,建议动作,' +
        '首次购买日,平均购买间隔（天）,购买间隔中位数（天）,偏好品类 1,偏好品类 2,偏好品类 3,' +
        '常用渠道,常用支付方式,平均折扣率,促销订单占比,高峰星期,高峰时段（时）',
    );
    // The segment's recommended action follows its name (issue 18).
    expect(lines.filter((l) => l.includes(',churn_risk,流失风险客户,'))).toHaveLength(
      after.get('churn_risk')!,
    );
    // The sample's customers have categories and a channel: the feature cells are filled in.
    const cells = csvCells(lines[1]!);
    expect(cells).toHaveLength(23);
    expect(cells[10]).not.toBe(''); // the recommended action
    expect(cells[14]).not.toBe('');
    expect(cells[17]).not.toBe('');
    // Shares as percentages, weekdays as names (issue 18; the CLI keeps raw numbers).
    const rows = lines
      .slice(1)
      .filter((l) => l !== '')
      .map(csvCells);
    expect(rows.map((r) => r[20]).filter((v) => v !== '')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d+\.\d%$/)]),
    );
    expect(rows.every((r) => r[20] === '' || /^\d+\.\d%$/.test(r[20]!))).toBe(true);
    expect(rows.every((r) => r[21] === '' || /^周[一二三四五六日]$/.test(r[21]!))).toBe(true);
    expect(rows.some((r) => r[21] !== '')).toBe(true);
    await screenshot(page, 'rfm-drill-zh');

    // All segments in one workbook (issue 18): a summary sheet, then a sheet per segment with customers.
    const [book] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-all-segments').click(),
    ]);
    expect(book.suggestedFilename()).toMatch(/^RFM客群-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = readXlsx(readFileSync((await book.path())!), { type: 'buffer' });
    const shown = await segmentCounts(page);
    const withCustomers = shown.filter(([, n]) => n > 0);
    expect(wb.SheetNames).toHaveLength(1 + withCustomers.length);
    expect(wb.SheetNames[0]).toBe('汇总');
    expect(wb.SheetNames).toContain('流失风险客户');
    const summary = xlsxUtils.sheet_to_json<Record<string, unknown>>(wb.Sheets['汇总']!);
    expect(Object.keys(summary[0]!)).toEqual([
      '客群代码',
      '客群',
      '客户数',
      '订单数',
      '收入',
      '客户占比',
      '收入占比',
      '建议动作',
    ]);
    expect(String(summary[0]!['建议动作'])).not.toBe('');
    const perSheet = wb.SheetNames.slice(1).map((n) => xlsxUtils.sheet_to_json(wb.Sheets[n]!).length);
    expect(perSheet).toEqual(withCustomers.map(([, n]) => n));
  });

  it('shows the overview in English', async () => {
    const page = await openOverview('en');
    const text = await page.getByTestId('segment-table').textContent();
    for (const label of ['High value', 'Churn risk', 'Mid potential', 'Other', 'Share of revenue'])
      expect(text).toContain(label);
    await expect(page.getByTestId('rfm-headline').textContent()).resolves.toMatch(
      /of customers bring 50% of revenue/,
    );
    await screenshot(page, 'rfm-overview-en');
    // The segment summary export: headers in English, named after what it is and the date (issue 18).
    const [summary] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-summary-csv').click(),
    ]);
    expect(summary.suggestedFilename()).toMatch(/^RFM segments-\d{4}-\d{2}-\d{2}\.csv$/);
    const summaryLines = readFileSync((await summary.path())!, 'utf8').split(/\r?\n/);
    expect(summaryLines[0]).toBe(
      '\uFEFFSegment id,Segment,Customers,Orders,Revenue,Share of customers,Share of revenue',
    );
    expect(summaryLines[1]).toMatch(/^high_value,High value,\d+,/);
    // Shares as percentages with one decimal in a UI export (issue 18).
    expect(summaryLines[1]).toMatch(/,\d+\.\d%,\d+\.\d%$/);

    await page.locator('[data-testid=segment-row][data-segment=high_value] button').click();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid=drill-table]')?.getAttribute('data-rows')) > 0,
      null,
      { timeout: 60_000 },
    );
    await waitIdle(page);
    const table = page.getByTestId('drill-table');
    const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
    for (const h of ['Top categories', 'Top channel', 'Avg interval (d)', 'Peak day'])
      expect(headers).toContain(h);
    // Tabbing to the far-right header scrolls it into view: header and body rows move together.
    const last = headers.length - 1;
    await expectAligned(table, last, false);
    const buttons = table.getByRole('columnheader').getByRole('button');
    await buttons.nth(headers.length - 2).focus();
    await page.keyboard.press('Tab');
    await expect(buttons.last().evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await expectAligned(table, last, true);
    await screenshot(page, 'rfm-drill-right-en');
    // Scrolled back by hand, then a click on a far-right header (Playwright scrolls it into view)
    // sorts by that feature column in SQL; header and body stay aligned throughout.
    await table.locator('.body').evaluate((body) => body.scrollTo({ left: 0 }));
    await expectAligned(table, last, false);
    await table.getByRole('columnheader', { name: 'Paid / list' }).getByRole('button').click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid=drill-table] [role=columnheader][aria-sort=descending]')
          ?.textContent?.includes('Paid / list') === true,
    );
    await waitIdle(page);
    const paid = headers.indexOf('Paid / list');
    await expectAligned(table, paid, true);
    const ratios = await table
      .locator('[role=row][aria-rowindex]')
      .evaluateAll(
        (rows, i) => rows.map((r) => r.querySelectorAll('[role=cell]')[i]?.textContent ?? ''),
        paid,
      );
    const values = ratios.filter((v) => v !== '—').map((v) => Number.parseFloat(v));
    expect(values.length).toBeGreaterThan(3);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // Scrolled to the bottom: the header stays on top, the last customer is drawn in full, and only
    // the rows in view (plus overscan) are in the DOM.
    const rowCount = Number(await table.getAttribute('data-rows'));
    await table.locator('.body').evaluate((body) => body.scrollTo({ top: body.scrollHeight }));
    const bottom = await table.evaluate(async (t, n) => {
      await new Promise((r) => requestAnimationFrame(r));
      const body = t.querySelector('.body')!.getBoundingClientRect();
      const head = t.querySelector('[role=columnheader]')!.getBoundingClientRect();
      const last = t.querySelector(`[role=row][aria-rowindex="${n + 1}"]`)?.getBoundingClientRect();
      return {
        headTop: Math.round(head.top - body.top),
        lastInView: last !== undefined && last.top >= head.bottom - 0.5 && last.bottom <= body.bottom + 0.5,
        rendered: t.querySelectorAll('[role=row][aria-rowindex]').length,
      };
    }, rowCount);
    expect(bottom).toMatchObject({ headTop: 0, lastInView: true });
    expect(bottom.rendered).toBeLessThan(rowCount);
    await screenshot(page, 'rfm-drill-en');
  });
});

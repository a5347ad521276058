/**
 * Workbooks with several sheets in the built app (issue 21), on workbooks generated in the test:
 * - en: instructions sheet first, orders in 1月 and 2月 → 1月 opened and said, 说明 listed as
 *   instructions, the two months appended in one click with per-sheet counts and A3 counted once.
 * - zh: a pivot table and a summary before the orders → 订单明细 opened, the others recognised; one
 *   click opens another sheet in its place.
 * - zh: the only data sheet is hidden → opened, and the banner says it is hidden (en: the CLI test).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openSession, screenshot, waitIdle, type Session } from './support/browser.ts';
import {
  hiddenDataSheet,
  instructionsThenMonths,
  pivotAndSummaryFirst,
} from '../unit/support/sheet-workbooks.ts';

let session: Session | null = null;
afterEach(async () => {
  if (session) {
    expect(session.external(), 'requests that left the origin').toEqual([]);
    expect(session.consoleErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
    await session.close();
    session = null;
  }
});

const dir = mkdtempSync(join(tmpdir(), 'cl-sheets-e2e-'));
function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
const shop = file('shop.xlsx', instructionsThenMonths());
const report = file('report.xlsx', pivotAndSummaryFirst());
const hidden = file('hidden.xlsx', hiddenDataSheet());

async function open(locale: 'zh-CN' | 'en'): Promise<Page> {
  session = await openSession({ locale });
  const { page } = session;
  await page.goto(session.baseUrl);
  await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
  return page;
}

async function drop(page: Page, path: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles([path]);
  await page.getByTestId('sheet-choice').waitFor({ timeout: 60_000 });
  await waitIdle(page);
}

/** Open the mapping screen and clean when the drop did not. */
async function cleaned(page: Page): Promise<void> {
  await page.getByTestId('nav-clean').click();
  await page.getByTestId('mapping-editor').waitFor();
  if ((await page.getByTestId('cleaning-report').count()) === 0) {
    await page.getByTestId('run-cleaning').click();
    await page.getByTestId('cleaning-report').waitFor({ timeout: 60_000 });
  }
  await waitIdle(page);
}

const numbers = (text: string) => [...text.matchAll(/[\d,]+/g)].map((m) => Number(m[0].replaceAll(',', '')));
const otherSheets = (page: Page) =>
  page
    .getByTestId('sheet-other')
    .evaluateAll((els) =>
      els.map((e) => [e.textContent?.replace(/\s+/g, ' ').trim(), e.getAttribute('data-kind')]),
    );

describe('workbooks with several sheets', () => {
  it('en: instructions first → 1月 opened; the monthly sheets appended with per-sheet counts', async () => {
    const page = await open('en');
    await drop(page, shop);
    const opened = page.getByTestId('sheet-opened');
    await expect(opened.getAttribute('data-reason')).resolves.toBe('best');
    await expect(opened.textContent()).resolves.toContain(
      'Opened sheet “1月” (orders, 3 rows): its columns fit orders best.',
    );
    expect(await otherSheets(page)).toEqual([
      ['说明 (instructions, 3 rows) Open', 'instructions'],
      ['2月 (orders, 3 rows) Open', 'data'],
    ]);
    await cleaned(page);
    expect(numbers((await page.getByTestId('cleaning-sum').textContent())!)).toEqual([3, 3, 0]);
    await screenshot(page, 'sheets-before-append-en');

    await page.getByTestId('sheets-append').click();
    await page.getByTestId('sheets-appended').waitFor({ timeout: 60_000 });
    await page.getByTestId('file-counts').waitFor({ timeout: 60_000 });
    await waitIdle(page);
    await expect(page.getByTestId('sheets-appended').textContent()).resolves.toContain(
      '2 sheets appended: 1月, 2月',
    );
    await expect(page.getByTestId('dataset-banner').textContent()).resolves.toContain(
      '2 sheets · 2026-01-05 → 2026-02-14',
    );
    // A3 is in both months: January's copy is set aside as in a later sheet; counts add up.
    expect(numbers((await page.getByTestId('cleaning-sum').textContent())!)).toEqual([6, 5, 1]);
    const rows = await page.getByTestId('file-counts').locator('tbody tr').allTextContents();
    expect(rows[0]).toContain('shop.xlsx · 1月');
    expect(rows[1]).toContain('shop.xlsx · 2月');
    await expect(page.getByTestId('sheets-append').count()).resolves.toBe(0);
    await screenshot(page, 'sheets-appended-en');
  });

  it('zh: a pivot table and a summary are recognised; the orders behind them opened; one click opens another', async () => {
    const page = await open('zh-CN');
    await drop(page, report);
    await expect(page.getByTestId('sheet-opened').textContent()).resolves.toContain(
      '已打开工作表“订单明细”（订单，3 行）',
    );
    expect(await otherSheets(page)).toEqual([
      ['数据透视（数据透视表，2 行） 打开', 'pivot'],
      ['汇总（汇总表，2 行） 打开', 'summary'],
    ]);
    await screenshot(page, 'sheets-pivot-zh');
    // Open the summary in place of the orders: shown on the Data tab, the orders released.
    await page.getByTestId('sheet-other').filter({ hasText: '汇总' }).getByTestId('sheet-open').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=sheet-choice]')?.getAttribute('data-sheet') === '汇总',
      null,
      { timeout: 60_000 },
    );
    await waitIdle(page);
    await expect(page.getByTestId('sheet-opened').getAttribute('data-reason')).resolves.toBe('forced');
    // Its total row (合计) is dropped and said, as in any table.
    await expect(page.getByTestId('row-count').textContent()).resolves.toBe('2');
    await expect(page.getByTestId('dataset-role-select').inputValue()).resolves.toBe('unused');
    // …and back to the orders in one click: cleaned again.
    await page.getByTestId('sheet-other').filter({ hasText: '订单明细' }).getByTestId('sheet-open').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=sheet-choice]')?.getAttribute('data-sheet') === '订单明细',
      null,
      { timeout: 60_000 },
    );
    await waitIdle(page);
    await cleaned(page);
    expect(numbers((await page.getByTestId('cleaning-sum').textContent())!)).toEqual([3, 3, 0]);
  });

  it('zh: the only data sheet is hidden → opened and said', async () => {
    const sentence = '已打开隐藏的工作表“data”（3 行）：工作簿中只有它含有数据。';
    const page = await open('zh-CN');
    await drop(page, hidden);
    const opened = page.getByTestId('sheet-opened');
    await expect(opened.getAttribute('data-reason')).resolves.toBe('hidden');
    await expect(opened.textContent()).resolves.toContain(sentence);
    await cleaned(page);
    expect(numbers((await page.getByTestId('cleaning-sum').textContent())!)).toEqual([3, 3, 0]);
    await screenshot(page, 'sheets-hidden-zh');
  });
});

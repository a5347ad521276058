/**
 * The action plan and the report (issue 17) in real Chromium on the sample. The sample is loaded once
 * (zh-CN), then the same page switches to en, so the file stays short.
 * - zh-CN: an action from a segment's recommended action (its KPI now against the baseline) and one by
 *   hand (a spreadsheet formula as its text); the board's XLSX; the report (cover with read = used +
 *   set aside, tables, charts as images, the plan), printed to an A4 PDF whose pages are rendered to
 *   PNG with pdftoppm when installed, plus the print-emulated page (test-results/e2e/, to look at);
 *   the report's XLSX workbook with README, the plan and every table.
 * - en: the board and the report in English, another action, the PDF; a fresh browser opening the
 *   share link sees the plan before applying it and in the applied setup (no data travels).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { read } from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openSession, waitIdle, type Session } from './support/browser.ts';

const sessions: Session[] = [];
afterAll(async () => {
  for (const s of sessions.splice(0)) {
    expect(s.external(), 'requests that left the origin').toEqual([]);
    expect(s.consoleErrors).toEqual([]);
    await s.close();
  }
});

const hasPdftoppm = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPdftoppm) console.log('SKIP: pdftoppm not installed: the PDF pages are not rendered to PNG');

async function open(locale: 'zh-CN' | 'en', url?: string): Promise<Session> {
  const s = await openSession({ locale });
  sessions.push(s);
  await s.page.goto(url ?? s.baseUrl);
  await s.page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
  await waitIdle(s.page);
  return s;
}

async function openBoard(page: Page): Promise<void> {
  await page.getByTestId('nav-actions').click();
  await page.locator('[data-testid=actions-view][data-loaded=true]').waitFor({ timeout: 60_000 });
  await waitIdle(page);
}

async function addByHand(page: Page, problem: string): Promise<void> {
  await page.getByTestId('action-new').click();
  await page.getByTestId('action-problem').fill(problem);
  await page.getByTestId('action-kpi').selectOption('rfm.repurchase_rate');
  await page.getByTestId('action-save').click();
}

/** Print the page to an A4 PDF (and its pages to PNG), and screenshot the print-emulated page. */
async function printReport(page: Page, locale: string): Promise<void> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pdfPath = join(ARTIFACTS, `report-${locale}.pdf`);
  writeFileSync(pdfPath, pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(5); // cover, findings, sections (2+), plan, definitions
  if (hasPdftoppm) {
    execFileSync('pdftoppm', ['-png', '-r', '50', pdfPath, join(ARTIFACTS, `report-${locale}-page`)]);
    expect(existsSync(join(ARTIFACTS, `report-${locale}-page-1.png`))).toBe(true);
  }
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('nav[aria-label=sections]').isVisible()).resolves.toBe(false);
  await expect(page.getByTestId('report-print').isVisible()).resolves.toBe(false);
  await page.screenshot({ path: join(ARTIFACTS, `report-print-${locale}.png`), fullPage: true });
  await page.emulateMedia({ media: null });
}

async function openReport(page: Page): Promise<void> {
  await page.getByTestId('nav-report').click();
  await page.locator('[data-testid=report-view][data-loaded=true]').waitFor({ timeout: 90_000 });
  await waitIdle(page, 90_000);
}

let page: Page;

describe.sequential('action plan and report', () => {
  it('zh-CN: actions from a segment and by hand, the report printed and as a workbook', async () => {
    page = (await open('zh-CN')).page;
    await page.getByTestId('load-sample').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=nav-actions]')?.hasAttribute('disabled') === false,
      null,
      { timeout: 90_000 },
    );
    await openBoard(page);
    await expect(page.getByTestId('actions-empty').count()).resolves.toBe(1);

    // From a segment's recommended action: prefilled, the segment's size now as the KPI baseline.
    const segment = page.getByTestId('action-segment');
    await segment.selectOption((await segment.locator('option').nth(1).getAttribute('value'))!);
    await page.getByTestId('action-from-segment').click();
    expect((await page.getByTestId('action-solution').inputValue()).length).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('action-baseline').inputValue())).toBeGreaterThan(0);
    await page.getByTestId('action-owner').fill('运营 · 小王');
    await page.getByTestId('action-save').click();
    // By hand: the problem is required (one sentence), then saved.
    await page.getByTestId('action-new').click();
    await page.getByTestId('action-save').click();
    await expect(page.getByTestId('action-form').getByRole('alert').textContent()).resolves.toBe(
      '请填写问题。',
    );
    await page.getByTestId('action-form').getByRole('button', { name: '取消' }).click();
    await addByHand(page, '=HYPERLINK("x") 短信活动 ROI 偏低');
    const rows = page.getByTestId('action-row');
    await expect(rows.count()).resolves.toBe(2);
    await rows.nth(1).getByTestId('action-row-status').selectOption('doing');
    await expect(rows.nth(0).getByTestId('action-kpi-now').textContent()).resolves.toMatch(
      /当前 [\d,]+（基线 [\d,]+，变化 0）/,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'actions-board-zh-CN.png'), fullPage: true });

    const [boardFile] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('actions-export').click(),
    ]);
    const board = read(readFileSync((await boardFile.path())!), { type: 'buffer' });
    expect(board.SheetNames).toEqual(['行动计划']);
    expect(board.Sheets['行动计划']!['A3']).toMatchObject({ t: 's', v: '=HYPERLINK("x") 短信活动 ROI 偏低' });
    expect(board.Sheets['行动计划']!['A3'].f).toBeUndefined();

    await openReport(page);
    const cover = (await page.getByTestId('report-cover').textContent())!;
    expect(cover).toMatch(/读取 [\d,]+ 行 = 使用 [\d,]+ 行 \+ 搁置 [\d,]+ 行/);
    expect(cover).toContain('orders-sample.csv');
    expect(await page.getByTestId('report-table').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('[data-testid=report-chart] img').count()).toBe(2);
    await expect(page.getByTestId('report-actions').textContent()).resolves.toContain('运营 · 小王');
    await expect(page.getByTestId('report-findings').textContent()).resolves.toMatch(/\S/);
    await printReport(page, 'zh-CN');

    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      page.getByTestId('report-xlsx').click(),
    ]);
    const book = read(readFileSync((await file.path())!), { type: 'buffer' });
    expect(book.SheetNames.slice(0, 2)).toEqual(['README', '行动计划']);
    for (const sheet of ['customers', 'segments', 'periods', 'behaviour', 'cohorts', 'churn'])
      expect(book.SheetNames).toContain(sheet);
    expect(JSON.stringify(book.Sheets['README'])).toContain('清洗汇总');
    expect(Object.values(book.Sheets).some((s) => Object.values(s).some((c) => c?.f !== undefined))).toBe(
      false,
    );
  });

  it('en: the board and the report in English; the plan travels by share link without data', async () => {
    await page.getByTestId('locale-en').click();
    await openBoard(page);
    await addByHand(page, 'Win back lapsed VIPs');
    const rows = page.getByTestId('action-row');
    await expect(rows.count()).resolves.toBe(3);
    await expect(rows.nth(1).getByTestId('action-kpi-now').textContent()).resolves.toMatch(
      /Now [\d.]+\s?% \(baseline [\d.]+\s?%, change 0 pp\)/,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'actions-board-en.png'), fullPage: true });
    await openReport(page);
    await expect(page.getByTestId('report-cover').textContent()).resolves.toMatch(
      /Read [\d,]+ rows = used [\d,]+ \+ set aside [\d,]+/,
    );
    await expect(page.getByTestId('report-actions').textContent()).resolves.toContain('Win back lapsed VIPs');
    await expect(page.getByTestId('report-definitions').textContent()).resolves.toMatch(/\S/);
    await printReport(page, 'en');

    await page.getByTestId('nav-config').click();
    await page.getByTestId('copy-share-link').click();
    const link = await page.getByTestId('share-link').inputValue();
    const fresh = (await open('en', link)).page;
    await fresh.getByTestId('shared-panel').waitFor();
    await expect(fresh.getByTestId('describe-actions').textContent()).resolves.toContain(
      'Win back lapsed VIPs',
    );
    await fresh.getByTestId('shared-apply').click();
    await fresh.getByTestId('shared-applied').waitFor();
    await fresh.getByTestId('open-setup').click();
    const restored = fresh.locator('[data-testid=current-description] [data-testid=describe-actions] li');
    await expect(restored.count()).resolves.toBe(3);
    await expect(restored.nth(1).textContent()).resolves.toContain('短信活动 ROI 偏低 · Doing');
  });
});

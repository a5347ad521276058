/**
 * The action plan and the report (issue 17) in real Chromium on the sample, in zh-CN and en: an action
 * is created from a segment's recommended action (its KPI shows the current value against the
 * baseline), another by hand; a fresh browser opening the share link sees the plan before applying it
 * and on the board after loading the data; the report opens, prints to an A4 PDF (its pages rendered
 * to PNG with pdftoppm when installed, and the print-emulated page screenshotted, in
 * test-results/e2e/ to be looked at), and its XLSX workbook has README, the action plan and every table.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { read } from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openSession, waitIdle, type Session } from './support/browser.ts';

const sessions: Session[] = [];
afterEach(async () => {
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
if (!hasPdftoppm) console.log('SKIP: pdftoppm not installed: PDF pages not rendered to PNG');

async function open(locale: 'zh-CN' | 'en', url?: string): Promise<Session> {
  const s = await openSession({ locale });
  sessions.push(s);
  await s.page.goto(url ?? s.baseUrl);
  await s.page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
  await waitIdle(s.page);
  return s;
}

async function loadSample(page: Page): Promise<void> {
  await page.getByTestId('load-sample').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid=nav-actions]')?.hasAttribute('disabled') === false,
    null,
    { timeout: 90_000 },
  );
  await waitIdle(page);
}

async function openBoard(page: Page): Promise<void> {
  await page.getByTestId('nav-actions').click();
  await page.locator('[data-testid=actions-view][data-loaded=true]').waitFor({ timeout: 60_000 });
  await waitIdle(page);
}

const T = {
  'zh-CN': {
    owner: '运营 · 小王',
    manual: '短信活动 ROI 偏低',
    readme: '清洗汇总',
    plan: '行动计划',
    todo: '进行中',
  },
  en: {
    owner: 'CRM team',
    manual: 'SMS campaign ROI is low',
    readme: 'Cleaning summary',
    plan: 'Action plan',
    todo: 'Doing',
  },
} as const;

describe('action plan and report', () => {
  it.each(['zh-CN', 'en'] as const)('%s', async (locale) => {
    const t = T[locale];
    const t0 = Date.now();
    const step = (name: string) => console.log(`[${locale}] ${name} ${Date.now() - t0} ms`);
    const first = await open(locale);
    const page = first.page;
    await loadSample(page);
    await openBoard(page);
    await expect(page.getByTestId('actions-empty').count()).resolves.toBe(1);

    step('From a segment');
    // From a segment's recommended action: prefilled, the segment's size as the KPI baseline.
    const segment = page.getByTestId('action-segment');
    const value = await segment.locator('option').nth(1).getAttribute('value');
    await segment.selectOption(value!);
    await page.getByTestId('action-from-segment').click();
    const solution = await page.getByTestId('action-solution').inputValue();
    expect(solution.length).toBeGreaterThan(0);
    const baseline = Number(await page.getByTestId('action-baseline').inputValue());
    expect(baseline).toBeGreaterThan(0);
    await page.getByTestId('action-owner').fill(t.owner);
    await page.getByTestId('action-save').click();
    step('By hand');
    // By hand, with a spreadsheet formula as its text and the repurchase rate to watch.
    await page.getByTestId('action-new').click();
    await page.getByTestId('action-save').click();
    await page.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    await page.getByTestId('action-problem').fill(`=HYPERLINK("x") ${t.manual}`);
    await page.getByTestId('action-kpi').selectOption('rfm.repurchase_rate');
    await page.getByTestId('action-save').click();
    const rows = page.getByTestId('action-row');
    await expect(rows.count()).resolves.toBe(2);
    await rows.nth(1).getByTestId('action-row-status').selectOption('doing');
    const kpi = (await rows.nth(0).getByTestId('action-kpi-now').textContent())!;
    expect(kpi).toMatch(/\d/);
    expect(kpi).toContain(locale === 'zh-CN' ? '基线' : 'baseline');
    await page.screenshot({ path: join(ARTIFACTS, `actions-board-${locale}.png`), fullPage: true });

    step("The board's own X");
    // The board's own XLSX.
    const [boardFile] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('actions-export').click(),
    ]);
    const board = read(readFileSync((await boardFile.path())!), { type: 'buffer' });
    expect(board.SheetNames).toEqual([t.plan]);
    expect(board.Sheets[t.plan]!['A3']).toMatchObject({ t: 's', v: `=HYPERLINK("x") ${t.manual}` });
    expect(board.Sheets[t.plan]!['A3'].f).toBeUndefined();

    step('The report:');
    // The report: cover, sections' tables and charts (as images), the plan, definitions.
    await page.getByTestId('nav-report').click();
    await page.locator('[data-testid=report-view][data-loaded=true]').waitFor({ timeout: 90_000 });
    await waitIdle(page, 90_000);
    const cover = (await page.getByTestId('report-cover').textContent())!;
    expect(cover).toMatch(
      locale === 'zh-CN'
        ? /读取 [\d,]+ 行 = 使用 [\d,]+ 行 \+ 搁置 [\d,]+ 行/
        : /Read [\d,]+ rows = used [\d,]+ \+ set aside [\d,]+/,
    );
    expect(cover).toContain('orders-sample.csv');
    expect(await page.getByTestId('report-table').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('[data-testid=report-chart] img').count()).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId('report-actions').textContent()).resolves.toContain(t.owner);
    await expect(page.getByTestId('report-findings').textContent()).resolves.toMatch(/\S/);

    step('Print:');
    // Print: an A4 PDF, its pages as images; and the print-emulated page.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pdfPath = join(ARTIFACTS, `report-${locale}.pdf`);
    writeFileSync(pdfPath, pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(4); // cover, findings, sections, plan + definitions
    if (hasPdftoppm) {
      execFileSync('pdftoppm', ['-png', '-r', '50', pdfPath, join(ARTIFACTS, `report-${locale}-page`)]);
      expect(
        existsSync(join(ARTIFACTS, `report-${locale}-page-1.png`)) ||
          existsSync(join(ARTIFACTS, `report-${locale}-page-01.png`)),
      ).toBe(true);
    }
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('nav[aria-label=sections]').isVisible()).resolves.toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, `report-print-${locale}.png`), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    step('The workbook:');
    // The workbook: README, the plan, every table of the report.
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      page.getByTestId('report-xlsx').click(),
    ]);
    const book = read(readFileSync((await file.path())!), { type: 'buffer' });
    expect(book.SheetNames.slice(0, 2)).toEqual(['README', t.plan]);
    for (const sheet of ['customers', 'segments', 'periods', 'behaviour'])
      expect(book.SheetNames).toContain(sheet);
    const readme = JSON.stringify(book.Sheets['README']);
    expect(readme).toContain(t.readme);

    step('The share link');
    // The share link carries the plan (no data) to a fresh browser: listed before applying, then in
    // the applied setup.
    await page.getByTestId('nav-config').click();
    await page.getByTestId('copy-share-link').click();
    const link = await page.getByTestId('share-link').inputValue();
    const second = await open(locale, link);
    const p2 = second.page;
    await p2.getByTestId('shared-panel').waitFor();
    await expect(p2.getByTestId('describe-actions').textContent()).resolves.toContain(t.manual);
    await p2.getByTestId('shared-apply').click();
    await p2.getByTestId('shared-applied').waitFor();
    await p2.getByTestId('open-setup').click();
    const restored = p2.locator('[data-testid=current-description] [data-testid=describe-actions] li');
    await expect(restored.count()).resolves.toBe(2);
    await expect(restored.nth(1).textContent()).resolves.toContain(`${t.manual} · ${t.todo}`);
    step('done');
  }, 240_000);
});

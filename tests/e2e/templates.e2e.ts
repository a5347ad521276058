/**
 * Input templates and the "what can I analyse" panel (issue 17), in zh-CN and en: on the landing page
 * the panel says what every section needs; a template downloaded from it and dropped back is
 * recognised as its role (orders: cleaned at once, the RFM section opens); the same file with a
 * required column deleted gets one sentence naming what it lacks; the panel then says which sections
 * are available and what to add for the others.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession, screenshot, waitIdle, type Session } from './support/browser.ts';
import { axeViolations } from './support/axe.ts';

let session: Session | null = null;
afterEach(async () => {
  if (session) {
    expect(session.external(), 'requests that left the origin').toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    await session.close();
    session = null;
  }
});

const dir = mkdtempSync(join(tmpdir(), 'cl-templates-e2e-'));

/** Click a download button; the file is kept under its suggested name (the loader reads the extension). */
async function download(page: Session['page'], testid: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId(testid).click(),
  ]);
  const path = join(dir, file.suggestedFilename());
  copyFileSync((await file.path())!, path);
  return path;
}

/** The CSV without one column (a user deleted it from the filled template). */
function withoutColumn(path: string, header: string, name: string): string {
  const lines = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const at = lines[0]!.split(',').indexOf(header);
  expect(at).toBeGreaterThanOrEqual(0);
  const out = join(dir, name);
  writeFileSync(
    out,
    '\uFEFF' +
      lines
        .map((l) =>
          l
            .split(',')
            .filter((_, i) => i !== at)
            .join(','),
        )
        .join('\r\n') +
      '\r\n',
  );
  return out;
}

async function status(page: Session['page'], id: string): Promise<string | null> {
  return page.getByTestId(`guide-${id}`).getAttribute('data-status');
}

describe('input templates and the availability panel', () => {
  it('zh-CN: orders template downloaded, dropped back, recognised and cleaned; a missing column is named', async () => {
    session = await openSession({ locale: 'zh-CN' });
    const { page } = session;
    await page.goto(session.baseUrl);
    await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
    // Before any file: what each section needs, with a link to the template.
    const guide = page.getByTestId('analysis-guide');
    await guide.waitFor();
    expect(await guide.locator('h2').textContent()).toBe('我的文件能做哪些分析？');
    expect(await status(page, 'rfm')).toBe('add');
    expect(await page.getByTestId('guide-campaigns').textContent()).toContain(
      '还需要：订单明细、营销活动触达明细',
    );
    await page.getByTestId('guide-funnel-template-events').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('template-events');
    expect(await axeViolations(page), 'axe-core violations').toEqual([]);
    await screenshot(page, 'templates-landing-zh-CN');

    const csv = await download(page, 'template-orders-csv');
    expect(csv).toMatch(/customer-lens-template-orders-zh\.csv$/);
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('订单编号,客户ID,下单时间,实付金额');

    // Dropped back untouched: orders, every column mapped, cleaned at once → RFM opens.
    await page.getByTestId('file-input').setInputFiles(csv);
    await page.getByTestId('nav-rfm').waitFor({ timeout: 60_000 });
    await waitIdle(page);
    await page.getByTestId('nav-data').click();
    expect(await page.getByTestId('dataset-role-detected').getAttribute('data-role')).toBe('orders');
    await expect.poll(() => status(page, 'rfm')).toBe('open');
    expect(await status(page, 'campaigns')).toBe('add');
    expect(await page.getByTestId('guide-campaigns').textContent()).toContain('还需要：营销活动触达明细');

    // The same file without its amount column: one sentence says what it lacks.
    await page
      .getByTestId('file-input')
      .setInputFiles(withoutColumn(csv, '实付金额', 'orders-no-amount.csv'));
    await waitIdle(page);
    await page.getByTestId('nav-data').click();
    await page.getByRole('tab', { name: 'orders-no-amount.csv' }).click();
    const missing = page.getByTestId('dataset-role-missing');
    await missing.waitFor({ timeout: 30_000 });
    expect(await missing.getAttribute('data-role')).toBe('orders');
    expect(await missing.textContent()).toContain(
      '“orders-no-amount.csv”看起来是订单明细文件，但缺少必填列：实付金额 / 单价。',
    );
    await screenshot(page, 'templates-data-zh-CN');
  });

  it('en: leads template (XLSX, English headers) recognised; the panel says what to clean and add', async () => {
    session = await openSession({ locale: 'en' });
    const { page } = session;
    await page.goto(session.baseUrl);
    await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('analysis-guide').locator('h2').textContent()).toBe(
      'What can I analyse with my files?',
    );
    expect(await page.getByTestId('template-lang').inputValue()).toBe('en');
    await page.getByTestId('template-leads').locator('summary').click();
    expect(await page.getByTestId('template-leads').locator('tbody tr').first().textContent()).toContain(
      'Lead ID',
    );
    const xlsx = await download(page, 'template-leads-xlsx');
    expect(xlsx).toMatch(/customer-lens-template-leads-en\.xlsx$/);
    expect([...readFileSync(xlsx).subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip (xlsx)

    await page.getByTestId('file-input').setInputFiles(xlsx);
    await page.getByTestId('nav-data').waitFor({ timeout: 60_000 });
    await waitIdle(page);
    // A lone file is offered as the orders first (mapping screen); the Data tab says what it is.
    await page.getByTestId('nav-data').click();
    expect(await page.getByTestId('dataset-role-detected').getAttribute('data-role')).toBe('leads');
    expect(await page.getByTestId('dataset-role-missing').count()).toBe(0);
    expect(await status(page, 'leads')).toBe('clean');
    expect(await page.getByTestId('guide-rfm').textContent()).toContain('Needs: Orders');

    // Cleaned on Mapping & cleaning: every field mapped, nothing missing → the Leads section opens.
    await page.getByTestId('nav-clean').click();
    await page.getByTestId('role-files-card').waitFor();
    expect(await page.getByTestId('role-file-role').inputValue()).toBe('leads');
    expect(await page.getByTestId('role-field-lead_id').inputValue()).toBe('Lead ID');
    expect(await page.getByTestId('role-file-missing').count()).toBe(0);
    await page.getByTestId('run-role-cleaning').click();
    await page.getByTestId('role-report-leads').waitFor({ timeout: 60_000 });
    await waitIdle(page);
    await page.getByTestId('nav-data').click();
    await expect.poll(() => status(page, 'leads')).toBe('open');
    expect(await axeViolations(page), 'axe-core violations').toEqual([]);
    await screenshot(page, 'templates-data-en');
  });
});

/**
 * Behaviour and lifecycle sections (issue 6) on the sample: charts render, key numbers show (万 in
 * zh), a churn warning list has rows and exports as CSV with the documented header; screenshots of
 * both sections in zh-CN and en go to test-results/e2e/.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openSession, screenshot, waitIdle, type Session } from './support/browser.ts';
import { exportHeaders, type Locale } from '../../src/i18n/i18n.ts';

/** An export's header row in the UI language (issue 18: the CLI keeps snake_case). */
const headerRow = (locale: Locale, names: string) =>
  names
    .split(',')
    .map((n) => exportHeaders(locale)[n] ?? n)
    .join(',');

let session: Session | null = null;
afterEach(async () => {
  if (session) {
    expect(session.external(), 'requests that left the origin').toEqual([]);
    expect(
      session.consoleErrors.filter((e) => !e.includes('favicon')),
      'console errors',
    ).toEqual([]);
    await session.close();
    session = null;
  }
});

const rendered = (page: Page, testid: string) =>
  page.locator(`[data-testid=${testid}][data-rendered=true]`).waitFor({ timeout: 60_000 });

async function openBehaviour(page: Page): Promise<void> {
  await page.getByTestId('nav-behaviour').click();
  await page.locator('[data-testid=behaviour-view][data-loaded=true]').waitFor({ timeout: 90_000 });
  await waitIdle(page, 90_000);
}

async function openLifecycle(page: Page): Promise<void> {
  await page.getByTestId('nav-lifecycle').click();
  await page.locator('[data-testid=lifecycle-view][data-loaded=true]').waitFor({ timeout: 90_000 });
  await waitIdle(page, 90_000);
}

describe('behaviour and lifecycle', () => {
  it('shows behaviour charts and numbers, cohorts and churn lists, and exports a churn list', async () => {
    session = await openSession({ locale: 'zh-CN' });
    const { page } = session;
    await page.goto(session.baseUrl);
    await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
    await page.getByTestId('load-sample').click();
    // The sample is mapped and cleaned automatically; the analysis sections then unlock.
    await page.locator('[data-testid=nav-behaviour]:not([disabled])').waitFor({ timeout: 90_000 });
    await waitIdle(page, 90_000);

    await openBehaviour(page);
    for (const chart of ['chart-intervals', 'chart-time', 'chart-revenue']) await rendered(page, chart);
    await expect(page.getByTestId('kpi-repurchase-rate').textContent()).resolves.toMatch(/\d+(\.\d)?%/);
    await expect(page.getByTestId('kpi-second-30').textContent()).resolves.toMatch(/\d+(\.\d)?%/);
    // Revenue of a month of the sample is in the hundreds of thousands: 万 in zh.
    await expect(page.getByTestId('kpi-latest-revenue').textContent()).resolves.toMatch(/\d万/);
    await expect(page.getByTestId('peak-hours').textContent()).resolves.toMatch(/\d\d:00–\d\d:00/);
    expect(await page.locator('[data-testid=interval-stats] tbody tr').count()).toBe(1);
    expect(Number(await page.getByTestId('features-table').getAttribute('data-rows'))).toBeGreaterThan(1000);
    await screenshot(page, 'behaviour-zh');
    // Splits by RFM segment (the sample opened the RFM section, so its segments exist) and by category.
    await page.getByTestId('revenue-split').selectOption('segment');
    await page.getByTestId('interval-grouping').selectOption('category');
    // One row per category once the grouping has been recomputed.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=interval-stats] tbody tr').length > 3,
      null,
      { timeout: 60_000 },
    );
    await waitIdle(page);
    await rendered(page, 'chart-revenue');
    await rendered(page, 'chart-intervals');
    expect(await page.getByTestId('error').count()).toBe(0);

    await openLifecycle(page);
    for (const chart of ['chart-lifecycle', 'chart-cohort-heatmap', 'chart-cohort-curves'])
      await rendered(page, chart);
    const idle = Number((await page.getByTestId('churn-count-idle').textContent())!.replaceAll(',', ''));
    expect(idle).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('churn-table').getAttribute('data-rows'))).toBe(idle);
    expect(await page.locator('[data-testid=compare-table] tbody tr').count()).toBe(12);

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('churn-export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('churn-idle.csv');
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/).filter((l) => l !== '');
    expect(lines[0]).toBe(
      headerRow(
        'zh-CN',
        'customer_id,rule,days_idle,last_purchase,threshold_days,detail,orders,spend,segment,segment_label,rfm_code,r_score,f_score,m_score',
      ),
    );
    expect(lines[0]).toMatch(/^客户ID,规则,未购买天数,/);
    expect(lines).toHaveLength(idle + 1);
    expect(lines[1]).toMatch(/^[^,]+,idle,\d+,\d{4}-\d\d-\d\d,/);

    await page.getByTestId('cohort-values').locator('[data-value=counts]').click();
    await rendered(page, 'chart-cohort-heatmap');
    await screenshot(page, 'lifecycle-zh');

    await page.getByTestId('locale-en').click();
    await expect(page.getByTestId('lifecycle-view').locator('h2').textContent()).resolves.toBe(
      'Customer lifecycle',
    );
    await rendered(page, 'chart-cohort-heatmap');
    await screenshot(page, 'lifecycle-en');
    await openBehaviour(page);
    await rendered(page, 'chart-revenue');
    await expect(page.getByTestId('behaviour-view').locator('h2').textContent()).resolves.toBe(
      'Purchase behaviour',
    );
    await screenshot(page, 'behaviour-en');
  });
});

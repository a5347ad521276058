/**
 * CLV section (issue 16) on the sample, in zh-CN and en: the fit runs in the worker; the model
 * parameters, the P(alive) bands, the customer list with its CLV columns, the "likely churned but
 * valuable" list and, with a calibration end set, both model-check charts with their numbers; then
 * the demand forecast chart with intervals, calendar marks and the backtest.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openSession, screenshot, waitIdle, type Session } from './support/browser.ts';
import { translate, type MessageKey } from '../../src/i18n/i18n.ts';
import { readFileSync } from 'node:fs';

type Page = Session['page'];

/** Open the high-value segment's customer list on the RFM page and wait for its rows. */
async function openDrill(page: Page): Promise<void> {
  await page.locator('[data-testid=segment-row][data-segment=high_value] button').click();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid=drill-table]')?.getAttribute('data-rows')) > 0,
    null,
    { timeout: 60_000 },
  );
  await waitIdle(page);
}

async function drillHeaders(page: Page): Promise<string[]> {
  const all = await page.getByTestId('drill-table').getByRole('columnheader').allTextContents();
  return all.map((h) => h.trim());
}

let session: Session | null = null;
afterEach(async () => {
  if (session) {
    expect(session.external(), 'requests that left the origin').toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    await session.close();
    session = null;
  }
});

describe('CLV section on the sample', () => {
  it.each(['zh-CN', 'en'] as const)('%s', async (locale) => {
    session = await openSession({ locale });
    const { page } = session;
    await page.goto(session.baseUrl);
    await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
    await page.getByTestId('load-sample').click();
    await page.locator('[data-testid=rfm-overview][data-ready=true]').waitFor({ timeout: 90_000 });
    await waitIdle(page);
    // Before any CLV fit the RFM customer list has no CLV columns and says why (issue 16).
    await openDrill(page);
    await expect(page.getByTestId('drill-clv-note').textContent()).resolves.toContain(
      translate(locale, 'rfmUi.clvMissing'),
    );
    expect(await drillHeaders(page)).not.toContain(translate(locale, 'rfmUi.col.pAlive'));
    await page.getByTestId('nav-clv').click();
    await page.locator('[data-testid=clv-view][data-loaded=true]').waitFor({ timeout: 90_000 });
    await waitIdle(page, 90_000);
    await expect(page.locator('[role=alert]').allTextContents()).resolves.toEqual([]);

    // Parameters of both models, with their log-likelihoods.
    const params = await page.getByTestId('clv-params').textContent();
    expect(params).toContain('BG/NBD r');
    expect(params).toContain('Gamma-Gamma p');
    expect(params).toContain(translate(locale, 'clv.logLikelihood'));

    // The customer list shows the CLV columns, in this language.
    const list = page.getByTestId('clv-list');
    const head = await list.locator('thead').textContent();
    for (const key of ['clv.col.pAlive', 'clv.col.next'] as const)
      expect(head).toContain(translate(locale, key));
    expect(head).toContain(translate(locale, 'clv.col.clv', { months: 12 }));
    await expect(list.locator('[data-testid=clv-list-row]').count()).resolves.toBe(50);
    // Sorted by CLV, highest first: the first row's CLV is not below the second's.
    const clvs = await list
      .locator('[data-testid=clv-list-row] td:nth-child(7)')
      .allTextContents()
      .then((t) => t.map((s) => Number(s.replace(/[^0-9.]/g, ''))));
    expect(clvs[0]).toBeGreaterThanOrEqual(clvs[1]!);

    // P(alive) bands: four rows; the churned-but-valuable list is there.
    await expect(page.locator('[data-testid=clv-band-row]').count()).resolves.toBe(4);
    await expect(page.getByTestId('clv-churned').textContent()).resolves.toContain(
      translate(locale, 'clv.churnedValuable'),
    );

    // Without a holdout the checks show the tracking chart and say how to get the holdout check.
    await expect(page.getByTestId('clv-tracking-chart').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-testid=clv-warning]').allTextContents()).resolves.toContain(
      translate(locale, 'clv.warning.no_holdout'),
    );

    // A calibration end: the fit reruns, the calibration-vs-holdout chart and its numbers appear.
    await page.getByTestId('clv-calibration-end').fill('2026-06-30');
    await page.getByTestId('clv-calibration-end').dispatchEvent('change');
    await page.getByTestId('clv-frequency-chart').waitFor({ timeout: 90_000 });
    await waitIdle(page, 90_000);
    await expect(page.locator('[data-testid=clv-frequency-table] tbody tr').count()).resolves.toBeGreaterThan(
      2,
    );
    const period = await page.getByTestId('clv-model').textContent();
    expect(period).toContain('2026-06-30');
    await expect(page.locator('[role=alert]').allTextContents()).resolves.toEqual([]);
    await screenshot(page, `clv-${locale}`);

    // The RFM customer list and its export now carry the CLV columns of this fit (issue 16).
    await page.getByTestId('nav-rfm').click();
    await openDrill(page);
    const headers = await drillHeaders(page);
    for (const key of ['rfmUi.col.pAlive', 'rfmUi.col.clv', 'rfmUi.col.nextPurchase'] as const)
      expect(headers).toContain(translate(locale, key));
    expect(headers).toContain(translate(locale, 'rfmUi.col.expectedPurchases', { days: 90 }));
    const note = await page.getByTestId('drill-clv-note').textContent();
    expect(note).toContain('BG/NBD');
    expect(note).not.toContain(translate(locale, 'rfmUi.clvMissing'));
    const table = page.getByTestId('drill-table');
    const first = await table.locator('[role=row][aria-rowindex="2"] [role=cell]').allTextContents();
    expect(first[headers.indexOf(translate(locale, 'rfmUi.col.pAlive'))]).toMatch(/\d/);
    // The CLV columns sit at the right end of the list: scrolled into view for the picture.
    await table.locator('.body').evaluate((body) => body.scrollTo({ left: body.scrollWidth }));
    await page.getByTestId('drill-down').screenshot({ path: `test-results/e2e/clv-rfm-drill-${locale}.png` });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('export-csv').click(),
    ]);
    const lines = readFileSync((await download.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((l) => l !== '');
    const header = lines[0]!.split(',');
    expect(header.slice(-7)).toEqual(
      [
        'p_alive',
        'expected_purchases',
        'expected_avg_value',
        'clv',
        'next_purchase_date',
        'alive_band',
        'purchase_band',
      ].map((c) => translate(locale, `exportCol.${c}` as MessageKey)),
    );
    const pAlive = header.length - 7;
    const filled = lines.slice(1).filter((l) => /^0(\.\d+)?$|^1$/.test(l.split(',')[pAlive]!));
    expect(filled.length).toBeGreaterThan(0);

    // Demand forecast: the chart with its interval band and the shopping calendar marks (the sample
    // spans 双11 2025 and 618 2026), the backtest's accuracy against seasonal naive, in this language.
    await page.getByTestId('nav-forecast').click();
    await page.locator('[data-testid=forecast-view][data-loaded=true]').waitFor({ timeout: 90_000 });
    await waitIdle(page, 90_000);
    await expect(page.locator('[role=alert]').allTextContents()).resolves.toEqual([]);
    await page.getByTestId('forecast-chart').first().waitFor();
    const calendar = await page.getByTestId('forecast-calendar').textContent();
    expect(calendar).toContain(translate(locale, 'forecast.event.double11'));
    expect(calendar).toContain(translate(locale, 'forecast.event.618'));
    const accuracy = await page.getByTestId('forecast-accuracy').first().textContent();
    expect(accuracy).toContain('sMAPE');
    await screenshot(page, `forecast-${locale}`);
  });
});

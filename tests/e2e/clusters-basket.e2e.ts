/**
 * Clusters and basket rules (issue 15) on the sample, in zh-CN and en: the clusters section shows the
 * k chooser chart, profiles with names in the UI language, and exports clusters.csv with z_ columns;
 * the basket section (baskets per customer, products, support 0.5 %) shows rules, the scatter and the graph, and
 * lists the recommendations with their "because" in the UI language.
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
  page.locator(`[data-testid=${testid}][data-rendered=true]`).waitFor({ timeout: 90_000 });

async function download(page: Page, testid: string): Promise<string[]> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    page.getByTestId(testid).click(),
  ]);
  const lines = readFileSync((await file.path())!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  for (const cell of lines.flatMap((l) => l.split(',')))
    if (!/^-?\d+(\.\d+)?(e-?\d+)?$/.test(cell))
      expect(cell, `${testid}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
  return lines;
}

const CASES = [
  {
    locale: 'zh-CN',
    because: /因为购买了 |热销/,
    name: /[高低近久均频额]/,
    group: '聚类一 客户群',
    withCount: (label: string, n: string) => `${label}（${n} 人）`,
    saved: (name: string) => `已保存客户群“${name}”`,
  },
  {
    locale: 'en',
    because: /because they bought |popular/,
    name: /[a-z]/,
    group: 'Cluster one group',
    withCount: (label: string, n: string) => `${label} (${n})`,
    saved: (name: string) => `Saved the customer group “${name}”`,
  },
] as const;

describe('clusters and basket rules', () => {
  for (const c of CASES) {
    it(`${c.locale}: clusters with names and profiles, rules with charts, recommendations with reasons`, async () => {
      session = await openSession({ locale: c.locale });
      const { page } = session;
      await page.goto(session.baseUrl);
      await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
      await page.getByTestId('load-sample').click();
      await page.locator('[data-testid=nav-clusters]:not([disabled])').waitFor({ timeout: 90_000 });
      await waitIdle(page, 90_000);

      await page.getByTestId('nav-clusters').click();
      await page.locator('[data-testid=clusters-view][data-loaded=true]').waitFor({ timeout: 120_000 });
      await waitIdle(page, 120_000);
      await rendered(page, 'chart-clusters-chooser');
      const rows = await page.getByTestId('cluster-row').count();
      expect(rows).toBeGreaterThanOrEqual(2);
      const name = await page.getByTestId('cluster-name').first().inputValue();
      expect(name).toMatch(c.name);
      const csv = await download(page, 'clusters-export-csv');
      expect(csv[0]).toBe(headerRow(c.locale, 'customer_id,cluster,z_recency,z_frequency,z_monetary'));
      expect(csv.length).toBeGreaterThan(1000);
      await screenshot(page, `clusters-${c.locale}`);

      // Issues 14–16: cluster 1 saved as a customer group is a choice of the group comparison with its
      // size, compares exactly its customers, and opens in the RFM drill-down with the same count.
      const size = (await page.getByTestId('cluster-row').first().locator('td').nth(2).textContent())!.trim();
      await page.getByTestId('clusters-save-group').click();
      await page.getByTestId('clusters-save-group-name').fill(c.group);
      await page.getByTestId('clusters-save-group-confirm').click();
      expect(await page.getByTestId('clusters-save-group-done').textContent()).toContain(c.saved(c.group));
      await page.getByTestId('nav-lifecycle').click();
      await page.locator('[data-testid=lifecycle-view][data-loaded=true]').waitFor({ timeout: 90_000 });
      await waitIdle(page, 90_000);
      const option = page.getByTestId('compare-a').locator('option[value="group:g1"]');
      await option.waitFor({ state: 'attached', timeout: 60_000 });
      expect(await option.textContent()).toBe(c.withCount(c.group, size));
      await page.getByTestId('compare-a').selectOption('group:g1');
      await page.waitForFunction(
        (n) =>
          document
            .querySelector('[data-testid=compare-table] tr[data-metric=customers] td[data-value]')
            ?.getAttribute('data-value') === n,
        size.replace(/\D/g, ''),
        { timeout: 60_000 },
      );
      await page.getByTestId('nav-rfm').click();
      const saved = page.getByTestId('group-g1');
      await saved.getByTestId('group-state').filter({ hasText: size }).waitFor({ timeout: 60_000 });
      expect(await saved.getByTestId('group-name').textContent()).toBe(c.group);
      await saved.getByTestId('group-open').click();
      await page.getByTestId('drill-count').filter({ hasText: size }).waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('drill-group').inputValue()).toBe('g1');
      await page.getByTestId('groups-panel').scrollIntoViewIfNeeded();
      await screenshot(page, `groups-${c.locale}`);

      await page.getByTestId('nav-basket').click();
      await page.locator('[data-testid=basket-view][data-loaded=true]').waitFor({ timeout: 120_000 });
      await waitIdle(page, 120_000);
      // The sample's orders hold one product each: baskets per customer, support 0.5 %, confidence 10 %.
      for (const [testid, value] of [
        ['basket-support', '0.5'],
        ['basket-confidence', '10'],
      ] as const) {
        await page.getByTestId(testid).fill(value);
        await page.getByTestId(testid).dispatchEvent('change');
        await waitIdle(page, 120_000);
      }
      await page.getByTestId('basket-unit').selectOption('customer');
      await waitIdle(page, 120_000);
      await page.getByTestId('basket-rule').first().waitFor({ timeout: 120_000 });
      expect(await page.getByTestId('basket-rule').count()).toBeGreaterThan(0);
      await rendered(page, 'chart-basket-scatter');
      await rendered(page, 'chart-basket-graph');
      await expect(page.getByTestId('basket-summary').textContent()).resolves.toMatch(/\d/);
      // Recommendations with their reason in the UI language (first rows of every customer's top 3).
      expect(await page.getByTestId('basket-rec').count()).toBeGreaterThan(10);
      const reasons = await page.locator('[data-testid=basket-rec] td:last-child').allTextContents();
      expect(reasons.join('\n')).toMatch(c.because);
      await screenshot(page, `basket-${c.locale}`);
      expect(await page.getByTestId('error').count()).toBe(0);
    }, 400_000);
  }
});

/**
 * Findings overview (issue 17) on the sample, in zh-CN and en: the findings are listed ranked with
 * their sentence in the page's language (the same text the CLI writes), a finding's link opens the
 * section it came from, and a finding's customer group downloads (CSV: as many rows as the finding
 * says, no formula cell; XLSX in en). Screenshots: test-results/e2e/findings-<locale>.png.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openSession, screenshot, waitIdle, type Session } from './support/browser.ts';
import { translate } from '../../src/i18n/i18n.ts';
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

describe('findings overview on the sample', () => {
  it.each(['zh-CN', 'en'] as const)('%s', async (locale) => {
    session = await openSession({ locale });
    const { page } = session;
    await page.goto(session.baseUrl);
    await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
    await page.getByTestId('load-sample').click();
    await page.locator('[data-testid=rfm-overview][data-ready=true]').waitFor({ timeout: 90_000 });
    await waitIdle(page);

    await page.getByTestId('nav-findings').click();
    await page.locator('[data-testid=findings-view][data-loaded=true]').waitFor({ timeout: 60_000 });
    await waitIdle(page);
    await expect(page.locator('[role=alert]').allTextContents()).resolves.toEqual([]);
    const cards = page.getByTestId('finding');
    const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-finding-id')));
    // The sample's findings: high spenders overdue and revenue concentration (see findings.json).
    expect(ids).toEqual(expect.arrayContaining(['rfm.overdue', 'rfm.top-share']));
    expect(ids.length).toBeLessThanOrEqual(10);
    const overdue = page.locator('[data-finding-id="rfm.overdue"]');
    const text = await overdue.getByTestId('finding-text').textContent();
    expect(text).toMatch(
      locale === 'zh-CN'
        ? /^[\d,]+ 位高消费老客户（消费前 20%）已超过其平均复购周期 2 倍未购买/
        : /^[\d,]+ repeat customers among the top 20% spenders have gone more than 2× their usual gap/,
    );
    // A segment smaller than a month before (issue 17): said with both dates and the test.
    const shrank = page.locator('[data-finding-id^="rfm.segment-shrank."]').first();
    await expect(shrank.getByTestId('finding-text').textContent()).resolves.toMatch(
      locale === 'zh-CN'
        ? /比 \d{4}-\d{2}-\d{2} 少了 [\d,]+ 位客户（[\d,]+ → [\d,]+，减少 \d+%），占客户比例从 [\d.]+% 降到 [\d.]+%（p [<=] [\d.]+）/
        : /has [\d,]+ fewer customers than on \d{4}-\d{2}-\d{2} \([\d,]+ → [\d,]+, down \d+%\); its share of customers fell from [\d.]+% to [\d.]+% \(p [<=] [\d.]+\)/,
    );
    await expect(page.getByTestId('findings-list').textContent()).resolves.toContain(
      locale === 'zh-CN'
        ? '参与的分析（结论条数）：RFM 分群 (3)'
        : 'Analyses that contributed (findings each): RFM segments (3)',
    );
    // The CLV finding waits for the models to be fit: said on its own line, not as a missing file.
    await expect(page.getByTestId('findings-clv-not-fit').textContent()).resolves.toBe(
      translate(locale, 'findings.clvNotFit'),
    );
    // Campaigns and the funnel need files the sample does not have: said, not silently left out.
    await expect(page.getByTestId('findings-missing').textContent()).resolves.toMatch(
      locale === 'zh-CN' ? /营销活动.*转化漏斗/ : /Campaigns.*Funnel/,
    );
    await expect(page.getByTestId('findings-missing').textContent()).resolves.not.toContain(
      translate(locale, 'nav.clv'),
    );
    await screenshot(page, `findings-${locale}`);
    await expect(axeViolations(page)).resolves.toEqual([]);

    // The group behind the finding downloads: CSV rows = the size said, every cell formula-safe.
    const size = Number((await overdue.locator('.group').textContent())!.replace(/[^\d]/g, ''));
    const format = locale === 'zh-CN' ? 'csv' : 'xlsx';
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      overdue.getByTestId(`finding-export-${format}`).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`finding-rfm.overdue.${format}`);
    const bytes = readFileSync((await download.path())!);
    if (format === 'csv') {
      const lines = bytes
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      expect(lines.length - 1).toBe(size);
      for (const cell of lines.flatMap((l) => l.split(','))) expect(cell).not.toMatch(/^[=+\-@]\D/);
    } else expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await waitIdle(page);

    // The link opens the section it came from.
    await overdue.getByTestId('finding-open').click();
    await expect(page.getByTestId('nav-rfm').getAttribute('aria-current')).resolves.toBe('page');
    await page.locator('[data-testid=rfm-overview][data-ready=true]').waitFor({ timeout: 60_000 });
    await waitIdle(page);

    // An action created from the finding: the board opens with its problem prefilled from the finding.
    await page.getByTestId('nav-findings').click();
    await page.locator('[data-testid=findings-view][data-loaded=true]').waitFor({ timeout: 60_000 });
    await waitIdle(page);
    const title = await overdue.locator('h4').textContent();
    await overdue.getByTestId('finding-create-action').click();
    await expect(page.getByTestId('nav-actions').getAttribute('aria-current')).resolves.toBe('page');
    await page.getByTestId('action-row').first().waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('actions-table').textContent()).resolves.toContain(title!.trim());
    await waitIdle(page);
  });
});

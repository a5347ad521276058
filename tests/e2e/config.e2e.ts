/**
 * Saved and shared setups (issue 5) in real Chromium: a share link round trip into a fresh browser
 * gives the same cleaning numbers; hostile links are refused or shown as text and the app keeps
 * working; named setups and the autosaved working setup survive a reload. Screenshots of the Setup
 * screen and the shared-link panel in zh-CN and en go to test-results/e2e/.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import type { Page } from 'playwright-core';
import { parseConfigFile } from '../../src/config/config-file.ts';
import { openSession, screenshot, waitIdle, type Session } from './support/browser.ts';

const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) {
    expect(s.external(), 'requests that left the origin').toEqual([]);
    await s.close();
  }
});

async function openApp(locale: 'zh-CN' | 'en', url?: (base: string) => string): Promise<Session> {
  const s = await openSession({ locale });
  sessions.push(s);
  await s.page.goto(url ? url(s.baseUrl) : s.baseUrl);
  await s.page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
  await waitIdle(s.page);
  return s;
}

/** Load the sample and wait until it is mapped and cleaned (the analyses open up). */
async function loadSampleCleaned(page: Page): Promise<void> {
  await page.getByTestId('load-sample').click();
  await page.waitForFunction(
    () => {
      const nav = document.querySelector('[data-testid=nav-rfm]');
      return nav !== null && !nav.hasAttribute('disabled');
    },
    null,
    { timeout: 90_000 },
  );
  await waitIdle(page);
}

/** The cleaning report's numbers (read, used, set aside), whatever the UI language. */
async function cleaningSum(page: Page): Promise<string> {
  await page.getByTestId('nav-clean').click();
  const text = (await page.getByTestId('cleaning-sum').textContent())!;
  return (text.match(/\d[\d,]*/g) ?? []).join(' / ');
}

function shareHash(config: unknown): string {
  const bytes = deflateSync(new TextEncoder().encode(JSON.stringify(config)), { level: 9 });
  return `#cfg=${Buffer.from(bytes).toString('base64url')}`;
}

const PWN_LABEL = '<img src=x onerror="window.__pwned=1">';

/** The autosaved working config's name, read straight from IndexedDB (null before the first save). */
function workingName(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        const req = indexedDB.open('customer-lens');
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('state')) return resolve(null);
          const get = db.transaction('state').objectStore('state').get('working');
          get.onsuccess = () =>
            resolve((get.result as { config?: { name?: string } } | undefined)?.config?.name ?? null);
          get.onerror = () => resolve(null);
        };
        req.onerror = () => resolve(null);
      }),
  );
}

describe('share link round trip', () => {
  it('a fresh browser opening the link sees what it does, applies it and gets the same cleaning numbers', async () => {
    const first = await openApp('en');
    await loadSampleCleaned(first.page);
    const before = await cleaningSum(first.page);
    const shown = await first.page.getByTestId('cleaning-sum').textContent();
    // A visible change: "paid" orders no longer count as purchases (the second status, after "awaiting payment").
    await first.page.locator('[data-testid=cleaning-rules] fieldset input[type=checkbox]').nth(1).uncheck();
    await first.page.getByTestId('run-cleaning').click();
    await first.page.waitForFunction(
      (old) => document.querySelector('[data-testid=cleaning-sum]')?.textContent !== old,
      shown,
      { timeout: 60_000 },
    );
    await waitIdle(first.page);
    const changed = await cleaningSum(first.page);
    expect(changed).not.toBe(before);
    expect(changed.split(' / ')).toHaveLength(3);

    await first.page.getByTestId('nav-config').click();
    await first.page.getByTestId('copy-share-link').click();
    await first.page.getByTestId('copy-status').filter({ hasText: /\S/ }).waitFor();
    const link = await first.page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/#cfg=[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(2000);
    await screenshot(first.page, 'config-section-after-sample-en');

    const second = await openApp('zh-CN', () => link);
    const panel = second.page.getByTestId('shared-panel');
    await panel.waitFor();
    const description = (await panel.textContent())!;
    expect(description).toContain('计为购买的订单状态'); // the changed rule, in words
    expect(description).not.toContain('已付款');
    expect(description).toContain('订单编号'); // the mapping, column names as text
    expect(await second.page.getByTestId('load-sample').count()).toBe(1); // the landing page is still there
    await screenshot(second.page, 'shared-panel-zh');
    await second.page.getByTestId('shared-apply').click();
    await panel.waitFor({ state: 'detached' });
    expect(await second.page.evaluate(() => location.hash)).toBe('');
    await second.page.getByTestId('shared-applied').waitFor();

    await loadSampleCleaned(second.page);
    expect(await cleaningSum(second.page)).toBe(changed);
    await expect(second.page.getByTestId('match-matched').textContent()).resolves.toMatch(/已匹配 \d+ 列/);
    expect(await second.page.getByTestId('match-missing').count()).toBe(0);
  });
});

describe('hostile links', () => {
  it('refuses garbage, truncated and bomb links with an alert, shows HTML as text, and keeps working', async () => {
    const s = await openApp('en', (base) => `${base}#cfg=%%%not*a*config!!`);
    const { page } = s;
    const alert = page.getByTestId('shared-error');
    await expect(alert.textContent()).resolves.toContain('could not be opened');
    expect(await alert.getAttribute('role')).toBe('alert');
    await alert.getByRole('button').click();
    await alert.waitFor({ state: 'detached' });

    const valid = shareHash({ version: 1, name: 'Weekly review', cleaning: { maxAmount: 5000 } });
    // A link cut off when copied (opened in the same tab: only the fragment changes).
    await page.evaluate((h) => (location.hash = h), valid.slice(0, Math.floor(valid.length / 2)));
    await expect(alert.textContent()).resolves.toContain('incomplete');
    await alert.getByRole('button').click();

    // 30 MB of spaces deflate to ~30 KB: inflation must stop at the 64 KB limit.
    const bomb = `#cfg=${Buffer.from(deflateSync(new Uint8Array(30 * 1024 * 1024).fill(32), { level: 9 })).toString('base64url')}`;
    await page.evaluate((h) => (location.hash = h), bomb);
    await expect(alert.textContent()).resolves.toContain('64 KB');
    await screenshot(page, 'shared-error-en');
    await alert.getByRole('button').click();

    const hostile = shareHash({
      version: 1,
      name: PWN_LABEL,
      sources: [
        {
          id: 'orders',
          kind: 'orders',
          mapping: { customer_id: '客户ID"); DROP TABLE orders_clean; --', order_id: '<b>订单编号</b>' },
        },
      ],
      rfm: {
        preset: 'value5',
        segments: [
          {
            id: 'x',
            label: { 'zh-CN': PWN_LABEL, en: PWN_LABEL },
            rule: { codes: [555] },
            action: { 'zh-CN': '<script>window.__pwned=2</script>', en: '<script>window.__pwned=2</script>' },
          },
        ],
      },
    });
    await page.evaluate((h) => (location.hash = h), hostile);
    const panel = page.getByTestId('shared-panel');
    await panel.waitFor();
    await expect(page.getByTestId('shared-name').textContent()).resolves.toContain(PWN_LABEL);
    await expect(panel.textContent()).resolves.toContain('DROP TABLE orders_clean');
    expect(await panel.locator('img, b, script').count()).toBe(0);
    await screenshot(page, 'shared-panel-hostile-en');
    await page.getByTestId('shared-apply').click();

    // Its column names do not exist in the sample: matched by name, reported, fixable.
    await page.getByTestId('load-sample').click();
    await page.getByTestId('column-match').first().waitFor({ timeout: 90_000 });
    await waitIdle(page);
    await expect(page.getByTestId('match-missing').first().textContent()).resolves.toContain('DROP TABLE');
    await page.getByTestId('nav-clean').click();
    await page.getByTestId('mapping-editor').waitFor();
    await screenshot(page, 'column-match-en');
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(s.consoleErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});

describe('saved setups', () => {
  it('imports a file, saves two named setups, and after a reload lists both and restores the working one', async () => {
    const { page } = await openApp('en');
    await page.getByTestId('open-setup').click();
    await page.getByTestId('config-view').waitFor();
    await page.getByTestId('import-config').setInputFiles({
      name: 'team-setup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          version: 1,
          name: 'Team setup',
          cleaning: { dropExactDuplicates: false, maxAmount: 5000 },
        }),
      ),
    });
    await expect(page.getByTestId('imported-description').textContent()).resolves.toContain('5000');
    await page.getByTestId('imported-apply').click();
    await expect(page.getByTestId('current-summary').textContent()).resolves.toContain(
      '2 setting(s) changed',
    );

    for (const [i, name] of ['Weekly A', 'Monthly B'].entries()) {
      await page.getByTestId('save-name').fill(name);
      await page.getByTestId('save-config').click();
      await page.getByTestId('saved-config').nth(i).waitFor();
    }
    await page
      .getByTestId('saved-config')
      .filter({ hasText: 'Weekly A' })
      .getByRole('button', { name: 'Duplicate' })
      .click();
    await page.getByTestId('saved-config').nth(2).waitFor();
    const copy = page.getByTestId('saved-config').filter({ hasText: 'Weekly A (2)' });
    await copy.getByRole('button', { name: 'Delete' }).click();
    await copy.getByRole('button', { name: 'Confirm delete' }).click();
    await copy.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=saved-config]').length === 2);
    // Export: a real download of exactly the schema, readable by the CLI's --config parser.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-config').click(),
    ]);
    expect(download.suggestedFilename()).toBe('Monthly B.json');
    const exported = parseConfigFile(readFileSync((await download.path())!, 'utf8'));
    expect(exported.ok && exported.config.name).toBe('Monthly B');
    expect(exported.ok && exported.config.cleaning.maxAmount).toBe(5000);

    // The autosave runs 500 ms after the last change.
    await expect.poll(() => workingName(page), { timeout: 10_000 }).toBe('Monthly B');
    await screenshot(page, 'config-section-en');

    await page.reload();
    await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
    expect(await workingName(page)).toBe('Monthly B');
    await screenshot(page, 'landing-setup-link-en');
    await page.getByTestId('open-setup').click();
    await page.getByTestId('saved-config').nth(1).waitFor();
    expect(await page.getByTestId('saved-name').allTextContents()).toEqual(['Monthly B', 'Weekly A']);
    await expect(page.getByTestId('current-summary').textContent()).resolves.toContain(
      '2 setting(s) changed',
    );
    await expect(page.getByTestId('save-name').inputValue()).resolves.toBe('Monthly B');
    await page.getByTestId('locale-zh-CN').click();
    await expect(page.getByTestId('current-summary').textContent()).resolves.toContain('2 项设置已修改');
    await screenshot(page, 'config-section-zh');

    // Storage refused (as in some private modes): a quiet notice, and the app still loads data.
    await page.context().addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
    });
    await page.reload();
    await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
    await page.getByTestId('no-autosave').waitFor();
    await page.getByTestId('open-setup').click();
    await page.getByTestId('store-unavailable').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByTestId('nav-data').click();
    await loadSampleCleaned(page);
  });
});

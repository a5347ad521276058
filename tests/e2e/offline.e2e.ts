/**
 * Offline install (issue 17, part D): after the first visit the service worker has precached the app,
 * DuckDB's wasm and workers and the sample; with the network cut, a reload starts the app, the engine
 * becomes ready and the sample loads and is analysed. The manifest names the app and its icons load.
 * The update prompt's wording is checked in both languages by src/pwa/pwa.test.ts.
 *
 * Export as SQL (en): the script downloaded from the setup page, run on native DuckDB against the
 * sample file, writes the segments the RFM overview shows (the worker's recorded load and cleaning).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openSession, screenshot, waitIdle, type Session } from './support/browser.ts';

let session: Session | null = null;
afterEach(async () => {
  if (session) {
    expect(session.external(), 'requests that left the origin').toEqual([]);
    await session.close();
    session = null;
  }
});

describe('offline install', () => {
  it('zh-CN: reloads with no network after the first visit and analyses the sample', async () => {
    session = await openSession({ locale: 'zh-CN' });
    const { page, context } = session;
    await page.goto(session.baseUrl);
    await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
    // The worker is installed (everything precached), active and controls the page.
    const precached = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((r) =>
          navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
        );
      const keys = await caches.keys();
      const cache = await caches.open(keys.find((k) => k.startsWith('customer-lens-'))!);
      const urls = (await cache.keys()).map((r) => new URL(r.url).pathname);
      const manifest = (await (await fetch('./manifest.webmanifest')).json()) as {
        name: string;
        icons: { src: string }[];
      };
      const icon = await fetch(`./${manifest.icons[0]!.src}`);
      return { scope: reg.scope, keys, urls, name: manifest.name, icon: icon.headers.get('content-type') };
    });
    expect(precached.keys.filter((k) => k.startsWith('customer-lens-'))).toHaveLength(1);
    expect(precached.urls.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(precached.urls.some((u) => u.endsWith('/sample/orders-sample.csv'))).toBe(true);
    expect(precached.urls.some((u) => /engine\.worker-.*\.js$/.test(u))).toBe(true);
    expect(precached.name).toContain('客户透镜');
    expect(precached.icon).toBe('image/png');

    await context.setOffline(true);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.reload();
    await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
    await page.getByTestId('load-sample').click();
    await page.locator('[data-testid=rfm-overview][data-ready=true]').waitFor({ timeout: 60_000 });
    await waitIdle(page);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(await page.locator('[data-testid=segment-row]').count()).toBeGreaterThan(0);
    // Chromium fetches the manifest's icons itself (for the install UI), outside the page's worker.
    expect(failed.filter((u) => !/\/icon-\d+\.png$/.test(u))).toEqual([]);
    expect(await page.getByTestId('update-prompt').count()).toBe(0);
    await screenshot(page, 'offline-zh');
    // Export as SQL works offline too (the script is made on this machine).
    await page.getByTestId('nav-config').click();
    const button = page.getByTestId('export-sql');
    expect(await button.textContent()).toBe('导出 SQL');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('customer-lens.sql');
    const script = readFileSync((await download.path())!, 'utf8');
    expect(script).toContain("SET VARIABLE orders_path = 'orders-sample.csv';");
    expect(script).toContain('COPY (SELECT cl_guard(COLUMNS(*)) FROM (');
    expect(script).toContain("TO (getvariable('out_dir') || '/segments.csv')");
    expect(session.consoleErrors).toEqual([]);
  });

  it('en: Export as SQL downloads a script that reproduces the RFM segments on native DuckDB', async () => {
    session = await openSession({ locale: 'en' });
    const { page } = session;
    await page.goto(session.baseUrl);
    await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
    await page.getByTestId('load-sample').click();
    await page.locator('[data-testid=rfm-overview][data-ready=true]').waitFor({ timeout: 60_000 });
    await waitIdle(page);
    const shown = Object.fromEntries(
      await page
        .locator('[data-testid=segment-row]')
        .evaluateAll((rows) =>
          rows.map((r) => [r.getAttribute('data-segment') ?? '', Number(r.getAttribute('data-customers'))]),
        ),
    );
    await page.getByTestId('nav-config').click();
    const button = page.getByTestId('export-sql');
    expect(await button.textContent()).toBe('Export as SQL');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('customer-lens.sql');
    const script = readFileSync((await download.path())!, 'utf8');
    expect(script).toContain("SET VARIABLE orders_path = 'orders-sample.csv';");
    expect(script).toContain("getvariable('orders_path')");
    expect(script).not.toContain('cl-files/');

    const out = mkdtempSync(join(tmpdir(), 'cl-sql-e2e-'));
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      const sample = resolve('dist/sample/orders-sample.csv').replaceAll("'", "''");
      // The load, the cleaning and RFM (the analyses after it are left out to keep the test short).
      const upToRfm = script.slice(0, script.indexOf('\n-- behaviour\n'));
      expect(upToRfm).toContain('/segments.csv');
      await conn.run(
        upToRfm
          .replace(/^SET VARIABLE orders_path = .*$/m, `SET VARIABLE orders_path = '${sample}';`)
          .replace(/^SET VARIABLE out_dir = .*$/m, `SET VARIABLE out_dir = '${out.replaceAll("'", "''")}';`),
      );
      const lines = readFileSync(join(out, 'segments.csv'), 'utf8').trim().split('\n');
      const header = lines[0]!.split(',');
      const written = Object.fromEntries(
        lines.slice(1).map((l) => {
          const cells = l.split(',');
          return [cells[header.indexOf('segment')]!, Number(cells[header.indexOf('customers')])];
        }),
      );
      expect(Object.keys(shown).length).toBeGreaterThan(1);
      for (const [segment, customers] of Object.entries(shown))
        expect(written[segment] ?? 0, segment).toBe(customers);
    } finally {
      conn.closeSync();
      instance.closeSync();
      rmSync(out, { recursive: true, force: true });
    }
  });
});

/**
 * Offline install (issue 17, part D): after the first visit the service worker has precached the app,
 * DuckDB's wasm and workers and the sample; with the network cut, a reload starts the app, the engine
 * becomes ready and the sample loads and is analysed. The manifest names the app and its icons load.
 * The update prompt's wording is checked in both languages by src/pwa/pwa.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
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
    expect(session.consoleErrors).toEqual([]);
  }, 60_000);
});

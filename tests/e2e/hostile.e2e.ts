/**
 * Issue 19 in real Chromium: the engine worker runs under the page's CSP and the service worker behind
 * src/engine/network-guard.js (a fetch and an XHR to another origin from each are refused and nothing
 * reaches the server; DuckDB's own worker is closed in SQL, tests/hostile/fixes.test.ts §4); hostile files from the generated
 * corpus give a table or one translated sentence with no page error, no dialog, no long task over
 * 200 ms (500 ms asserted on a loaded CI box) and the tab's heap under 512 MB; a share link that asks
 * for unmasked personal data says so and cannot switch masking off.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import type { Page } from 'playwright-core';
import { openSession, screenshot, waitIdle, type Session } from './support/browser.ts';
import { deflatedZeros, lyingDimensionXlsx, lyingZip, ordersCsv } from '../hostile/generate.ts';

/**
 * The target is no main-thread task over 200 ms; on the shared 2-core CI box ordinary rendering of a
 * small file already reaches 250–360 ms, so the assertion allows 500 ms. That still fails on what
 * this issue found (79.8 s for the non-breaking-space cells; 1.5–2.3 s before previews were cut).
 */
const LONG_TASK_CI_MS = 500;
const HEAP_CAP_MB = 512;

let session: Session | null = null;
const dialogs: string[] = [];
afterEach(async () => {
  if (session) {
    expect(session.external(), 'requests that left the origin').toEqual([]);
    await session.close();
    session = null;
  }
});

/** Another origin that answers every request (and counts them). */
let hits = 0;
let other: Server;
let otherUrl = '';
beforeAll(async () => {
  other = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/plain' });
    res.end('leaked');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/x`;
});
afterAll(async () => {
  await new Promise((resolve) => other.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const dir = mkdtempSync(join(tmpdir(), 'cl-hostile-e2e-'));

async function openApp(locale: 'zh-CN' | 'en', hash = ''): Promise<Page> {
  session = await openSession({ locale });
  const page = session.page;
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(session.baseUrl + hash);
  await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
  await waitIdle(page);
  return page;
}

/** Wait for the data section; on a timeout, say what the page shows instead. */
async function waitForData(page: Page, timeout = 60_000): Promise<void> {
  try {
    await page.getByTestId('nav-data').waitFor({ timeout });
  } catch (e) {
    const shown = (await page.locator('body').innerText()).slice(0, 1500);
    throw new Error(`${(e as Error).message.split('\n')[0]}; the page shows:\n${shown}`, { cause: e });
  }
}

const longTasks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));
const heapMb = (page: Page) =>
  page.evaluate(() => {
    const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return m ? Math.round(m.usedJSHeapSize / 1024 ** 2) : 0;
  });

describe('workers under the page CSP', () => {
  it('a fetch to another origin from every worker is blocked and never arrives', async () => {
    const page = await openApp('en');
    // Loading a file makes sure the DuckDB worker (nested in the engine worker) is running too.
    const csv = join(dir, 'orders.csv');
    writeFileSync(csv, ordersCsv(20));
    await page.getByTestId('file-input').setInputFiles([csv]);
    await page.getByTestId('nav-data').waitFor({ timeout: 60_000 });
    await waitIdle(page);
    // The engine worker (ours, a blob: worker under the page's CSP) and the service worker (the guard
    // runs first). DuckDB's own worker needs eval and runs outside the CSP, unguarded for now: its
    // network path is closed in SQL (tests/hostile/fixes.test.ts §4).
    const workers = page.workers().filter((w) => w.url().startsWith('blob:'));
    expect(workers.filter((w) => w.url().startsWith('blob:')).length, 'engine worker').toBeGreaterThanOrEqual(
      1,
    );
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const serviceWorkers = session!.context.serviceWorkers();
    expect(serviceWorkers.length, 'service worker').toBe(1);
    for (const w of [...workers, ...serviceWorkers]) {
      const result = await w.evaluate(async (url) => {
        const out: string[] = [];
        out.push(
          await fetch(url).then(
            (r) => `fetch fetched ${r.status}`,
            (e: unknown) => `fetch blocked ${String(e)}`,
          ),
        );
        if (typeof XMLHttpRequest === 'function') {
          try {
            const x = new XMLHttpRequest();
            x.open('GET', url, false);
            x.send();
            out.push(`xhr fetched ${x.status}`);
          } catch (e) {
            out.push(`xhr blocked ${String(e)}`);
          }
        }
        return out;
      }, otherUrl);
      for (const r of result) expect(r, w.url()).toMatch(/^\w+ blocked/);
    }
    // The page itself too (its meta CSP), for comparison.
    expect(
      await page.evaluate(
        (url) =>
          fetch(url).then(
            () => 'fetched',
            () => 'blocked',
          ),
        otherUrl,
      ),
    ).toBe('blocked');
    expect(hits).toBe(0);
    // Chromium reports the engine worker's XHR as a request before its CSP refuses it (nothing arrived:
    // hits is 0); only those deliberate attempts are taken off the list the afterEach checks.
    const all = session!.requests;
    for (let i = all.length - 1; i >= 0; i--) if (all[i] === otherUrl) all.splice(i, 1);
  });
});

const FILES: {
  name: string;
  bytes: () => Uint8Array;
  rows?: string;
  error?: Record<'zh-CN' | 'en', RegExp>;
}[] = [
  { name: 'lying.xlsx', bytes: () => lyingDimensionXlsx('A1:XFD1048576'), rows: '2' },
  {
    name: 'nbsp.csv',
    bytes: () => new TextEncoder().encode(ordersCsv(30, (i) => `1${'\u00a0'.repeat(60_000)}x${i}`)),
    rows: '30',
  },
  {
    name: 'rowid.csv',
    bytes: () =>
      new TextEncoder().encode(
        ordersCsv(31)
          .replace('customer id,', 'rowid,customer id,')
          .replace(/\n(C\d+)/g, (_m, c: string) => `\n1,${c}`),
      ),
    rows: '31',
  },
  {
    name: 'wide.csv',
    bytes: () =>
      new TextEncoder().encode(Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',') + '\n1\n'),
    error: { 'zh-CN': /列数超过了上限/, en: /more columns than the limit/ },
  },
  {
    name: 'liar.zip',
    bytes: () =>
      lyingZip([
        {
          name: 'orders.csv',
          data: deflatedZeros(100 * 1024 ** 2),
          declaredPacked: 2 ** 31,
          declaredSize: 1000,
        },
      ]),
    error: { 'zh-CN': /压缩炸弹/, en: /zip bomb/ },
  },
];

describe.each(['zh-CN', 'en'] as const)('hostile files in %s', (locale) => {
  it('each gives a table or one translated sentence; no page error, dialog or long task', async () => {
    const page = await openApp(locale);
    await longTasks(page);
    for (const file of FILES) {
      const path = join(dir, file.name);
      writeFileSync(path, file.bytes());
      const alertsBefore = await page.getByRole('alert').count();
      await page.getByTestId('file-input').setInputFiles([path]);
      if (file.error) {
        await page.getByRole('alert').nth(alertsBefore).waitFor({ timeout: 60_000 });
        await waitIdle(page);
        const text = (await page.getByRole('alert').nth(alertsBefore).locator('strong').textContent()) ?? '';
        expect(text).toMatch(file.error[locale]);
        expect(text).toContain(file.name);
      } else {
        await waitForData(page);
        await waitIdle(page, 90_000);
        await page.getByTestId('nav-data').click();
        await page.getByText(file.name).first().waitFor({ timeout: 30_000 });
        await waitIdle(page);
      }
      const tasks = await longTasks(page);
      expect(Math.max(0, ...tasks), `${file.name}: long tasks ${tasks.join(', ')} ms`).toBeLessThanOrEqual(
        LONG_TASK_CI_MS,
      );
    }
    expect(await heapMb(page)).toBeLessThan(HEAP_CAP_MB);
    expect(session!.consoleErrors).toEqual([]);
    expect(dialogs).toEqual([]);
    await screenshot(page, `hostile-files-${locale}`);
  });
});

describe('share links cannot switch PII masking off', () => {
  it('the preview says the link asks for unmasked data; masking stays on after applying', async () => {
    const config = {
      version: 1,
      name: '<img src=x onerror="window.__pwned=1">',
      view: { maskPii: false },
      sources: [{ id: 'orders', kind: 'orders', fileNameHint: 'secret-customers.csv', mapping: {} }],
    };
    const hash = `#cfg=${Buffer.from(deflateSync(new TextEncoder().encode(JSON.stringify(config)), { level: 9 })).toString('base64url')}`;
    const page = await openApp('en', hash);
    await page.getByTestId('shared-panel').waitFor();
    await expect(page.getByTestId('mask-suggestion').textContent()).resolves.toContain(
      'Masking is your choice on this machine only',
    );
    await page.getByTestId('shared-apply').click();
    const csv = join(dir, 'phones.csv');
    writeFileSync(
      csv,
      [
        'customer id,phone,order date,amount',
        ...Array.from(
          { length: 12 },
          (_, i) => `C${i},1381234${String(5000 + i)},2024-01-0${(i % 9) + 1},${i + 1}`,
        ),
      ].join('\n') + '\n',
    );
    await page.getByTestId('file-input').setInputFiles([csv]);
    await waitForData(page);
    await waitIdle(page);
    await page.getByTestId('nav-data').click();
    await page.getByTestId('reveal-pii').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('reveal-pii').isChecked()).toBe(false);
    expect((await page.getByTestId('preview-table').textContent()) ?? '').not.toContain('13812345000');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The link this tab would share leaves the file name out unless asked.
    await page.getByTestId('nav-config').click();
    const link = await page.getByTestId('share-link').inputValue();
    await page.getByTestId('share-file-names').check();
    const withNames = await page.getByTestId('share-link').inputValue();
    expect(link).not.toBe(withNames);
  });
});

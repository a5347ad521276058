/**
 * Launch Debian's Chromium with playwright-core and record every request: the suite fails if any
 * request leaves the app's origin (customer data must never leave the machine).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, inject } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/ensure-chromium.mjs';

export const ARTIFACTS = 'test-results/e2e';

export interface Session {
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  /** Every URL requested by the page and its workers. */
  requests: string[];
  /** Requests whose origin is not the app's. */
  external(): string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * One Chromium per test file, launched on the first session and closed after the file's last test;
 * every session is a fresh context in it (its own storage, cache and service workers, like a fresh
 * profile) — launching a browser per test cost about a second each.
 */
let shared: Promise<Browser> | null = null;

function sharedBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('Chromium not found: run scripts/ensure-chromium.mjs or set CHROME_PATH');
  shared ??= chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  return shared;
}

afterAll(async () => {
  const browser = shared;
  shared = null;
  await (await browser)?.close();
});

export async function openSession(options: { locale?: string } = {}): Promise<Session> {
  const browser = await sharedBrowser();
  const baseUrl = inject('baseUrl');
  const context = await browser.newContext({
    locale: options.locale ?? 'zh-CN',
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e) + ' STACK ' + e.stack));
  mkdirSync(ARTIFACTS, { recursive: true });
  const origin = new URL(baseUrl).origin;
  return {
    context,
    page,
    baseUrl,
    requests,
    external: () =>
      requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')),
    consoleErrors,
    async close() {
      await context.close();
    },
  };
}

/** Wait until the engine is idle: <html> carries aria-busy only while work runs. */
export async function waitIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => !document.documentElement.hasAttribute('aria-busy'), null, { timeout });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

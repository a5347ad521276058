/**
 * One measured run through the real UI path in headless Chromium: open the app (engine start), give
 * the file to the file input, and wait for the table and then the first RFM dashboard. Times come from
 * the app's performance marks (cl:drop → cl:loaded → cl:dashboard); memory from /proc.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { PeakSampler } from './process-memory.ts';
import { CHROMIUM_ARGS } from '../ensure-chromium.mjs';

export interface BrowserRunResult {
  engineStartMs: number;
  ingestMs: number;
  dashboardMs: number | null;
  peakRendererBytes: number;
  peakAllBytes: number;
  externalRequests: string[];
}

export async function browserRun(
  chromePath: string,
  baseUrl: string,
  file: string,
  options: {
    waitForDashboard: boolean;
    timeoutMs: number;
    /** Called with each statement the worker finished: `<duration ms> <sql>` (also on failure). */
    onTrace?: (line: string) => void;
  },
): Promise<BrowserRunResult> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cl-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  const sampler = new PeakSampler(userDataDir);
  const origin = new URL(baseUrl).origin;
  const external: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) external.push(url);
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const onTrace = options.onTrace;
    let dropAt = Number.POSITIVE_INFINITY;
    if (onTrace) {
      page.on('console', (m) => {
        if (m.text().startsWith('[cl-sql]') && Date.now() >= dropAt)
          onTrace(`${Date.now() - dropAt} ${m.text().slice(9)}`);
      });
    }
    const t0 = Date.now();
    await page.goto(onTrace ? `${baseUrl}?trace=sql` : baseUrl);
    await page.getByTestId('engine-ready').waitFor({ timeout: options.timeoutMs });
    const engineStartMs = Date.now() - t0;
    dropAt = Date.now();
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('table-profile').waitFor({ timeout: options.timeoutMs });
    if (options.waitForDashboard) {
      // Either the dashboard appears or the app reports an error (e.g. out of memory): never wait blind.
      const dashboard = page.locator('[data-testid=rfm-overview][data-ready=true]');
      const alert = page.getByRole('alert').first();
      await Promise.race([
        dashboard.waitFor({ timeout: options.timeoutMs }),
        alert.waitFor({ timeout: options.timeoutMs }),
      ]);
      if ((await alert.count()) > 0)
        throw new Error(`the app reported: ${(await alert.textContent())?.trim()}`);
    }
    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    );
    const drop = marks['cl:drop'] ?? 0;
    return {
      engineStartMs,
      ingestMs: Math.round((marks['cl:loaded'] ?? 0) - drop),
      dashboardMs: marks['cl:dashboard'] === undefined ? null : Math.round(marks['cl:dashboard'] - drop),
      peakRendererBytes: sampler.peakRenderer,
      peakAllBytes: sampler.peakAll,
      externalRequests: external,
    };
  } finally {
    sampler.stop();
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

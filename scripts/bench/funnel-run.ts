/**
 * The funnel benchmark (issue 14): a seeded events file (user_id, event, event_time, channel; about
 * 20 events per user, view → click → add_to_cart → purchase with drop-offs and repeats), then
 * - browser: the real UI path in headless Chromium: drop the file (→ typed table), clean it as events
 *   on the cleaning screen, open the funnel tab (suggested steps) until the step table shows;
 * - CLI: `customer-lens analyze events.csv --funnel-steps view,click,add_to_cart,purchase` in Node on
 *   duckdb-wasm (the app's engine) and on native DuckDB.
 * Run by scripts/bench.ts (`--funnel 1m,10m`); numbers belong in the README, never in unit tests.
 */
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { PeakSampler } from './process-memory.ts';
import { CHROMIUM_ARGS } from '../ensure-chromium.mjs';
import { analyze } from '../../src/cli/analyze.ts';

export const FUNNEL_BENCH_STEPS = ['view', 'click', 'add_to_cart', 'purchase'];

/** Write `rows` events (seeded) to `path` unless it exists. */
export async function makeEventsFile(path: string, rows: number, seed = 42): Promise<void> {
  if (existsSync(path)) return;
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const out = createWriteStream(path);
  const channels = ['app', 'mini', 'web', 'h5'];
  const start = Date.UTC(2025, 0, 1);
  const users = Math.max(1, Math.round(rows / 20));
  let written = 0;
  let chunk: string[] = ['user_id,event,event_time,channel'];
  const push = async (line: string) => {
    chunk.push(line);
    written++;
    if (chunk.length >= 50_000) {
      if (!out.write(chunk.join('\n') + '\n')) await once(out, 'drain');
      chunk = [];
    }
  };
  const time = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  while (written < rows) {
    const u = `u${1 + Math.floor(rnd() * users)}`;
    const channel = channels[Math.floor(rnd() * channels.length)]!;
    let t = start + Math.floor(rnd() * 180 * 86_400_000);
    // one session: a few views, then maybe a click, a cart, a purchase (sometimes out of order)
    const views = 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < views && written < rows; i++) {
      await push(`${u},view,${time(t)},${channel}`);
      t += Math.floor(rnd() * 600_000);
    }
    for (const [event, p] of [
      ['click', 0.5],
      ['add_to_cart', 0.4],
      ['purchase', 0.5],
    ] as const) {
      if (rnd() > p || written >= rows) break;
      t += Math.floor(rnd() * 3_600_000 * (rnd() < 0.1 ? 200 : 1));
      await push(`${u},${event},${time(t)},${channel}`);
    }
  }
  if (chunk.length) out.write(chunk.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
}

export interface FunnelBrowserResult {
  engineStartMs: number;
  ingestMs: number;
  cleanMs: number;
  funnelMs: number;
  peakRendererBytes: number;
  externalRequests: string[];
}

export async function funnelBrowserRun(
  chromePath: string,
  baseUrl: string,
  file: string,
  timeoutMs: number,
): Promise<FunnelBrowserResult> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cl-bench-funnel-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'en',
  });
  const sampler = new PeakSampler(userDataDir);
  const origin = new URL(baseUrl).origin;
  const external: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) external.push(url);
  });
  const idle = (page: import('playwright-core').Page) =>
    page.waitForFunction(() => !document.documentElement.hasAttribute('aria-busy'), undefined, {
      timeout: timeoutMs,
      polling: 200,
    });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const t0 = Date.now();
    await page.goto(baseUrl);
    await page.getByTestId('engine-ready').waitFor({ timeout: timeoutMs });
    const engineStartMs = Date.now() - t0;
    const t1 = Date.now();
    await page.getByTestId('file-input').setInputFiles(file);
    // An events file is not an orders file: the app shows it under the data tab (no table profile).
    await page.getByTestId('nav-data').waitFor({ timeout: timeoutMs });
    await idle(page);
    const ingestMs = Date.now() - t1;
    await page.getByTestId('nav-clean').click();
    await page.getByTestId('role-files-card').waitFor({ timeout: timeoutMs });
    const t2 = Date.now();
    await page.getByTestId('role-file').first().getByTestId('run-role-cleaning').click();
    await page.getByTestId('role-report-events').waitFor({ timeout: timeoutMs });
    const cleanMs = Date.now() - t2;
    await idle(page);
    const t3 = Date.now();
    await page.getByTestId('nav-funnel').click();
    await page.getByTestId('funnel-table').waitFor({ timeout: timeoutMs });
    const funnelMs = Date.now() - t3;
    return {
      engineStartMs,
      ingestMs,
      cleanMs,
      funnelMs,
      peakRendererBytes: sampler.peakRenderer,
      externalRequests: external,
    };
  } finally {
    sampler.stop();
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** The CLI on the events file alone: load + clean + funnel.csv, in ms. */
export async function funnelCliRun(file: string, engine: 'wasm' | 'native'): Promise<number> {
  const outDir = mkdtempSync(join(tmpdir(), 'cl-bench-funnel-cli-'));
  try {
    const t0 = Date.now();
    await analyze({
      files: [`events:${file}`],
      outDir,
      locale: 'en',
      engine,
      funnelSteps: FUNNEL_BENCH_STEPS,
    });
    return Date.now() - t0;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * Funnel and segment migration (issue 14) in zh-CN and en: drop the sample orders plus an events file
 * → clean both → the funnel from the suggested steps (users per step as generated), breakdown by
 * channel side by side, funnel.csv and a drop-off list exported (formula-safe); then the segment
 * migration on the sample → headlines, matrix, Sankey, and a cell's customers exported.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession, screenshot, waitIdle, type Session } from './support/browser.ts';
import { generateSampleOrders, SAMPLE_HEADERS, toCsv } from '../../src/sample/generate-orders.ts';
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
    expect(session.consoleErrors).toEqual([]);
    await session.close();
    session = null;
  }
});

const dir = mkdtempSync(join(tmpdir(), 'cl-funnel-'));
const orders = join(dir, 'orders.csv');
const events = join(dir, 'events.csv');
writeFileSync(orders, `\uFEFF${toCsv(generateSampleOrders(), SAMPLE_HEADERS)}`);
{
  // 400 sample customers: everyone 曝光; even ids 点击 30 min later; every 4th 加购; every 8th 支付
  // → 400, 200, 100, 50. Every 10th also clicks before its 曝光 (ignored). Channel app / web, and
  // a formula-looking channel the exports must neutralise.
  const rows = ['用户ID,事件名称,事件时间,渠道'];
  const id = (i: number) => `C${String(i).padStart(6, '0')}`;
  const at = (i: number, min: number) => {
    const d = new Date(Date.UTC(2025, 5, 1 + (i % 28), 10, min));
    return d.toISOString().slice(0, 19).replace('T', ' ');
  };
  for (let i = 1; i <= 400; i++) {
    const channel = i % 3 === 0 ? 'web' : i % 3 === 1 ? 'app' : '=cmd|x';
    if (i % 10 === 0) rows.push(`${id(i)},点击,${at(i, 0)},${channel}`);
    rows.push(`${id(i)},曝光,${at(i, 5)},${channel}`);
    if (i % 2 === 0) rows.push(`${id(i)},点击,${at(i, 35)},${channel}`);
    if (i % 4 === 0) rows.push(`${id(i)},加购,${at(i, 50)},${channel}`);
    if (i % 8 === 0) rows.push(`${id(i)},支付,${at(i, 59)},${channel}`);
  }
  writeFileSync(events, rows.join('\n') + '\n');
}

/** Download through a button; its CSV lines. No text cell may start like a formula. */
async function download(page: Session['page'], testid: string): Promise<string[]> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId(testid).click(),
  ]);
  const lines = readFileSync((await file.path())!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  for (const cell of lines.flatMap((l) => l.split(',')).map((c) => c.replace(/^"/, '')))
    if (!/^-?\d/.test(cell)) expect(cell, `${testid}: ${cell}`).not.toMatch(/^[=+\-@]/);
  return lines;
}

const T = {
  'zh-CN': { first: '1. 曝光', noValue: '（无取值）' },
  en: { first: '1. 曝光', noValue: '(no value)' },
} as const;

describe('funnel and segment migration', () => {
  it.each(['zh-CN', 'en'] as const)('%s', async (locale) => {
    session = await openSession({ locale });
    const { page } = session;
    await page.goto(session.baseUrl);
    await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
    await page.getByTestId('file-input').setInputFiles([orders, events]);
    await page.getByTestId('nav-data').waitFor({ timeout: 60_000 });
    await waitIdle(page);
    await page.getByTestId('nav-clean').click();
    await page.getByTestId('run-cleaning').click();
    await waitIdle(page, 90_000);
    await page.getByTestId('nav-clean').click();
    await page.getByTestId('role-files-card').waitFor({ timeout: 60_000 });
    await page.getByTestId('role-file').first().getByTestId('run-role-cleaning').click();
    await waitIdle(page, 90_000);
    await page.getByTestId('role-report-events').waitFor({ timeout: 60_000 });

    // The funnel from the suggested steps
    await page.getByTestId('nav-funnel').click();
    await page.locator('[data-testid=funnel-view][data-loaded=true]').waitFor({ timeout: 90_000 });
    await waitIdle(page, 90_000);
    await page.getByTestId('funnel-table').waitFor({ timeout: 60_000 });
    const rows = page.getByTestId('funnel-row');
    expect(await rows.count()).toBe(4);
    expect(await rows.first().locator('td').first().textContent()).toBe(T[locale].first);
    const users = await page
      .getByTestId('funnel-row')
      .evaluateAll((trs) => trs.map((tr) => tr.children[1]?.textContent));
    expect(users).toEqual(['400', '200', '100', '50']);
    const csv = await download(page, 'funnel-export-csv');
    expect(csv[0]).toBe(
      headerRow(
        locale,
        'step,event,users,conversion_from_previous,conversion_from_first,median_minutes_from_previous',
      ),
    );
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      '1,曝光,400',
      '2,点击,200',
      '3,加购,100',
      '4,支付,50',
    ]);
    // 30 min from 曝光 to 点击, 15 to 加购, 9 to 支付
    expect(csv.slice(2).map((l) => l.split(',')[5])).toEqual(['30', '15', '9']);
    // those who dropped at step 2: the 200 odd ids, masked as set (these ids are not phones)
    const dropped = await download(page, 'funnel-dropped-2-csv');
    expect(dropped.length - 1).toBe(200);
    expect(dropped[1]).toMatch(/^C000001,/);

    // Breakdown by channel, side by side
    await page.getByTestId('funnel-breakdown').selectOption('channel');
    await waitIdle(page, 90_000);
    await page.getByTestId('funnel-breakdown-table').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('funnel-breakdown-row').count()).toBe(3);
    const bd = await page.getByTestId('funnel-breakdown-table').textContent();
    expect(bd).toContain('=cmd|x');
    expect(bd).toContain('web');
    await screenshot(page, `funnel-${locale}`);

    // Segment migration on the sample
    await page.getByTestId('nav-migration').click();
    await page.locator('[data-testid=migration-view][data-loaded=true]').waitFor({ timeout: 120_000 });
    await waitIdle(page, 120_000);
    await page.getByTestId('migration-matrix-table').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('migration-headlines').locator('li').count()).toBeGreaterThan(0);
    await page.getByTestId('migration-sankey').locator('canvas').waitFor({ timeout: 60_000 });
    expect(await page.locator('[role=alert]').allTextContents()).toEqual([]);
    const cell = page.getByTestId('migration-cell').first();
    const n = Number((await cell.evaluate((b) => b.firstChild?.textContent ?? '')).replace(/[^\d]/g, ''));
    await cell.click();
    await page.getByTestId('migration-cell-label').waitFor();
    const list = await download(page, 'migration-cell-export-csv');
    expect(list[0]).toBe(
      headerRow(locale, 'customer_id,from_segment,to_segment,from_period_end,to_period_end'),
    );
    expect(list.length - 1).toBe(n);
    await screenshot(page, `migration-${locale}`);
  });
});

/**
 * Issue 5: a configuration exported from the UI gives the same results in the CLI. The UI segments
 * the sample with an edited setup (cn8 preset, an extra purchase status rule); the exported .json is
 * then given to `customer-lens analyze --config` on the same file, and the segment counts must match.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { openSession, waitIdle, type Session } from './support/browser.ts';

let session: Session | null = null;
afterEach(async () => {
  if (session) {
    expect(session.external(), 'requests that left the origin').toEqual([]);
    await session.close();
    session = null;
  }
});

describe('UI config → CLI', () => {
  it('gives the CLI the same segment counts as the UI', async () => {
    session = await openSession({ locale: 'zh-CN' });
    const { page } = session;
    await page.goto(session.baseUrl);
    await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
    await page.getByTestId('load-sample').click();
    await page.locator('[data-testid=rfm-overview][data-ready=true]').waitFor({ timeout: 90_000 });
    await page.getByTestId('rfm-preset').selectOption('cn8');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=segment-row]').length === 9,
      null,
      {
        timeout: 60_000,
      },
    );
    await waitIdle(page);
    const ui = await page
      .locator('[data-testid=segment-row]')
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-segment') ?? '', Number(r.getAttribute('data-customers'))]),
      );

    await page.getByTestId('nav-config').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-config').click(),
    ]);
    const configPath = (await download.path())!;

    const out = mkdtempSync(join(tmpdir(), 'cl-config-cli-'));
    const sample = resolve('dist/sample/orders-sample.csv');
    const err: string[] = [];
    const so = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const se = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    let code: number;
    try {
      code = await main(['analyze', sample, '--config', configPath, '--out', out]);
    } finally {
      so.mockRestore();
      se.mockRestore();
    }
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    const cli = readFileSync(join(out, 'segments.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [segment, , customers] = line.split(',');
        return [segment, Number(customers)];
      });
    expect(cli).toEqual(ui);
    expect(cli.map(([s]) => s)).toContain('important_value');
  });
});

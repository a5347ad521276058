/**
 * Issue 12, items 2, 4 and 10 in the real UI, zh and en: credit notes are netted and summarised in
 * the cleaning report, an order naming two customers is set aside with a translated reason, the
 * "ignore returns" switch sets the credit notes aside after cleaning again, and the purchase
 * definition control is there with its help.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession, screenshot, waitIdle, type Session } from './support/browser.ts';

let session: Session | null = null;
afterEach(async () => {
  if (session) {
    expect(session.external(), 'requests that left the origin').toEqual([]);
    await session.close();
    session = null;
  }
});

const dir = mkdtempSync(join(tmpdir(), 'cl-returns-'));
const path = join(dir, 'retail.csv');
writeFileSync(
  path,
  [
    'InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice',
    '100,a,2024-01-10 10:00:00,2,10.00',
    'C100,a,2024-01-12 10:00:00,-1,10.00',
    '200,b,2024-01-15 10:00:00,1,50.00',
    'C900,b,2024-02-03 10:00:00,-1,20.00',
    '300,c,2024-01-20 10:00:00,3,10.00',
    'C901,c,2024-01-20 11:00:00,-3,10.00',
    '400,d,2024-02-10 10:00:00,1,5.00',
    '500,f,2024-02-12 10:00:00,1,7.00',
    '500,g,2024-02-12 10:00:00,1,3.00',
  ].join('\n') + '\n',
);

const TEXT = {
  'zh-CN': {
    returns: '3 张冲销单',
    conflict: '同一订单的各行属于不同客户',
    ignored: '设置为忽略退货',
    purchase: '一次购买指',
  },
  en: {
    returns: '3 credit notes',
    conflict: 'Lines of one order name different customers',
    ignored: 'returns are ignored',
    purchase: 'One purchase is',
  },
} as const;

describe('returns, conflicting customers and the purchase definition in the UI', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`nets returns, sets aside the conflicting order and can ignore returns (${locale})`, async () => {
      session = await openSession({ locale });
      const { page } = session;
      await page.goto(session.baseUrl);
      await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
      await page.getByTestId('file-input').setInputFiles(path);
      await page.getByTestId('nav-data').waitFor({ timeout: 60_000 });
      await waitIdle(page);
      await page.getByTestId('nav-clean').click();
      if ((await page.getByTestId('cleaning-report').count()) === 0) {
        await page.getByTestId('run-cleaning').click();
        await page.getByTestId('cleaning-report').waitFor({ timeout: 60_000 });
      }
      await waitIdle(page);
      const t = TEXT[locale];
      expect(await page.getByTestId('cleaning-returns').textContent()).toContain(t.returns);
      const sum = (await page.getByTestId('cleaning-sum').textContent()) ?? '';
      expect([...sum.matchAll(/\d+/g)].map((m) => Number(m[0]))).toEqual([9, 7, 2]);
      const conflict = page.locator('[data-code=conflicting_customer_ids]');
      expect(await conflict.textContent()).toContain(t.conflict);
      expect(await page.getByTestId('cleaning-rules').textContent()).toContain(t.purchase);
      await screenshot(page, `returns-netted-${locale}`);

      await page.getByTestId('returns-mode').selectOption('ignore');
      await page.getByTestId('run-cleaning').click();
      await waitIdle(page);
      await page.locator('[data-code=return_ignored]').waitFor({ timeout: 60_000 });
      expect(await page.locator('[data-code=return_ignored]').textContent()).toContain(t.ignored);
      expect(await page.getByTestId('cleaning-returns').count()).toBe(0);
      await screenshot(page, `returns-ignored-${locale}`);
    });
  }
});

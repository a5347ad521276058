/**
 * A customer file next to the orders (issue 3): drop an orders CSV and a member list with duplicate
 * ids, a missing id and a few invalid phones → "Clean customer file" → read = used + set aside,
 * invalid phones cleared and counted (no customer lost for them), set-aside rows masked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { read as readXlsx, utils as xlsxUtils } from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession, screenshot, waitIdle, type Session } from './support/browser.ts';

let session: Session | null = null;
afterEach(async () => {
  if (session) {
    expect(session.external(), 'requests that left the origin').toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    await session.close();
    session = null;
  }
});

const dir = mkdtempSync(join(tmpdir(), 'cl-customers-'));
const orders = join(dir, 'orders.csv');
const members = join(dir, 'members.csv');
{
  const o = ['订单编号,客户ID,下单时间,实付金额,订单状态'];
  for (let i = 0; i < 40; i++)
    o.push(`A${i},C${i % 12},2025-0${1 + (i % 9)}-1${i % 10} 10:00:00,${50 + i}.00,交易成功`);
  writeFileSync(orders, o.join('\n') + '\n');
  const m = ['客户ID,姓名,手机号,邮箱,会员等级,注册时间'];
  for (let i = 0; i < 12; i++) {
    // Phones of C3, C7 and C11 are not China mobiles; C5's e-mail is broken.
    const phone = i % 4 === 3 ? `12${i}45` : `1381234${String(i).padStart(4, '0')}`;
    const email = i === 5 ? 'c5-at-mail' : `c${i}@mail.com`;
    m.push(`C${i},张${i}明,${phone},${email},金卡,2024-0${1 + (i % 9)}-01`);
  }
  m.push('C1,张1明,13812340001,c1@mail.com,钻石,2025-01-01'); // duplicate id: newer registration kept
  m.push(',无名,13900000000,,,'); // missing id
  writeFileSync(members, m.join('\n') + '\n');
}

async function cleanCustomers(locale: 'zh-CN' | 'en') {
  session = await openSession({ locale });
  const { page } = session;
  await page.goto(session.baseUrl);
  await page.getByTestId('engine-ready').waitFor({ timeout: 60_000 });
  await page.getByTestId('file-input').setInputFiles([orders, members]);
  await page.getByTestId('nav-data').waitFor({ timeout: 60_000 });
  await waitIdle(page);
  await page.getByTestId('nav-clean').click();
  await page.getByTestId('customers-card').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('customers-table').locator('option:checked').textContent()).toBe(
    'members.csv',
  );
  expect(await page.getByTestId('customers-role-phone').inputValue()).toBe('手机号');
  await page.getByTestId('run-customers-cleaning').click();
  await page.getByTestId('customers-report').waitFor({ timeout: 60_000 });
  await waitIdle(page);
  await page.locator('[data-testid=customers-set-aside-table][data-rows="2"]').waitFor({ timeout: 60_000 });
  const text = (await page.getByTestId('customers-sum').textContent()) ?? '';
  const [read, used, aside] = [...text.matchAll(/[\d,]+/g)].map((m) => Number(m[0].replaceAll(',', '')));
  expect([read, used, aside]).toEqual([14, 12, 2]);
  const count = async (testid: string, attr: string, code: string) =>
    (await page.getByTestId(testid).locator(`tr[data-${attr}="${code}"] td.num`).textContent()) ?? '';
  expect(await count('customers-reasons', 'code', 'duplicate_customer_id')).toBe('1');
  expect(await count('customers-reasons', 'code', 'missing_customer_id')).toBe('1');
  expect(await count('customers-repairs', 'kind', 'invalid_phone')).toBe('3');
  expect(await count('customers-repairs', 'kind', 'invalid_email')).toBe('1');
  const asideText = (await page.getByTestId('customers-set-aside-table').textContent()) ?? '';
  expect(asideText).toContain('139****0000'); // masked by default
  expect(asideText).not.toContain('13900000000');
  await page.getByTestId('customers-card').scrollIntoViewIfNeeded();
  return page;
}

/**
 * Issue 18: the RFM customer export takes contact columns from the customer file, masked by default;
 * unmasked only after the explicit step, and the workbook then carries the note.
 */
async function exportsContacts(page: Page, locale: 'zh-CN' | 'en') {
  const zh = locale === 'zh-CN';
  await page.getByTestId('nav-rfm').click();
  await page.locator('[data-testid=rfm-overview][data-ready=true]').waitFor({ timeout: 90_000 });
  await waitIdle(page);
  await page.getByTestId('contacts-all-add').check();
  const row = page.locator('[data-testid=segment-row]:not([data-customers="0"])').first();
  await row.locator('button').first().click();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid=drill-table]')?.getAttribute('data-rows')) > 0,
    null,
    { timeout: 60_000 },
  );
  await waitIdle(page);
  expect(await page.getByTestId('contacts-drill-add').isChecked()).toBe(true);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const lines = readFileSync((await csv.path())!, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const header = lines[0]!.replace('\uFEFF', '').split(',');
  const [action, name, phone, email] = zh
    ? ['建议动作', '姓名', '手机号', '邮箱']
    : ['Recommended action', 'Contact name', 'Phone', 'E-mail'];
  expect(header.slice(10, 14)).toEqual([action, name, phone, email]);
  const body = lines.slice(1).join('\n');
  expect(body).toMatch(/138\*{4}\d{4}/);
  expect(body).not.toMatch(/1381234\d{4}/);
  expect(body).not.toMatch(/c\d+@mail\.com/);
  expect(csv.suggestedFilename()).not.toContain(zh ? '未脱敏' : 'unmasked');
  expect(await page.getByTestId('drill-pii-note').textContent()).toContain(zh ? '脱敏后的' : 'masked name');
  await page.getByTestId('contacts-drill-unmasked').check();
  expect(await page.getByTestId('drill-pii-note').textContent()).toContain(
    zh ? '含未脱敏个人信息' : 'contains unmasked personal data',
  );
  await screenshot(page, `rfm-contacts-${zh ? 'zh' : 'en'}`);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  const book = readXlsx(readFileSync((await xlsx.path())!), { type: 'buffer' });
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  const note = zh ? '含未脱敏个人信息' : 'contains unmasked personal data';
  expect(sheet['A1'].c?.[0]?.t).toBe(note);
  const rows = xlsxUtils.sheet_to_json<Record<string, unknown>>(sheet);
  expect(rows.some((r) => /^1381234\d{4}$/.test(String(r[phone])))).toBe(true);
  // The CSV carries the note in its name.
  const [open] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(open.suggestedFilename()).toContain(note);
}

describe('customer file cleaning', () => {
  it('zh: cleans the member list; counts add up; invalid phones cleared, not set aside', async () => {
    const page = await cleanCustomers('zh-CN');
    expect(await page.getByTestId('customers-report').textContent()).toContain('无效手机号已清空');
    await screenshot(page, 'customers-zh');
    await exportsContacts(page, 'zh-CN');
  }, 180_000);

  it('en: the same report in English', async () => {
    const page = await cleanCustomers('en');
    expect(await page.getByTestId('customers-report').textContent()).toContain(
      'Invalid phone numbers cleared',
    );
    await screenshot(page, 'customers-en');
    await exportsContacts(page, 'en');
  }, 180_000);
});

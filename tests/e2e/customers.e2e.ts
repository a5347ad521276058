/**
 * A customer file next to the orders (issue 3): drop an orders CSV and a member list with duplicate
 * ids, a missing id and a few invalid phones → "Clean customer file" → read = used + set aside,
 * invalid phones cleared and counted (no customer lost for them), set-aside rows masked.
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

describe('customer file cleaning', () => {
  it('zh: cleans the member list; counts add up; invalid phones cleared, not set aside', async () => {
    const page = await cleanCustomers('zh-CN');
    expect(await page.getByTestId('customers-report').textContent()).toContain('无效手机号已清空');
    await screenshot(page, 'customers-zh');
  }, 180_000);

  it('en: the same report in English', async () => {
    const page = await cleanCustomers('en');
    expect(await page.getByTestId('customers-report').textContent()).toContain(
      'Invalid phone numbers cleared',
    );
    await screenshot(page, 'customers-en');
  }, 180_000);
});

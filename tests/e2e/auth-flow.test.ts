import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from '../support/e2e-app.js';
import type { TestApp } from '../support/test-app.js';

let t: TestApp;
let e2e: E2eApp;
let browser: E2eApp['browser'];
let base: string;

beforeAll(async () => {
  e2e = await startE2eApp();
  ({ t, browser, base } = e2e);
});
afterAll(() => e2e?.close());

function verificationLink(email: string): string {
  const mail = t.mailTo(email).at(-1) ?? '';
  const link = /(http\S+\/verify-email\?token=[A-Za-z0-9_-]+)/.exec(mail)?.[1];
  if (!link) throw new Error(`no verification link for ${email}`);
  return link;
}

async function submit(page: Page) {
  await page.locator('main form button[type="submit"]').first().click();
}

describe('an expert in the browser', () => {
  it('signs up, verifies through the mail outbox, signs in and signs out', async () => {
    const page = await browser.context.newPage();
    const email = 'tran.van.minh@example.vn';
    const password = 'mật khẩu thật dài 2026';

    await page.goto(`${base}/sign-up`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.fill('input[name="fullName"]', 'Trần Văn Minh');
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await page.check('input[name="acceptPrivacy"]');
    await submit(page);
    await page.waitForSelector('[data-testid="sign-up-done"]');

    await page.goto(verificationLink(email));
    await page.waitForSelector('[data-testid="verify-done"]');

    await page.goto(`${base}/sign-in`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await submit(page);
    // Signing in lands on the role's home; the account page shows the e-mail.
    await page.waitForURL(`${base}/`);
    await page.waitForSelector('[data-testid="role-home"][data-role="expert"]');
    await page.goto(`${base}/account`);
    await expect.poll(() => page.textContent('[data-testid="account-email"]')).toContain(email);

    // A reload keeps the session through the refresh cookie.
    await page.reload();
    await expect.poll(() => page.textContent('[data-testid="account-email"]')).toContain(email);

    await page.click('[data-testid="sign-out"]');
    await page.waitForURL((url) => !url.pathname.startsWith('/account'));
    await page.goto(`${base}/account`);
    await page.waitForURL(`${base}/sign-in`);
    await page.close();
  });

  it('shows field errors in Vietnamese, and in English after switching', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/sign-up`);
    await page.fill('input[name="email"]', 'not-an-email');
    await page.fill('input[name="password"]', 'short');
    await submit(page);
    const errorText = async () => (await page.locator('main form').innerText()).toLowerCase();
    await expect.poll(errorText).toMatch(/email|e-mail/);
    const vi = await errorText();
    expect(vi).toMatch(/không hợp lệ|phải|quá ngắn/);

    const switcher = page.locator('[data-testid="lang-en"], select[name="language"]').first();
    if ((await switcher.evaluate((el) => el.tagName)) === 'SELECT') await switcher.selectOption('en');
    else await switcher.click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await submit(page);
    await expect.poll(errorText).toMatch(/invalid|too small|at least|must/);
    await page.close();
  });

  it('tells a wrong password apart from success without saying which part was wrong', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.fill('input[name="email"]', 'nobody@example.vn');
    await page.fill('input[name="password"]', 'a wrong password');
    await submit(page);
    await expect.poll(async () => (await page.locator('[role="alert"]').allInnerTexts()).join(' ')).toMatch(/không đúng|incorrect/i);
    await page.close();
  });
});

import { appSettings } from '@hpen/db';
import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from '../support/e2e-app.js';
import type { TestApp } from '../support/test-app.js';

const DEMO_PASSWORD = 'demo-password-for-mfa-e2e';

let t: TestApp;
let e2e: E2eApp;
let browser: E2eApp['browser'];
let base: string;

beforeAll(async () => {
  e2e = await startE2eApp({ demoPassword: DEMO_PASSWORD });
  ({ t, browser, base } = e2e);
});
afterAll(() => e2e?.close());

const stepNow = () => Math.floor(Date.now() / 30_000);

describe('two-step sign-in in the browser', () => {
  it('guides an admin to set it up, shows the QR code and recovery codes, then asks for a code at sign-in', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.fill('input[name="email"]', 'admin@demo.local');
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(`${base}/`); // each role's home

    // The admin area sends an admin without a second factor to the set-up section.
    await page.goto(`${base}/admin/users`);
    await page.waitForURL(`${base}/account#security`);
    await page.click('[data-testid="totp-start"]');
    await page.waitForSelector('[data-testid="totp-qr"]');
    const secret = (await page.textContent('[data-testid="totp-secret"]'))!.trim();
    const step = stepNow();
    await page.fill('[data-testid="security-panel"] input[name="code"]', await generate({ secret, epoch: step * 30 }));
    await page.locator('[data-testid="security-panel"] button[type="submit"]').click();
    await page.waitForSelector('[data-testid="recovery-codes"]');
    expect(await page.locator('[data-testid="recovery-codes"] li').count()).toBe(10);

    // Once the codes are put away, an admin can require two-step sign-in of a staff role.
    await page.locator('[data-testid="recovery-codes"] button.button-primary').click();
    await page.check('[data-testid="mfa-policy"] input[name="role-agency"]');
    await page.locator('[data-testid="mfa-policy"] button[type="submit"]').click();
    await expect
      .poll(async () => (await t.database.db.select().from(appSettings).where(eq(appSettings.key, 'mfa.required_roles')))[0]?.value)
      .toEqual(['agency']);

    await page.goto(`${base}/admin/users`);
    await page.waitForURL(`${base}/admin/users`);
    await expect.poll(() => page.locator('main h1').textContent()).toBeTruthy();

    await page.click('[data-testid="sign-out"]');
    await page.waitForURL((url) => !url.pathname.startsWith('/admin'));
    await page.goto(`${base}/sign-in`);
    await page.fill('input[name="email"]', 'admin@demo.local');
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForSelector('[data-testid="mfa-step"]');
    // The step after the one used to turn it on (the server refuses a code twice).
    await page.fill('[data-testid="mfa-step"] input[name="code"]', await generate({ secret, epoch: (step + 1) * 30 }));
    await page.locator('[data-testid="mfa-step"] button[type="submit"]').click();
    await page.waitForURL(`${base}/`); // each role's home
    await page.close();
  });
});

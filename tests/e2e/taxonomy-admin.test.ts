import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextTotpCode, signInWithTotp } from '../support/auth-flows.js';
import { startE2eApp, type E2eApp } from '../support/e2e-app.js';

const DEMO_PASSWORD = 'demo-password-taxonomy';
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/taxonomy-made-up/${name}`, import.meta.url));
let e2e: E2eApp;

beforeAll(async () => {
  e2e = await startE2eApp({ demoPassword: DEMO_PASSWORD, syntheticProfiles: 0 });
  await signInWithTotp(e2e.t.app, 'admin@demo.local', DEMO_PASSWORD); // the admin area asks for two-step sign-in
}, 120_000);
afterAll(async () => {
  await e2e?.close();
});

describe('the taxonomy admin page', () => {
  it(
    'lists the versions, lists the problems of a bad file, previews a good one at phone width and applies it',
    { timeout: 120_000 },
    async () => {
      const { base, browser, t } = e2e;
      await browser.context.clearCookies();
      const page = await browser.context.newPage();
      page.setDefaultTimeout(15_000);
      await page.setViewportSize({ width: 390, height: 800 });
      await page.goto(`${base}/sign-in`);
      await page.fill('input[name="email"]', 'admin@demo.local');
      await page.fill('input[name="password"]', DEMO_PASSWORD);
      await page.locator('main form button[type="submit"]').click();
      await page.waitForSelector('[data-testid="mfa-step"]');
      await page.fill('[data-testid="mfa-step"] input[name="code"]', await nextTotpCode(t.app, 'admin@demo.local'));
      await page.locator('[data-testid="mfa-step"] button[type="submit"]').click();
      await page.waitForURL(`${base}/`);

      await page.goto(`${base}/admin/taxonomy`);
      await page.waitForSelector('[data-testid="taxonomy-version-row"]');
      expect(await page.locator('[data-testid="taxonomy-version-row"]').count()).toBe(1);

      // A crosswalk from a code the current version does not have: every problem is listed.
      await page.fill('input[name="code"]', 'T-2026');
      await page.fill('input[name="title"]', 'Bảng thử nghiệm');
      await page.setInputFiles('input[name="classification"]', fixture('classification.csv'));
      await page.setInputFiles('input[name="crosswalk"]', {
        name: 'bad.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('old_code,new_code\n999,1\n'),
      });
      await page.locator('[data-testid="taxonomy-upload"] button[type="submit"]').click();
      await page.waitForSelector('[data-testid="taxonomy-problems"] tbody tr');

      // The right crosswalk: the preview says what changes, then it is applied.
      await page.setInputFiles('input[name="crosswalk"]', fixture('crosswalk.csv'));
      await page.locator('[data-testid="taxonomy-upload"] button[type="submit"]').click();
      await page.waitForSelector('[data-testid="taxonomy-preview"]');
      expect(await page.locator('[data-testid="preview-fields"]').textContent()).toBe('7');
      expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
      page.once('dialog', (d) => void d.accept());
      await page.click('[data-testid="taxonomy-apply"]');
      await page.waitForSelector('[data-testid="taxonomy-applied"]');
      await page.locator('[data-testid="taxonomy-version-row"]', { hasText: 'T-2026' }).waitFor();
      expect(await page.locator('[data-testid="taxonomy-version-row"]').count()).toBe(2);
      await page.close();
    },
  );
});

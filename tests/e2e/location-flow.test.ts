import { fileURLToPath } from 'node:url';
import { freePort } from '@hpen/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, PASSWORD, registerAndSignIn } from '../support/auth-flows.js';
import { launchBrowser } from '../support/browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Issue 13: an expert whose old district is "to confirm" picks their commune on a phone. */
const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
let t: TestApp;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  t = await createTestApp({ env: { PUBLIC_URL: base, WEB_DIST_DIR: webDist } });
  await t.app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('location on the 2025 map, at phone width', () => {
  it('shows the banner for an old district and finds the commune typed without diacritics', async () => {
    const email = 'xac.nhan.phuong@example.vn';
    const session = await registerAndSignIn(t, email);
    // As the start-up migration leaves a split district.
    const old = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: bearer(session.accessToken),
      payload: { location: { kind: 'haiphong', commune: null, formerAddress: 'Quận Lê Chân' } },
    });
    expect(old.statusCode, old.body).toBe(200);

    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/sign-in`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', PASSWORD);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(`${base}/`);
    await page.goto(`${base}/profile/edit`);
    const banner = page.locator('[data-testid="confirm-commune-banner"]');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Quận Lê Chân');

    await page.fill('input[name="location.placeSearch"]', 'le chan');
    const select = page.locator('select[name="location.commune"]');
    await expect.poll(() => select.locator('option').count()).toBeLessThan(10);
    await select.selectOption('11383');
    await page.click('[data-testid="save-location"]');
    await page.locator('#section-location [data-testid="profile-saved"]').waitFor();
    await banner.waitFor({ state: 'detached' });
    // Nothing wider than the phone.
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);

    const own = await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: bearer(session.accessToken) });
    expect(own.json().location).toEqual({ kind: 'haiphong', commune: '11383' });
    await page.close();
  });
});

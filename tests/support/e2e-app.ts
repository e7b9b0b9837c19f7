import { fileURLToPath } from 'node:url';
import { freePort } from '@hpen/search';
import { seedDemo } from '@hpen/server';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { createTestApp, type TestApp } from './test-app.js';

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface E2eApp {
  t: TestApp;
  browser: Awaited<ReturnType<typeof launchBrowser>>;
  /** http://127.0.0.1:<port>, where the app serves the API and the built web app (npm run build:web). */
  base: string;
  close(): Promise<void>;
}

export interface E2eOptions {
  /** Seeds the demo accounts (admin@ agency@ curator@ officer@ expert@demo.local) with this password. */
  demoPassword?: string;
  syntheticProfiles?: number;
  /** Waits until the search index holds the seeded profiles. */
  settleSearch?: boolean;
}

/** The app on a free port serving web/dist, optionally demo-seeded, and Debian's Chromium: the set-up of every e2e test. */
export async function startE2eApp({ demoPassword, syntheticProfiles, settleSearch = false }: E2eOptions = {}): Promise<E2eApp> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ env: { PUBLIC_URL: base, WEB_DIST_DIR: webDist } });
  if (demoPassword)
    await seedDemo(t.database.db, { password: demoPassword, ...(syntheticProfiles !== undefined ? { syntheticProfiles } : {}) });
  if (settleSearch) await t.searchSettled();
  await t.app.listen({ port, host: '127.0.0.1' });
  const browser = await launchBrowser();
  return {
    t,
    browser,
    base,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * Signs in through the form in a new page and waits for the role's home. The browser profile is
 * shared by a file's tests: the previous test's session is forgotten first.
 */
export async function signInThroughForm(e2e: Pick<E2eApp, 'browser' | 'base'>, email: string, password: string): Promise<Page> {
  await e2e.browser.context.clearCookies();
  const page = await e2e.browser.context.newPage();
  await page.goto(`${e2e.base}/sign-in`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(`${e2e.base}/`); // each role's home
  return page;
}

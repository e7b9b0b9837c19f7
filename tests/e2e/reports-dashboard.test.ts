import { fileURLToPath } from 'node:url';
import { freePort } from '@hpen/search';
import { seedDemo } from '@hpen/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
const DEMO_PASSWORD = 'demo-password-reports';
let t: TestApp;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  t = await createTestApp({ env: { PUBLIC_URL: base, WEB_DIST_DIR: webDist, SCHEDULER: 'off' } });
  await seedDemo(t.database.db, { password: DEMO_PASSWORD });
  await t.app.seedDemoReports();
  await t.app.seedDemoPrograms();
  await t.app.seedDemoAwards();
  await t.app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function signedIn(email: string): Promise<Page> {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${base}/sign-in`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', DEMO_PASSWORD);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(`${base}/`);
  return page;
}
const scrollWidth = async (page: Page) => Number(await page.evaluate('document.documentElement.scrollWidth'));

describe('the reports in the browser', () => {
  it('shows the officer the dashboard with charts and tables, filters in the URL, at phone width', { timeout: 120_000 }, async () => {
    const page = await signedIn('officer@demo.local');
    await page.setViewportSize({ width: 390, height: 800 });
    await page.click('[data-testid="nav-menu-toggle"]');
    await page.click('[data-testid="nav-reports"]');
    await page.waitForSelector('[data-testid="tile-total"]');
    // The unfiltered figures are the stored ones: the page says when they were computed (dd/mm/yyyy hh:mm).
    expect(await page.locator('[data-testid="figures-as-of"]').textContent()).toMatch(
      /^Số liệu tính đến \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/,
    );
    // ECharts draws its SVG once its chunk has loaded; the table and summary are there regardless.
    await page.waitForSelector('[data-testid="chart-byDegree"] svg');
    expect(await page.locator('[data-testid="chart-byDegree"] .chart-summary').textContent()).toMatch(/\d/);
    expect(await page.locator('[data-testid="location-ranking"] tbody tr').count()).toBeGreaterThan(0);
    // Programs and awards have their figures now: tiles and charts, each chart with its table and summary.
    expect(await page.locator('[data-testid="not-available-programs"]').count()).toBe(0);
    await page.waitForSelector('[data-testid="tile-applied"]');
    await page.waitForSelector('[data-testid="chart-programsByStatus"] svg');
    expect(await page.locator('[data-testid="chart-programsByStatus"] table').count()).toBe(1);
    expect(await page.locator('[data-testid="chart-awardsByStatus"] .chart-summary').textContent()).toBeTruthy();
    expect(await page.locator('[data-testid="chart-panelOrganisationType"] .chart-summary').count()).toBe(1);
    await page.fill('input[name="from"]', '2020-01-01');
    await page.locator('.report-filters button[type="submit"]').click();
    await page.waitForURL(/from=2020-01-01/);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
  });

  it('lets the officer accept the agency’s submitted yearly report', { timeout: 120_000 }, async () => {
    const page = await signedIn('officer@demo.local');
    const year = new Date().getFullYear() - 1;
    await page.goto(`${base}/reports/annual/${year}`);
    await page.waitForSelector('[data-testid="annual-submissions"]');
    await page.locator('[data-testid="annual-submissions"] tr', { hasText: 'Xây dựng' }).getByRole('link').click();
    await page.waitForSelector('[data-testid="annual-accept"]');
    expect(await page.locator('[data-testid="figure-programs.applications"] td').textContent()).toMatch(/^\d+$/);
    expect(await page.locator('[data-testid="figure-dialogues.held"]').textContent()).toContain('Chưa có dữ liệu');
    await page.click('[data-testid="annual-accept"]');
    await page.locator('[data-testid="annual-status"]', { hasText: 'Đã tiếp nhận' }).waitFor();
  });

  it('shows the agency a refused passage under its own field', { timeout: 120_000 }, async () => {
    const page = await signedIn('agency@demo.local');
    await page.goto(`${base}/reports/annual/${new Date().getFullYear()}`);
    await page.waitForSelector('[data-testid="annual-editor"]');
    // A bell character pasted in with the text: the server refuses it and the page says where.
    await page.fill('textarea[name="difficulties"]', 'Thiếu kinh phí\u0007 cho hội thảo');
    await page.locator('[data-testid="annual-editor"] button[type="submit"]').click();
    const difficulties = page.locator('textarea[name="difficulties"]');
    await page.waitForSelector('textarea[name="difficulties"][aria-invalid="true"]');
    const describedBy = await difficulties.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('ký tự điều khiển');
    expect(await page.locator('textarea[name="results"]').getAttribute('aria-invalid')).toBeNull();
    // Retyped, it saves and the mark goes.
    await page.fill('textarea[name="difficulties"]', 'Thiếu kinh phí cho hội thảo');
    await page.locator('[data-testid="annual-editor"] button[type="submit"]').click();
    await page.locator('[data-testid="annual-editor"] [role="status"]').waitFor();
    expect(await difficulties.getAttribute('aria-invalid')).toBeNull();
  });

  it('shows visitors the public statistics', { timeout: 60_000 }, async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.goto(`${base}/statistics`);
    await page.waitForSelector('[data-testid="tile-total"]');
    expect(await page.locator('[data-testid="chart-byField"] table').count()).toBe(1);
    expect(await page.locator('[data-testid="figures-as-of"]').count()).toBe(1);
  });
});

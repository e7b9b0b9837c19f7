import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from '../support/e2e-app.js';

const DEMO_PASSWORD = 'demo-password-for-search-e2e';
const DEMO_EXPERT = 'Nguyễn Văn Hải';
let e2e: E2eApp;
let browser: E2eApp['browser'];
let base: string;

beforeAll(async () => {
  e2e = await startE2eApp({ demoPassword: DEMO_PASSWORD, syntheticProfiles: 200, settleSearch: true });
  ({ browser, base } = e2e);
});
afterAll(() => e2e?.close());

// Page-side expressions are strings here: the tests' TypeScript setup has no DOM types.
const scrollWidth = async (page: Page) => Number(await page.evaluate('document.documentElement.scrollWidth'));
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const hits = (page: Page) => page.locator('[data-testid="search-hit"]');
const firstHitName = (page: Page) => hits(page).first().locator('h3').innerText();
/** The result count once the results on screen answer the current search (null while it is still running). */
const settledTotal = async (page: Page) => {
  const total = page.locator('[data-testid="search-total"]');
  return (await total.getAttribute('aria-busy')) === 'true' ? null : total.innerText();
};

describe('finding experts in the browser', () => {
  it('searches as a visitor types, without diacritics, with facets in the URL and Back restoring the previous search', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.goto(`${base}/`);
    await page.click('[data-testid="nav-search"]');
    await page.waitForURL(`${base}/experts`);
    await page.locator('[data-testid="search-intro"]').waitFor();

    await page.fill('input[name="q"]', 'nguyen van hai');
    await expect.poll(() => firstHitName(page)).toContain(DEMO_EXPERT);
    // Matched words come back as segments and are marked, never injected as HTML. Polled:
    // the browse list kept on screen while the search runs may already show the same name.
    await expect.poll(() => hits(page).first().locator('h3 mark').allInnerTexts()).toEqual(['Nguyễn', 'Văn', 'Hải']);
    expect(param(page, 'q')).toBe('nguyen van hai');
    expect(await page.locator('[data-testid="add-to-shortlist"]').count()).toBe(0);
    await expect.poll(() => settledTotal(page)).not.toBeNull();
    const totalBefore = await settledTotal(page);

    await page.check('input[name="degree"][value="TS"]');
    await expect.poll(() => param(page, 'degree')).toBe('TS');
    await expect.poll(() => page.locator('[data-testid="filter-chip"]').allInnerTexts()).toEqual([expect.stringContaining('Tiến sĩ')]);
    await expect.poll(async () => ((await settledTotal(page)) ?? totalBefore) !== totalBefore).toBe(true);
    const credentials = await page.locator('[data-testid="search-hit"] .hit-credentials').allInnerTexts();
    expect(credentials.length).toBeGreaterThan(0);
    expect(credentials.every((line) => line.includes('Tiến sĩ'))).toBe(true);
    expect(await firstHitName(page)).toContain(DEMO_EXPERT);

    await page.goBack();
    await expect.poll(() => param(page, 'degree')).toBeNull();
    await expect.poll(() => page.locator('[data-testid="filter-chip"]').count()).toBe(0);
    await expect.poll(() => settledTotal(page)).toBe(totalBefore);
    expect(await page.isChecked('input[name="degree"][value="TS"]')).toBe(false);
    expect(await page.inputValue('input[name="q"]')).toBe('nguyen van hai');

    await page.fill('input[name="q"]', 'zzqqxvbw');
    await page.locator('[data-testid="no-results"]').waitFor();
    expect(await hits(page).count()).toBe(0);
    expect(param(page, 'q')).toBe('zzqqxvbw');

    // The card opens the expert's page.
    await page.fill('input[name="q"]', 'nguyen van hai');
    await expect.poll(() => firstHitName(page)).toContain(DEMO_EXPERT);
    await hits(page).first().locator('h3 a').click();
    await page.waitForURL(/\/experts\/[0-9a-f-]{36}$/);
    expect(await page.innerText('[data-testid="expert-name"]')).toContain(DEMO_EXPERT);
    await page.close();
  }, 90_000);

  it('fits a 375px phone screen, with the filters behind one button', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${base}/experts?q=cang+bien&degree=TS`);
    await hits(page).first().waitFor();
    expect(await page.isVisible('input[name="degree"][value="TS"]')).toBe(false);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await page.click('[data-testid="filters-toggle"]');
    expect(await page.isChecked('input[name="degree"][value="TS"]')).toBe(true);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    // The filters are a sheet over the results; its button shows the count and returns to them.
    expect(await page.getAttribute('[role="dialog"][aria-modal="true"]', 'aria-labelledby')).toBeTruthy();
    expect(await page.innerText('[data-testid="filters-done"]')).toMatch(/Xem [\d.,]+ kết quả/);
    await page.click('[data-testid="filters-done"]');
    expect(await page.isVisible('input[name="degree"][value="TS"]')).toBe(false);
    expect(await page.isVisible('[data-testid="search-hit"]')).toBe(true);
    await page.close();
  });

  it('lets agency staff shortlist an expert with a note and export the list as CSV', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.fill('input[name="email"]', 'agency@demo.local');
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(`${base}/`); // each role's home

    await page.goto(`${base}/experts?q=nguyen+van+hai`);
    await expect.poll(() => firstHitName(page)).toContain(DEMO_EXPERT);
    const expertId = await hits(page).first().getAttribute('data-id');
    await hits(page).first().locator('[data-testid="add-to-shortlist"]').click();
    const dialog = page.locator('dialog[open]');
    const note = 'Mời phản biện đề án logistics cảng Lạch Huyện';
    await dialog.locator('input[name="name"]').fill('Hội đồng tư vấn logistics 2026');
    await dialog.locator('textarea[name="note"]').fill(note);
    await dialog.locator('button[type="submit"]').click();
    await page.locator('[data-testid="shortlist-added"]').waitFor();

    await page.click('[data-testid="open-shortlist"]');
    await page.waitForURL(/\/shortlists\/[0-9a-f-]{36}$/);
    const item = page.locator(`[data-testid="shortlist-item"][data-id="${expertId}"]`);
    await expect.poll(() => item.innerText()).toContain(DEMO_EXPERT);
    expect(await item.locator('textarea[name="note"]').inputValue()).toBe(note);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
    expect(download.suggestedFilename()).toBe('Hoi-dong-tu-van-logistics-2026.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(DEMO_EXPERT);
    expect(csv).toContain(note);

    await page.goto(`${base}/shortlists`);
    await expect
      .poll(() => page.locator('[data-testid="shortlist-row"]').allInnerTexts())
      .toEqual([expect.stringContaining('Hội đồng tư vấn logistics 2026')]);
    await page.close();
  }, 90_000);
});

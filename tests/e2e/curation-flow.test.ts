import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { signInThroughForm, startE2eApp, type E2eApp } from '../support/e2e-app.js';

const DEMO_PASSWORD = 'demo-password-2026';
/** A tiny file that is a PDF by its bytes (the server sniffs the content, not the name). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

let e2e: E2eApp;
let base: string;

beforeAll(async () => {
  e2e = await startE2eApp({ demoPassword: DEMO_PASSWORD });
  ({ base } = e2e);
});
afterAll(() => e2e?.close());

/** Signs in through the form in a fresh page; the shared browser profile forgets the previous session first. */
const signedIn = (email: string): Promise<Page> => signInThroughForm(e2e, email, DEMO_PASSWORD);

const scrollWidth = async (page: Page) => Number(await page.evaluate('document.documentElement.scrollWidth'));

describe('verifying a degree in the browser', () => {
  let expertHref = '';
  let requestPath = '';

  it('the expert asks with a PDF, the curator approves, and a visitor sees the badge', async () => {
    const expert = await signedIn('expert@demo.local');
    await expert.goto(`${base}/profile/verification`);
    await expert.selectOption('select[name="itemType"]', 'degree');
    const firstDegree = await expert.locator('select[name="itemId"] option').nth(1).getAttribute('value');
    expect(firstDegree).toMatch(/^[0-9a-f-]{36}$/);
    await expert.selectOption('select[name="itemId"]', firstDegree!);
    await expert.fill('textarea[name="note"]', 'Bằng tiến sĩ, số hiệu 2008/UA');

    // Without a file the form stops before sending.
    const submit = expert.locator('form:has(input[name="evidence"]) button[type="submit"]');
    await submit.click();
    await expert.locator('input[name="evidence"][aria-invalid="true"]').waitFor();
    expect(await expert.locator('[data-testid="my-verification"]').count()).toBe(0);

    await expert.setInputFiles('input[type="file"][name="evidence"]', {
      name: 'bang-tien-si.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await submit.click();
    await expert.locator('[data-testid="verification-submitted"]').waitFor();
    const mine = expert.locator('[data-testid="my-verification"][data-status="pending"]');
    await mine.waitFor();
    expect(await mine.innerText()).toContain('Đang chờ xác minh');
    await expert.close();

    const curator = await signedIn('curator@demo.local');
    await curator.click('[data-testid="nav-curation"]');
    await curator.waitForURL(`${base}/curation`);
    // The number is rendered with the dashboard's data, so its first appearance is the answer.
    const pending = curator.locator('[data-testid="dashboard-pending-verifications"]');
    await pending.waitFor();
    expect(await pending.textContent()).toBe('1');
    await curator.goto(`${base}/curation/verifications`);
    const row = curator.locator('[data-testid="verification-row"]');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain('Nguyễn Văn Hải');
    await row.locator('[data-testid="open-verification"]').click();
    await curator.waitForURL(/\/curation\/verifications\/[0-9a-f-]{36}$/);
    requestPath = new URL(curator.url()).pathname;
    const detail = curator.locator('[data-testid="verification-detail"]');
    await detail.waitFor();
    expect(await detail.innerText()).toContain('Bằng tiến sĩ, số hiệu 2008/UA');
    expect(await detail.locator('[data-testid="evidence-file"]').innerText()).toContain('bang-tien-si.pdf');

    // Rejecting needs a reason: nothing is sent without one.
    await curator.click('[data-testid="reject"]');
    await curator.locator('textarea[name="reason"][aria-invalid="true"]').waitFor();
    expect(await curator.locator('.decision-form .field-error').innerText()).toMatch(/lý do/);

    await curator.click('[data-testid="approve"]');
    await curator.locator('[data-testid="decision-done"]').waitFor();
    expect(await detail.locator('[data-status="approved"]').count()).toBe(1);
    expertHref = (await detail.locator('a[href^="/experts/"]').getAttribute('href')) ?? '';
    expect(expertHref).toMatch(/^\/experts\/[0-9a-f-]{36}$/);
    await curator.close();

    // A different browser profile: no cookie, no session, a visitor.
    const visitor = await launchBrowser();
    try {
      const page = await visitor.context.newPage();
      await page.goto(`${base}${expertHref}`);
      const badge = page.locator('[data-section="education"] [data-testid="verified-badge"]');
      await badge.waitFor();
      expect(await badge.count()).toBe(1);
      expect(await badge.innerText()).toMatch(/xác minh bởi Lê Minh Đức/);
    } finally {
      await visitor.close();
    }
  }, 120_000);

  it('fits a 375px phone screen: the queue and a request', async () => {
    expect(requestPath).not.toBe('');
    const curator = await signedIn('curator@demo.local');
    await curator.setViewportSize({ width: 375, height: 800 });
    await curator.goto(`${base}/curation/verifications?status=approved`);
    await curator.locator('[data-testid="verification-row"]').waitFor();
    expect(await scrollWidth(curator)).toBeLessThanOrEqual(375);
    await curator.goto(`${base}/curation/verifications`);
    await curator.locator('form[role="search"]').waitFor();
    expect(await scrollWidth(curator)).toBeLessThanOrEqual(375);
    await curator.goto(`${base}${requestPath}`);
    await curator.locator('[data-testid="verification-detail"]').waitFor();
    expect(await scrollWidth(curator)).toBeLessThanOrEqual(375);
    await curator.close();
  }, 60_000);
});

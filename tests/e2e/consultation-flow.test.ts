import { expertProfiles, users } from '@hpen/db';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughForm, startE2eApp, type E2eApp } from '../support/e2e-app.js';
import type { TestApp } from '../support/test-app.js';

const DEMO_PASSWORD = 'demo-password-consultations';
const TITLE = 'Phản biện đề án trung tâm logistics hàng không Cát Bi';
let t: TestApp;
let e2e: E2eApp;
let browser: E2eApp['browser'];
let base: string;
let expertProfileId: string;

beforeAll(async () => {
  e2e = await startE2eApp({ demoPassword: DEMO_PASSWORD, settleSearch: true });
  ({ t, browser, base } = e2e);
  const [row] = await t.database.db
    .select({ id: expertProfiles.id })
    .from(expertProfiles)
    .innerJoin(users, eq(users.id, expertProfiles.userId))
    .where(eq(users.email, 'expert@demo.local'));
  expertProfileId = row!.id;
});
afterAll(() => e2e?.close());

async function signedIn(email: string): Promise<Page> {
  const page = await signInThroughForm(e2e, email, DEMO_PASSWORD);
  page.setDefaultTimeout(10_000);
  return page;
}
const scrollWidth = async (page: Page) => Number(await page.evaluate('document.documentElement.scrollWidth'));
const status = (page: Page) => page.locator('[data-testid="consultation-detail"]').getAttribute('data-status');

describe('a critical review in the browser', () => {
  it('goes from the request to the public record, at phone width', { timeout: 120_000 }, async () => {
    let agency = await signedIn('agency@demo.local');
    await agency.setViewportSize({ width: 390, height: 800 });
    // At phone width the links sit behind the menu button.
    await agency.click('[data-testid="nav-menu-toggle"]');
    await agency.click('[data-testid="nav-consultations"]');
    await agency.fill('input[name="title"]', TITLE);
    await agency.fill('input[name="fields"]', '502');
    await agency.fill('input[name="keywords"]', 'logistics');
    await agency.fill('input[name="dueAt"]', new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10));
    await agency.fill('input[name="panelSize"]', '3');
    await agency.locator('form button[type="submit"]').last().click();
    await agency.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
    const caseUrl = agency.url();
    expect(await status(agency)).toBe('draft');
    expect(await scrollWidth(agency)).toBeLessThanOrEqual(390);

    await agency.click('[data-testid="load-suggestions"]');
    const card = agency.locator(`[data-testid="suggestion"][data-profile-id="${expertProfileId}"]`);
    await card.locator('.chip').first().waitFor();
    // Built by hand: added from the suggestions to the draft panel as its chair, then invited.
    await card.locator('[data-testid="add-to-panel"]').click();
    const member = agency.locator('[data-testid="proposal-member"]');
    await expect.poll(() => member.count()).toBe(1);
    await member.locator('select[name="role"]').selectOption('chair');
    await agency.click('[data-testid="invite-panel"]');
    await expect.poll(() => status(agency)).toBe('panel_forming');
    await expect.poll(() => agency.locator('[data-testid="case-member"]').first().textContent()).toMatch(/Chủ tịch/);

    const expert = await signedIn('expert@demo.local');
    await expert.goto(`${base}/consultations/invitations`);
    const invitation = expert.locator('[data-testid="invitation"][data-status="invited"]');
    await invitation.locator('input[name="confidentiality"]').check();
    await invitation.locator('input[name="publishName"]').check();
    await invitation.locator('[data-testid="accept-invitation"]').click();
    await expert.locator('[data-testid="invitation"][data-status="accepted"]').waitFor();
    await expert.goto(caseUrl);
    await expert.fill('[data-testid="review-editor"] textarea[name="summary"]', 'Đề án cần thiết');
    await expert.fill('[data-testid="review-editor"] textarea[name="verdict"]', 'Đồng ý');
    await expert.click('[data-testid="submit-review"]');
    await expert.locator('[data-testid="review-editor"] .notice-success').waitFor();

    // One browser profile: signing the expert in replaced the agency's session, so sign in again.
    agency = await signedIn('agency@demo.local');
    await agency.goto(caseUrl);
    await agency.fill('[data-testid="report-editor"] textarea[name="summary"]', 'Hội đồng đồng ý với đề án');
    await agency.fill('[data-testid="report-editor"] textarea[name="body"]', 'Ý kiến tổng hợp');
    await agency.click('[data-testid="save-report"]');
    await expect.poll(() => status(agency)).toBe('consolidating');
    await agency.click('[data-testid="send-report"]');
    await expect.poll(() => status(agency)).toBe('sent');
    await agency.fill('textarea[name="explanation"]', 'Tiếp thu toàn bộ');
    await agency.locator('textarea[name="explanation"]').locator('xpath=ancestor::form').locator('button[type="submit"]').click();
    await expect.poll(() => status(agency)).toBe('replied');
    await agency.locator('[data-testid="close-form"] input[type="checkbox"]').check();
    await agency.locator('[data-testid="close-form"] button[type="submit"]').click();
    await expect.poll(() => status(agency)).toBe('closed');
    expect(await agency.locator('[data-testid="case-timeline"] li').count()).toBe(7);

    await browser.context.clearCookies();
    const visitor = await browser.context.newPage();
    await visitor.goto(`${base}/`);
    await visitor.click('[data-testid="nav-public-consultations"]');
    const entry = visitor.locator('[data-testid="public-consultation"]', { hasText: TITLE });
    await entry.locator('a').click();
    await visitor.locator('h1', { hasText: TITLE }).waitFor();
    expect(await visitor.locator('main').innerText()).toContain('Nguyễn Văn Hải');
  });
});

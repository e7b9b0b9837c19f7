import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughForm, startE2eApp, type E2eApp } from '../support/e2e-app.js';

/** The optional review council of an application (issue 14.5) in the browser, on the demo's seats. */
const DEMO_PASSWORD = 'demo-password-council';
let e2e: E2eApp;

beforeAll(async () => {
  // Generated experts: the demo registers paper dossiers for them, and seats the demo expert on two.
  e2e = await startE2eApp({ demoPassword: DEMO_PASSWORD, syntheticProfiles: 12 });
  await e2e.t.app.seedDemoPrograms();
});
afterAll(() => e2e?.close());

async function signedIn(email: string): Promise<Page> {
  const page = await signInThroughForm(e2e, email, DEMO_PASSWORD);
  page.setDefaultTimeout(15_000);
  return page;
}
const scrollWidth = async (page: Page) => Number(await page.evaluate('document.documentElement.scrollWidth'));

describe('the review council in the browser', () => {
  it(
    'the invited expert declares no conflict and gives an opinion at phone width; the officer reads it on the review council',
    { timeout: 120_000 },
    async () => {
      const expert = await signedIn('expert@demo.local');
      await expert.setViewportSize({ width: 390, height: 800 });
      await expert.goto(`${e2e.base}/programs/applications`);
      const invitation = expert.getByTestId('my-reviews').locator('li', { hasText: 'Đã mời' });
      await invitation.getByRole('link').click();
      const panel = expert.getByTestId('reviewer-panel');
      await panel.waitFor();
      // Nothing of the dossier before the declaration; accepting needs the confidentiality undertaking.
      expect(await expert.locator('[data-testid="evidence-list"] li').count()).toBe(0);
      expect(await panel.getByTestId('review-accept').isDisabled()).toBe(true);
      // A reason with a pasted control character is refused under its field; the seat stays open.
      await panel.getByLabel('Lý do từ chối').fill('Bận công tác\u0007');
      await panel.getByRole('button', { name: 'Từ chối' }).click();
      const reason = panel.locator('textarea[name="reason"][aria-invalid="true"]');
      await reason.waitFor();
      expect(await panel.locator(`[id="${await reason.getAttribute('aria-describedby')}"]`).innerText()).toContain('ký tự điều khiển');
      await panel.getByLabel('Tôi cam kết giữ bí mật hồ sơ và chỉ dùng để thẩm định').check();
      await panel.getByTestId('review-accept').click();
      await panel.getByTestId('review-opinion-save').waitFor();
      await panel.getByLabel('Đề nghị').selectOption('reject');
      await panel.getByLabel('Nhận xét').fill('Chưa có quyết định tiếp nhận của đơn vị sự nghiệp.');
      await panel.getByTestId('review-opinion-save').click();
      await panel.getByRole('status').waitFor();
      expect(await scrollWidth(expert)).toBeLessThanOrEqual(390);
      const url = expert.url();

      const officer = await signedIn('officer@demo.local');
      await officer.goto(url);
      const council = officer.getByTestId('review-council');
      await council.waitFor();
      const seat = council.getByTestId('reviewers').locator('li').first();
      expect(await seat.getByTestId('reviewer-status').innerText()).toBe('Đã nhận');
      expect(await seat.getByTestId('reviewer-opinion').innerText()).toContain('Đề nghị không chấp thuận');
      // The application is still before the agency: candidates by the applicant's fields, each screened; the seated
      // expert is marked, and only registered experts without a conflict get an invite button.
      await council.getByTestId('reviewer-search').waitFor();
      await council.getByTestId('reviewer-candidate').first().waitFor();
      for (const candidate of await council.getByTestId('reviewer-candidate').all())
        expect((await candidate.getByTestId('reviewer-invite').count()) + (await candidate.locator('.badge').count())).toBe(1);
    },
  );
});

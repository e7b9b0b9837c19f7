import { expertProfiles, users } from '@hpen/db';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughForm, startE2eApp, type E2eApp } from '../support/e2e-app.js';

const DEMO_PASSWORD = 'demo-password-programs';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
let e2e: E2eApp;
let expertProfileId: string;

beforeAll(async () => {
  e2e = await startE2eApp({ demoPassword: DEMO_PASSWORD });
  // The demo seed ran after the app started: the seeded programs get their agencies, and the demo applications.
  await e2e.t.app.seedDemoPrograms();
  const [row] = await e2e.t.database.db
    .select({ id: expertProfiles.id })
    .from(expertProfiles)
    .innerJoin(users, eq(users.id, expertProfiles.userId))
    .where(eq(users.email, 'expert@demo.local'));
  expertProfileId = row!.id;
});
afterAll(() => e2e?.close());

async function signedIn(email: string): Promise<Page> {
  const page = await signInThroughForm(e2e, email, DEMO_PASSWORD);
  page.setDefaultTimeout(15_000);
  return page;
}
const scrollWidth = async (page: Page) => Number(await page.evaluate('document.documentElement.scrollWidth'));
const appStatus = (page: Page) => page.getByTestId('application-page').getAttribute('data-status');
const card = (page: Page, code: string) => page.locator(`[data-testid="program-eligibility"][data-code="${code}"]`);

describe('talent-attraction programs in the browser', () => {
  it('a visitor reads a program with its rules in plain language and what is still to confirm', { timeout: 60_000 }, async () => {
    const page = await e2e.browser.context.newPage();
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${e2e.base}/programs`);
    await page.click('[data-testid="nav-menu-toggle"]');
    await page.click('#main-nav a[href="/programs"]');
    await page.locator('[data-testid="program-card"][data-code="hp-nq53-2025"] a').click();
    await page.getByTestId('program-rules').waitFor();
    const rules = await page.getByTestId('program-rules').innerText();
    expect(rules).toContain('Còn ít nhất 10 năm công tác (trừ GS, PGS)');
    expect(rules).toContain('Có chức danh Phó giáo sư trở lên');
    expect(await page.getByTestId('to-confirm').count()).toBeGreaterThan(2);
    expect(await page.getByTestId('benefits').innerText()).toContain('500.000.000');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it(
    'an expert checks their eligibility, applies and submits; the officer approves; the expert sees it',
    { timeout: 180_000 },
    async () => {
      let expert = await signedIn('expert@demo.local');
      await expert.goto(`${e2e.base}/programs/mine`);
      const r53 = card(expert, 'hp-nq53-2025');
      await r53.getByTestId('criterion').first().waitFor();
      expect(await r53.getByTestId('eligibility-outcome').getAttribute('data-outcome')).toMatch(/eligible|nearly|not_eligible/);
      expect(await r53.getByTestId('criterion').count()).toBeGreaterThan(4);
      expect(await r53.getByTestId('benefit-reached').innerText()).toMatch(/Mức hưởng dự kiến|Chưa đạt/);

      // The demo draft to Decree 263 is withdrawn, then the expert applies again through the wizard.
      const d263 = card(expert, 'nd263-2025-young-talent');
      await d263.getByTestId('open-application').click();
      await expert.getByTestId('withdraw').click();
      await expert.getByTestId('confirm-withdraw').click();
      await expect.poll(() => appStatus(expert)).toBe('withdrawn');
      await expert.goto(`${e2e.base}/programs/mine`);
      await card(expert, 'nd263-2025-young-talent').getByTestId('apply-button').click();
      await expert.getByTestId('declared-facts-form').waitFor();
      for (const fact of ['vietnamese_citizen', 'active_in_sti', 'no_prohibited_acts', 'rd_project_key_role'])
        await expert.getByTestId(`fact-${fact}-yes`).check();
      // Without the consent to assessment (never pre-ticked) the wizard does not go on.
      await expert.getByTestId('facts-next').click();
      await expert.locator('.notice-error').waitFor();
      await expert.locator('input[name="assessmentConsent"]').check();
      await expert.getByTestId('facts-next').click();
      await expert.waitForURL(/\/programs\/applications\/[0-9a-f-]{36}\?step=2$/);
      await expert.getByTestId('evidence-file').setInputFiles({ name: 'bang-tien-si.pdf', mimeType: 'application/pdf', buffer: PDF });
      await expert.getByTestId('evidence-list').getByText('bang-tien-si.pdf').waitFor();
      await expert.getByTestId('evidence-next').click();
      await expert.getByTestId('assessment').waitFor();
      // The review step lists what is still missing, each item linked to its step; submitting waits for them.
      expect(await expert.getByTestId('submit-application').isDisabled()).toBe(true);
      for (let left = await expert.getByTestId('missing-item').count(); left > 0; left--) {
        await expert.getByTestId('missing-item').first().click();
        await expert
          .getByTestId('evidence-file')
          .setInputFiles({ name: `minh-chung-${left}.pdf`, mimeType: 'application/pdf', buffer: PDF });
        await expert.getByTestId('evidence-list').getByText(`minh-chung-${left}.pdf`).waitFor();
        await expert.getByTestId('evidence-next').click();
        await expert.getByTestId('assessment').waitFor();
        await expect.poll(() => expert.getByTestId('missing-item').count()).toBe(left - 1);
      }
      await expert.getByTestId('submit-application').click();
      await expert.getByTestId('confirm-submit').click();
      await expect.poll(() => appStatus(expert)).toBe('submitted');

      // The application to Resolution 53 waits for information: the expert answers it.
      await expert.goto(`${e2e.base}/programs/applications`);
      const waiting = expert.locator('[data-testid="application-row"][data-status="needs_information"] a');
      await waiting.click();
      await expert.getByTestId('info-request').waitFor();
      await expert.getByTestId('wizard-step-3').click();
      await expert.getByTestId('submit-application').click();
      await expert.getByTestId('confirm-submit').click();
      await expect.poll(() => appStatus(expert)).toBe('in_review');
      const applicationUrl = expert.url().replace(/\?.*$/, '');

      // The Home Affairs officer: the queue (filtered, with ageing), the application, the decision.
      const officer = await signedIn('officer@demo.local');
      await officer.goto(`${e2e.base}/programs/officer`);
      await officer.getByTestId('application-row').first().waitFor();
      await officer.getByTestId('queue-status').selectOption('in_review');
      await officer.locator('[data-testid="application-row"][data-status="in_review"]').first().waitFor();
      await expect.poll(() => officer.locator('[data-testid="application-row"][data-status="submitted"]').count()).toBe(0);
      await officer.goto(applicationUrl);
      await officer.getByTestId('decision-form').waitFor();
      expect(await officer.getByTestId('checklist').locator('input[type="checkbox"]').count()).toBeGreaterThan(3);
      // A rejection needs its reason: the button stays disabled without one.
      await officer.getByTestId('decision-rejected').check();
      await officer.getByTestId('decision-number').fill('125/QĐ-SNV');
      expect(await officer.getByTestId('record-decision').isDisabled()).toBe(true);
      await officer.getByTestId('decision-approved').check();
      await officer.getByTestId('decision-date').fill('2026-12-01');
      await officer.getByTestId('record-decision').click();
      await expect.poll(() => appStatus(officer)).toBe('approved');

      expert = await signedIn('expert@demo.local');
      await expert.goto(applicationUrl);
      await expert.getByTestId('decision').waitFor();
      expect(await appStatus(expert)).toBe('approved');
      expect(await expert.getByTestId('decision').innerText()).toContain('125/QĐ-SNV');
      await expert.goto(`${e2e.base}/programs/applications`);
      await expert.locator('[data-testid="application-row"][data-status="approved"]').waitFor();
      expect(await expert.locator('[data-testid="application-row"][data-status="approved"]').count()).toBe(1);
    },
  );

  it(
    'an officer edits the rules in the form, tests them against sample profiles and saves a new version',
    { timeout: 120_000 },
    async () => {
      const officer = await signedIn('officer@demo.local');
      await officer.goto(`${e2e.base}/programs/officer`);
      await officer.locator('[data-testid="managed-program"][data-code="hp-nq53-2025"] a').click();
      const editor = officer.getByTestId('rule-editor');
      await editor.waitFor();
      expect(await officer.getByTestId('to-confirm-list').locator('li').count()).toBeGreaterThan(2);
      const before = await editor.getByTestId('criterion-editor').count();

      // The samples as the rules stand: the excellent graduate fits.
      await officer.getByTestId('run-test').click();
      await expect.poll(() => officer.getByTestId('test-result').first().getAttribute('data-outcome')).toBe('eligible');

      // A new requirement (by default "a master's degree or higher") added to the root group, by keyboard.
      const root = editor.getByTestId('criterion-editor').first();
      await root.locator(':scope > .criterion-children > [data-testid="add-criterion"]').focus();
      await officer.keyboard.press('Enter');
      expect(await editor.getByTestId('criterion-editor').count()).toBe(before + 1);
      // A stored profile joins the samples (as the expert shares it with agencies).
      await officer.getByTestId('test-profile-ids').fill(expertProfileId);
      await officer.getByTestId('run-test').click();
      await expect.poll(() => officer.getByTestId('test-result').count()).toBe(6);
      expect(await officer.getByTestId('test-result').first().getAttribute('data-outcome')).toBe('nearly');

      await officer.getByTestId('version-note').fill('Thêm điều kiện học vị');
      await officer.getByTestId('save-rules').click();
      await officer.getByText('Đã lưu phiên bản 2.').waitFor();
      await officer.goto(`${e2e.base}/programs/hp-nq53-2025`);
      await officer.getByTestId('program-rules').waitFor();
      expect(await officer.getByTestId('program-page').innerText()).toContain('Phiên bản 2');
      expect(await officer.getByTestId('program-rules').locator('[data-testid="rule-sentence"]').count()).toBeGreaterThan(9);
    },
  );

  it(
    'an officer creates a program in the content form, publishes it, edits it into version 2, and the public sees it',
    { timeout: 150_000 },
    async () => {
      const officer = await signedIn('officer@demo.local');
      await officer.setViewportSize({ width: 390, height: 800 });
      await officer.goto(`${e2e.base}/programs/officer`);
      await officer.getByTestId('new-program').click();
      const form = officer.getByTestId('program-content-form');
      await form.waitFor();
      const focused = async () => String(await officer.evaluate("document.activeElement?.getAttribute('name') ?? ''"));
      const fill = (path: string, value: string) => officer.getByTestId(`content-${path}`).fill(value);

      // Empty: the form says how many fields need attention and the first of them takes the focus.
      await form.locator('button[type="submit"]').click();
      await officer.getByTestId('content-form-error').waitFor();
      expect(await focused()).toBe('code');

      await fill('code', 'hp-nq53-2025');
      await fill('title.vi', 'Hỗ trợ bác sĩ về công tác tại Hải Phòng');
      await fill('title.en', 'Support for doctors moving to Hai Phong');
      await fill('agency', 'Sở Y tế Hải Phòng');
      await fill('legalBasis.0.number', '12/2027/NQ-HĐND');
      await fill('legalBasis.0.date', '2027-01-15');
      // Two target groups with one code: the second row's code is marked, by the server's own schema.
      for (const n of [0, 1]) {
        await officer.getByTestId('add-targetGroups').click();
        expect(await focused()).toBe(`targetGroups.${n}.code`);
        await fill(`targetGroups.${n}.code`, 'doctor');
        await fill(`targetGroups.${n}.label.vi`, 'Bác sĩ');
        await fill(`targetGroups.${n}.label.en`, 'Doctor');
      }
      await officer.getByTestId('add-benefits').click();
      await fill('benefits.0.group', 'doctor');
      await fill('benefits.0.label.vi', 'Bác sĩ chuyên khoa II');
      await fill('benefits.0.label.en', 'Specialist doctor, level II');
      await fill('benefits.0.oneTimeVnd', '300.000.000');
      await fill('benefits.0.monthlyMinWageMultiple', '2,5');
      await officer.getByTestId('add-requiredDocuments').click();
      await fill('requiredDocuments.0.code', 'cv');
      await fill('requiredDocuments.0.label.vi', 'Sơ yếu lý lịch');
      await fill('requiredDocuments.0.label.en', 'Curriculum vitae');
      await officer.locator('input[name="serviceCommitment.on"]').check();
      await fill('serviceCommitment.years', '3');
      await form.locator('button[type="submit"]').click();
      await officer.getByText('Mã này đã có ở dòng khác.').waitFor();
      expect(await focused()).toBe('targetGroups.1.code');
      await form.getByRole('button', { name: 'Xoá Đối tượng 2' }).click();

      // The server refuses a code in use: its answer lands under the code field, which takes the focus.
      await form.locator('button[type="submit"]').click();
      await officer.getByText('Giá trị này đã được dùng.').waitFor();
      expect(await focused()).toBe('code');
      expect(await officer.getByTestId('content-form-error').innerText()).toContain('Mã chương trình đã được dùng');
      expect(await scrollWidth(officer)).toBeLessThanOrEqual(390);
      await fill('code', 'hp-e2e-doctors-2027');
      await form.locator('button[type="submit"]').click();

      // A draft, then its rules in the rule editor, then publish.
      await officer.getByTestId('rule-editor').waitFor();
      expect(officer.url()).toMatch(/\/programs\/officer\/[0-9a-f-]{36}$/);
      await officer.getByTestId('publish').click();
      await officer.getByText('Đã công bố').first().waitFor();

      // After publication an edit of the content is a new version, and the form says so before saving.
      await officer.getByTestId('edit-content').click();
      await officer.getByTestId('program-content-form').waitFor();
      expect(await officer.getByTestId('content-save-notice').innerText()).toContain('tạo phiên bản 2');
      expect(await officer.getByTestId('content-benefits.0.oneTimeVnd').inputValue()).toBe('300000000');
      await fill('title.vi', 'Hỗ trợ bác sĩ, dược sĩ về công tác tại Hải Phòng');
      await fill('note', 'Thêm dược sĩ');
      await officer.getByTestId('program-content-form').locator('button[type="submit"]').click();
      await officer.getByText('Đã lưu phiên bản 2.').waitFor();
      // The notice follows the program once it is read again after the save.
      await officer.getByTestId('content-save-notice').filter({ hasText: 'tạo phiên bản 3' }).waitFor();

      const visitor = await e2e.browser.context.newPage();
      visitor.setDefaultTimeout(15_000);
      await visitor.goto(`${e2e.base}/programs`);
      const card = visitor.locator('[data-testid="program-card"][data-code="hp-e2e-doctors-2027"]');
      await card.waitFor();
      expect(await card.innerText()).toContain('Hỗ trợ bác sĩ, dược sĩ về công tác tại Hải Phòng');
      await card.locator('a').first().click();
      await visitor.getByTestId('benefits').waitFor();
      expect(await visitor.getByTestId('benefits').innerText()).toContain('300.000.000');
      expect(await visitor.getByTestId('program-page').innerText()).toContain('Phiên bản 2');
      await visitor.close();
    },
  );

  it(
    'staff see when the eligibility answers were computed, and a polite line while they are being recomputed',
    { timeout: 60_000 },
    async () => {
      const staff = await signedIn('agency@demo.local');
      await staff.setViewportSize({ width: 390, height: 800 });
      const programs = (await (await fetch(`${e2e.base}/api/programs`)).json()) as { items: Array<{ id: string; code: string }> };
      const r53 = programs.items.find((p) => p.code === 'hp-nq53-2025')!.id;
      await staff.goto(`${e2e.base}/experts?eligibleFor=${r53}&nearly=true`);
      const asOf = staff.getByTestId('eligible-as-of');
      await asOf.waitFor();
      expect(await asOf.innerText()).toMatch(/tính đến ngày \d{2}\/\d{2}\/\d{4}/);
      expect(await asOf.getAttribute('data-source')).toMatch(/^(precomputed|scan)$/);
      // The status line's live region is there before anything is said in it, so a recomputation is announced.
      const computing = staff.getByTestId('eligible-computing');
      expect(await computing.getAttribute('aria-live')).toBe('polite');
      expect(await computing.innerText()).toMatch(/^(|Hệ thống vẫn đang tính lại — số liệu có thể còn tăng\.)$/);
      await staff.getByTestId('eligible-hit').first().locator('a').click();
      await staff.getByTestId('staff-eligibility-as-of').waitFor();
      expect(await staff.getByTestId('staff-eligibility-as-of').innerText()).toMatch(/Tính đến ngày \d{2}\/\d{2}\/\d{4}/);
      expect(await scrollWidth(staff)).toBeLessThanOrEqual(390);
    },
  );
});

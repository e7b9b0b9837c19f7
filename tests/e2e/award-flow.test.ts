import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expertProfiles, users } from '@hpen/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn } from '../support/auth-flows.js';
import { signInThroughForm, startE2eApp, type E2eApp } from '../support/e2e-app.js';
import type { TestApp } from '../support/test-app.js';

const DEMO_PASSWORD = 'demo-password-awards';
const WORK = 'Hệ thống quan trắc chất lượng nước sông Cấm theo thời gian thực';
const DECISION = '77/QĐ-UBND';
let t: TestApp;
let e2e: E2eApp;
let base: string;
let awardId: string;
let roundId: string;
let nominee: { id: string; fullName: string };

// Evaluated through DevTools, which the app's Content-Security-Policy does not block (as tests/e2e/accessibility.test.ts).
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

beforeAll(async () => {
  e2e = await startE2eApp({ demoPassword: DEMO_PASSWORD, syntheticProfiles: 12, settleSearch: true });
  ({ t, base } = e2e);
  const officer = (await signIn(t.app, 'officer@demo.local', DEMO_PASSWORD)).accessToken;
  const api = async (method: 'POST', url: string, payload: object) => {
    const res = await t.app.inject({ method, url, headers: bearer(officer), payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  // One award with one council phase that decides by secret ballot.
  ({ id: awardId } = await api('POST', '/api/awards', {
    code: 'e2e-water-prize',
    titleVi: 'Giải thưởng Sáng tạo vì môi trường',
    titleEn: 'Environment Innovation Prize',
    definition: {
      organiser: 'Sở Khoa học và Công nghệ Hải Phòng',
      legalBasis: [{ document: 'QĐ 351/2016/QĐ-UBND', article: '', link: '', certainty: 'V' }],
      nominators: ['agency', 'organisation'],
      prizeLevels: [{ code: 'first', titleVi: 'Giải Nhất', titleEn: 'First prize' }],
      categories: [{ code: 'applied', titleVi: 'Ứng dụng', titleEn: 'Applied', caps: { first: 1 } }],
      criteria: [{ code: 'effect', titleVi: 'Hiệu quả', titleEn: 'Effect', weight: 100, min: 0, max: 10 }],
      phases: [
        {
          n: 1,
          nameVi: 'Hội đồng thành phố',
          nameEn: 'City council',
          method: 'ballot',
          threshold: null,
          rulesCode: 'council-3-4',
          ballot: 'secret',
        },
      ],
      eligibility: null,
    },
  }));
  ({ id: roundId } = await api('POST', `/api/awards/${awardId}/rounds`, {
    year: 2026,
    planReference: 'Kế hoạch 12/KH-SKHCN',
    nominationOpensAt: day(-1),
    nominationClosesAt: day(20),
    phases: [{ n: 1, startsAt: day(-1), endsAt: day(40) }],
  }));
  const [expert] = await t.database.db
    .select({ id: expertProfiles.id })
    .from(expertProfiles)
    .innerJoin(users, eq(users.id, expertProfiles.userId))
    .where(eq(users.email, 'expert@demo.local'));
  await api('POST', `/api/awards/${awardId}/rounds/${roundId}/council`, { phase: 1, profileId: expert!.id, role: 'chair' });
  // The nominee: a public profile from the registry (not on the council).
  const pool = await t.database.db
    .select({ id: expertProfiles.id, fullName: expertProfiles.fullName })
    .from(expertProfiles)
    .where(and(isNull(expertProfiles.userId), eq(expertProfiles.publicationConsent, true)))
    .limit(1);
  nominee = pool[0]!;
}, 240_000);
afterAll(() => e2e?.close());

async function signedIn(email: string): Promise<Page> {
  const page = await signInThroughForm(e2e, email, DEMO_PASSWORD);
  page.setDefaultTimeout(15_000);
  return page;
}
const scrollWidth = async (page: Page) => Number(await page.evaluate('document.documentElement.scrollWidth'));
const statusOf = (page: Page) => page.locator('[data-testid="nomination-status"]').innerText();

describe('an award in the browser', () => {
  it(
    'goes from nomination through the council and the decision to the honour roll and the profile mark',
    { timeout: 240_000 },
    async () => {
      // The agency nominates, at phone width, through the wizard.
      const agency = await signedIn('agency@demo.local');
      await agency.setViewportSize({ width: 390, height: 844 });
      await agency.goto(`${base}/awards`);
      await agency.click('[data-testid="awards-nav-nominate"]');
      await agency.selectOption('[data-testid="wizard-award"]', awardId);
      await agency.locator(`input[name="round"][value="${roundId}"]`).check();
      await agency.selectOption('[data-testid="wizard-category"]', 'applied');
      await agency.click('[data-testid="wizard-next"]');
      await agency.locator('input[name="kind"][value="agency"]').check();
      await agency.click('[data-testid="wizard-next"]');
      await agency.fill('[data-testid="wizard-search"]', nominee.fullName);
      await agency.keyboard.press('Enter');
      await agency.locator('[data-testid="wizard-hits"] li', { hasText: nominee.fullName }).first().locator('button').click();
      await agency.locator('[data-testid="wizard-nominees"]', { hasText: nominee.fullName }).waitFor();
      await agency.click('[data-testid="wizard-next"]');
      await agency.fill('[data-testid="wizard-title"]', WORK);
      await agency.click('[data-testid="wizard-next"]');
      await agency.locator('[data-testid="wizard-review"]').waitFor();
      expect(await scrollWidth(agency)).toBeLessThanOrEqual(390);
      await agency.click('[data-testid="wizard-create"]');
      await agency.waitForURL(/\/awards\/nominations\/[0-9a-f-]{36}$/);
      const nominationUrl = agency.url();
      expect(await statusOf(agency)).toMatch(/Bản nháp/);
      await agency.setInputFiles('[data-testid="nomination-upload"]', {
        name: 'thuyet-minh.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
      });
      await agency.locator('[data-testid="nomination-documents"] li', { hasText: 'thuyet-minh.pdf' }).waitFor();
      await agency.click('[data-testid="nomination-submit"]');
      await expect.poll(() => statusOf(agency)).toMatch(/Đã nộp/);
      expect(await scrollWidth(agency)).toBeLessThanOrEqual(390);

      // The secretariat finds it eligible and opens the phase.
      let officer = await signedIn('officer@demo.local');
      await officer.goto(nominationUrl);
      await officer.click('[data-testid="eligible"]');
      await expect.poll(() => statusOf(officer)).toMatch(/Hợp lệ/);
      await officer.goto(`${base}/awards/console/${awardId}/${roundId}/1`);
      await officer.click('[data-testid="start-phase"]');
      await officer.locator('[data-testid="tally-row"]', { hasText: WORK }).waitFor();
      await officer.locator('[data-testid="attendance-member"]').first().check();
      await officer.click('[data-testid="attendance-save"]');
      await expect.poll(() => officer.locator('[data-testid="quorum"]').first().innerText()).toContain('✓');

      // The chair votes in the council workspace: the ballot is secret and says so.
      const chair = await signedIn('expert@demo.local');
      await chair.goto(`${base}/awards/council`);
      await chair.locator('[data-testid="assigned-nomination"]', { hasText: WORK }).locator('a').click();
      expect(await chair.locator('[data-testid="ballot-kind"]').innerText()).toMatch(/kín/);
      await chair.locator('input[name="vote"][value="yes"]').check();
      await chair.click('[data-testid="vote-cast"]');
      await chair.locator('[data-testid="council-panel"] .notice-success').waitFor();

      // The secretariat tallies, closes the phase and records the decision, published at once.
      officer = await signedIn('officer@demo.local');
      await officer.goto(`${base}/awards/console/${awardId}/${roundId}/1`);
      const row = officer.locator('[data-testid="tally-row"]', { hasText: WORK });
      await expect.poll(() => row.innerText()).toMatch(/1 đồng ý/);
      officer.once('dialog', (d) => void d.accept());
      await officer.click('[data-testid="close-phase"]');
      await officer.locator('[data-testid="decision-form"] [data-testid="prize-level"]').waitFor();
      await officer.selectOption('[data-testid="prize-level"]', 'first');
      await officer.fill('[data-testid="decision-number"]', DECISION);
      await officer.fill('[data-testid="decision-signer"]', 'Chủ tịch UBND thành phố Hải Phòng');
      await officer.click('[data-testid="decision-save"]');
      await officer.locator('.notice-success', { hasText: DECISION }).waitFor();

      // Anyone: the honour roll lists the work, and the nominee's profile carries the verified mark.
      await e2e.browser.context.clearCookies();
      const visitor = await e2e.browser.context.newPage();
      await visitor.setViewportSize({ width: 390, height: 844 });
      await visitor.goto(`${base}/awards/honour-roll`);
      const item = visitor.locator('[data-testid="honour-roll-item"]', { hasText: WORK });
      await item.waitFor();
      await item.locator('a', { hasText: nominee.fullName }).click();
      await visitor.waitForURL(new RegExp(`/experts/${nominee.id}$`));
      const mark = visitor.locator('[data-testid="award-mark"]', { hasText: WORK });
      await mark.waitFor();
      expect(await mark.locator('[data-testid="verified-badge"]').innerText()).toContain(DECISION);
      expect(await scrollWidth(visitor)).toBeLessThanOrEqual(390);
    },
  );

  it(
    'keeps the awards pages free of serious accessibility faults, at phone and desktop width, in both languages',
    { timeout: 180_000 },
    async () => {
      await t.app.seedDemoAwards();
      const found: string[] = [];
      const views = [
        { width: 390, language: 'vi' },
        { width: 1280, language: 'en' },
      ] as const;
      const roles: Array<[string | null, string[]]> = [
        [null, ['/awards', '/awards/honour-roll']],
        ['expert@demo.local', ['/awards/council', '/awards/nominate', '/awards/mine']],
        ['officer@demo.local', ['/awards/secretariat', `/awards/console/${awardId}/${roundId}/1`]],
      ];
      for (const [email, paths] of roles) {
        let page: Page;
        if (email) page = await signedIn(email);
        else {
          await e2e.browser.context.clearCookies();
          page = await e2e.browser.context.newPage();
        }
        for (const path of paths)
          for (const view of views) {
            await page.setViewportSize({ width: view.width, height: 900 });
            if (!page.url().startsWith(base)) await page.goto(`${base}/privacy`);
            await page.evaluate(`localStorage.setItem('hpen-language', '${view.language}')`);
            await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
            await page.locator('main .loading').first().waitFor({ state: 'detached' });
            await page.locator(`html[lang="${view.language}"]`).waitFor();
            await page.evaluate(axeSource);
            const violations = (await page.evaluate(
              `axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } }).then((r) => r.violations)`,
            )) as Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }>;
            found.push(
              ...violations
                .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                .map((v) => `${path} ${view.width}px ${view.language}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
            );
          }
        await page.close();
      }
      expect(found).toEqual([]);
    },
  );
});

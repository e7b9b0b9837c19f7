import { expertProfiles } from '@hpen/db';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, registerAndSignIn } from '../support/auth-flows.js';
import { launchBrowser } from '../support/browser.js';
import { signInThroughForm, startE2eApp, type E2eApp } from '../support/e2e-app.js';
import type { TestApp } from '../support/test-app.js';
import { contentToColumns, emptyDocument } from '../../server/src/modules/profiles/profile-document.js';
import { defaultVisibility } from '../../server/src/modules/profiles/profiles.schemas.js';

let t: TestApp;
let e2e: E2eApp;
let browser: E2eApp['browser'];
let base: string;

beforeAll(async () => {
  e2e = await startE2eApp();
  ({ t, browser, base } = e2e);
});
afterAll(() => e2e?.close());

/** A verified expert (sign-up and verification over the API), signed in through the UI. */
async function signedInExpert(email: string): Promise<Page> {
  await registerAndSignIn(t, email);
  return signInThroughForm(e2e, email, PASSWORD);
}

async function openEditor(page: Page) {
  // On a phone the links are behind the menu button.
  if (await page.isVisible('[data-testid="nav-menu-toggle"]')) await page.click('[data-testid="nav-menu-toggle"]');
  await page.click('[data-testid="nav-my-profile"]');
  await page.waitForURL(`${base}/profile/edit`);
  await page.waitForSelector('[data-testid="completeness-score"]');
}

async function saveSection(page: Page, section: string) {
  await page.click(`[data-testid="save-${section}"]`);
  await page.locator(`#section-${section} [data-testid="profile-saved"]`).waitFor();
}

const score = async (page: Page) => Number.parseInt((await page.textContent('[data-testid="completeness-score"]')) ?? '', 10);

const BIO = 'Nghiên cứu logistics cảng biển và vận tải đa phương thức cho thành phố Hải Phòng.';

describe('an expert editing a profile in the browser', () => {
  it('fills the profile, chooses who sees what, and the public page shows only the public parts', async () => {
    const page = await signedInExpert('pham.thu.huong@example.vn');
    await openEditor(page);
    const before = await score(page);

    await page.fill('input[name="fullName"]', 'Phạm Thị Thu Hương');
    await page.fill('input[name="orcid"]', 'https://orcid.org/0000-0002-1825-0097');
    await page.selectOption('select[name="highestDegree"]', 'TS');
    await saveSection(page, 'identity');
    // The server normalises the pasted ORCID link; the editor shows the saved value.
    await expect.poll(() => page.inputValue('input[name="orcid"]')).toBe('0000-0002-1825-0097');

    await page.fill('input[name="birthYear"]', '1978');
    await saveSection(page, 'personal');

    await page.fill('input[name="contact.phone"]', '+84 912 345 678');
    await page.selectOption('select[name="visibility.contact"]', 'private');
    await saveSection(page, 'contact');

    await page.fill('textarea[name="bio.vi"]', BIO);
    await page.selectOption('select[name="visibility.bio"]', 'public');
    await saveSection(page, 'bio');

    // The picker finds "Khoa học máy tính và thông tin" typed without diacritics.
    await page.fill('input[name="fieldSearch"]', 'khoa hoc may tinh');
    await page.click('[data-testid="field-option"][data-code="102"]');
    await expect.poll(() => page.textContent('[data-testid="chosen-fields"]')).toContain('Khoa học máy tính');
    await saveSection(page, 'expertise');

    await expect.poll(() => score(page)).toBeGreaterThan(before);

    // The preview applies the same visibility rules to the saved profile.
    await page.check('input[name="preview"][value="public"]');
    const preview = page.locator('[data-testid="profile-preview"]');
    await expect.poll(() => preview.innerText()).toContain(BIO);
    expect(await preview.innerText()).not.toContain('912 345 678');
    await page.check('input[name="preview"][value="edit"]');

    const href = await page.getAttribute('[data-testid="view-profile-page"]', 'href');
    expect(href).toMatch(/^\/experts\/[0-9a-f-]{36}$/);
    await page.close();

    // A different browser profile: no cookie, no session, a visitor.
    const visitor = await launchBrowser();
    try {
      const publicPage = await visitor.context.newPage();
      await publicPage.goto(`${base}${href}`);
      await publicPage.waitForSelector('[data-testid="expert-name"]');
      expect(await publicPage.textContent('[data-testid="expert-name"]')).toContain('Phạm Thị Thu Hương');
      expect(await publicPage.textContent('[data-section="bio"]')).toContain(BIO);
      expect(await publicPage.textContent('[data-section="expertise"]')).toContain('Khoa học máy tính và thông tin');
      expect(await publicPage.textContent('[data-section="identity"]')).toContain('Tiến sĩ');
      expect(await publicPage.locator('[data-section="contact"]').count()).toBe(0);
      expect(await publicPage.locator('[data-section="personal"]').count()).toBe(0);
      const text = await publicPage.locator('main').innerText();
      expect(text).not.toContain('912 345 678');
      expect(text).not.toContain('1978');

      await publicPage.goto(`${base}/experts/00000000-0000-4000-8000-000000000000`);
      await publicPage.locator('[data-testid="not-found"]').waitFor();
    } finally {
      await visitor.close();
    }
  }, 90_000);

  it('shows a bad ORCID as a field error in Vietnamese without saving it', async () => {
    const page = await signedInExpert('le.van.nam@example.vn');
    await openEditor(page);
    await page.fill('input[name="orcid"]', '0000-0002-1825-0098'); // wrong check digit
    await page.click('[data-testid="save-identity"]');
    const orcid = page.locator('input[name="orcid"]');
    await expect.poll(() => orcid.getAttribute('aria-invalid')).toBe('true');
    const error = await page.locator('#section-identity .field-error').innerText();
    expect(error).toMatch(/ORCID không hợp lệ/);
    expect(await page.locator('#section-identity [data-testid="profile-saved"]').count()).toBe(0);
    // Focus goes to the field to correct.
    // Page-side expressions are strings here: the tests' TypeScript setup has no DOM types.
    // Focus moves after the errors render: wait for it rather than read it at once.
    await expect.poll(() => page.evaluate('document.activeElement?.getAttribute("name")')).toBe('orcid');
    await page.close();
  });

  it('offers to reload when another tab saved first', async () => {
    const first = await signedInExpert('do.minh.chau@example.vn');
    await openEditor(first);
    const second = await browser.context.newPage();
    await second.goto(`${base}/profile/edit`);
    await second.waitForSelector('[data-testid="completeness-score"]');

    await first.fill('textarea[name="bio.vi"]', BIO);
    await saveSection(first, 'bio');

    await second.fill('input[name="contact.phone"]', '0912 000 111');
    await second.click('[data-testid="save-contact"]');
    await second.locator('#section-contact [data-testid="reload-profile"]').click();
    await expect.poll(() => second.inputValue('textarea[name="bio.vi"]')).toBe(BIO);
    expect(await second.inputValue('input[name="contact.phone"]')).toBe('');
    await first.close();
    await second.close();
  });

  it('fits a 375px phone screen without sideways scrolling', async () => {
    const page = await signedInExpert('vu.thi.mai@example.vn');
    await page.setViewportSize({ width: 375, height: 800 });
    await openEditor(page);
    // Open the wider parts too: an education entry, the field picker, the import panel.
    await page.locator('#section-education button', { hasText: '+' }).click();
    await page.fill('input[name="fieldSearch"]', 'kinh te');
    await page.locator('[data-testid="publications-import"] summary').click();
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(375);
    await page.check('input[name="preview"][value="agencies"]');
    await page.waitForSelector('[data-testid="profile-preview"]');
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(375);
    await page.close();
  });
});

describe('claiming a profile and using data rights in the browser', () => {
  /** A profile a curator created for someone who has no account yet. */
  async function insertUnclaimed(email: string, fullName: string) {
    const content = {
      fullName,
      academicTitle: null,
      highestDegree: 'TS' as const,
      orcid: null,
      birthYear: null,
      gender: null,
      contact: { email, phone: null },
      ...emptyDocument(),
    };
    const [row] = await t.database.db
      .insert(expertProfiles)
      .values({ ...contentToColumns(content), userId: null, visibility: defaultVisibility, createdBy: null })
      .returning();
    return row!;
  }

  it('lists a profile made with my e-mail, mails a link, and the link hands it over', async () => {
    const email = 'ngoc.vu@example.vn';
    const imported = await insertUnclaimed(email, 'Vũ Thị Bích Ngọc');
    const page = await signedInExpert(email);
    await openEditor(page);
    await page.locator('[data-testid="claimable-profile"] button').click();
    await page.locator('[data-testid="claim-sent"]').waitFor();

    const link = /(http\S+\/claim-profile\?token=[A-Za-z0-9_-]+)/.exec(t.mailTo(email).at(-1) ?? '')?.[1];
    expect(link).toBeDefined();
    await page.goto(link!);
    await page.locator('[data-testid="claim-done"]').waitFor();
    await page.click('main a[href="/profile/edit"]');
    await expect.poll(() => page.inputValue('input[name="fullName"]')).toBe('Vũ Thị Bích Ngọc');
    expect(await page.getAttribute('[data-testid="view-profile-page"]', 'href')).toBe(`/experts/${imported.id}`);
    await page.close();
  });

  it('shows the consent history and deletes the account only after the typed confirmation', async () => {
    const page = await signedInExpert('xoa.tai.khoan@example.vn');
    await page.click('#main-nav a[href="/account"]');
    await page.click('[data-testid="account-data-link"]');
    await page.waitForURL(`${base}/account/data`);
    // The sign-up records the registry consent (and the optional ones it ticked), each named in words.
    await expect.poll(() => page.locator('[data-testid="consent-row"]').count()).toBeGreaterThanOrEqual(2);
    const table = await page.locator('[data-testid="consents-table"]').innerText();
    expect(table).toContain('Hồ sơ trong cơ sở dữ liệu trí thức của thành phố');
    expect(table).not.toMatch(/registry_profile|privacy_notice/);

    await page.fill('input[name="confirmation"]', 'xoa');
    await page.click('[data-testid="delete-account"]');
    await page.locator('.danger-zone .field-error').waitFor();
    expect(page.url()).toBe(`${base}/account/data`);

    await page.fill('input[name="confirmation"]', 'XÓA TÀI KHOẢN');
    await page.click('[data-testid="delete-account"]');
    await page.locator('[data-testid="account-deleted"]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.locator('[data-testid="sign-out"]').waitFor({ state: 'detached' });
    await page.goto(`${base}/sign-in`);
    await page.fill('input[name="email"]', 'xoa.tai.khoan@example.vn');
    await page.fill('input[name="password"]', PASSWORD);
    await page.locator('main form button[type="submit"]').click();
    await expect.poll(async () => (await page.locator('[role="alert"]').allInnerTexts()).join(' ')).toMatch(/không đúng/);
    await page.close();
  });
});

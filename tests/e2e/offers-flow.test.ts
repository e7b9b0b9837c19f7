import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughForm, startE2eApp, type E2eApp } from '../support/e2e-app.js';

const DEMO_PASSWORD = 'demo-password-offers';
let e2e: E2eApp;
/** OFFERS_SHOTS=<dir> keeps screenshots of the pages (phone and desktop width) for review. */
const shots = process.env.OFFERS_SHOTS;

beforeAll(async () => {
  e2e = await startE2eApp({ demoPassword: DEMO_PASSWORD, syntheticProfiles: 20 });
  await e2e.t.app.seedDemoPrograms();
  expect(await e2e.t.app.seedDemoOffers()).toBe(true);
}, 120_000);
afterAll(() => e2e?.close());

const scrollWidth = async (page: Page) => Number(await page.evaluate('document.documentElement.scrollWidth'));
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

describe('positions offered and commitments in the browser', () => {
  it(
    'a visitor filters the public list; an expert expresses interest at phone width; an officer sees the commitments',
    { timeout: 120_000 },
    async () => {
      const visitor = await e2e.browser.context.newPage();
      visitor.setDefaultTimeout(15_000);
      await visitor.setViewportSize({ width: 1280, height: 900 });
      await visitor.goto(`${e2e.base}/offers`);
      await visitor.waitForSelector('[data-testid="offer"]');
      expect(await visitor.locator('[data-testid="offer"]').count()).toBe(5); // the draft is not listed
      await shot(visitor, 'offers-1280');
      await visitor.getByLabel(/Từ xa \(/).check();
      await visitor.waitForFunction('document.querySelectorAll(\'[data-testid="offer"]\').length === 1');
      await visitor.close();

      const expert = await signInThroughForm(e2e, 'expert@demo.local', DEMO_PASSWORD);
      expert.setDefaultTimeout(15_000);
      await expert.setViewportSize({ width: 390, height: 800 });
      await expert.goto(`${e2e.base}/offers`);
      await expert.waitForSelector('[data-testid="offer"]');
      expect(await scrollWidth(expert)).toBeLessThanOrEqual(390);
      await shot(expert, 'offers-390');
      await expert.getByRole('link', { name: /dữ liệu và bản đồ số/ }).click();
      await expert.getByLabel('Lời nhắn cho đơn vị (không bắt buộc)').fill('Có thể hỗ trợ từ xa 2 ngày mỗi tuần.');
      await expert.getByTestId('interest').click();
      await expert.waitForSelector('[data-testid="interested"]');
      expect(await scrollWidth(expert)).toBeLessThanOrEqual(390);
      await shot(expert, 'offer-390');
      await expert.goto(`${e2e.base}/offers/mine`);
      await expert.waitForSelector('[data-testid="my-interest"]');
      expect(await expert.locator('[data-testid="my-interest"]').count()).toBe(4);
      expect(await expert.getByTestId('offer-alerts').isChecked()).toBe(true);
      await shot(expert, 'mine-390');
      await expert.close();

      const officer = await signInThroughForm(e2e, 'officer@demo.local', DEMO_PASSWORD);
      officer.setDefaultTimeout(15_000);
      await officer.setViewportSize({ width: 1280, height: 900 });
      await officer.goto(`${e2e.base}/commitments`);
      await officer.waitForSelector('[data-testid="commitment"]');
      const text = await officer.locator('main').innerText();
      expect(text).toContain('Chấm dứt trước hạn');
      expect(text).toContain('Đang thực hiện');
      await shot(officer, 'commitments-1280');
      await officer.close();
    },
  );
});

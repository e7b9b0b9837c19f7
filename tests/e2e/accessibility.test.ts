import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughForm, startE2eApp, type E2eApp } from '../support/e2e-app.js';
import type { TestApp } from '../support/test-app.js';

/**
 * axe-core on every page as each role that can open it. Every page is checked once, and the
 * pages rotate through desktop and phone, Vietnamese and English, so each role meets all four
 * combinations while the run stays within about two minutes. Serious and critical violations fail;
 * label-content-name-mismatch (a control's name must contain its visible text) is switched on too.
 */
// Evaluated through DevTools, which the app's Content-Security-Policy (script-src 'self') does not block.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DEMO_PASSWORD = 'demo-password-for-axe';
let t: TestApp;
let e2e: E2eApp;
let browser: E2eApp['browser'];
let base: string;
let expertId = '';

type Role = 'visitor' | 'expert' | 'agency' | 'officer' | 'curator' | 'admin';
const pages: Record<Role, string[]> = {
  visitor: [
    '/',
    '/experts?q=cang+bien',
    '/experts/:expert',
    '/sign-in',
    '/sign-up',
    '/forgot-password',
    '/privacy',
    '/associations',
    '/no-such-page',
    '/programs',
    '/programs/hp-nq53-2025',
  ],
  expert: [
    '/',
    '/profile/edit',
    '/account',
    '/account/data',
    '/account/memberships',
    '/profile/verification',
    '/programs/mine',
    '/programs/applications',
  ],
  agency: ['/', '/experts?q=kinh+te&degree=TS', '/shortlists', '/experts/:expert'],
  officer: ['/', '/experts', '/programs/officer', '/programs/officer/new'],
  curator: ['/', '/curation', '/curation/verifications', '/curation/memberships', '/curation/imports', '/curation/duplicates'],
  admin: ['/', '/admin/users', '/admin/organisations', '/admin/audit'],
};
const views = [
  { width: 1280, height: 900, language: 'vi' },
  { width: 375, height: 800, language: 'en' },
  { width: 1280, height: 900, language: 'en' },
  { width: 375, height: 800, language: 'vi' },
] as const;

beforeAll(async () => {
  e2e = await startE2eApp({ demoPassword: DEMO_PASSWORD, syntheticProfiles: 30, settleSearch: true });
  ({ t, browser, base } = e2e);
  const search = await t.app.inject({ method: 'GET', url: '/api/experts/search?q=nguyen' });
  expertId = search.json().hits[0].id;
}, 120_000);
afterAll(() => e2e?.close());

async function openAs(role: Role): Promise<Page> {
  if (role !== 'visitor') return signInThroughForm(e2e, `${role}@demo.local`, DEMO_PASSWORD);
  await browser.context.clearCookies();
  return browser.context.newPage();
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** Opens the page as it would be shown, waits for it to settle, and returns axe's serious and critical findings. */
async function check(page: Page, path: string, view: (typeof views)[number]): Promise<string[]> {
  await page.setViewportSize({ width: view.width, height: view.height });
  if (!page.url().startsWith(base)) await page.goto(`${base}/privacy`); // storage belongs to the app's origin
  await page.evaluate(`localStorage.setItem('hpen-language', '${view.language}')`);
  await page.goto(`${base}${path.replace(':expert', expertId)}`, { waitUntil: 'networkidle' });
  // A function, not a string: the app's CSP (script-src 'self') forbids the eval a string predicate needs.
  await page.waitForFunction((language) => {
    const d = (globalThis as unknown as { document: { querySelector(s: string): unknown; documentElement: { lang: string } } }).document;
    return !d.querySelector('main .loading') && d.documentElement.lang === language;
  }, view.language);
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } }).then((r) => r.violations)`,
  )) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${path} ${view.width}px ${view.language}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violation on any page, for any role, on desktop and phone, in both languages', async () => {
    const found: string[] = [];
    let turn = 0;
    for (const role of Object.keys(pages) as Role[]) {
      const page = await openAs(role);
      for (const path of pages[role]) found.push(...(await check(page, path, views[turn++ % views.length]!)).map((v) => `${role} ${v}`));
      await page.close();
    }
    expect(found).toEqual([]);
  }, 180_000);
});

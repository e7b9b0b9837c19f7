import i18next from 'i18next';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fixedT, translator } from '../../web/src/i18n/translator.js';

/**
 * The web app's translator (web/src/i18n/translator.ts) replaced i18next + react-i18next to take 17 kB
 * (gzip) off every first page. It must answer exactly as i18next, configured as the app configured it,
 * did: every key of every message part, in both languages, with values, counts, defaults, missing names
 * and missing keys, compared with i18next itself.
 */
type Part = { vi: object; en: () => Promise<object> };
const parts = vi.hoisted(() => [] as Part[]);
vi.mock('../../web/src/i18n/parts/add-messages.js', () => ({ addMessages: (part: Part) => parts.push(part) }));

// Loaded by path: the message files are web code (bundler module resolution), outside this project's typecheck.
const messagesDir = fileURLToPath(new URL('../../web/src/i18n', import.meta.url));
const partsDir = `${messagesDir}/parts`;
const reference = i18next.createInstance();
const languages = ['vi', 'en'] as const;
type Options = Record<string, unknown>;
const t = (key: string, options?: Options) => (translator.t as unknown as (k: string, o?: Options) => string)(key, options);
const expected = (key: string, options?: Options) => reference.t(key, options as never) as unknown as string;

beforeAll(async () => {
  const { vi: viCore } = (await import(`${messagesDir}/vi.ts`)) as { vi: object };
  const { en } = (await import(`${messagesDir}/en.ts`)) as { en: object };
  for (const file of readdirSync(partsDir).filter((f) => f !== 'add-messages.ts')) await import(`${partsDir}/${file}`);
  // As i18n.ts configured i18next (it kept the objects it was given, hence the copies).
  await reference.init({
    resources: { vi: { translation: structuredClone(viCore) }, en: { translation: structuredClone(en) } },
    lng: 'vi',
    partialBundledLanguages: true,
    fallbackLng: 'vi',
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  translator.addMessages('vi', viCore, false);
  translator.addMessages('en', en, false);
  for (const part of parts) {
    const english = await part.en();
    reference.addResourceBundle('vi', 'translation', part.vi, true, true);
    reference.addResourceBundle('en', 'translation', english, true, true);
    translator.addMessages('vi', part.vi, true);
    translator.addMessages('en', english, true);
  }
});

/** Every key: sentences, groups, and plural sentences' base keys (`x_one` → `x`). */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([name, value]) => {
    const key = `${prefix}${name}`;
    if (typeof value !== 'string') return [key, ...keysOf(value as object, `${key}.`)];
    const plural = /^(.+)_(zero|one|two|few|many|other)$/.exec(key);
    return plural ? [key, plural[1]!] : [key];
  });
}

function namesIn(key: string): string[] {
  const texts = languages.map((lang) => reference.getResource(lang, 'translation', key) as unknown);
  const names = texts.flatMap((text) => (typeof text === 'string' ? [...text.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1]!.trim()) : []));
  return [...new Set(names)];
}

function allKeys(): string[] {
  const trees = languages.map((lang) => reference.getResourceBundle(lang, 'translation') as object);
  return [...new Set(trees.flatMap((tree) => keysOf(tree))), 'does.not.exist', 'errors', 'errors.nothing_here'];
}

describe('web translator (against i18next)', () => {
  it('reads the message parts', () => {
    expect(parts.length).toBeGreaterThan(15);
    expect(allKeys().length).toBeGreaterThan(2000);
  });

  it.each(languages)('translates every key as i18next did, in %s', async (lang) => {
    await reference.changeLanguage(lang);
    translator.changeLanguage(lang);
    const differences: string[] = [];
    for (const key of allKeys()) {
      const names = namesIn(key);
      const values = Object.fromEntries(names.map((name) => [name, `‹${name}›`]));
      const cases: Array<Options | undefined> = [
        undefined,
        values,
        { ...values, count: 0 },
        { ...values, count: 1 },
        { ...values, count: 2 },
        { ...values, count: 21 },
        { defaultValue: 'default {{x}}', x: 7 },
        { ...values, ...(names[0] ? { [names[0]]: undefined } : {}), [names[1] ?? 'other']: null },
      ];
      for (const options of cases) {
        const got = t(key, options);
        const want = expected(key, options);
        if (got !== want) differences.push(`${key} ${JSON.stringify(options)}: ${got} ≠ ${want}`);
      }
      if (translator.exists(key) !== reference.exists(key)) differences.push(`exists ${key}`);
      const entry = translator.getResource(lang, key);
      if (JSON.stringify(entry) !== JSON.stringify(reference.getResource(lang, 'translation', key))) differences.push(`entry ${key}`);
    }
    expect(differences.slice(0, 20)).toEqual([]);
  });

  it('tells listeners of a change of language, and a fixed t keeps its language', () => {
    const heard: string[] = [];
    const stop = translator.onLanguageChanged((lang) => heard.push(lang));
    translator.changeLanguage('en');
    translator.changeLanguage('vi');
    stop();
    translator.changeLanguage('en');
    expect(heard).toEqual(['en', 'vi']);
    const inVietnamese = fixedT('vi') as unknown as (key: string) => string;
    expect(fixedT('vi')).toBe(inVietnamese);
    expect(inVietnamese('app.name')).toBe(expected('app.name', { lng: 'vi' }));
    expect(t('app.name')).not.toBe(inVietnamese('app.name'));
  });
});

import { loadMessageParts } from './parts/add-messages';
import { translator } from './translator';
import { vi, type CoreMessages, type Messages } from './vi';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'hpen-language';

// i18next's types check every t('key') against the Vietnamese messages (translator.ts does the lookup).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export function isLanguage(value: unknown): value is Language {
  return languages.some((l) => l === value);
}

function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode, policies); the default is fine then.
  }
  return 'vi';
}

/** Keeps everything outside React in step with the language: storage, <html lang>, title (zod: zod-messages.ts). */
function applyLanguage(language: string) {
  const lang: Language = isLanguage(language) ? language : 'vi';
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Not remembering the choice is acceptable.
  }
  document.documentElement.lang = lang;
  document.title = translator.t('app.name');
}

/** Vietnamese is built in (the default and the fallback); other languages are a chunk loaded when chosen. */
const loaders: Record<Exclude<Language, 'vi'>, () => Promise<CoreMessages>> = { en: async () => (await import('./en')).en };

async function loadMessages(lang: Language): Promise<CoreMessages> {
  return lang === 'vi' ? vi : loaders[lang]();
}

/** Languages whose core messages are loaded (parts/ may add to a language before its core). */
const loaded = new Set<Language>(['vi']);

/** Switches the language once its messages are there (use this, not translator.changeLanguage). */
export async function changeLanguage(lang: Language) {
  if (!loaded.has(lang)) {
    translator.addMessages(lang, await loadMessages(lang), false);
    loaded.add(lang);
  }
  await loadMessageParts(lang);
  translator.changeLanguage(lang);
}

/** Resolves once the stored language's messages are loaded, so the first render is in that language. */
export async function initI18n() {
  let lng = readStoredLanguage();
  const messages = await loadMessages(lng).catch(() => ((lng = 'vi'), vi));
  loaded.add(lng);
  translator.addMessages('vi', vi, false);
  if (lng !== 'vi') translator.addMessages(lng, messages, false);
  translator.changeLanguage(lng);
  applyLanguage(lng);
  translator.onLanguageChanged(applyLanguage);
}

export function currentLanguage(): Language {
  return isLanguage(translator.language) ? translator.language : 'vi';
}

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadMessageParts } from './parts/add-messages';
import { vi, type CoreMessages, type Messages } from './vi';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'hpen-language';

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
  document.title = i18next.t('app.name');
}

/** Vietnamese is built in (the default and the fallback); other languages are a chunk loaded when chosen. */
const loaders: Record<Exclude<Language, 'vi'>, () => Promise<CoreMessages>> = { en: async () => (await import('./en')).en };

async function loadMessages(lang: Language): Promise<CoreMessages> {
  return lang === 'vi' ? vi : loaders[lang]();
}

/** Languages whose core messages are loaded (parts/ may add to a language before its core). */
const loaded = new Set<Language>(['vi']);

/** Switches the language once its messages are there (use this, not i18next.changeLanguage). */
export async function changeLanguage(lang: Language) {
  if (!loaded.has(lang)) {
    i18next.addResourceBundle(lang, 'translation', await loadMessages(lang), true, false);
    loaded.add(lang);
  }
  await loadMessageParts(lang);
  await i18next.changeLanguage(lang);
}

/** Resolves once the stored language's messages are loaded, so the first render is in that language. */
export async function initI18n() {
  let lng = readStoredLanguage();
  const messages = await loadMessages(lng).catch(() => ((lng = 'vi'), vi));
  loaded.add(lng);
  await i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, [lng]: { translation: messages } },
    lng,
    partialBundledLanguages: true,
    fallbackLng: 'vi',
    supportedLngs: [...languages],
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
    initAsync: false,
  });
  applyLanguage(i18next.language);
  i18next.on('languageChanged', applyLanguage);
  return i18next;
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'vi';
}

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { en } from './en';
import { vi, type Messages } from './vi';

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

/** Keeps everything outside React in step with the language: storage, <html lang>, title, zod. */
function applyLanguage(language: string) {
  const lang: Language = isLanguage(language) ? language : 'vi';
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Not remembering the choice is acceptable.
  }
  document.documentElement.lang = lang;
  document.title = i18next.t('app.name');
  // Fallback messages for any zod issue our own error map does not phrase (see zod-messages.ts).
  z.config(lang === 'vi' ? z.locales.vi() : z.locales.en());
}

export function initI18n() {
  void i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: readStoredLanguage(),
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

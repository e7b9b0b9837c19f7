import { referenceData } from '@hpen/server/contracts';
import type { Language } from '../i18n/i18n';

/**
 * Names for the reference codes a profile stores, in the reader's language. The short lists
 * come from the shared contracts; countries and languages from the browser's ICU data.
 */
type Labelled = { readonly code: string; readonly vi: string; readonly en: string };

function labelOf(list: readonly Labelled[], code: string | null | undefined, language: Language): string {
  if (!code) return '';
  const entry = list.find((item) => item.code === code);
  return entry ? entry[language] : code;
}

export const degreeLabel = (code: string | null | undefined, language: Language) => labelOf(referenceData.degrees, code, language);
export const sectorLabel = (code: string, language: Language) => labelOf(referenceData.prioritySectors, code, language);
/** Provinces and communes (the 2025 map) come from the API: see use-places.ts. */

const displayNames = new Map<string, Intl.DisplayNames>();
function namesFor(language: Language, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${language}:${type}`;
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames([language], { type, fallback: 'code' });
    displayNames.set(key, names);
  }
  return names;
}

export function countryName(code: string | null | undefined, language: Language): string {
  return code ? (namesFor(language, 'region').of(code) ?? code) : '';
}

export function languageName(code: string, language: Language): string {
  return namesFor(language, 'language').of(code) ?? code;
}

export interface Option {
  value: string;
  label: string;
}

const letters = 'abcdefghijklmnopqrstuvwxyz'.split('');
const allPairs = letters.flatMap((a) => letters.map((b) => a + b));
let countryCodes: string[] | undefined;
let languageCodes: string[] | undefined;

const optionCache = new Map<string, Option[]>();
function cached(key: string, build: () => Option[]): Option[] {
  let options = optionCache.get(key);
  if (!options) {
    options = build();
    optionCache.set(key, options);
  }
  return options;
}

/** Every code the shared validators accept, so a choice can never fail the server's check. */
export function countryOptions(language: Language): Option[] {
  return cached(`country:${language}`, () => {
    countryCodes ??= allPairs.map((p) => p.toUpperCase()).filter(referenceData.isCountryCode);
    return sortOptions(
      countryCodes.map((code) => ({ value: code, label: countryName(code, language) })),
      language,
    );
  });
}

export function languageOptions(language: Language): Option[] {
  return cached(`language:${language}`, () => {
    languageCodes ??= allPairs.filter(referenceData.isLanguageCode);
    return sortOptions(
      languageCodes.map((code) => ({ value: code, label: languageName(code, language) })),
      language,
    );
  });
}

function sortOptions(options: Option[], language: Language): Option[] {
  return options.sort((a, b) => a.label.localeCompare(b.label, language));
}

export const degreeOptions = (language: Language): Option[] => referenceData.degrees.map((d) => ({ value: d.code, label: d[language] }));

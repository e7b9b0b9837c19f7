import type { Organisation } from '@hpen/server/contracts';
import type { Language } from '../i18n/i18n';

const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
/** One date format everywhere (i18n/GLOSSARY.md): 02/12/2026 in both languages, as Vietnamese documents write it. */
const DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };

export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // Date first in both languages (vi-VN would put the time first).
  const time = new Intl.DateTimeFormat(locales[language], { hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
  return `${new Intl.DateTimeFormat(locales[language], DATE).format(date)} ${time}`;
}

export function formatDate(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], DATE).format(date);
}

export function organisationName(organisation: Pick<Organisation, 'nameVi' | 'nameEn'>, language: Language): string {
  return language === 'en' && organisation.nameEn ? organisation.nameEn : organisation.nameVi;
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language]).format(value);
}

import type { Organisation } from '@hpen/server/contracts';
import type { Language } from '../i18n/i18n';

const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'long' }).format(date);
}

export function organisationName(organisation: Pick<Organisation, 'nameVi' | 'nameEn'>, language: Language): string {
  return language === 'en' && organisation.nameEn ? organisation.nameEn : organisation.nameVi;
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language]).format(value);
}

import { referenceData } from '@hpen/server/contracts';
import type { Association, VerificationItemType } from '../../api/curation.api';
import type { Language } from '../../i18n/i18n';
import { translator, type TFunction } from '../../i18n/translator';
import { organisationName } from '../../lib/format';
import { countryName, degreeLabel } from '../../lib/reference-labels';

/** A server code under `prefix` in the reader's language, or the fallback when we have no words for it. */
export function codeLabel(t: TFunction, prefix: string, code: string, fallback = code): string {
  const key = `${prefix}.${code}`;
  return translator.exists(key) ? (t(key as never) as string) : fallback;
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export function academicTitleLabel(t: TFunction, code: unknown): string {
  const title = referenceData.academicTitles.find((c) => c === code);
  return title ? t(`profileValues.academicTitle.${title}`) : text(code);
}

/**
 * One line for a verifiable item: the snapshot a request carries, or the profile item itself
 * (both have the same fields).
 */
export function itemSummary(t: TFunction, language: Language, itemType: VerificationItemType, item: Record<string, unknown>): string {
  if (itemType === 'title') return academicTitleLabel(t, item.academicTitle);
  if (itemType === 'degree') {
    const where = [text(item.field), text(item.institution), countryName(text(item.country) || null, language)].filter(Boolean).join(', ');
    return `${degreeLabel(text(item.degree), language)} — ${where}${item.year ? ` (${text(item.year)})` : ''}`;
  }
  const to = item.to === null || item.to === undefined ? t('verification.present') : text(item.to);
  return `${text(item.title)}, ${text(item.organisation)} (${text(item.from)} – ${to})`;
}

/** A snapshot field's value for display: reference codes become names. */
export function snapshotValue(t: TFunction, language: Language, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'degree') return degreeLabel(text(value), language);
  if (key === 'country') return countryName(text(value), language);
  if (key === 'academicTitle') return academicTitleLabel(t, value);
  return text(value) || JSON.stringify(value);
}

/** The verifying body: an association, or the Union when none was chosen. */
export function verifierName(
  t: TFunction,
  language: Language,
  associations: Association[] | undefined,
  associationId: string | null,
  fallback?: string | null,
): string {
  if (!associationId) return t('verification.union');
  const association = associations?.find((a) => a.id === associationId);
  return association ? organisationName(association, language) : (fallback ?? '—');
}

export function ageLabel(t: TFunction, days: number): string {
  return days <= 0 ? t('curation.today') : t('curation.ageDays', { count: days });
}

/** Waiting time as the dashboard buckets it: under a week, up to a month, longer. */
export const ageClass = (days: number) => (days >= 30 ? 'age-old' : days >= 7 ? 'age-mid' : 'age-new');

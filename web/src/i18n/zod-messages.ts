import { z } from 'zod';
import { translator } from './translator';

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

/**
 * Friendlier wording than zod's locale packs for the issues our forms actually raise.
 * Returning undefined falls through to the locale configured with z.config (i18n.ts).
 */
export const formErrorMap: z.core.$ZodErrorMap = (issue: RawIssue) => {
  const t = translator.t;
  const field = issue.path?.[0];
  if (field === 'acceptPrivacy') return t('validation.acceptPrivacy');
  if (issue.input === undefined || issue.input === '' || issue.input === null) {
    // Enums and ids come from <select>s, where "choose" reads better than "fill in".
    const fromSelect = issue.code === 'invalid_value' || (issue.code === 'invalid_format' && issue.format === 'uuid');
    return fromSelect ? t('validation.choose') : t('validation.required');
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return t('validation.tooShort', { min: Number(issue.minimum) });
      if (issue.origin === 'number') return t('validation.numberMin', { min: Number(issue.minimum) });
      return undefined;
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'number') return t('validation.numberMax', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return t('validation.tooMany', { max: Number(issue.maximum) });
      return undefined;
    case 'invalid_type':
      if (issue.expected === 'number') return t('validation.number');
      return undefined;
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      return t('validation.invalid');
    case 'invalid_value':
      return t('validation.choose');
    default:
      return undefined;
  }
};

/**
 * Fallback messages for any zod issue the map above does not phrase, in the current language.
 * Set here rather than in i18n.ts so that zod is loaded only by the pages with forms.
 */
function applyZodLocale(language: string) {
  z.config(language === 'en' ? z.locales.en() : z.locales.vi());
}
applyZodLocale(translator.language);
translator.onLanguageChanged(applyZodLocale);

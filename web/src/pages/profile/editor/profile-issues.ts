import { describeFieldIssue } from '../../../i18n/describe-error';
import type { TFunction } from '../../../i18n/translator';

export interface ProfileIssue {
  path: string;
  code: string;
  message: string;
}

/** Inputs that are <select>s: an empty one reads better as "choose" than "fill in". */
const SELECT_KEYS = new Set([
  'country',
  'degree',
  'level',
  'type',
  'province',
  'kind',
  'district',
  'commune',
  'provinceCommune',
  'honours',
]);

/**
 * The shared schema's own refinements (ORCID check digit, phone digits, from ≤ to…) carry
 * fixed English messages and the generic code `custom`, which outrank zod's error maps.
 * They are recognised here by path, and by the contract's wording where one path has two.
 */
function refinementKey(path: string, message: string): string | null {
  const last = path.split('.').at(-1) ?? '';
  if (path === 'orcid') return 'profileErrors.orcid';
  if (path === 'birthYear') return 'profileErrors.birthYear';
  if (path === 'contact.phone') return 'profileErrors.phone';
  if (path === 'fields') return 'profileErrors.onePrimary';
  if (last === 'doi') return 'profileErrors.doi';
  if (last === 'country') return 'profileErrors.country';
  if (/^languages\.\d+\.code$/.test(path)) return 'profileErrors.language';
  if (/^fields\.\d+\.code$/.test(path)) return 'profileErrors.fieldCode';
  if (message.startsWith('Duplicate')) return 'profileErrors.duplicate';
  if (message.startsWith('"From"')) return 'profileErrors.fromAfterTo';
  if (last === 'year' || last === 'from' || last === 'to') return 'profileErrors.yearFuture';
  return null;
}

/** A sentence in the UI language for a client (zod) or server issue on a profile path. */
export function profileIssueMessage(issue: ProfileIssue, t: TFunction, fromServer: boolean): string {
  if (issue.code === 'unknown_code') return t('profileErrors.unknownField');
  const isRefinement =
    issue.code === 'custom' ||
    (issue.code === 'invalid_format' && issue.path === 'contact.phone') ||
    (issue.code === 'invalid_format' && /\.code$/.test(issue.path));
  if (isRefinement) {
    const key = refinementKey(issue.path, issue.message);
    if (key) return t(key as never) as string;
  }
  const last = issue.path.split('.').at(-1) ?? '';
  if (fromServer) {
    if (SELECT_KEYS.has(last) && issue.code === 'invalid_value') return t('validation.choose');
    return describeFieldIssue(issue.code, issue.message, t);
  }
  if (SELECT_KEYS.has(last) && issue.message === t('validation.required')) return t('validation.choose');
  return issue.message;
}

/** zod paths are arrays; ours are dotted. */
export const dottedPath = (path: ReadonlyArray<PropertyKey>) => path.map(String).join('.');

import { isApiError } from '../api/api-error';
import { translator, type TFunction } from './translator';

/** "2 phút 5 giây" / "2 min 5 s"; rounds to whole seconds. */
export function formatWait(seconds: number, t: TFunction = translator.t): string {
  const whole = Math.max(1, Math.ceil(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  const parts: string[] = [];
  if (minutes > 0) parts.push(t('time.minutes', { count: minutes }));
  if (rest > 0) parts.push(t('time.seconds', { count: rest }));
  return parts.join(t('time.join'));
}

/**
 * Error codes are dotted like our message keys (`auth.email_taken` → errors.auth.email_taken).
 * A code that names a group (`bad_request`) uses the group's `generic` sentence.
 */
function messageForCode(code: string, t: TFunction, values: Record<string, string>): string | null {
  const key = `errors.${code}`;
  const entry: unknown = translator.getResource(translator.language, key);
  if (typeof entry === 'string') return t(key as never, values) as string;
  if (typeof entry === 'object' && entry !== null && 'generic' in entry) return t(`${key}.generic` as never, values) as string;
  return null;
}

/** A sentence for the user, in their language, for anything a request can throw. */
export function describeError(error: unknown, t: TFunction = translator.t): string {
  if (!isApiError(error)) return t('errors.unknown');
  const time = error.retryAfter === null ? '' : formatWait(error.retryAfter, t);
  if ((error.code === 'rate_limited' || error.code === 'auth.too_many_attempts') && !time) {
    return t('errors.rate_limited_soon');
  }
  const known = messageForCode(error.code, t, { time });
  if (known) return known;
  if (error.status >= 500) return t('errors.internal_error');
  return t('errors.unknown');
}

/** A per-field sentence for a server field issue; zod issue codes are the usual vocabulary. */
export function describeFieldIssue(code: string, serverMessage: string, t: TFunction = translator.t): string {
  const key = `fieldErrors.${code}`;
  const entry: unknown = translator.getResource(translator.language, key);
  return typeof entry === 'string' ? (t(key as never) as string) : serverMessage;
}

import type { PasswordStrengthResponse } from '@hpen/server/contracts';
import { useState } from 'react';
import { checkPasswordStrength } from '../api/auth.api';
import { useTranslation } from '../i18n/use-translation';
import { useDebouncedEffect } from '../lib/use-debounced-effect';

interface Props {
  password: string;
  email?: string | undefined;
  fullName?: string | undefined;
}

/**
 * The password hint with a strength reading. The server estimates it (zxcvbn-ts with its
 * dictionaries), so none of that weight reaches the browser; asked only after typing pauses.
 */
export function PasswordHint({ password, email, fullName }: Props) {
  const { t } = useTranslation();
  const [result, setResult] = useState<{ password: string; strength: PasswordStrengthResponse } | null>(null);
  useDebouncedEffect(password, 400, (value) => {
    if (value.length < 10) return;
    checkPasswordStrength({ password: value, ...(email ? { email } : {}), ...(fullName ? { fullName } : {}) })
      .then((strength) => setResult({ password: value, strength }))
      .catch(() => setResult(null));
  });
  // A reading for an older value would mislead while the new one is on its way.
  const strength = result && result.password === password && password.length >= 10 ? result.strength : null;
  const level = strength ? (strength.acceptable ? (strength.score >= 3 ? 'strong' : 'fair') : 'weak') : null;
  return (
    <>
      {t('hints.password')}
      {level ? (
        <span className={`password-strength password-strength-${level}`} data-testid="password-strength" aria-live="polite">
          <meter min={0} max={4} low={2} high={3} optimum={4} value={strength?.score ?? 0} aria-hidden="true" />{' '}
          {t(`passwordStrength.${level}`)}
        </span>
      ) : null}
    </>
  );
}

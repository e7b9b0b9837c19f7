import { mfaSignInBodySchema } from '@hpen/server/contracts';
import { useMutation } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error';
import { completeMfaSignIn } from '../../api/mfa.api';
import { TextField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import { useTranslation } from '../../i18n/use-translation';

/** The second sign-in step: a code from the authenticator app, or one recovery code. */
export function MfaStep({ mfaToken, onRestart }: { mfaToken: string; onRestart: () => void }) {
  const { t } = useTranslation();
  const form = useZodForm(mfaSignInBodySchema, { mfaToken, code: '' });
  const mutation = useMutation({ mutationFn: completeMfaSignIn, onError: (error) => form.applyError(error) });
  // A used-up or expired challenge cannot be retried: only a new password step helps.
  const restart = isApiError(mutation.error) && mutation.error.code === 'mfa.challenge_invalid';

  return (
    <form onSubmit={form.handleSubmit((data) => mutation.mutate(data))} noValidate className="form" data-testid="mfa-step">
      <p>{t('signInMfa.mfaIntro')}</p>
      <FormMessage kind="error">{form.formError}</FormMessage>
      <TextField
        {...form.field('code')}
        label={t('signInMfa.mfaCode')}
        hint={t('signInMfa.mfaHint')}
        autoComplete="one-time-code"
        inputMode="text"
        autoFocus
        required
      />
      <p className="form-actions">
        <SubmitButton pending={mutation.isPending} disabled={restart}>
          {t('signInMfa.mfaSubmit')}
        </SubmitButton>
        <button type="button" className="button-secondary" onClick={onRestart}>
          {t('signInMfa.mfaRestart')}
        </button>
      </p>
    </form>
  );
}

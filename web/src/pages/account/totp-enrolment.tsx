import { useMutation } from '@tanstack/react-query';
import { enableTotp, setupTotp } from '../../api/mfa.api';
import { TextField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';
import { TotpQrCode } from './totp-qr-code';

/** Scan (or type) the secret, then prove it with a first code; the server answers the recovery codes. */
export function TotpEnrolment({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const setup = useMutation({ mutationFn: setupTotp });
  const form = useZodForm(async () => (await import('./account-schemas')).totpEnableBodySchema, { code: '' });
  const enable = useMutation({
    mutationFn: (code: string) => enableTotp(code),
    onError: (error) => form.applyError(error),
    onSuccess: (result) => onEnabled(result.recoveryCodes),
  });

  if (!setup.data) {
    return (
      <div>
        <FormMessage kind="error">{setup.isError ? describeError(setup.error, t) : null}</FormMessage>
        <button type="button" className="button-primary" disabled={setup.isPending} onClick={() => setup.mutate()} data-testid="totp-start">
          {t('security.start')}
        </button>
      </div>
    );
  }
  return (
    <div className="totp-enrolment">
      <ol className="steps">
        <li>{t('security.step1')}</li>
        <li>
          {t('security.step2')}
          <TotpQrCode value={setup.data.otpauthUrl} />
          <p className="muted">
            {t('security.manualKey')} <code data-testid="totp-secret">{setup.data.secret}</code>
          </p>
        </li>
        <li>{t('security.step3')}</li>
      </ol>
      <form onSubmit={form.handleSubmit((data) => enable.mutate(data.code))} noValidate className="form">
        <FormMessage kind="error">{form.formError}</FormMessage>
        <TextField {...form.field('code')} label={t('security.code')} autoComplete="one-time-code" inputMode="numeric" required />
        <SubmitButton pending={enable.isPending}>{t('security.enable')}</SubmitButton>
      </form>
    </div>
  );
}

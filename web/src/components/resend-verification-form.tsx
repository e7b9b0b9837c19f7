import { emailBodySchema } from '@hpen/server/contracts';
import { useMutation } from '@tanstack/react-query';
import { resendVerification } from '../api/auth.api';
import { TextField } from '../forms/fields';
import { FormMessage, SubmitButton } from '../forms/form-parts';
import { useZodForm } from '../forms/use-zod-form';
import '../i18n/parts/auth';
import { useTranslation } from '../i18n/use-translation';

/** For expired or lost verification links. The answer never reveals whether the address exists. */
export function ResendVerificationForm() {
  const { t } = useTranslation();
  const form = useZodForm(emailBodySchema, { email: '' });
  const mutation = useMutation({
    mutationFn: (body: { email: string }) => resendVerification(body.email),
    onError: form.applyError,
  });
  return (
    <form onSubmit={form.handleSubmit((data) => mutation.mutate(data))} noValidate className="form form-secondary">
      <h2>{t('verify.resendTitle')}</h2>
      <p>{t('verify.resendIntro')}</p>
      <FormMessage kind="error">{form.formError}</FormMessage>
      <FormMessage kind="success">{mutation.isSuccess ? t('signIn.resendDone') : null}</FormMessage>
      <TextField {...form.field('email')} type="email" label={t('fields.email')} autoComplete="email" inputMode="email" required />
      <SubmitButton pending={mutation.isPending} className="button-secondary">
        {t('verify.resendSubmit')}
      </SubmitButton>
    </form>
  );
}

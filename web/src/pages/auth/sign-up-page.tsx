import { signUpBodySchema } from '@hpen/server/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/api-error';
import { signUp } from '../../api/auth.api';
import { AuthPanel } from '../../components/auth-panel';
import { PrivacyNoticeText } from '../../components/privacy-notice';
import { CheckboxField, PasswordField, TextField } from '../../forms/fields';
import { PasswordHint } from '../../forms/password-hint';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import { useTranslation } from '../../i18n/use-translation';
import { useLanguage } from '../../lib/use-language';
import '../../i18n/parts/auth';

export function SignUpPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  // Optional purposes, never pre-ticked (Decree 356/2025): each is its own consent record.
  const [publish, setPublish] = useState(false);
  const [share, setShare] = useState(false);
  const form = useZodForm(
    signUpBodySchema,
    { email: '', password: '', fullName: '', acceptPrivacy: false },
    // Sign up in the language the visitor is reading: e-mails will follow it.
    { prepare: (values) => ({ ...values, locale: language }) },
  );
  const mutation = useMutation({
    mutationFn: signUp,
    onError: (error) => {
      form.applyError(error);
      if (isApiError(error) && error.code === 'auth.email_taken') {
        form.setErrors({ email: t('errors.auth.email_taken') });
      }
    },
  });

  if (mutation.isSuccess) {
    return (
      <AuthPanel title={t('signUp.doneTitle')}>
        <FormMessage kind="success" testId="sign-up-done">
          {t('signUp.doneBody', { email: mutation.data.user.email })}
        </FormMessage>
        <p>
          <Link to="/sign-in">{t('nav.signIn')}</Link>
        </p>
      </AuthPanel>
    );
  }

  return (
    <AuthPanel title={t('signUp.title')} intro={t('signUp.intro')}>
      <form
        onSubmit={form.handleSubmit((data) =>
          mutation.mutate({
            ...data,
            consents: [...(publish ? (['public_profile'] as const) : []), ...(share ? (['share_with_agencies'] as const) : [])],
          }),
        )}
        noValidate
        className="form"
      >
        <FormMessage kind="error">{form.formError}</FormMessage>
        <TextField {...form.field('fullName')} label={t('fields.fullName')} hint={t('hints.fullName')} autoComplete="name" required />
        <TextField {...form.field('email')} type="email" label={t('fields.email')} autoComplete="email" inputMode="email" required />
        <PasswordField
          {...form.field('password')}
          label={t('fields.password')}
          hint={<PasswordHint password={form.values.password} email={form.values.email} fullName={form.values.fullName} />}
          autoComplete="new-password"
          required
        />
        <details className="privacy-details">
          <summary>{t('signUp.privacyTitle')}</summary>
          <PrivacyNoticeText />
        </details>
        <CheckboxField {...form.checkbox('acceptPrivacy')} label={t('fields.acceptPrivacy')} required />
        <CheckboxField
          name="consentPublish"
          checked={publish}
          onChange={(e) => setPublish(e.target.checked)}
          label={t('fields.consentPublicProfile')}
        />
        <CheckboxField
          name="consentShare"
          checked={share}
          onChange={(e) => setShare(e.target.checked)}
          label={t('fields.consentShareAgencies')}
        />
        <SubmitButton pending={mutation.isPending}>{t('signUp.submit')}</SubmitButton>
      </form>
      <p className="form-footer">
        {t('signUp.haveAccount')} <Link to="/sign-in">{t('nav.signIn')}</Link>
      </p>
    </AuthPanel>
  );
}

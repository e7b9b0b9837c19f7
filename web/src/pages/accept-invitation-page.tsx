import { acceptInvitationBodySchema } from '@hpen/server/contracts';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { acceptInvitation } from '../api/auth.api';
import { AuthPanel } from '../components/auth-panel';
import { PasswordField, TextField } from '../forms/fields';
import { PasswordHint } from '../forms/password-hint';
import { FormMessage, SubmitButton } from '../forms/form-parts';
import { useZodForm } from '../forms/use-zod-form';
import { useTokenParam } from '../lib/use-token-param';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const token = useTokenParam();
  const form = useZodForm(
    acceptInvitationBodySchema,
    { fullName: '', password: '' },
    // An empty name means "keep the one the administrator typed", which the API spells as absent.
    { prepare: (values) => ({ token, password: values.password, fullName: values.fullName.trim() || undefined }) },
  );
  const mutation = useMutation({ mutationFn: acceptInvitation, onError: form.applyError });

  if (token === null) {
    return (
      <AuthPanel title={t('invitation.title')}>
        <FormMessage kind="error">{t('invitation.missingToken')}</FormMessage>
      </AuthPanel>
    );
  }

  if (mutation.isSuccess) {
    return (
      <AuthPanel title={t('invitation.title')}>
        <FormMessage kind="success" testId="invitation-done">
          {t('invitation.done')}
        </FormMessage>
        <p>
          <Link className="button-primary" to="/sign-in">
            {t('nav.signIn')}
          </Link>
        </p>
      </AuthPanel>
    );
  }

  return (
    <AuthPanel title={t('invitation.title')} intro={t('invitation.intro')}>
      <form onSubmit={form.handleSubmit((data) => mutation.mutate(data))} noValidate className="form">
        <FormMessage kind="error">{form.formError}</FormMessage>
        <TextField
          {...form.field('fullName')}
          label={
            <>
              {t('fields.fullName')} <span className="muted">{t('fields.optional')}</span>
            </>
          }
          hint={t('hints.invitationFullName')}
          autoComplete="name"
        />
        <PasswordField
          {...form.field('password')}
          label={t('fields.password')}
          hint={<PasswordHint password={form.values.password} fullName={form.values.fullName} />}
          autoComplete="new-password"
          required
        />
        <SubmitButton pending={mutation.isPending}>{t('invitation.submit')}</SubmitButton>
      </form>
    </AuthPanel>
  );
}

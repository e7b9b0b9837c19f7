import { acceptInvitationBodySchema } from '@hpen/server/contracts';
import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { acceptInvitation } from '../../api/auth.api';
import { PasswordField, TextField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { PasswordHint } from '../../forms/password-hint';
import { useZodForm } from '../../forms/use-zod-form';
import { useTranslation } from '../../i18n/use-translation';
import { TokenPage } from './token-page';
import '../../i18n/parts/auth';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const mutation = useMutation({ mutationFn: acceptInvitation });
  return (
    <TokenPage
      title={t('invitation.title')}
      intro={t('invitation.intro')}
      missingToken={t('invitation.missingToken')}
      done={
        mutation.isSuccess
          ? { testId: 'invitation-done', message: t('invitation.done'), linkTo: '/sign-in', linkLabel: t('nav.signIn') }
          : null
      }
    >
      {(token) => <InvitationForm token={token} mutation={mutation} />}
    </TokenPage>
  );
}

function InvitationForm({
  token,
  mutation,
}: {
  token: string;
  mutation: UseMutationResult<unknown, Error, Parameters<typeof acceptInvitation>[0]>;
}) {
  const { t } = useTranslation();
  const form = useZodForm(
    acceptInvitationBodySchema,
    { fullName: '', password: '' },
    // An empty name means "keep the one the administrator typed", which the API spells as absent.
    { prepare: (values) => ({ token, password: values.password, fullName: values.fullName.trim() || undefined }) },
  );
  return (
    <form onSubmit={form.handleSubmit((data) => mutation.mutate(data, { onError: form.applyError }))} noValidate className="form">
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
  );
}

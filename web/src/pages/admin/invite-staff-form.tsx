import { inviteStaffBodySchema, staffRoleSchema } from '@hpen/server/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error';
import { inviteStaff } from '../../api/admin.api';
import { useOrganisationOptions } from '../../components/use-organisations';
import { SelectField, TextField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import { useTranslation } from '../../i18n/use-translation';

const empty = { email: '', fullName: '', role: '', organisationId: '' };

export function InviteStaffForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { options: organisationOptions } = useOrganisationOptions();
  const form = useZodForm(inviteStaffBodySchema, empty);
  const mutation = useMutation({
    mutationFn: inviteStaff,
    onError: (error) => {
      form.applyError(error);
      if (isApiError(error) && error.code === 'auth.email_taken') form.setErrors({ email: t('errors.auth.email_taken') });
    },
    onSuccess: () => {
      form.reset();
      return queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
    },
  });

  return (
    <section className="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('adminUsers.inviteTitle')}</h2>
      <p className="muted">{t('adminUsers.inviteIntro')}</p>
      <form
        onSubmit={form.handleSubmit((data) => {
          mutation.reset();
          mutation.mutate(data);
        })}
        noValidate
        className="form form-grid"
        data-testid="invite-form"
      >
        <FormMessage kind="error">{form.formError}</FormMessage>
        <FormMessage kind="success">{mutation.isSuccess ? t('adminUsers.invited', { email: mutation.data.email }) : null}</FormMessage>
        <TextField {...form.field('fullName')} label={t('fields.fullName')} autoComplete="off" required />
        <TextField {...form.field('email')} type="email" label={t('fields.email')} autoComplete="off" inputMode="email" required />
        <SelectField
          {...form.field('role')}
          label={t('fields.role')}
          placeholder={t('adminUsers.chooseRole')}
          options={staffRoleSchema.options.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          required
        />
        <SelectField
          {...form.field('organisationId')}
          label={t('fields.organisation')}
          placeholder={t('adminUsers.chooseOrganisation')}
          options={organisationOptions}
          required
        />
        <div className="form-actions">
          <SubmitButton pending={mutation.isPending}>{t('adminUsers.inviteSubmit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

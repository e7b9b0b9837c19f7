import { roleSchema, updateUserBodySchema, type AdminUser, type UpdateUserBody } from '@hpen/server/contracts';
import { useMutation } from '@tanstack/react-query';
import { updateUser } from '../../api/admin.api';
import { useOrganisationOptions } from '../../components/use-organisations';
import { SelectField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import { useTranslation } from '../../i18n/use-translation';

interface Props {
  user: AdminUser;
  onDone: (updated: AdminUser | null) => void;
}

/** Sends only what changed, so an untouched field can never trip a rule it did not concern. */
function diff(user: AdminUser, values: { role: string; organisationId: string; status: string }) {
  const body: Record<string, unknown> = {};
  if (values.role !== user.role) body.role = values.role;
  if (values.organisationId !== (user.organisation?.id ?? '')) body.organisationId = values.organisationId || null;
  if (values.status && values.status !== user.status) body.status = values.status;
  return body;
}

export function UserEditor({ user, onDone }: Props) {
  const { t } = useTranslation();
  const { options: organisationOptions } = useOrganisationOptions();
  const initial = {
    role: user.role as string,
    organisationId: user.organisation?.id ?? '',
    // "invited" is not a status an admin can set; leaving it blank keeps it.
    status: user.status === 'invited' ? '' : (user.status as string),
  };
  const form = useZodForm(updateUserBodySchema, initial, { prepare: (values) => diff(user, values) });
  const mutation = useMutation({
    mutationFn: (body: UpdateUserBody) => updateUser(user.id, body),
    onError: form.applyError,
    onSuccess: (updated) => onDone(updated),
  });

  const submit = form.handleSubmit((body) => mutation.mutate(body));

  return (
    <form
      className="form form-grid user-editor"
      noValidate
      aria-label={t('adminUsers.editTitle', { name: user.fullName })}
      onSubmit={(event) => {
        if (Object.keys(diff(user, form.values)).length === 0) {
          event.preventDefault();
          onDone(null); // nothing changed: just close
          return;
        }
        submit(event);
      }}
    >
      <FormMessage kind="error">{form.formError}</FormMessage>
      <SelectField
        {...form.field('role')}
        label={t('fields.role')}
        options={roleSchema.options.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      />
      <SelectField
        {...form.field('organisationId')}
        label={t('fields.organisation')}
        placeholder={t('adminUsers.noOrganisation')}
        options={organisationOptions}
      />
      <SelectField
        {...form.field('status')}
        label={t('fields.status')}
        placeholder={user.status === 'invited' ? t('statuses.invited') : undefined}
        options={(['active', 'disabled'] as const).map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
      />
      <div className="form-actions">
        <SubmitButton pending={mutation.isPending}>{t('adminUsers.save')}</SubmitButton>
        <button type="button" className="button-ghost" onClick={() => onDone(null)}>
          {t('adminUsers.cancel')}
        </button>
      </div>
    </form>
  );
}

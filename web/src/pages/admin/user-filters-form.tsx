import { roleSchema, userStatusSchema } from '@hpen/server/contracts';
import { useState, type FormEvent } from 'react';
import { useOrganisationOptions } from '../../components/use-organisations';
import { SelectField, TextField } from '../../forms/fields';
import { useTranslation } from '../../i18n/use-translation';
import type { UserFilters } from './user-filters';

interface Draft {
  q: string;
  role: string;
  status: string;
  organisationId: string;
}

function toDraft(filters: UserFilters): Draft {
  return { q: filters.q ?? '', role: filters.role ?? '', status: filters.status ?? '', organisationId: filters.organisationId ?? '' };
}

/** Edits a draft and applies it on submit, so typing a name does not fire a request per key. */
export function UserFiltersForm({ filters, onApply }: { filters: UserFilters; onApply: (filters: UserFilters) => void }) {
  const { t } = useTranslation();
  const { options: organisationOptions } = useOrganisationOptions();
  const [draft, setDraft] = useState<Draft>(() => toDraft(filters));
  const bind = (name: keyof Draft) => ({
    name,
    value: draft[name],
    onChange: (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: event.target.value })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const role = roleSchema.safeParse(draft.role);
    const status = userStatusSchema.safeParse(draft.status);
    onApply({
      q: draft.q.trim() || undefined,
      role: role.success ? role.data : undefined,
      status: status.success ? status.data : undefined,
      organisationId: draft.organisationId || undefined,
    });
  };

  const clear = () => {
    setDraft(toDraft({}));
    onApply({});
  };

  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={t('adminUsers.filtersTitle')}>
      <TextField {...bind('q')} type="search" label={t('fields.search')} />
      <SelectField
        {...bind('role')}
        label={t('fields.role')}
        placeholder={t('adminUsers.anyRole')}
        options={roleSchema.options.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      />
      <SelectField
        {...bind('status')}
        label={t('fields.status')}
        placeholder={t('adminUsers.anyStatus')}
        options={userStatusSchema.options.map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
      />
      <SelectField
        {...bind('organisationId')}
        label={t('fields.organisation')}
        placeholder={t('adminUsers.anyOrganisation')}
        options={organisationOptions}
      />
      <div className="filters-actions">
        <button type="submit" className="button-primary">
          {t('adminUsers.apply')}
        </button>
        <button type="button" className="button-ghost" onClick={clear}>
          {t('adminUsers.clear')}
        </button>
      </div>
    </form>
  );
}
